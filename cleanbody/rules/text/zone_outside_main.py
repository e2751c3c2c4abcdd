"""Everything before and after the main text.

What it removes:
    Blocks outside the stretch of dense prose that holds the article (see
    ``cleanbody._analyze``): menus, teaser lists, footers, sidebars, and
    prose far from the article (comment threads, "about us" boxes). Prose
    blocks out there are likely findings, so ``favor="recall"`` keeps them.
    Far from the article, a run of chrome blocks is one removal; near it,
    each block is its own, so a byline's or caption's own reason shows.
What it keeps:
    Everything inside the main text, and everything when the document has
    no prose at all (then nothing marks where an article would be) or when
    no rule is certain of any page chrome in it: a clean body (cleanbody's
    own output, a press release) is all main text, tables and lists too.
Why:
    In a naive scrape most noise sits before or after the article; the
    article is the one long run of sentences. Content that is not one
    article (a how-to's short sections, a thread's posts) has no run that
    long, and then only menus and labels, not sentences, separate its parts.
Examples:
    remove: "Must Read Bits & Bytes" (after the last paragraph, among teasers)
    keep: a short line between two paragraphs of the article
"""

from __future__ import annotations

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    i = block.index
    if ctx.main is None or ctx.in_main(i):
        return ()
    where = "before" if i < ctx.main[0] else "after"
    if ctx.stats[i].prose:
        reason = f"prose {where} the main text, cut off from it by page chrome"
        return (block_finding(block, reason, strength=Strength.LIKELY),)
    if ctx.near(i):
        return (block_finding(block, f"{where} the main text"),)
    runs = ctx.memo("zone.outside-main", lambda: _far_chrome_runs(ctx))
    if i not in runs:
        return ()  # inside a run: covered by the finding made at its start
    last = runs[i]
    count = f" ({last - i + 1} blocks)" if last > i else ""
    return (Finding(block.start, ctx.blocks[last].end, f"{where} the main text{count}"),)


def _far_chrome_runs(ctx: DocContext) -> dict[int, int]:
    """First -> last block index of each run of non-prose blocks far from the main text."""
    runs: dict[int, int] = {}
    start = None
    for i, stats in enumerate(ctx.stats):
        if not stats.prose and not ctx.in_main(i) and not ctx.near(i):
            if start is None:
                start = i
            runs[start] = i
        else:
            start = None
    return runs


RULE = Rule(
    rule_id="zone.outside-main",
    strength=Strength.CERTAIN,
    detect=detect,
    needs_main=True,
    needs_chrome=True,
    reach="everywhere",
)
