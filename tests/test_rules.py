"""The rule registry and every rule's remove/keep examples.

Examples live in ``fixtures/rules/<rule_id>.toml`` (format in
``fixtures/README.md``), for text rules and DOM rules alike. Each one is
cleaned as a whole document (plain text, or an HTML page) and the test
checks both the output text and which rule ``result.removed`` credits.
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import cleanbody
from cleanbody.rules import RuleInfo, catalogue

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
ALL_RULES: tuple[RuleInfo, ...] = catalogue()
RULE_IDS = [r.rule_id for r in ALL_RULES]
RULES_BY_ID = {r.rule_id: r for r in ALL_RULES}

ID_SHAPE = re.compile(r"^[a-z]+\.[a-z]+(-[a-z]+)*$")
SECTIONS = ("What it removes:", "What it keeps:", "Why:", "Examples:")
MIN_REMOVE, MIN_KEEP = 3, 2

# An inserted ``line`` example sits between these two paragraphs of an
# ordinary news story.
BEFORE = (
    "Water companies in England and Wales will have to publish data on sewage spills within an hour of "
    "them starting, under rules announced by the environment department on Thursday. The measure follows "
    "years of complaints from swimmers, anglers and rowing clubs, who say rivers have been treated as open drains."
)
AFTER = (
    "Industry body Water UK said its members would meet the deadline, but warned that fitting monitors to "
    "every overflow pipe would take until the end of next year. Campaigners welcomed the change and said "
    "they would be watching closely to see whether the figures were published on time."
)


def _load(rule_id: str) -> dict[str, list[dict[str, object]]]:
    with (FIXTURES / f"{rule_id}.toml").open("rb") as f:
        return tomllib.load(f)


def _module(rule_id: str) -> ModuleType:
    return sys.modules[RULES_BY_ID[rule_id].module]


# --------------------------------------------------------------------------
# The registry


def test_rule_ids_are_unique() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_id_shape(rule_id: str) -> None:
    assert ID_SHAPE.match(rule_id), rule_id


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_category_is_id_prefix(rule_id: str) -> None:
    assert RULES_BY_ID[rule_id].category == rule_id.split(".")[0]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_module_name_matches_id(rule_id: str) -> None:
    module = _module(rule_id)
    assert module.__name__ == f"cleanbody.rules.{RULES_BY_ID[rule_id].stage}." + re.sub(r"[.-]", "_", rule_id)
    assert importlib.import_module(module.__name__).RULE is RULES_BY_ID[rule_id]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_docstring_sections(rule_id: str) -> None:
    doc = _module(rule_id).__doc__ or ""
    positions = [doc.find(s) for s in SECTIONS]
    missing = [s for s, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert not missing, f"{rule_id} docstring lacks {missing}"
    assert positions == sorted(positions), f"{rule_id} docstring sections out of order"
    assert RULES_BY_ID[rule_id].doc == doc


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_has_enough_examples(rule_id: str) -> None:
    path = FIXTURES / f"{rule_id}.toml"
    assert path.is_file(), f"missing {path}"
    data = _load(rule_id)
    assert set(data) <= {"remove", "keep"}, f"unknown tables in {path.name}: {set(data) - {'remove', 'keep'}}"
    passing = {kind: [e for e in data.get(kind, []) if "xfail" not in e] for kind in ("remove", "keep")}
    assert len(passing["remove"]) >= MIN_REMOVE, f"{rule_id}: {len(passing['remove'])} passing remove examples"
    assert len(passing["keep"]) >= MIN_KEEP, f"{rule_id}: {len(passing['keep'])} passing keep examples"


def test_no_fixture_without_a_rule() -> None:
    orphans = sorted(p.stem for p in FIXTURES.glob("*.toml") if p.stem not in RULES_BY_ID)
    assert orphans == []


# --------------------------------------------------------------------------
# The examples

KEYS = {"line", "doc", "fragment", "html", "target", "occurrence", "by", "xfail"}
SOURCES = ("line", "doc", "fragment", "html")

# A ``fragment`` example is put into this page, between two paragraphs of
# its article, and cleaned as HTML.
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta property="og:type" content="article">
<title>Sewage spill data to be published within an hour | Example News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Sewage spill data to be published within an hour</h1>
<p>{BEFORE}</p>
{{fragment}}
<p>{AFTER}</p>
</article></main>
<footer><p>Example News Ltd, 1 High Street, Anytown</p></footer>
</body></html>
"""


def _examples() -> list[object]:
    params = []
    for rule_id in RULE_IDS:
        if not (FIXTURES / f"{rule_id}.toml").is_file():
            continue
        data = _load(rule_id)
        for kind in ("remove", "keep"):
            for i, example in enumerate(data.get(kind, [])):
                marks = [pytest.mark.xfail(strict=True, reason=example["xfail"])] if "xfail" in example else []
                params.append(pytest.param(rule_id, kind, example, id=f"{rule_id}-{kind}-{i}", marks=marks))
    return params


