"""Decide which findings become removals.

A certain finding is removed as found. A likely one needs support from
context: the block is outside the main text, or it is not prose and sits
next to other non-prose or to a block a certain finding takes (a lone
short line between two paragraphs is a subheading until proven
otherwise). ``favor="precision"`` needs no support; ``favor="recall"``
never removes prose on a likely finding. The result is independent of the
order rules run in: overlapping findings are resolved by position, then
strength, then rule id.

Safety valve: if the removals would take out most of the main text's prose,
the guess is more likely wrong than the page is mostly noise, so only
certain findings are kept and a note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from cleanbody.config import Favor
from cleanbody.document import Candidate, DocContext, Harvest, Strength
from cleanbody.model import Removal

_RANK = {Strength.CERTAIN: 0, Strength.LIKELY: 1}
_MIN_PROSE_KEPT = 0.25


@dataclass(frozen=True, slots=True)
class Decision:
    """The removals, in order and disjoint; what the removed spans told
    about the page; and the notes the decision adds."""

    removals: tuple[Removal, ...]
    harvest: tuple[Harvest, ...]
    notes: tuple[str, ...]


def _chrome(ctx: DocContext, i: int, certain: frozenset[int]) -> bool:
    return 0 <= i < len(ctx.stats) and (not ctx.stats[i].prose or i in certain)


def _tail(ctx: DocContext, candidates: Sequence[Candidate]) -> int:
    """On the HTML path, where the whole extracted text is the main text:
    the first block after the article's last clean paragraph (a prose
    block no rule found anything in). Sign-up copy and credits pile up
    there, so a likely finding past it has the support of its position."""
    if ctx.page is None:
        return len(ctx.blocks)
    flagged = {c.block for c in candidates}
    last = max((i for i, s in enumerate(ctx.stats) if s.prose and i not in flagged), default=len(ctx.blocks) - 1)
    return last + 1


def _supported(c: Candidate, ctx: DocContext, favor: Favor, certain: frozenset[int], tail: int) -> bool:
    if c.strength is Strength.CERTAIN or favor == "precision":
        return True
    i = c.block
    prose = ctx.stats[i].prose
    if favor == "recall" and prose:
        return False
    if not ctx.in_main(i) or i >= tail:
        return True
    return not prose and (_chrome(ctx, i - 1, certain) or _chrome(ctx, i + 1, certain))


def certain_blocks(ctx: DocContext, candidates: Sequence[Candidate]) -> frozenset[int]:
    """Blocks wholly taken by a certain finding: chrome, whatever their shape."""
    return frozenset(
        c.block
        for c in candidates
        if c.strength is Strength.CERTAIN and c.start <= ctx.blocks[c.block].start and c.end >= ctx.blocks[c.block].end
    )


def _to_removals(text: str, accepted: list[Candidate]) -> list[Removal]:
    """Non-overlapping removals, earliest and widest first."""
    # One stable sort per key, last key first: the same order as one sort on
    # the key tuple, without a tuple per candidate (a page of one-letter
    # lines has several candidates a line, and the tuples were its peak).
    ordered = sorted(accepted, key=attrgetter("rule_id"))
    ordered.sort(key=lambda c: _RANK[c.strength])
    ordered.sort(key=lambda c: -c.end)
    ordered.sort(key=attrgetter("start"))
    removals: list[Removal] = []
    covered = 0
    for c in ordered:
        start = max(c.start, covered)
        end = c.end
        if end <= start:
            continue
        removals.append(Removal(c.rule_id, c.reason, text[start:end], start, end))
        covered = end
    return removals


def text_spans(removals: Sequence[Removal]) -> list[tuple[int, int]]:
    """``(start, end)`` of the removals made in the working text (DOM-stage
    removals have no offsets)."""
    return [(r.start, r.end) for r in removals if r.start is not None and r.end is not None]


def _prose_kept(ctx: DocContext, removals: list[Removal]) -> float:
    """Share of the main text's prose characters that survive *removals*."""
    if ctx.main is None:
        return 1.0
    blocks = [b for b in ctx.blocks[ctx.main[0] : ctx.main[1] + 1] if ctx.stats[b.index].prose]
    total = sum(b.end - b.start for b in blocks)
    if total == 0:
        return 1.0
    spans = text_spans(removals)
    lost = 0
    i = 0  # removals are sorted and disjoint, blocks sorted: one sweep
    for b in blocks:
        while i < len(spans) and spans[i][1] <= b.start:
            i += 1
        j = i
        while j < len(spans) and spans[j][0] < b.end:
            lost += min(b.end, spans[j][1]) - max(b.start, spans[j][0])
            j += 1
    return 1 - lost / total


def decide(ctx: DocContext, candidates: Sequence[Candidate], favor: Favor) -> Decision:
    """Which candidates become removals, by the policy above."""
    certain = certain_blocks(ctx, candidates)
    tail = _tail(ctx, candidates)
    accepted = [c for c in candidates if _supported(c, ctx, favor, certain, tail)]
    removals = _to_removals(ctx.text, accepted)
    notes: tuple[str, ...] = ()
    if _prose_kept(ctx, removals) < _MIN_PROSE_KEPT:
        accepted = [c for c in candidates if c.strength is Strength.CERTAIN]
        removals = _to_removals(ctx.text, accepted)
        notes = ("likely findings would have removed most of the main text; kept only certain ones",)
    harvesting = sorted((c for c in accepted if c.harvest), key=lambda c: (c.start, c.rule_id))
    harvest = tuple(item for c in harvesting for item in c.harvest)
    return Decision(tuple(removals), harvest, notes)
