"""Lines repeated within the document.

What it removes:
    Copies of a block that occurs more than once (a caption given as alt
    text and again as figcaption, a headline repeated in a share box, a menu
    repeated in the footer). The copy kept is the first one in the main
    text, else the first one.
What it keeps:
    The kept copy, and short repeats inside the article (the same
    subheading under each section, a product name): there only copies of
    six words or more go (a pull quote, a standfirst given again, an alt
    text). The rule needs no distances between copies, so cleaning a clean
    body removes nothing more.
Why:
    A reader never needs the same line twice; scrapes repeat lines because
    pages render one text in several widgets.
Examples:
    remove: the second "Home Secretary James Cleverly (James Manning/PA)"
    keep: the first copy of a paragraph that appears twice
"""

from __future__ import annotations

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

#: Inside the main text, shorter repeats are structure (a subheading under
#: each section, a product name), not copies.
_MIN_COPY_WORDS = 6


def _key(block: Block) -> str:
    """Case and spacing do not make a copy different."""
    return " ".join(block.text.casefold().split())


def _kept_copy(ctx: DocContext) -> tuple[int, ...]:
    """For each block, the index of the copy of its text that is kept."""
    chosen: dict[str, int] = {}
    keys = [_key(b) for b in ctx.blocks]
    for i, key in enumerate(keys):
        if not key:
            continue
        current = chosen.get(key)
        if current is None or (ctx.in_main(i) and not ctx.in_main(current)):
            chosen[key] = i
    return tuple(chosen.get(k, i) for i, k in enumerate(keys))


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    kept = ctx.memo("dup.repeated-line", lambda: _kept_copy(ctx))[block.index]
    if kept == block.index or (ctx.in_main(block.index) and ctx.stats[block.index].words < _MIN_COPY_WORDS):
        return ()
    return (block_finding(block, f"repeats block {kept + 1}"),)


RULE = Rule(
    rule_id="dup.repeated-line",
    strength=Strength.CERTAIN,
    detect=detect,
    needs_main=True,
)
