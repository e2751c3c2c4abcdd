"""Markdown link targets: the brackets and the ``(url "title")`` of ``[text](url)``; the text stays.

What it removes:
    In every block that is kept, the markup of a Markdown link (``[``, and
    ``](https://example.com/report "Go to the report")``), so the link reads
    as its text; a link with no text (``[](url)``) goes whole. A target whose
    link opened in an earlier block (a card whose text has a blank line in
    it, ``[Title\\n\\nTeaser ...](url)``) goes too.
What it keeps:
    The link's text, wherever the link sits: it is what the reader of the
    page sees. Brackets that are not a link ("[sic]", "[1]").
Why:
    A scrape in Markdown (markdownify, html2text, crawl4ai) writes every
    link with its address, and the address is not words of the page: before
    this rule the bodies of plaintext-wild's 314 markdownify article pages
    held 5,088 link targets, each a run of tokens ("https", "forum", "php",
    "profile", "440") that no reader of the page sees. The address stays in
    the input, and each removal in ``explain()``. Taking them out: word F1
    of markdownify 0.732 -> 0.770, html2text 0.710 -> 0.750 (tuning part).
Examples:
    remove: "[full report](https://example.com/report)", which reads "full report"
    keep: "the figures were [sic] correct"
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule
from cleanbody.text.normalize import MARKDOWN_TARGET

# The text may hold an image (``[![logo](/l.png) Acme](/)``: media.image takes the image) and be
# wrapped over lines; it holds no other bracket, so a match from a ``[`` stops at the next one.
_LINK = regex.compile(rf"\[(?:[^\[\]]|!\[[^\[\]]*\]{MARKDOWN_TARGET})*\](?P<target>{MARKDOWN_TARGET})")
# A target whose ``[`` is not in this block.
_CLOSE = regex.compile(rf"\]{MARKDOWN_TARGET}")
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
# A link that starts in a block may end in one of the next lines of its paragraph (html2text wraps a
# long link over lines the segmenter keeps apart, as lines of a list), not past a blank line; and
# no further than this. The longest link on plaintext-wild is about 900 characters (a wrapped image
# link's two targets).
_LINK_REACH = 3000


def _closes(text: str, start: int, end: int) -> Iterator[Finding]:
    for close in _CLOSE.finditer(text, start, end):
        yield Finding(close.start(), close.end(), "Markdown link target, its link opened earlier")


def _targets(text: str, block: Block) -> Iterator[Finding]:
    reach = min(len(text), block.end + _LINK_REACH)
    taken = block.start
    pos = text.find("[", block.start, block.end)
    while pos >= 0:
        # ``![alt](src)`` is an image, media.image's to take.
        m = None if pos > 0 and text[pos - 1] == "!" else _LINK.match(text, pos, reach)
        # A match is as long as its link, so looking in it for a blank line costs no more than the match.
        if m is None or (m.end() > block.end and _BLANK_LINE.search(text, block.end, m.end())):
            pos = text.find("[", pos + 1, block.end)
            continue
        yield from _closes(text, taken, pos)
        taken = m.end()
        if not text[pos + 1 : m.start("target") - 1].strip():
            yield Finding(pos, m.end(), "Markdown link with no text")
        else:
            yield Finding(pos, pos + 1, "Markdown link bracket (the link's text stays)")
            yield Finding(m.start("target") - 1, m.end(), "Markdown link target (the link's text stays)")
        pos = text.find("[", m.end(), block.end)
    if taken < block.end:
        yield from _closes(text, taken, block.end)


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if "[" not in ctx.text[block.start : block.end] and "](" not in ctx.text[block.start : block.end]:
        return ()
    return tuple(_targets(ctx.text, block))


RULE = Rule(
    rule_id="markup.link-target",
    strength=Strength.CERTAIN,
    detect=detect,
    # Links are in every clean Markdown article: they do not show page chrome.
    shows_chrome=False,
    reach="everywhere",
)
