"""Command line: clean files, folders, JSONL dumps and WARC archives.

    cleanbody page.html                      # the clean body on stdout
    cleanbody --explain page.html            # ... and every removal, with its rule and reason
    cleanbody -j 2 -o out.jsonl dump.jsonl   # one output line per input line, in order
    cleanbody -o pages.jsonl crawl.warc.gz   # one line per HTML response (extra cleanbody[warc])

Documents are cleaned in worker processes with ``-j N``; the output order is
always the input order. A document that cannot be cleaned keeps its place
with an error; the exit code is 1 when any did, and multi-document runs end
with a summary on stderr. Every output is encoded, as strict JSON or text in
UTF-8, in the worker that made it: output that cannot be written is that
document's error, not the end of the run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import IO, Any, cast

from cleanbody import __version__
from cleanbody._api import Cleaner
from cleanbody.batch import check_jobs, ordered_map
from cleanbody.config import Config
from cleanbody.input import InputKind
from cleanbody.model import CleanResult
from cleanbody.readers import (
    JsonlLine,
    WarcPage,
    expand,
    kind_of,
    open_binary,
    parse_record,
    pick_field,
    read_jsonl,
    read_warc,
)
from cleanbody.rules import catalogue


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanbody",
        description="Clean article text out of scraped pages: HTML or plain-text files, folders of them, "
        "JSONL dumps and WARC archives.",
    )
    p.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT", help="files or folders; '-' or nothing: stdin")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout (.gz: gzipped)")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="for HTML and text files: the body, or one JSON line per file (the result's to_dict() plus 'source'); "
        "JSONL and WARC inputs always give JSON lines",
    )
    p.add_argument(
        "--input-format",
        choices=("auto", "document", "jsonl", "warc"),
        default="auto",
        help="how to read the inputs (auto: by file name; stdin is a document)",
    )
    p.add_argument("--field", metavar="NAME", help="the JSONL field with the document (default: html, text or content)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--explain", action="store_true", help="after each text, a table of every removal, rule and reason")
    p.add_argument(
        "--kind", choices=("auto", "html", "text", "markdown"), default="auto", help="force the document kind"
    )
    p.add_argument("--url", help="the page's URL (for JSONL, used when a record has no 'url')")
    p.add_argument("--favor", choices=("precision", "balanced", "recall"), default="balanced")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_OR_CATEGORY", help="repeatable")
    p.add_argument("--enable", action="append", default=[], metavar="RULE_OR_CATEGORY", help="repeatable")
    p.add_argument("--list-rules", action="store_true", help="print each rule: id, category and summary")
    p.add_argument("--version", action="version", version=f"cleanbody {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (`cleanbody page.html | head`): stop quietly.
        return 0
    except _CannotWrite as err:
        print(f"cleanbody: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.list_rules:
        for rule in catalogue():
            print(f"{rule.rule_id}\t{rule.category}\t{rule.summary}")
        return 0
    try:
        cleaner = Cleaner(Config(disable=frozenset(args.disable), enable=frozenset(args.enable), favor=args.favor))
        jobs = check_jobs(args.jobs)
    except ValueError as err:
        print(f"cleanbody: {err}", file=sys.stderr)
        return 2
    paths = list(expand(args.inputs))
    formats = [args.input_format if args.input_format != "auto" else _guess(path) for path in paths]
    many = len(paths) > 1 or any(f != "document" for f in formats)
    options = _Options(args.format, args.explain, args.field, args.url, args.kind)
    sink = _Sink(args.output)
    started = time.perf_counter()
    done = failed = 0
    if jobs > 1:
        # This process is the CLI's own: its forkserver can import cleanbody once, so that no worker
        # (nor a restart after one dies) waits for the import.
        multiprocessing.set_forkserver_preload(["cleanbody"])
    process, crashed = functools.partial(_process, options), functools.partial(_crashed, options)
    results = ordered_map(process, _tasks(paths, formats), cleaner, jobs, crashed)
    try:
        outputs: Iterator[_Line] = results
        if many:
            from tqdm import tqdm

            # disable=None: no bar when stderr is not a terminal (logs, pipes).
            outputs = tqdm(results, disable=None, file=sys.stderr, unit="doc", dynamic_ncols=True)
        for ok, line, problem in outputs:
            done += 1
            if not ok:
                failed += 1
                if problem:
                    print(f"cleanbody: {problem}", file=sys.stderr)
            if line is not None:
                sink.write(line)
    finally:
        results.close()  # on Ctrl-C or a failed write, this stops the workers at once
        sink.close()
    if many:
        seconds = time.perf_counter() - started
        rate = done / seconds if seconds else 0.0
        print(f"cleanbody: {done} documents, {failed} failed, {seconds:.1f} s ({rate:.1f} docs/s)", file=sys.stderr)
    return 1 if failed else 0


def _guess(path: str) -> str:
    return "document" if path == "-" else kind_of(path)


class _CannotWrite(Exception):
    """The output cannot be written (no such folder, a full disk): one line on stderr, exit 1."""


class _Sink:
    """Where the output goes: stdout, or a file (gzipped when its name ends in .gz).

    Each output is written whole: Ctrl-C during a write (one to a full pipe
    can block) takes effect right after it, so an interrupted run ends on a
    complete line, and a gzipped file on a complete stream.
    """

    def __init__(self, path: str | None) -> None:
        self._path = path
        self._writing = self._interrupted = False
        with self._reporting():
            self._stream = _open_output(path)
        self._default_handler = signal.signal(signal.SIGINT, self._on_interrupt)

    def write(self, line: bytes) -> None:
        with self._uninterrupted(), self._reporting():
            self._stream.write(line)
            self._stream.write(b"\n")

    def close(self) -> None:
        """Flush stdout or close the file, then give Ctrl-C back its usual handler."""
        try:
            with self._uninterrupted(), self._reporting():
                if self._path is None:
                    self._stream.flush()
                else:
                    self._stream.close()
        finally:
            signal.signal(signal.SIGINT, self._default_handler)

    def _on_interrupt(self, _signum: int, _frame: FrameType | None) -> None:
        if not self._writing:
            raise KeyboardInterrupt
        self._interrupted = True

    @contextmanager
    def _uninterrupted(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._interrupted:
            raise KeyboardInterrupt

    @contextmanager
    def _reporting(self) -> Iterator[None]:
        """An OSError as _CannotWrite, naming the output; a closed pipe stays
        BrokenPipeError (the quiet end of `cleanbody ... | head`)."""
        try:
            yield
        except OSError as err:
            if self._path is None:
                _drop_stdout()
            if isinstance(err, BrokenPipeError):
                raise
            name = "stdout" if self._path is None else self._path
            raise _CannotWrite(f"cannot write {name}: {err.strerror or err}") from err


def _open_output(path: str | None) -> IO[bytes]:
    if path is None:
        return sys.stdout.buffer
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "wb"))  # a binary file object, as IO[bytes] means
    return open(path, "wb")


def _drop_stdout() -> None:
    """Point stdout at /dev/null once writing to it failed: Python flushes it
    again at exit, and a second failure there prints a traceback and makes
    the exit code 120."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


