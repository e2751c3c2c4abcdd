"""RULES.md is generated from the rules and their fixtures; it must match.

A rule added, renamed or re-documented without regenerating the catalogue
fails here, with the command that fixes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cleanbody.rules import DOM_RULES, RULES, catalogue

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.catalogue import OUTPUT, anchor, code, doc_sections, prose, render  # noqa: E402


def test_rules_md_is_up_to_date() -> None:
    assert OUTPUT.is_file(), "RULES.md is missing: run `python bench/catalogue.py`"
    assert OUTPUT.read_text(encoding="utf-8") == render(), "RULES.md is out of date: run `python bench/catalogue.py`"


def test_every_rule_has_a_section_and_an_index_row() -> None:
    text = render()
    for rule_id in [r.rule_id for r in catalogue()]:
        assert f"\n### {rule_id}\n" in text, rule_id
        assert f"| [{rule_id}](#{anchor(rule_id)}) |" in text, rule_id
    assert len(catalogue()) == len(RULES) + len(DOM_RULES) == len({r.rule_id for r in catalogue()})


def test_render_is_deterministic() -> None:
    assert render() == render()


def test_doc_sections_reflow_each_section() -> None:
    doc = "Title line.\n\nWhat it removes:\n    a\n    b\nWhat it keeps:\n    c\nWhy:\n    d\nExamples:\n    e\n"
    assert doc_sections(doc) == {"title": "Title line.", "removes": "a b", "keeps": "c", "why": "d", "examples": "e"}


def test_markdown_helpers() -> None:
    assert code("a`b") == "``a`b``"
    assert code("`x") == "`` `x ``"
    assert prose("inline <svg> and ``<nav>``") == "inline &lt;svg> and ``<nav>``"
    assert anchor("caption.image-title") == "captionimage-title"