def _squash(text: str) -> str:
    """Whitespace-insensitive form, so a multi-line target can be found in the body."""
    return " ".join(text.split())


def _span(working: str, target: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the *occurrence*-th (1-based) copy of *target* in the working text."""
    start = -1
    for _ in range(occurrence):
        start = working.find(target, start + 1)
        assert start >= 0, f"target {target!r} (copy {occurrence}) not in the working text"
    return start, start + len(target)


def _covering(result: cleanbody.CleanResult, span: tuple[int, int]) -> list[cleanbody.Removal]:
    return [
        r for r in result.removed if r.start is not None and r.end is not None and r.start < span[1] and r.end > span[0]
    ]


def _assert_covered(result: cleanbody.CleanResult, span: tuple[int, int]) -> None:
    """Every non-space character of the span lies in some removal."""
    covering = _covering(result, span)
    for pos in range(*span):
        if not result.working_text[pos].isspace():
            assert any(r.start <= pos < r.end for r in covering), (
                f"{result.working_text[pos : span[1]]!r} is not removed; removals: {covering}"
            )


def _check_html_example(rule_id: str, kind: str, example: dict[str, object]) -> None:
    """An HTML example: the target is judged on the output text and on the
    removals credited to the rule (DOM removals by their text, text-stage
    ones by their span of the working text)."""
    page = str(example["html"]) if "html" in example else PAGE.replace("{fragment}", str(example["fragment"]))
    assert "target" in example, "an HTML example needs a target"
    target = _squash(str(example["target"]))
    result = cleanbody.clean(page, kind="html")
    body = _squash(result.text)
    if "fragment" in example:
        paragraphs = result.text.split("\n\n")
        assert BEFORE in paragraphs and AFTER in paragraphs, f"a surrounding paragraph changed:\n{result.text}"
    credited = [r for r in result.removed if r.rule_id == rule_id]
    if kind == "remove":
        assert target not in body, f"target still in body:\n{result.text}"
        dom = [r for r in credited if r.stage == "dom" and target in _squash(r.text)]
        if not dom:
            span = _span(result.working_text, str(example["target"]), int(example.get("occurrence", 1)))  # type: ignore[call-overload]
            _assert_covered(result, span)
            assert rule_id in {r.rule_id for r in _covering(result, span)}, (
                f"not removed by {rule_id}: {result.removed}"
            )
    else:
        assert target in body, f"kept text missing from the body:\n{result.text}"
        assert not [r for r in credited if target in _squash(r.text)], f"{rule_id} removed it: {credited}"


@pytest.mark.parametrize(("rule_id", "kind", "example"), _examples())
def test_example(rule_id: str, kind: str, example: dict[str, object]) -> None:
    assert set(example) <= KEYS, f"unknown keys {set(example) - KEYS}"
    assert sum(k in example for k in SOURCES) == 1, f"give exactly one of {', '.join(SOURCES)}"
    if "fragment" in example or "html" in example:
        _check_html_example(rule_id, kind, example)
        return
    if "line" in example:
        line = str(example["line"])
        doc = f"{BEFORE}\n\n{line}\n\n{AFTER}"
        target = str(example.get("target", line))
    else:
        doc = str(example["doc"])
        assert "target" in example, "a doc example needs a target"
        target = str(example["target"])
    occurrence = int(example.get("occurrence", 1))  # type: ignore[call-overload]

    result = cleanbody.clean(doc, kind="text")
    span = _span(result.working_text, target, occurrence)
    body, working = _squash(result.text), _squash(result.working_text)

    if "line" in example:
        paragraphs = result.text.split("\n\n")
        assert BEFORE in paragraphs and AFTER in paragraphs, f"a surrounding paragraph changed:\n{result.text}"

    if kind == "remove":
        assert body.count(_squash(target)) < working.count(_squash(target)), f"target still in body:\n{result.text}"
        _assert_covered(result, span)
        by_rules = {r.rule_id for r in _covering(result, span)}
        if "by" in example:
            other = str(example["by"])
            assert rule_id not in by_rules and other in by_rules, f"expected {other} to take it, got {by_rules}"
            # And this rule would have taken it had the other not been there.
            alone = cleanbody.clean(doc, kind="text", config=cleanbody.Config(disable={other}))
            alone_rules = {r.rule_id for r in _covering(alone, span)}
            assert rule_id in alone_rules, f"with {other} disabled it is removed by {alone_rules}, not {rule_id}"
        else:
            assert rule_id in by_rules, f"removed by {by_rules}, not {rule_id}"
        if "line" in example and target == example["line"]:
            assert result.text == f"{BEFORE}\n\n{AFTER}"
    else:
        assert _squash(target) in body, f"kept text missing from the body:\n{result.text}"
        assert not [r for r in _covering(result, span) if r.rule_id == rule_id]


def test_paragraphs_alone_are_untouched() -> None:
    """The frame the line examples sit in is clean prose on its own."""
    result = cleanbody.clean(f"{BEFORE}\n\n{AFTER}", kind="text")
    assert result.text == f"{BEFORE}\n\n{AFTER}"
    assert result.removed == ()
