"""The schedule as a table: which blocks a text rule reads, for every combination of its attributes
(``needs_main``, ``reach``, ``needs_chrome``) and of what is known about the document.

The document has 40 blocks; the main text, when located, is blocks 15-24. Block kinds:

* ``P``: prose (blocks 1, 15-17, 19-24; block 1 is prose far outside the main text);
* ``I``: chrome inside the main text (block 18);
* ``N``: chrome near it, within NEAR_WINDOW = 12 blocks (blocks 3-14 and 25-36);
* ``F``: chrome far from it (blocks 0, 2 and 37-39).

Each expected set is written out by hand from the rules of :mod:`cleanbody.pipeline.plan`; the
test computes what :func:`opening` and :func:`plan` schedule and compares.
"""

from __future__ import annotations

import itertools

import pytest

from cleanbody.document import NEAR_WINDOW, Block, BlockStats, DocContext, PageEvidence, Strength
from cleanbody.pipeline.plan import chrome_scan, opening, plan
from cleanbody.rules import Rule

N_BLOCKS = 40
MAIN = (15, 24)
PROSE = {1, *range(15, 18), *range(19, 25)}


def _kind(i: int) -> str:
    if i in PROSE:
        return "P"
    if MAIN[0] <= i <= MAIN[1]:
        return "I"
    return "N" if MAIN[0] - NEAR_WINDOW <= i <= MAIN[1] + NEAR_WINDOW else "F"


def _context(main: tuple[int, int] | None, page: PageEvidence | None = None) -> DocContext:
    blocks = tuple(Block(i, 10 * i, 10 * i + 5, f"block {i}", ((10 * i, 10 * i + 5),)) for i in range(N_BLOCKS))
    stats = tuple(BlockStats(20 if i in PROSE else 2, i in PROSE, i in PROSE, 1.0, True) for i in range(N_BLOCKS))
    return DocContext(" " * (10 * N_BLOCKS), blocks, stats, main, page=page)


def _rule(name: str, needs_main: bool, reach: str, needs_chrome: bool = False) -> Rule:
    return Rule(
        rule_id=name,
        strength=Strength.CERTAIN,
        detect=lambda block, ctx: (),
        needs_main=needs_main,
        reach=reach,  # type: ignore[arg-type]
        needs_chrome=needs_chrome,
    )


def _seen(rule: Rule, ctx: DocContext, others: tuple[Rule, ...], *, clean_body: bool = False) -> set[str]:
    """The kinds of block the rule reads, over the opening, the chrome scan (a clean body's local
    rules read all of it) and the planned phases."""
    rules = (rule, *others)
    phases = [opening(ctx, rules), *(chrome_scan(ctx, rules) for _ in [clean_body] if clean_body)]
    phases += plan(ctx, rules, clean_body=clean_body)
    return {_kind(b.index) for phase in phases if rule in phase.rules for b in phase.blocks}


ALL = {"P", "I", "N", "F"}
#: (needs_main, reach) -> what the rule reads once the main text of a plain text is located,
#: with the main-text rule (zone.outside-main, which takes all that lies outside it) on.
LOCATED = {
    (False, "article"): {"P", "I"},
    (False, "near"): {"P", "I", "N"},
    (False, "everywhere"): {"P", "I", "N"},  # a local rule never reads far chrome: it is certain to go
    (True, "article"): {"P", "I"},
    (True, "near"): {"P", "I", "N"},
    (True, "everywhere"): ALL,
}
#: needs_chrome without needs_main is refused (test_needs_chrome_needs_main).
CASES = [
    c for c in itertools.product((False, True), ("article", "near", "everywhere"), (False, True)) if c[0] or not c[2]
]
MAIN_TEXT_RULE = _rule("zone.outside-main", True, "everywhere", needs_chrome=True)


@pytest.mark.parametrize(("needs_main", "reach", "needs_chrome"), CASES)
def test_located_scrape(needs_main: bool, reach: str, needs_chrome: bool) -> None:
    rule = _rule("test.r", needs_main, reach, needs_chrome)
    assert _seen(rule, _context(MAIN), (MAIN_TEXT_RULE,)) == LOCATED[needs_main, reach]


@pytest.mark.parametrize(("needs_main", "reach", "needs_chrome"), CASES)
def test_every_rule_reads_every_block_without_a_located_main_text(
    needs_main: bool, reach: str, needs_chrome: bool
) -> None:
    """No prose (no main text), the main-text rule off, or the HTML path (trafilatura chose the main
    text: all of it is main): every rule reads every block, shape-only rules included."""
    rule = _rule("test.r", needs_main, reach, needs_chrome)
    assert _seen(rule, _context(None), (MAIN_TEXT_RULE,)) == ALL
    assert _seen(rule, _context(MAIN), ()) == ALL
    # Another rule that reaches everywhere (the headline) does not take what is far from the main
    # text, so with the main-text rule off that chrome is not certain to go either.
    headline = _rule("test.headline", True, "everywhere")
    assert _seen(rule, _context(MAIN), (headline,)) == ALL
    assert _seen(rule, _context((0, N_BLOCKS - 1), PageEvidence()), (MAIN_TEXT_RULE,)) == ALL


@pytest.mark.parametrize(("needs_main", "reach", "needs_chrome"), CASES)
def test_clean_body(needs_main: bool, reach: str, needs_chrome: bool) -> None:
    """No rule is certain of any chrome: all of the text is main text, and the shape-only rules
    stand down."""
    rule = _rule("test.r", needs_main, reach, needs_chrome)
    expected = set() if needs_chrome else ALL
    assert _seen(rule, _context((0, N_BLOCKS - 1)), (MAIN_TEXT_RULE,), clean_body=True) == expected


def test_phases_keep_document_order_within_a_zone() -> None:
    ctx = _context(MAIN)
    for phase in (opening(ctx, (MAIN_TEXT_RULE,)), *plan(ctx, (MAIN_TEXT_RULE,))):
        prose = [b.index for b in phase.blocks if b.index in PROSE]
        assert prose == sorted(prose)


def test_chrome_scan_reads_from_the_end() -> None:
    local = _rule("test.local", False, "article")
    assert [b.index for b in chrome_scan(_context(MAIN), (local,)).blocks][:3] == [39, 38, 37]


def test_needs_chrome_needs_main() -> None:
    with pytest.raises(ValueError, match="needs_main"):
        _rule("test.bad", False, "article", needs_chrome=True)


def test_a_located_view_keeps_the_facts_of_the_text_and_forgets_what_depended_on_main() -> None:
    """A rule that reads before and after the main text is located computes a fact of the text once;
    a memo may depend on ``main``, so the located view computes it again."""
    ctx = _context(None)
    calls: list[str] = []
    assert ctx.fact("f", lambda: calls.append("fact") or 1) == 1
    assert ctx.memo("m", lambda: calls.append("memo") or 2) == 2
    ctx.words(3)
    view = ctx.located(MAIN)
    assert view.main == MAIN and ctx.main is None
    assert view.fact("f", lambda: calls.append("fact again") or 3) == 1
    assert view.memo("m", lambda: calls.append("memo again") or 4) == 4
    assert calls == ["fact", "memo", "memo again"]
    assert view.words(3) == ctx.words(3) == ("block", "3")
