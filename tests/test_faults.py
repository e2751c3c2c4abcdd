"""Faults a corpus job meets in the wild: each must give a result, in bounded time, with nothing of
the page silently lost. (The reproducers of the fault campaign; decoding, patterns and the CLI have
their own test files.)"""

from __future__ import annotations

import time

import pytest

import cleanbody

P = (
    "The council voted on Tuesday to rebuild the old bridge, which has been closed to traffic since a "
    "flood damaged it two winters ago."
)
AFTER = "Engineers expect the new span to open to traffic late next autumn, well before the holidays."


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Bridge</title>{head}</head><body>{body}</body></html>"


def test_jsonld_nested_past_the_decoder_recursion_is_skipped() -> None:
    result = cleanbody.clean(
        _page(f"<p>{P}</p>", f'<script type="application/ld+json">{"[" * 100_000}{"]" * 100_000}</script>')
    )
    assert P in result.text


def test_jsonld_authors_nested_deep_are_read_without_recursion() -> None:
    authors = "[" * 900 + '"Jane Doe"' + "]" * 900
    head = f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {authors}}}</script>'
    assert cleanbody.clean(_page(f"<p>{P}</p>", head)).metadata.authors == ("Jane Doe",)


@pytest.mark.slow
@pytest.mark.parametrize(
    "head",
    [
        f'<script>var x = "{"a" * 16_000_000}";</script>',
        f'<script type="application/ld+json">{{"a": "{"a" * 15_000_000}"}}</script>',
    ],
    ids=["16 MB script", "15 MB JSON-LD"],
)
def test_a_text_node_over_10_mb_does_not_empty_the_page(head: str) -> None:
    result = cleanbody.clean(_page(f"<article><p>{P}</p><p>{AFTER}</p></article>", head))
    assert P in result.text and AFTER in result.text


@pytest.mark.parametrize(
    "open_tag,close_tag",
    [
        ("<table><tr><td>", "</td></tr></table>"),
        ("<ul><li>", "</li></ul>"),
        ("<blockquote>", "</blockquote>"),
        ("<div>", "</div>"),
    ],
)
def test_nesting_past_the_parser_depth_keeps_the_deep_text_and_what_follows(open_tag: str, close_tag: str) -> None:
    """300 levels of tables, list items or quotes: the parser stops at 256, and everything after is lost."""
    html = _page(open_tag * 300 + f"<p>{P}</p>" + close_tag * 300 + f"<p>{AFTER}</p>")
    result = cleanbody.clean(html)
    assert P in result.text and AFTER in result.text
    assert any("deeper than the HTML parser reads" in note for note in result.notes)


def test_a_deep_page_with_plenty_of_text_before_the_deep_part_loses_nothing_after_it() -> None:
    """Before, the retry ran only when the extracted text came out short."""
    before = "".join(f"<p>{i}. {P}</p>" for i in range(10))
    deep = "<div>" * 400 + "<p>A deep note.</p>" + "</div>" * 400
    result = cleanbody.clean(_page(f"<article>{before}{deep}<p>{AFTER}</p></article>"))
    assert AFTER in result.text


def _cpu(doc: str, config: cleanbody.Config) -> tuple[float, cleanbody.CleanResult]:
    started = time.thread_time()
    result = cleanbody.clean(doc, config=config)
    return time.thread_time() - started, result


def test_the_timeout_covers_parsing_and_extraction() -> None:
    """An ordinary 5 MB page with a 0.5 s timeout took 13 s: the clock was read between text blocks
    only. Now no step starts that the time left cannot afford, and no word is lost for it."""
    html = _page("<article>" + "".join(f"<p>{i} {P}</p>" for i in range(35_000)) + "</article>")
    seconds, result = _cpu(html, cleanbody.Config(timeout=0.5))
    assert seconds < 2.0, f"{seconds:.2f} s of CPU with a 0.5 s timeout"
    assert any("timeout" in note for note in result.notes)
    assert "34999 " + P in result.text, "text is kept, not dropped, when time runs out"


def test_a_timeout_that_affords_the_work_changes_nothing() -> None:
    html = _page("<article>" + "".join(f"<p>{i} {P}</p>" for i in range(50)) + "</article>")
    assert cleanbody.clean(html, config=cleanbody.Config(timeout=30)) == cleanbody.clean(
        html, config=cleanbody.Config(timeout=None)
    )


def test_config_takes_rule_ids_from_a_generator() -> None:
    config = cleanbody.Config(disable=(x for x in ["share"]))
    assert config.disable == {"share"}
    assert all(not r.rule_id.startswith("share.") for r in cleanbody.Cleaner(config).rules)


@pytest.mark.parametrize("value", [5, "share", [["share"]], [1]])
def test_config_refuses_what_is_not_a_set_of_ids(value: object) -> None:
    with pytest.raises(TypeError, match=r"Config\.disable"):
        cleanbody.Config(disable=value)  # type: ignore[arg-type]


def test_a_page_over_max_chars_loses_its_scripts_before_its_text() -> None:
    """Cut at max_chars, a page whose head holds a large script (or JSON-LD blob) lost its whole body."""
    html = _page(f"<article><p>{P}</p><p>{AFTER}</p></article>", f'<script>var x = "{"a" * 200_000}";</script>')
    result = cleanbody.clean(html, config=cleanbody.Config(max_chars=100_000))
    assert P in result.text and AFTER in result.text
    assert any("scripts and styles were emptied" in note for note in result.notes)
