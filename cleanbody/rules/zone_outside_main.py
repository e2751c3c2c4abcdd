"""Everything before and after the main text.

What it removes:
    Blocks outside the stretch of dense prose that holds the article (see
    ``cleanbody._analyze``): menus, teaser lists, footers, sidebars, and
    prose far from the article (comment threads, "about us" boxes). Prose
    blocks out there are likely findings, so ``favor="recall"`` keeps them.
What it keeps:
    Everything inside the main text, and everything when the document has
    no prose at all (then nothing marks where an article would be).
Why:
    In a naive scrape most noise sits before or after the article; the
    article is the one long run of sentences.
Examples:
    remove: "Must Read Bits & Bytes" (after the last paragraph, among teasers)
    keep: a short line between two paragraphs of the article
"""

from __future__ import annotations

from cleanbody.model import Block, Finding, Strength
from cleanbody.rules._base import DocContext, Rule, block_finding


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if ctx.main is None or ctx.in_main(block.index):
        return ()
    where = "before" if block.index < ctx.main[0] else "after"
    if ctx.stats[block.index].prose:
        reason = f"prose {where} the main text, cut off from it by page chrome"
        return (block_finding(block, reason, strength=Strength.LIKELY),)
    return (block_finding(block, f"{where} the main text"),)


RULE = Rule(
    rule_id="zone.outside-main",
    strength=Strength.CERTAIN,
    summary="blocks before and after the main run of prose",
    doc=__doc__ or "",
    detect=detect,
    needs_main=True,
)
