"""Whole documents and what must come out of them.

Each folder in ``fixtures/corpus/`` is one case (format in
``fixtures/README.md``): ``case.toml`` names the input, ``expected.txt`` is
the exact body, ``expected.json`` the metadata and other expectations.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

import cleanbody

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
CASE_KEYS = {"input", "kind", "xfail", "reason"}
EXPECTED_KEYS = {
    "title",
    "captions",
    "keep_all_words",
    "authors",
    "date",
    "sitename",
    "language",
    "removed_rules",
    "in_body",
    "not_in_body",
}
METADATA_KEYS = ("date", "sitename", "language")


def _cases() -> list[object]:
    params = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        with (folder / "case.toml").open("rb") as f:
            case = tomllib.load(f)
        marks = [pytest.mark.xfail(strict=True, reason=case["reason"])] if case.get("xfail") else []
        params.append(pytest.param(folder, case, id=folder.name, marks=marks))
    return params


def test_corpus_is_not_empty() -> None:
    assert _cases()


@pytest.mark.parametrize(("folder", "case"), _cases())
def test_case(folder: Path, case: dict[str, object]) -> None:
    assert set(case) <= CASE_KEYS, f"unknown keys in case.toml: {set(case) - CASE_KEYS}"
    assert not case.get("xfail") or case.get("reason"), "an xfail case needs a reason"
    source = (ROOT / str(case["input"])).read_bytes()
    result = cleanbody.clean(source, kind=case.get("kind", "auto"))  # type: ignore[arg-type]

    text_file = folder / "expected.txt"
    json_file = folder / "expected.json"
    assert text_file.is_file() or json_file.is_file(), f"{folder.name} expects nothing"

    if text_file.is_file():
        expected_text = text_file.read_text(encoding="utf-8").removesuffix("\n")
        assert result.text == expected_text

    expected = json.loads(json_file.read_text(encoding="utf-8")) if json_file.is_file() else {}
    assert set(expected) <= EXPECTED_KEYS, f"unknown keys in expected.json: {set(expected) - EXPECTED_KEYS}"
    if "title" in expected:
        assert result.metadata.title == expected["title"]
    if "captions" in expected:
        # Each expected caption lists only the fields it checks (text, credit).
        got = [
            {key: getattr(caption, key) for key in want}
            for caption, want in zip(result.captions, expected["captions"], strict=False)
        ]
        assert len(result.captions) == len(expected["captions"]), result.captions
        assert got == expected["captions"]
    if expected.get("keep_all_words"):
        assert result.text.split() == source.decode("utf-8").split()
    if "authors" in expected:
        assert list(result.metadata.authors) == expected["authors"]
    for key in METADATA_KEYS:
        if key in expected:
            assert getattr(result.metadata, key) == expected[key], f"metadata.{key}"
    if "removed_rules" in expected:
        # Each rule must have removed something; DOM and text stages alike.
        found = {removal.rule_id for removal in result.removed}
        missing = [rule_id for rule_id in expected["removed_rules"] if rule_id not in found]
        assert not missing, f"no removal by {missing}; removals by {sorted(found)}"
    kept = [snippet for snippet in expected.get("not_in_body", []) if snippet in result.text]
    assert not kept, f"noise left in the body: {kept}"
    lost = [snippet for snippet in expected.get("in_body", []) if snippet not in result.text]
    assert not lost, f"article text missing from the body: {lost}"


@pytest.mark.parametrize("folder", sorted(p for p in CORPUS.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_case_body_is_a_fixed_point(folder: Path) -> None:
    """Idempotence, across paths too: each case's body, cleaned again as plain text, keeps it."""
    with (folder / "case.toml").open("rb") as f:
        case = tomllib.load(f)
    once = cleanbody.clean((ROOT / str(case["input"])).read_bytes(), kind=case.get("kind", "auto")).text
    again = cleanbody.clean(once)
    assert again.text == once, [r.text for r in again.removed]
