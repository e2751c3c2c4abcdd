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

import regex

from cleanbody._dates import find_date
from cleanbody.model import Block, Finding, Strength
from cleanbody.rules._base import DocContext, Rule, block_finding

_NAME_WORD = r"(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|di|del|la|le|bin|al)"
_NAME = rf"[\p{{Lu}}][\p{{L}}'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_LEAD = (
    r"(?:(?:posted|written|words|story|reporting|report|text|article|published|compiled|edited)\s+)?by"
    r"|von|par|por|di|door|av|autor(?:in)?:|author:|authors:"
)
_BYLINE = regex.compile(
    rf"""^\W*(?:{_LEAD})\s+(?P<names>{_NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*{_NAME})*)
        (?P<rest>\s*(?:[,|•·–—-]|\bon\b|\bat\b|\bfor\b|\bin\b|\bupdated\b|\bpublished\b|$).*)$""",
    regex.VERBOSE,
)
_LEAD_CI = regex.compile(rf"^\W*(?:{_LEAD})\s", regex.IGNORECASE)
_SPLIT = regex.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
# "By Amira Haddad, Science Editor": a job title is not an author.
_ROLES = frozenset(
    "editor editors correspondent correspondents reporter reporters writer writers staff contributor "
    "contributors columnist producer producers analyst critic photographer chief senior associate deputy "
    "managing political science business sports health technology tech news desk bureau team agency "
    "redakteur redakteurin korrespondent correspondant rédaction redacción".split()
)
_MAX_WORDS = 24


def _authors(names: str) -> list[str]:
    out = []
    for name in _SPLIT.split(names):
        name = name.strip(" .")
        if 1 <= len(name.split()) <= 5 and _ROLES.isdisjoint(name.lower().split()):
            out.append(name.title() if name.isupper() else name)
    return out


def parse_byline(text: str) -> tuple[list[str], str | None] | None:
    """Authors and date of a byline, or None if *text* is not one."""
    lead = _LEAD_CI.match(text)
    if not lead:
        return None
    # The lead word may be any case ("BY", "Posted by"); names must be capitalised.
    m = _BYLINE.match(text[: lead.start()] + "by" + text[lead.end() - 1 :])
    if not m:
        return None
    rest = m.group("rest")
    if rest.strip().endswith(".") and not find_date(rest) and len(rest.split()) > 3:
        return None
    return _authors(m.group("names")), find_date(rest)


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    parsed = parse_byline(block.text)
    if parsed is None:
        return ()
    authors, date = parsed
    harvest = tuple(("author", a) for a in authors) + ((("date", date),) if date else ())
    return (block_finding(block, f"byline naming {', '.join(authors) or 'the author'}", harvest=harvest),)


RULE = Rule(
    rule_id="byline.author",
    strength=Strength.CERTAIN,
    summary="'By ...' lines naming the authors (moved to metadata)",
    doc=__doc__ or "",
    detect=detect,
    reach="near",
    max_words=_MAX_WORDS,
)
