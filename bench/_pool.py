"""An ordered map over documents in worker processes, with progress on stderr.

The benchmark scripts are quality runs, not timings: spreading documents over processes only makes
them finish sooner, and every document is still handled whole by one worker.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int, label: str, total: int) -> Iterator[R]:
    """``func`` over *items*, in input order; ``jobs=1`` runs in this process (a debugger and a
    profiler see the work). Prints a progress line to stderr about every 5% of *total*."""
    step = max(1, total // 20)
    start = time.monotonic()
    with ProcessPoolExecutor(jobs) if jobs > 1 else _Inline() as pool:
        for i, result in enumerate(pool.map(func, items), 1):
            if i % step == 0 or i == total:
                print(f"{label}: {i}/{total} in {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
            yield result


class _Inline:
    """The executor interface for ``jobs=1``: the same call, no processes."""

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(func, items)
