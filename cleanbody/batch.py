"""Clean many documents, in order, in worker processes: for scripts and the CLI.

Results come back in input order and lazily: at most a few chunks per worker
are in flight, so an endless input streams in bounded memory. Workers are
started with ``forkserver`` (``spawn`` where that is missing): unlike
``fork``, it is safe in a process that runs threads. Ctrl-C is the main
process's alone: workers ignore SIGINT, and the main process kills them
when it stops early (Ctrl-C, or a consumer that leaves). As with any
multiprocessing code, a script that uses ``jobs > 1`` must run it under
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from cleanbody._api import Cleaner
from cleanbody.config import Config
from cleanbody.model import CleanResult

T = TypeVar("T")
R = TypeVar("R")

#: Documents sent to a worker at once: fewer round trips, still fine-grained.
CHUNK_SIZE = 16
#: Chunks in flight per worker: enough that no worker waits for the next one.
CHUNKS_AHEAD = 3

#: The worker process's cleaner, made once by the pool's initializer.
_worker_cleaner: Cleaner | None = None


def _start_worker(cleaner: Cleaner) -> None:
    """Set the worker's cleaner, and leave Ctrl-C to the main process: a
    worker interrupted inside the pool's queue code can die holding a queue
    lock, and then the other workers and the main process wait forever."""
    global _worker_cleaner  # one per worker process, set once before any task
    _worker_cleaner = cleaner
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(func: Callable[[Cleaner, T], R], chunk: list[T]) -> list[R]:
    assert _worker_cleaner is not None, "the pool initializer sets the cleaner"
    return [func(_worker_cleaner, item) for item in chunk]


def check_jobs(jobs: int | None) -> int:
    """Validate *jobs* (None means 1: in this process)."""
    if jobs is None:
        return 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be None or a positive int (worker processes), not {jobs!r}")
    return jobs


def ordered_map(
    func: Callable[[Cleaner, T], R], items: Iterable[T], cleaner: Cleaner, jobs: int
) -> Generator[R, None, None]:
    """``func(cleaner, item)`` for each item, in order; *func* must be a
    module-level function (it is sent to the workers by name), *jobs* a
    checked count (:func:`check_jobs`). Closing the generator early stops
    the workers at once."""
    if jobs == 1:
        for item in items:
            yield func(cleaner, item)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(cleaner,))
    try:
        yield from _in_order(pool, func, iter(items), jobs)
    except BaseException:  # Ctrl-C, the consumer leaving (GeneratorExit), a broken pool
        _terminate(pool)
        raise
    pool.shutdown()


def _in_order(
    pool: ProcessPoolExecutor, func: Callable[[Cleaner, T], R], source: Iterator[T], jobs: int
) -> Iterator[R]:
    """The results, chunk by chunk, with a bounded number of chunks in flight."""
    pending: deque[Future[list[R]]] = deque()
    while True:
        while len(pending) < jobs * CHUNKS_AHEAD:
            chunk = list(islice(source, CHUNK_SIZE))
            if not chunk:
                break
            pending.append(pool.submit(_run_chunk, func, chunk))
        if not pending:
            return
        yield from pending.popleft().result()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop *pool* now: drop the chunks not started and kill the workers,
    which would otherwise finish every chunk already queued to them before
    the program could exit. ProcessPoolExecutor has no public way to reach
    its workers before Python 3.14 (terminate_workers)."""
    workers = list(pool._processes.values()) if pool._processes else []
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()


def _clean_one(cleaner: Cleaner, item: str | bytes | tuple[str | bytes, str | None]) -> CleanResult:
    if isinstance(item, tuple):
        doc, url = item
        return cleaner.clean(doc, url=url)
    return cleaner.clean(item)


def clean_many(
    docs: Iterable[str | bytes | tuple[str | bytes, str | None]],
    *,
    jobs: int | None = None,
    config: Config | None = None,
) -> Iterator[CleanResult]:
    """Clean each document (HTML or text, or a ``(document, url)`` pair) and
    yield the results in input order, lazily.

    ``jobs=None`` (or 1) cleans in this process; ``jobs=N`` uses N worker
    processes. A document of the wrong type raises ``TypeError`` when its
    result is reached, as :func:`cleanbody.clean` would.
    """
    # Checked here, not in the generator, so that a bad argument raises at once.
    return ordered_map(_clean_one, docs, Cleaner(config), check_jobs(jobs))
