"""cleanbody.clean_many: ordered, lazy, the same results in worker processes, which stop at once
when the consumer leaves and are started again when one dies."""

from __future__ import annotations

import itertools
import os
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import cleanbody
from cleanbody.batch import ordered_map

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGES = sorted((ROOT / "fixtures" / "corpus").glob("*/page.html"))


def _docs() -> list[str | bytes | tuple[str | bytes, str | None]]:
    docs: list[str | bytes | tuple[str | bytes, str | None]] = [p.read_bytes() for p in SEEDS]
    docs += [(p.read_text(encoding="utf-8"), f"https://example.org/2024/01/0{i}/page") for i, p in enumerate(PAGES)]
    return docs * 6


def _expected(doc: str | bytes | tuple[str | bytes, str | None], config: cleanbody.Config | None = None) -> object:
    if isinstance(doc, tuple):
        return cleanbody.clean(doc[0], url=doc[1], config=config)
    return cleanbody.clean(doc, config=config)


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_results_in_input_order(jobs: int | None) -> None:
    docs = _docs()
    assert list(cleanbody.clean_many(docs, jobs=jobs)) == [_expected(d) for d in docs]


def test_config_reaches_the_workers() -> None:
    config = cleanbody.Config(disable={"caption", "title"})
    docs = _docs()[:4]
    assert list(cleanbody.clean_many(docs, jobs=2, config=config)) == [_expected(d, config) for d in docs]


@pytest.mark.parametrize("jobs", [1, 2])
def test_lazy_on_an_endless_input(jobs: int) -> None:
    endless = itertools.cycle([b"A short paragraph of plain text that goes on for a while.", "<p>Hello.</p>"])
    first = list(itertools.islice(cleanbody.clean_many(endless, jobs=jobs), 50))
    assert len(first) == 50


@pytest.mark.parametrize("jobs", [0, -2, 1.5, "2", True])
def test_bad_jobs_raise_at_once(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs must be None or a positive int"):
        cleanbody.clean_many([], jobs=jobs)  # type: ignore[arg-type]


def test_bad_config_raises_at_once() -> None:
    with pytest.raises(TypeError, match=r"cleanbody\.Config"):
        cleanbody.clean_many([], config={"favor": "recall"})  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_wrong_document_type_raises_in_its_place(jobs: int) -> None:
    results = cleanbody.clean_many(["one", 42, "three"], jobs=jobs)  # type: ignore[list-item]
    if jobs == 1:
        assert next(results).text == "one"
    with pytest.raises(TypeError, match="str or bytes"):
        list(results)


# The workers import this module by name to run these.
def _slow_double(cleaner: cleanbody.Cleaner, item: int) -> int:
    time.sleep(0.1)
    return 2 * item


def _double_or_die(cleaner: cleanbody.Cleaner, item: int) -> int:
    if item == 13:
        os._exit(1)  # as a worker the kernel kills for its memory, or a crash in a C library, dies
    return 2 * item


def test_closing_early_stops_the_workers_at_once() -> None:
    results = ordered_map(_slow_double, range(1000), cleanbody.Cleaner(), 2)
    assert next(results) == 0
    started = time.monotonic()
    results.close()  # without killing them, the workers would first finish every chunk queued to them (seconds)
    assert time.monotonic() - started < 1.0


def test_an_item_that_kills_its_worker_gets_crashed_in_its_place() -> None:
    results = ordered_map(_double_or_die, range(100), cleanbody.Cleaner(), 2, crashed=lambda item: -item)
    assert list(results) == [-13 if i == 13 else 2 * i for i in range(100)]


def test_without_crashed_the_item_that_kills_its_worker_raises_in_its_place() -> None:
    results = ordered_map(_double_or_die, range(100), cleanbody.Cleaner(), 2)
    assert list(itertools.islice(results, 13)) == [2 * i for i in range(13)]
    with pytest.raises(BrokenProcessPool):
        next(results)
