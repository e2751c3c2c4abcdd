"""Bylines: "By ..." lines that name the authors, moved to metadata.

What it removes:
    "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", "Posted by
    Michael David Smith on November 19, 2019, 6:21 AM EST", "Written by Jane
    Doe | Staff writer". The names go to ``metadata.authors``, a date on the
    same line to ``metadata.date``.
What it keeps:
    Sentences that start with "By" ("By Monday the river had risen."),
    long lines, and lines whose words after "By" are not names.
Why:
    The byline is about the article, not part of it; readers of the body
    (and the benchmark annotators) leave it out, metadata keeps it.
Examples:
    remove: "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"
    remove: "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST"
    keep: "By Monday the river had risen two metres."
"""

from __future__ import annotations

from cleanbody.document import Author, Block, Date, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._bylines import parse_byline

_MAX_WORDS = 24


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    parsed = parse_byline(block.text)
    if parsed is None:
        return ()
    authors, date = parsed
    harvest = (*map(Author, authors), *((Date(date),) if date else ()))
    return (block_finding(block, f"byline naming {', '.join(authors) or 'the author'}", harvest=harvest),)


RULE = Rule(
    rule_id="byline.author",
    strength=Strength.CERTAIN,
    detect=detect,
    reach="near",
    max_words=_MAX_WORDS,
)
