"""Navigation menus: runs of short labels.

What it removes:
    A run of consecutive short labels ("Tech", "Cars", "Gaming", "Science",
    "Job Listings") of at least three outside the main text, or at least
    five inside it.
What it keeps:
    On HTML pages, runs whose labels are nearly all not links (a recipe's
    ingredients, a spec sheet). A single short line (a subheading), short list items that end like
    sentences, and short runs inside the article (a three-item list).
    On plain text where no rule is certain of any page chrome (a clean
    body), every run: there they are the article's lists and tables. Every
    run on a page that declares itself a listing or a collection: there
    they are its items.
Why:
    A page's menus flatten to one label per line; no paragraph of an
    article looks like that, but a short list in one can, hence the higher
    bar inside the main text.
Examples:
    remove: "Tech\\nCars\\nGaming\\nEntertainment\\nScience" (each a line)
    keep: "Ingredients" (one heading between paragraphs)
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

_MAX_LABEL_WORDS = 4
_RUN_OUTSIDE = 3
_RUN_INSIDE = 5
_SENTENCE_END = regex.compile(r"[.!?。！？]\W{0,2}$")


def _is_label(ctx: DocContext, index: int) -> bool:
    stats = ctx.stats[index]
    return 0 < stats.words <= _MAX_LABEL_WORDS and not _SENTENCE_END.search(ctx.blocks[index].text)


def _runs(ctx: DocContext) -> tuple[int, ...]:
    """For each block, the length of the run of labels it belongs to (0 if none)."""
    lengths = [0] * len(ctx.blocks)
    i = 0
    while i < len(ctx.blocks):
        if not _is_label(ctx, i):
            i += 1
            continue
        j = i
        while j < len(ctx.blocks) and _is_label(ctx, j):
            j += 1
        if _linked(ctx, i, j):
            for k in range(i, j):
                lengths[k] = j - i
        i = j
    return tuple(lengths)


def _linked(ctx: DocContext, first: int, end: int) -> bool:
    """On HTML, whether a third or more of the run's labels are links: a
    menu links to pages (its counters and headings may not), a list in the
    article (ingredients, specs) does not."""
    if ctx.page is None:
        return True
    links = sum(ctx.page.is_link(ctx.blocks[k].text) for k in range(first, end))
    return 3 * links >= end - first


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    run = ctx.fact("nav.menu", lambda: _runs(ctx))[block.index]
    if run >= (_RUN_INSIDE if ctx.in_main(block.index) else _RUN_OUTSIDE):
        return (block_finding(block, f"one of {run} short labels in a row (menu)"),)
    return ()


RULE = Rule(
    rule_id="nav.menu",
    strength=Strength.LIKELY,
    detect=detect,
    max_words=_MAX_LABEL_WORDS,
    needs_main=True,
    needs_chrome=True,
    # A listing's or collection's short item names read like menu labels (measured with nav.link-list's not_on).
    not_on=frozenset(("listing", "collection")),
)
