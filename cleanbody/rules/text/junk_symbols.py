"""Lines with no letters or digits: separators, bullets, icon glyphs.

What it removes:
    "☰", "|", "‹ › ×", "•", "* * *".
What it keeps:
    Any line with a letter or digit (a table cell "42" is judged by context),
    lines of code punctuation ("}", "});", "[]"): in a code listing they
    close what the lines above opened; and a Markdown table's delimiter row
    ("|---|---|") or code fence ("```"), which make the lines around them a
    table or code.
Why:
    Without words there is nothing to read; these are glyphs of widgets.
Examples:
    remove: "‹ › ×"
    keep: "42"
    keep: "});"
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.text.normalize import MARKDOWN_FENCES, MARKDOWN_TABLE_RULE

_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")
_CODE = regex.compile(r"[{}\[\]();=]")


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    text = block.text
    if (
        len(text) < 200
        and not _WORDLIKE.search(text)
        and not _CODE.search(text)
        # A Markdown table's delimiter row or a code fence: the structure of the table or code around it.
        and not MARKDOWN_TABLE_RULE.fullmatch(text.strip())
        and not text.lstrip().startswith(MARKDOWN_FENCES)
    ):
        return (block_finding(block, "no letters or digits"),)
    return ()


RULE = Rule(
    rule_id="junk.symbols",
    strength=Strength.CERTAIN,
    detect=detect,
    # Counted as chrome it made clean bodies look like scrapes, so the shape rules ran on their lists:
    # plaintext-wild 0.5757 -> 0.5768 without it, the plain-text dev split unchanged.
    shows_chrome=False,
)
