"""Image titles and alt texts next to a caption.

What it removes:
    A short title-like line beside a credited caption ("Migrant Channel
    crossing" above "A group of people ... (Gareth Fuller/PA)"), and an alt
    text that the next caption repeats ("Jose Mourinho has agreed a deal"
    before "Image: Jose Mourinho has agreed a deal").
What it keeps:
    Short lines with no caption beside them (subheadings), and lines that
    end like sentences.
Why:
    Galleries and figures carry a title and an alt text besides the caption;
    in a scrape they form a small cluster around it.
Examples:
    remove: "Migrant Channel crossing" (followed by a credited caption)
    keep: "Migrant Channel crossing" (between two paragraphs, no caption near)
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanbody.model import Block, Finding, Strength
from cleanbody.rules._base import DocContext, Rule, block_finding
from cleanbody.rules.caption_credit import split_caption

_MAX_TITLE_WORDS = 8
_MAX_ALT_WORDS = 40
_SENTENCE_END = regex.compile(r"[.!?]\W{0,2}$")


def _credited(block: Block | None) -> bool:
    if block is None or len(block.text) > 700:
        return False
    caption = split_caption(block.text)
    return caption is not None and caption.credit is not None


def detect(block: Block, ctx: DocContext) -> Iterator[Finding]:
    words = ctx.stats[block.index].words
    if words > _MAX_ALT_WORDS or split_caption(block.text) is not None:
        return
    before, after = ctx.neighbour(block.index, -1), ctx.neighbour(block.index, 1)
    for other in (after, before):
        if other is not None and len(block.text) >= 12 and block.text in other.text and split_caption(other.text):
            yield block_finding(block, "alt text repeated by the caption beside it")
            return
    if words <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(block.text) and (_credited(after) or _credited(before)):
        yield block_finding(block, "image title beside a credited caption")


RULE = Rule(
    rule_id="caption.image-title",
    strength=Strength.LIKELY,
    summary="image titles and alt texts next to a caption",
    doc=__doc__ or "",
    detect=detect,
)
