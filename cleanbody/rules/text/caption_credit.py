"""Photo captions with a credit, and bare credit lines.

What it removes:
    A caption ending in a credit, "Home Secretary James Cleverly (James
    Manning/PA)"; captions led or closed by a credit label ("Photo: John
    Locher, AP", "... Photograph by Robyn Beck/AFP/Getty Images"); a credit
    on its own ("Getty Images", "Image credit: Reuters"). The caption and its
    credit are kept in ``result.captions``.
What it keeps:
    Prose that cites an agency ("the AP reported on Monday that ..."), long
    paragraphs, and parentheses that are not credits ("(see below)").
Why:
    Captions sit between paragraphs in a scrape, often twice (alt text and
    figcaption), and interrupt the article.
Examples:
    remove: "Home Secretary James Cleverly (James Manning/PA)"
    remove: "Photo: John Locher, AP"
    keep: "The agency said the photographs, taken by AP staff, were genuine."
"""

from __future__ import annotations

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._captions import CAPTION_MAX_WORDS, block_caption


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    caption = block_caption(block, ctx)
    if caption is None:
        return ()
    reason = f"caption credited to '{caption.credit}'" if caption.credit else "caption"
    strength = Strength.LIKELY if caption.credit is None else None
    harvest = (caption,) if caption.text else ()
    return (block_finding(block, reason, strength=strength, harvest=harvest),)


RULE = Rule(
    rule_id="caption.credit",
    strength=Strength.CERTAIN,
    detect=detect,
    reach="near",
    max_words=CAPTION_MAX_WORDS,
)
