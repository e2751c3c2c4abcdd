"""Lists of links: teaser headlines and "related" lists that trafilatura kept.

What it removes:
    On HTML pages, runs of two or more consecutive lines that are each the
    whole text of one link ("Dave Matthews Band takes over Rock Hall Fan
    Vote", "- Pats place Olszewski on IR"): related stories, most-read
    lists, tag clouds.
What it keeps:
    A single linked line (a source the article cites); lines with text
    beside the link; plain text, where links are not known; every line of
    a page that declares no type or is a documentation page, a listing or a
    collection, where runs of links are the index or the items.
Why:
    Article sentences are not links from end to end; a run of lines that
    each are a link is navigation to other pages.
Examples:
    remove: "Who will make the Rock Hall in 2020?" (a link, followed by two more)
    keep: "The band unveiled its plans on Monday night in Nashville." (no link)
"""

from __future__ import annotations

from cleanbody.document import BULLET_AND_MARKS, Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

_MIN_RUN = 2
_CERTAIN_RUN = 3
_MAX_WORDS = 40
_MIN_PREFIX_WORDS = 3
_MAX_PREFIX_WORDS = 15
_PREFIX_SHARE = 0.3


def _is_link(ctx: DocContext, index: int) -> bool:
    """The line is a link, or starts with one that is most of it (a teaser
    headline followed by its one-line summary)."""
    if ctx.page is None or ctx.stats[index].words > _MAX_WORDS:
        return False
    text = ctx.blocks[index].text.strip(BULLET_AND_MARKS)
    if text in ctx.page.links:
        return " " in text  # a one-word link is a menu entry (nav.menu) or a name in a list
    words = text.split()
    for n in range(_MIN_PREFIX_WORDS, min(len(words), _MAX_PREFIX_WORDS) + 1):
        head = " ".join(words[:n])
        if head in ctx.page.links and len(head) >= _PREFIX_SHARE * len(text):
            return True
    return False


def _runs(ctx: DocContext) -> dict[int, int]:
    """Block index -> length of the run of link lines it belongs to."""
    lengths: dict[int, int] = {}
    run: list[int] = []
    for block in (*ctx.blocks, None):
        if block is not None and _is_link(ctx, block.index):
            run.append(block.index)
            continue
        if len(run) >= _MIN_RUN:
            lengths.update(dict.fromkeys(run, len(run)))
        run = []
    return lengths


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if ctx.page is None or not ctx.page.links:
        return ()
    length = ctx.fact("nav.link-list", lambda: _runs(ctx)).get(block.index)
    if length is None:
        return ()
    strength = None if length >= _CERTAIN_RUN else Strength.LIKELY
    return (block_finding(block, f"one of {length} lines in a row that are each a link", strength=strength),)


RULE = Rule(
    rule_id="nav.link-list",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
    reach="everywhere",
    # On WCXB's tuning part, turning the rule off on these pages moved documentation 0.876 -> 0.887 and
    # collection 0.580 -> 0.589, articles of no declared type 0.9411 -> 0.9415 (all pages 0.8172 -> 0.8184).
    not_on=frozenset((None, "documentation", "listing", "collection")),
)
