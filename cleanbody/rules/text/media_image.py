"""Markdown images: ``![alt](src)``, and the link around one (``[![alt](src)](href)``).

What it removes:
    Every image of a Markdown scrape, wherever it sits: a line of its own, a
    list item of a listing's cards, the middle of a paragraph. A line left
    with nothing but bullets and marks goes whole.
What it keeps:
    The text beside an image, and ordinary links (``[text](url)``): their text
    is the page's words.
Why:
    An image is not words of the page; its alt text and file name are
    read by nobody who sees the page, yet in a scrape they weigh as text
    (html2text and markdownify keep every image, with its target). An alt
    text that reads like a caption (three words or more) goes to
    ``captions``, so nothing it says is lost.
Examples:
    remove: "![A flooded street in the city centre](https://example.com/img/flood.jpg)"
    remove: "* [![Product photo](/img/p1.jpg)](/products/p1)"
    keep: "Read the [full report](https://example.com/report) before Friday."
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanbody.document import BULLET_AND_MARKS, Block, CaptionFound, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.text.normalize import MARKDOWN_IMAGE

#: Alt texts of fewer words are labels ("logo", "photo 3"), not captions.
_CAPTION_MIN_WORDS = 3


def _caption(alt: str) -> tuple[CaptionFound, ...]:
    alt = " ".join(alt.split())
    return (CaptionFound(alt, None),) if len(alt.split()) >= _CAPTION_MIN_WORDS else ()


def _images(text: str, block: Block) -> Iterator[Finding]:
    """The images in *block*'s lines (a wrapped paragraph's lines are one run of the text)."""
    for m in MARKDOWN_IMAGE.finditer(text, block.start, block.end):
        yield Finding(m.start(), m.end(), "Markdown image", harvest=_caption(m.group("alt")))


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if "![" not in ctx.text[block.start : block.end]:
        return ()
    found = tuple(_images(ctx.text, block))
    if found and not block.text.strip(BULLET_AND_MARKS + "*+"):
        harvest = tuple(h for f in found for h in f.harvest)
        return (block_finding(block, "Markdown image and nothing else", harvest=harvest),)
    return found


RULE = Rule(
    rule_id="media.image",
    strength=Strength.CERTAIN,
    detect=detect,
    # A clean Markdown article has images too: they do not show page chrome.
    shows_chrome=False,
    reach="everywhere",
)