# What the main process reads and sends to the workers. Every task is plain
# picklable data; the file reading happens here, in input order.
@dataclass(frozen=True, slots=True)
class _Document:
    source: str
    data: bytes


@dataclass(frozen=True, slots=True)
class _Unreadable:
    source: str
    error: str


_Task = _Document | _Unreadable | JsonlLine | WarcPage


def _tasks(paths: list[str], formats: list[str]) -> Iterator[_Task]:
    """Every file's tasks, in order. A file that fails to read (missing, a
    corrupt gzip, a cut archive) keeps what was read before the failure,
    is reported, and the next file is read: the readers raise their own
    exception types (zlib.error, fastwarc's OSError, ...), so any counts."""
    for path, fmt in zip(paths, formats, strict=True):
        source = _printable(path)
        try:
            with open_binary(path) as stream:
                if fmt == "jsonl":
                    yield from read_jsonl(stream)
                elif fmt == "warc":
                    yield from read_warc(stream)
                else:
                    yield _Document(source, stream.read())
        except Exception as err:
            yield _Unreadable(source, str(err) or type(err).__name__)  # made printable on the way out


@dataclass(frozen=True, slots=True)
class _Options:
    format: str
    explain: bool
    field: str | None
    url: str | None
    kind: InputKind


#: (cleaned?, what to write (None: nothing), what to tell on stderr)
_Line = tuple[bool, bytes | None, str | None]


def _process(options: _Options, cleaner: Cleaner, task: _Task) -> _Line:
    """Clean one task into its output; runs in a worker. Never raises: one
    bad record must not stop a run over millions."""
    if isinstance(task, JsonlLine):
        return _jsonl_output(options, cleaner, task)
    if isinstance(task, _Unreadable):
        return _failed_output(options, task, task.error)
    if isinstance(task, WarcPage) and task.error is not None:
        return _failed_output(options, task, task.error)
    try:
        if isinstance(task, WarcPage):
            # The HTTP header said HTML: no need to sniff.
            kind = "html" if options.kind == "auto" else options.kind
            result = cleaner.clean(task.html, url=task.url, kind=kind, encoding=task.charset)
            return True, _warc_line(task, result.to_dict()), None
        result = cleaner.clean(task.data, url=options.url, kind=options.kind)
        return True, _file_output(options, task.source, result), None
    except Exception as err:
        return _failed_output(options, task, f"{type(err).__name__}: {err}")


