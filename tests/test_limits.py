"""Config limits (max_chars, timeout) and safety under threads and processes."""

from __future__ import annotations

import gzip
import json
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import cleanbody

ROOT = Path(__file__).resolve().parents[1]
ZYTE = ROOT.parent / "shared" / "bench" / "zyte" / "pages.jsonl.gz"
PARAGRAPH = (
    "The council voted on Tuesday to rebuild the old bridge across the river, ending a debate that had run "
    "for more than ten years. Work will start in the spring and should take two years, the mayor said."
)


def _story(paragraphs: int) -> str:
    """Distinct paragraphs (numbered), so no rule sees repeats."""
    return "\n\n".join(f"{PARAGRAPH} This is paragraph number {i} of the report." for i in range(paragraphs))


# max_chars -------------------------------------------------------------------------------------


def test_max_chars_cuts_at_a_line_break_and_says_so() -> None:
    doc = _story(200)
    limit = 10_000
    result = cleanbody.clean(doc, config=cleanbody.Config(max_chars=limit))
    assert len(result.working_text) <= limit
    assert result.working_text.endswith("\n")  # cut after a line break, not inside a word
    assert result.text == doc[: len(result.text)]  # the head of the story, unchanged
    assert any("max_chars" in note and str(len(doc)) in note for note in result.notes)


def test_max_chars_applies_to_bytes_and_html() -> None:
    doc = _story(200)
    config = cleanbody.Config(max_chars=10_000)
    assert len(cleanbody.clean(doc.encode("utf-8"), config=config).working_text) <= 10_000
    html = "<html><body><article>" + "".join(f"<p>{p}</p>\n" for p in doc.split("\n\n")) + "</article></body></html>"
    result = cleanbody.clean(html, config=config)
    assert result.kind == "html"
    assert any("max_chars" in note for note in result.notes)
    assert result.text.startswith(PARAGRAPH)


def test_under_the_limit_nothing_is_cut() -> None:
    doc = _story(20)
    result = cleanbody.clean(doc, config=cleanbody.Config(max_chars=len(doc)))
    assert result.text == doc
    assert result.notes == ()


# timeout ---------------------------------------------------------------------------------------


def test_timeout_returns_a_partial_result_with_a_note() -> None:
    """The rules stop at the deadline: without one, this clean takes about 4 s of CPU time.

    CPU time, not wall time: on a busy machine the wall clock runs on while
    other processes have the cores, so fewer rules run before the deadline,
    never more."""
    # 60k blocks of menu-like short lines
    doc = _story(3) + "\n\n" + "\n".join(f"Section {i}" for i in range(60_000))
    started = time.process_time()
    result = cleanbody.clean(doc, config=cleanbody.Config(timeout=0.2))
    elapsed = time.process_time() - started
    assert elapsed < 2, f"took {elapsed:.1f} s of CPU time with a 0.2 s timeout"
    assert any("timeout" in note for note in result.notes)
    # nothing the rules did not finish is lost: the story is still there
    assert PARAGRAPH in result.text


def test_no_timeout_means_no_note() -> None:
    result = cleanbody.clean(_story(5), config=cleanbody.Config(timeout=None, max_chars=None))
    assert result.notes == ()


@pytest.mark.parametrize(
    ("field", "value"), [("max_chars", 0), ("max_chars", -5), ("max_chars", 1.5), ("timeout", 0), ("timeout", "1")]
)
def test_bad_limits_are_refused_with_the_accepted_values(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"Config.{field} must be"):
        cleanbody.Config(**{field: value})  # type: ignore[arg-type]


# concurrency -----------------------------------------------------------------------------------


def _documents() -> list[str | bytes]:
    """Real pages when the benchmark is next to the checkout, else the repo's own documents."""
    docs: list[str | bytes] = [p.read_bytes() for p in sorted((ROOT / "seeds").iterdir())]
    docs += [p.read_bytes() for p in sorted((ROOT / "fixtures" / "corpus").glob("*/page.html"))]
    if ZYTE.is_file():
        with gzip.open(ZYTE, "rt", encoding="utf-8") as f:
            docs += [json.loads(line)["html"] for line in f][:40]
    return docs


def _summary(doc: str | bytes) -> tuple[object, ...]:
    result = cleanbody.clean(doc)
    return result.text, result.metadata, result.captions, result.removed, result.notes


@pytest.mark.slow
def test_threads_give_the_same_results_as_one_thread() -> None:
    docs = _documents()
    sequential = [_summary(d) for d in docs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(2):
            assert list(pool.map(_summary, docs)) == sequential


def test_processes_give_the_same_results_as_one_process() -> None:
    docs = _documents()[:12]
    sequential = [_summary(d) for d in docs]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_summary, docs)) == sequential


def test_a_cleaner_survives_pickling_for_worker_processes() -> None:
    cleaner = cleanbody.Cleaner(cleanbody.Config(disable={"share"}, favor="precision"))
    doc = _documents()[0]
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(cleaner.clean, doc).result()
    assert remote == cleaner.clean(doc)
