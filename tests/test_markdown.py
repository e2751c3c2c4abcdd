"""Markdown input: told from plain text, cleaned by the same rules, and given back as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanbody
from cleanbody.input.sniff import looks_like_markdown

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (the dev extra) parses the body")

ROOT = Path(__file__).resolve().parents[1]

PARA_1 = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, and after a long\n"
    "debate the members agreed to raise spending on roads and schools by a modest amount."
)
PARA_2 = (
    "Residents who spoke at the meeting were divided. Some welcomed the plan as long overdue, while others\n"
    "said the council had ignored neighbourhoods on the edge of the city for years."
)
TABLE = "| Item | 2025 | 2026 |\n|---|---:|---:|\n| Roads | 4.1 | 4.6 |\n| Schools | 9.8 | 10.2 |"
CODE = "```python\ndef total(rows):\n    return sum(row.amount for row in rows)\n```"
PAGE = (
    "[Skip to content](#main)\n\n* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n\n"
    "# Council agrees a bigger budget for roads\n\n"
    f"{PARA_1}\n\n## The figures\n\n{TABLE}\n\nThe totals were worked out like this:\n\n{CODE}\n\n{PARA_2}\n\n"
    "* [Privacy](/privacy)\n* [Terms](/terms)\n\n© 2026 Example News"
)


def _structure(markdown: str) -> list[str]:
    """The block tokens a CommonMark/GFM parser reads, with the content of code and table cells."""
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(markdown)
    return [f"{t.type}:{t.content}" if t.type in ("fence", "inline") else t.type for t in tokens]


def test_markdown_is_told_from_plain_text() -> None:
    assert looks_like_markdown(PAGE)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert not looks_like_markdown(seed.read_text(encoding="utf-8")), seed.name
    assert not looks_like_markdown(f"{PARA_1}\n\n{PARA_2}")
    assert cleanbody.clean(PAGE).kind == "markdown"
    assert cleanbody.clean(f"{PARA_1}\n\n{PARA_2}").kind == "text"


def test_the_body_of_markdown_is_markdown_with_its_tables_and_code() -> None:
    result = cleanbody.clean(PAGE, kind="markdown")
    assert TABLE in result.text
    assert CODE in result.text  # the indentation of the code too
    # Hard-wrapped paragraphs are reflowed, as on plain text.
    assert " ".join(PARA_1.split()) in result.text
    assert "[Home](/)" not in result.text and "Privacy" not in result.text
    assert result.metadata.title == "Council agrees a bigger budget for roads"
    kept = _structure(result.text)
    assert kept.count("table_open") == 1 and kept.count("tr_open") == 3
    assert "fence:def total(rows):\n    return sum(row.amount for row in rows)\n" in kept
    assert "heading_open" in kept


def test_markdown_and_plain_text_keep_the_same_words() -> None:
    as_text = cleanbody.clean(PAGE, kind="text")
    as_markdown = cleanbody.clean(PAGE, kind="markdown")
    assert as_markdown.text.split() == as_text.text.split()
    assert as_markdown.text != as_text.text


def test_a_markdown_body_replays_and_cleans_to_itself() -> None:
    result = cleanbody.clean(PAGE, kind="markdown")
    assert result.replay() == result.text
    again = cleanbody.clean(result.text, kind="markdown")
    assert again.text == result.text
    assert _structure(again.text) == _structure(result.text)