def _jsonl_output(options: _Options, cleaner: Cleaner, line: JsonlLine) -> _Line:
    """The line's record plus its ``cleanbody`` key, or the line's error; never raises."""
    return _record_output(line, functools.partial(_clean_record, options, cleaner))


def _record_output(line: JsonlLine, clean: Callable[[dict[str, Any]], dict[str, Any]]) -> _Line:
    """The record with ``clean(record)`` under ``cleanbody``, or the error.

    The record is encoded once, before it is cleaned, and the result is
    spliced in after its last field: a record that cannot be written back as
    strict UTF-8 JSON (a lone surrogate escape such as ``"\\ud800"``, nesting
    deeper than the encoder goes) costs no cleaning, and once the record is
    encoded its error line cannot fail.
    """
    try:
        record = parse_record(line)
    except ValueError as err:
        return _line_error(str(err))
    record.pop("cleanbody", None)  # a previous run's result, which this one replaces
    try:
        head = _encode(record)
    except (ValueError, RecursionError) as err:
        return _line_error(f"line {line.number} cannot be written back as strict JSON in UTF-8: {err}")
    try:
        return True, _splice(head, _encode(clean(record))), None
    except _RecordError as err:
        error = str(err)
    except Exception as err:
        error = f"{type(err).__name__}: {err}"
    error = _printable(error)
    return False, _splice(head, _encode({"error": error})), f"line {line.number}: {error}"


class _RecordError(Exception):
    """Why a record is not cleaned, in words meant for its error as they are."""


def _clean_record(options: _Options, cleaner: Cleaner, record: dict[str, Any]) -> dict[str, Any]:
    """The record's document, cleaned; _RecordError when it has none to clean."""
    try:
        field = pick_field(record, options.field)
    except KeyError as err:
        raise _RecordError(err.args[0]) from None
    doc = record[field]
    if not isinstance(doc, str):
        raise _RecordError(f"field {field!r} is a JSON {type(doc).__name__}, not a string")
    url = record.get("url") if isinstance(record.get("url"), str) else options.url
    return cleaner.clean(doc, url=url, kind=options.kind).to_dict()


def _line_error(error: str) -> _Line:
    """A JSONL line with no record to keep: its error alone holds its place."""
    error = _printable(error)
    return False, _encode({"cleanbody": {"error": error}}), error


def _splice(head: bytes, cleaned: bytes) -> bytes:
    """The encoded record *head* with ``"cleanbody": cleaned`` as its last
    field, as _encode would write the record with that key added."""
    return head[:-1] + (b", " if head != b"{}" else b"") + b'"cleanbody": ' + cleaned + b"}"


def _file_output(options: _Options, source: str, result: CleanResult) -> bytes:
    if options.format == "json":
        return _encode({"source": source, **result.to_dict()})
    return (result.text + ("\n\n" + result.explain() if options.explain else "")).encode("utf-8")


def _file_error(options: _Options, source: str, error: str) -> _Line:
    line = _encode({"source": source, "cleanbody": {"error": error}}) if options.format == "json" else None
    return False, line, f"{source}: {error}"


def _warc_line(page: WarcPage, cleaned: dict[str, Any]) -> bytes:
    return _encode({"url": page.url, "warc_record_id": page.record_id, "warc_date": page.date, "cleanbody": cleaned})


def _failed_output(options: _Options, task: _Document | _Unreadable | WarcPage, error: str) -> _Line:
    """The task's error in its place. Cannot fail: the error is made printable,
    a source is printable from the start (_tasks), and fastwarc's header strings
    are valid UTF-8."""
    error = _printable(error)
    if isinstance(task, WarcPage):
        return False, _warc_line(task, {"error": error}), f"{task.url}: {error}"
    return _file_error(options, task.source, error)


#: What a task whose worker died twice gets (batch.ordered_map tries it a second time, alone).
_WORKER_DIED = "the worker process cleaning it died (out of memory, or a crash), twice"


def _crashed(options: _Options, task: _Task) -> _Line:
    if isinstance(task, JsonlLine):
        return _record_output(task, _worker_died)
    return _failed_output(options, task, _WORKER_DIED)


def _worker_died(record: dict[str, Any]) -> dict[str, Any]:
    raise _RecordError(_WORKER_DIED)


def _encode(data: dict[str, Any]) -> bytes:
    """*data* as one line of strict JSON in UTF-8: ``allow_nan=False`` refuses
    NaN and Infinity, which JSON has not, and the strict encoding a lone
    surrogate; both raise ValueError."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _printable(text: str) -> str:
    """*text* with each lone surrogate (a file name's undecodable byte, say)
    as a ``\\udcxx`` escape, so that UTF-8 can hold it."""
    return text.encode("utf-8", errors="backslashreplace").decode("utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
