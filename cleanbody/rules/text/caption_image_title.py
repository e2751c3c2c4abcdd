"""Image titles and alt texts next to a caption.

What it removes:
    A short title-like line just above a credited caption ("Migrant Channel
    crossing" above "A group of people ... (Gareth Fuller/PA)"), and an alt
    text that a caption beside it repeats ("Jose Mourinho has agreed a deal"
    before "Image: Jose Mourinho has agreed a deal").
What it keeps:
    Short lines with no caption right below them (a subheading after a
    photo), and lines that end like sentences.
Why:
    Galleries and figures carry a title and an alt text besides the caption;
    in a scrape they form a small cluster around it.
Examples:
    remove: "Migrant Channel crossing" (followed by a credited caption)
    keep: "Migrant Channel crossing" (between two paragraphs, no caption near)
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._captions import block_caption

_MAX_TITLE_WORDS = 8
_MAX_ALT_WORDS = 40
_SENTENCE_END = regex.compile(r"[.!?]\W{0,2}$")


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.stats[block.index].words
    if block_caption(block, ctx) is not None:
        return ()
    for step in (1, -1):
        other = ctx.neighbour(block.index, step)
        caption = block_caption(other, ctx) if other is not None else None
        if caption is None or other is None:
            continue
        if len(block.text) >= 12 and block.text in other.text:
            return (block_finding(block, "alt text repeated by the caption beside it"),)
        if step == 1 and caption.credit and words <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(block.text):
            return (block_finding(block, "image title above a credited caption"),)
    return ()


RULE = Rule(
    rule_id="caption.image-title",
    strength=Strength.LIKELY,
    detect=detect,
    max_words=_MAX_ALT_WORDS,
)
