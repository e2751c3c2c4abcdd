"""The schedule: which rules read which blocks, in what order, as data.

Only prose can pull the main text towards it, so the rules that do not need
the main text (``needs_main=False``, "local") read the prose first
(:func:`opening`); their certain findings shape where the main text is. On
plain text the local rules then read the other blocks from the end
(:func:`chrome_scan`) until one is certain of page chrome; when none is, the
text is a clean body (cleanbody's own output, a press release) and all of it
is main text. Once the main text is known, :func:`plan` gives the rest:

* a clean body: the rules that need the main text read every block, except
  those that judge by shape alone (``needs_chrome``): in a clean body the
  same shapes are the article's lists and tables (the local rules already
  read every block);
* no main text, or the rule that takes what lies outside it
  (``zone.outside-main``) is off: the local rules read the non-prose
  blocks, then the others read all;
* otherwise chrome far outside the main text is certain to go, so a rule
  reads there only if its ``reach`` asks for it: ``"article"`` rules read
  the main text and prose anywhere, ``"near"`` rules also the chrome within
  :data:`~cleanbody.document.NEAR_WINDOW` blocks of the main text (bylines,
  datelines, lead captions, the headline), ``"everywhere"`` rules all.

Every function here is pure: it only reads the context and the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleanbody.document import NEAR_WINDOW, Block, DocContext

if TYPE_CHECKING:
    from cleanbody.rules import Rule

#: With this rule on, chrome far from the main text is certain to go.
_OUTSIDE_MAIN = "zone.outside-main"


@dataclass(frozen=True, slots=True)
class Phase:
    """Some rules, each shown some blocks, in order."""

    rules: tuple[Rule, ...]
    blocks: tuple[Block, ...]


def _local(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    return tuple(r for r in rules if not r.needs_main)


def _later(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    return tuple(r for r in rules if r.needs_main)


def _prose(ctx: DocContext) -> tuple[Block, ...]:
    return tuple(b for b in ctx.blocks if ctx.stats[b.index].prose)


def _chrome(ctx: DocContext) -> tuple[Block, ...]:
    return tuple(b for b in ctx.blocks if not ctx.stats[b.index].prose)


def opening(ctx: DocContext, rules: Sequence[Rule]) -> Phase:
    """Before the main text is known: the local rules read the prose."""
    return Phase(_local(rules), _prose(ctx))


def chrome_scan(ctx: DocContext, rules: Sequence[Rule]) -> Phase:
    """On plain text, to tell a scrape from a clean body: the local rules read
    the non-prose blocks from the end, where a copyright line usually is (the
    caller stops at the first certain finding)."""
    return Phase(_local(rules), tuple(reversed(_chrome(ctx))))


def plan(ctx: DocContext, rules: Sequence[Rule], *, clean_body: bool = False) -> tuple[Phase, ...]:
    """The phases after :func:`opening`, once ``ctx.main`` is known.

    *clean_body* says that :func:`chrome_scan` found no chrome: the local
    rules have read every block, and ``ctx.main`` is the whole text.
    """
    local, later = _local(rules), _later(rules)
    if clean_body:
        return (Phase(tuple(r for r in later if not r.needs_chrome), ctx.blocks),)
    chrome = _chrome(ctx)
    if ctx.main is None or not any(r.rule_id == _OUTSIDE_MAIN for r in later):
        return Phase(local, chrome), Phase(later, ctx.blocks)
    first, last = ctx.main
    low, high = first - NEAR_WINDOW, last + NEAR_WINDOW
    inside = tuple(b for b in chrome if first <= b.index <= last)
    near = tuple(b for b in chrome if low <= b.index <= high and not first <= b.index <= last)
    far = tuple(b for b in chrome if not low <= b.index <= high)
    return (
        Phase(local, inside),
        Phase(tuple(r for r in local if r.reach != "article"), near),
        Phase(later, _prose(ctx) + inside),
        Phase(tuple(r for r in later if r.reach != "article"), near),
        Phase(tuple(r for r in later if r.reach == "everywhere"), far),
    )
