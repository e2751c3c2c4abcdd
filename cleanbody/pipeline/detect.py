"""Run the schedule: every rule of a phase on its blocks, the main text
located in between, and the clock watched throughout.

When the deadline passes, the rules stop where they are and only the certain
findings made so far count: a likely one may lack the context that would
have kept its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from cleanbody.document import Candidate, Deadline, DocContext, Strength
from cleanbody.pipeline.decide import certain_blocks
from cleanbody.pipeline.plan import Phase, chrome_scan, opening, plan
from cleanbody.text.analyze import comment_marks, main_span, markdown_structure

if TYPE_CHECKING:
    from cleanbody.rules import Rule

#: Blocks between two looks at the clock.
_CLOCK_EVERY = 64


@dataclass(frozen=True, slots=True)
class Detection:
    """The context with its main text located, what the rules found, and
    whether the deadline cut them short (then only certain findings are kept)."""

    ctx: DocContext
    candidates: tuple[Candidate, ...]
    cut_short: bool = False


class _OutOfTime(Exception):
    """The deadline passed between two blocks; caught by the phase's runner."""


def _findings(ctx: DocContext, phase: Phase, deadline: Deadline) -> Iterator[Candidate]:
    """What the phase's rules find in its blocks, lazily (a caller may stop at the first)."""
    gated = sorted(phase.rules, key=lambda r: -r.max_words)
    # A rule words its reason from what it measured, so the same reason comes
    # again on every line of a long run: keep one copy of each.
    reasons: dict[str, str] = {}
    for n, block in enumerate(phase.blocks):
        if n % _CLOCK_EVERY == 0 and deadline.passed():
            raise _OutOfTime
        words = ctx.stats[block.index].words
        for rule in gated:
            if words > rule.max_words:
                break
            for finding in rule.detect(block, ctx):
                yield Candidate(
                    rule.rule_id,
                    finding.strength or rule.strength,
                    block.index,
                    finding.start,
                    finding.end,
                    reasons.setdefault(finding.reason, finding.reason),
                    finding.harvest,
                )


def _run(ctx: DocContext, phases: Iterable[Phase], deadline: Deadline) -> tuple[list[Candidate], bool]:
    """Every finding of *phases*, in order, and whether the deadline stopped them."""
    found: list[Candidate] = []
    try:
        for phase in phases:
            found.extend(_findings(ctx, phase, deadline))  # keeps what came before an _OutOfTime
    except _OutOfTime:
        return found, True
    return found, False


class _Scan(NamedTuple):
    shows_chrome: bool
    #: What the scan found before its first certain finding (every finding, when it has none).
    found: list[Candidate]
    late: bool


def _scan_chrome(ctx: DocContext, rules: Sequence[Rule], found: list[Candidate], deadline: Deadline) -> _Scan:
    """Whether a rule is certain that something in the document is page chrome
    (a certain finding of a rule whose ``shows_chrome`` is False does not count)."""
    quiet = frozenset(r.rule_id for r in rules if not r.shows_chrome)

    def shows(candidate: Candidate) -> bool:
        return candidate.strength is Strength.CERTAIN and candidate.rule_id not in quiet

    if any(shows(c) for c in found):
        return _Scan(True, [], False)
    scanned: list[Candidate] = []
    try:
        for candidate in _findings(ctx, chrome_scan(ctx, rules), deadline):
            if shows(candidate):
                return _Scan(True, scanned, False)
            scanned.append(candidate)
    except _OutOfTime:
        return _Scan(False, scanned, True)
    return _Scan(False, scanned, False)


def _certain(ctx: DocContext, found: list[Candidate]) -> Detection:
    return Detection(ctx, tuple(c for c in found if c.strength is Strength.CERTAIN), cut_short=True)


def detect(ctx: DocContext, rules: Sequence[Rule], deadline: Deadline) -> Detection:
    """Run *rules* over the document in the order :mod:`~cleanbody.pipeline.plan` gives."""
    found, late = _run(ctx, (opening(ctx, rules),), deadline)
    if late:
        return _certain(ctx, found)
    clean_body = False
    if ctx.page is not None:
        # trafilatura chose the main text. Searching it again was measured
        # to cost more recall than it gains precision (lists of tour dates,
        # deals and results are article text with no prose shape).
        located = ctx.located((0, len(ctx.blocks) - 1) if ctx.blocks else None)
    else:
        main = main_span(ctx.stats, certain_blocks(ctx, found), comment_marks(ctx), markdown_structure(ctx))
        located = ctx.located(main)
        if located.blocks:
            scan = _scan_chrome(located, rules, found, deadline)
            if scan.late:
                return _certain(ctx, found)
            if not scan.shows_chrome:
                # Measured: every naive scrape in the plain-text benchmark
                # shows some chrome, no clean body does.
                clean_body = True
                located = located.located((0, len(located.blocks) - 1))
                found.extend(reversed(scan.found))
    more, late = _run(located, plan(located, rules, clean_body=clean_body), deadline)
    found.extend(more)
    return _certain(located, found) if late else Detection(located, tuple(found))
