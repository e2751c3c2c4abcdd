"""Clean many documents, in order, in worker processes: for scripts and the CLI.

Results come back in input order and lazily: at most a few chunks per worker
are in flight, so an endless input streams in bounded memory. Workers are
started with ``forkserver`` (``spawn`` where that is missing): unlike
``fork``, it is safe in a process that runs threads. Ctrl-C is the main
process's alone: workers ignore SIGINT, and the main process kills them
when it stops early (Ctrl-C, or a consumer that leaves). A worker that dies
(killed, out of memory, a crash in a C library) costs a restart, not the
run. As with any
multiprocessing code, a script that uses ``jobs > 1`` must run it under
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    func: Callable[[Cleaner, T], R],
    items: Iterable[T],
    cleaner: Cleaner,
    jobs: int,
    crashed: Callable[[T], R] | None = None,
) -> Generator[R, None, None]:
    """``func(cleaner, item)`` for each item, in order; *func* must be a
    module-level function (it is sent to the workers by name), *jobs* a
    checked count (:func:`check_jobs`). Closing the generator early stops
    the workers at once.

    When a worker dies, the items in flight are cleaned again, one at a
    time, by new workers; an item that kills its worker again gets
    ``crashed(item)``, or raises BrokenProcessPool in its place without
    *crashed*.
    """
    if jobs == 1:
        for item in items:
            yield func(cleaner, item)
        return
    pool = _Pool(jobs, cleaner)
    try:
        yield from _in_order(pool, func, iter(items), crashed)
    except BaseException:  # Ctrl-C, the consumer leaving (GeneratorExit), an item that kills its worker
        pool.terminate()
        raise
    pool.executor.shutdown()


class _Pool:
    """The worker processes, started again when one dies."""

    def __init__(self, jobs: int, cleaner: Cleaner) -> None:
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self.jobs = jobs
        self._cleaner = cleaner
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs, mp_context=self._context, initializer=_start_worker, initargs=(self._cleaner,)
        )

    def submit(self, func: Callable[[Cleaner, T], R], chunk: list[T]) -> Future[list[R]]:
        """The chunk's future; a pool found broken on submitting gives a failed one, as if it broke later."""
        try:
            return self.executor.submit(_run_chunk, func, chunk)
        except BrokenProcessPool as err:
            failed: Future[list[R]] = Future()
            failed.set_exception(err)
            return failed

    def restart(self) -> None:
        self.terminate()
        self.executor = self._start()

    def terminate(self) -> None:
        """Stop now: drop the chunks not started and kill the workers, which
        would otherwise finish every chunk already queued to them before the
        program could exit. ProcessPoolExecutor has no public way to reach
        its workers before Python 3.14 (terminate_workers)."""
        workers = list(self.executor._processes.values()) if self.executor._processes else []
        self.executor.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()


def _in_order(
    pool: _Pool, func: Callable[[Cleaner, T], R], source: Iterator[T], crashed: Callable[[T], R] | None
) -> Iterator[R]:
    """The results, chunk by chunk, with a bounded number of chunks in flight."""
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    while True:
        while len(pending) < pool.jobs * CHUNKS_AHEAD:
            chunk = list(islice(source, CHUNK_SIZE))
            if not chunk:
                break
            pending.append((chunk, pool.submit(func, chunk)))
        if not pending:
            return
        chunk, future = pending.popleft()
        if not isinstance(future.exception(), BrokenProcessPool):
            yield from future.result()  # the results, or the chunk's own exception
            continue
        # The death took every chunk in flight with it, and does not say which item caused it.
        pool.restart()
        again = chunk + [item for waiting, _ in pending for item in waiting]
        pending.clear()
        yield from _one_by_one(pool, func, again, crashed)


def _one_by_one(
    pool: _Pool, func: Callable[[Cleaner, T], R], items: list[T], crashed: Callable[[T], R] | None
) -> Iterator[R]:
    """*items* cleaned one at a time, so that a worker's death names its item."""
    for item in items:
        try:
            result = pool.submit(func, [item]).result()[0]
        except BrokenProcessPool:
            if crashed is None:
                raise
            pool.restart()
            result = crashed(item)
        yield result


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
