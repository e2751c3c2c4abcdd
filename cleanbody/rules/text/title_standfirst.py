"""The standfirst: the summary line the page shows under its headline.

What it removes:
    On HTML pages, a line among the first few of the extracted text that is
    the page's own standfirst: the ``<h2>`` right after the ``<h1>``, or an
    element named ``dek``, ``sub-head``, ``subtitle``, ``standfirst`` or
    ``summary`` ("There are more devices, platforms and services to choose
    from than ever before. Here's how to figure out what's best for you.").
What it keeps:
    Plain text, where nothing marks a standfirst apart from a first
    paragraph; on HTML, a first paragraph that only repeats the meta
    description (many pages use their first paragraph as the description).
Why:
    The standfirst is display copy written for the page's header; article
    bodies start after it.
Examples:
    remove: "Twenty teams have punched tickets for next summer's tournament" (an ``<h2 class="article-subline">``)
    keep: "The council voted on Tuesday to rebuild the bridge." (a first ``<p>``, even when it is the description)
"""

from __future__ import annotations

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import is_page_text

_LOOKBACK = 4
_MAX_WORDS = 80


def find_standfirst(ctx: DocContext) -> int | None:
    """Index of the first top block the page marks as its standfirst; one
    per page, since a second such line is the article's own lead."""
    if ctx.page is None or not ctx.page.standfirsts:
        return None
    for block in ctx.blocks[:_LOOKBACK]:
        if ctx.stats[block.index].words <= _MAX_WORDS and is_page_text(block.text, ctx.page.standfirsts):
            return block.index
    return None


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if ctx.page is None or block.index != ctx.memo("title.standfirst", lambda: find_standfirst(ctx)):
        return ()
    return (block_finding(block, "standfirst under the headline (the page marks it as one)"),)


RULE = Rule(
    rule_id="title.standfirst",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
    reach="near",
)
