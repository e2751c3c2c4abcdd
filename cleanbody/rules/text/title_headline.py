"""The headline: the title-like line just before the article.

What it removes:
    The nearest headline-shaped line before the main text ("Cleverly touts
    partnership to sever small boats supply chain"), skipping captions,
    bylines and datelines between it and the first paragraph. It becomes
    ``metadata.title``; when the page's first line is the headline plus a
    site name ("... secret message - SlashGear"), the site name goes to
    ``metadata.sitename``.
    On HTML pages, the top line when it matches the page's ``<title>``,
    ``og:title`` or ``<h1>``.
What it keeps:
    Documents that start with prose have no headline to take; a line ending
    in a full stop is a sentence, not a headline. Plain text with no page
    chrome at all keeps its top line: the main text is then the whole
    document, and a clean body may open with a heading of its own.
Why:
    Scrapes put the headline above the body; callers want it as a field, and
    the body without it.
Examples:
    remove: "Cleverly touts partnership to sever small boats supply chain" (above the first paragraph)
    keep: "The UK and France will lead a new customs partnership." (the first paragraph)
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Harvest, Sitename, Strength, Title
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._bylines import is_dateline, parse_byline
from cleanbody.rules._captions import split_caption
from cleanbody.rules._shapes import is_page_text
from cleanbody.text.normalize import markdown_plain

_MIN_WORDS = 3
_MAX_WORDS = 30
_LOOKBACK = 8
_SITE_SEPARATOR = regex.compile(r"^\s*(?:[-|–—:•·»]|::)\s*(?P<site>.{1,60}?)\s*$")
_ENDS_SENTENCE = regex.compile(r"[.:;,]\W{0,2}$")
_ATX_H1 = regex.compile(r"#[ \t]+\S")


def _headline_shaped(ctx: DocContext, block: Block) -> bool:
    stats = ctx.stats[block.index]
    return _MIN_WORDS <= stats.words <= _MAX_WORDS and not _ENDS_SENTENCE.search(block.text)


def _skippable(ctx: DocContext, block: Block) -> bool:
    text = block.text
    return (
        ctx.stats[block.index].words < _MIN_WORDS
        or split_caption(text) is not None
        or parse_byline(text) is not None
        or is_dateline(text)
    )


def _extracted_title(ctx: DocContext, titles: tuple[str, ...]) -> tuple[int, str | None] | None:
    """On the HTML path the headline is a top line the page itself names as
    its title; shape alone is not enough, since the text starts at the
    article."""
    for block in ctx.blocks[:_LOOKBACK]:
        if ctx.stats[block.index].words > _MAX_WORDS:
            return None
        if is_page_text(block.text, titles):
            return block.index, None
        if not _skippable(ctx, block):
            return None
    return None


def _markdown_headline(ctx: DocContext, last: int) -> int | None:
    """The first level-1 ATX heading (``# Title``) up to block *last*: in a Markdown scrape it
    is the page's ``<h1>``, the headline in three of five WCXB pages (measured on the Markdown
    renderings of plaintext-wild, where the line above the main text was it in one of a hundred)."""
    for block in ctx.blocks[: last + 1]:
        if _ATX_H1.match(ctx.text, block.start, block.end) and 0 < ctx.stats[block.index].words <= _MAX_WORDS:
            return block.index
    return None


def find_title(ctx: DocContext) -> tuple[int, str | None] | None:
    """Index of the headline block and the site name, if the page shows one."""
    if ctx.page is not None:
        return _extracted_title(ctx, ctx.page.titles)
    if ctx.main is None or ctx.main[0] == 0:
        return None
    heading = _markdown_headline(ctx, ctx.main[1])
    if heading is not None:
        return heading, None
    first = ctx.main[0]
    for i in range(first - 1, max(-1, first - 1 - _LOOKBACK), -1):
        block = ctx.blocks[i]
        if _skippable(ctx, block):
            continue
        if not _headline_shaped(ctx, block):
            return None
        return i, _sitename(ctx, block)
    return None


def _sitename(ctx: DocContext, title: Block) -> str | None:
    top = ctx.blocks[0].text
    if title.index == 0 or not top.startswith(title.text):
        return None
    m = _SITE_SEPARATOR.match(top[len(title.text) :])
    return m.group("site") if m and len(m.group("site").split()) <= 5 else None


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    found = ctx.memo("title.headline", lambda: find_title(ctx))
    if found is None or found[0] != block.index:
        return ()
    harvest: tuple[Harvest, ...] = (Title(markdown_plain(block.text)),)
    if found[1]:
        harvest += (Sitename(found[1]),)
    return (block_finding(block, "headline above the article (moved to metadata)", harvest=harvest),)


RULE = Rule(
    rule_id="title.headline",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
    needs_main=True,
    # A Markdown page's ``# Title`` can sit above a long run of chrome.
    reach="everywhere",
)
