"""What the CLI reads: files, folders, JSONL dumps and WARC archives.

A reader keeps everything it could read: a JSONL line is handed over as
bytes (the worker that cleans it parses it, so one bad line is that line's
error), and a WARC reader that meets a cut or corrupt archive first gives
every complete record before the break. The WARC reader is the only code
that touches fastwarc (extra ``cleanbody[warc]``), so another reader could
replace it in one place.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

#: Suffixes a folder is searched for.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
#: JSONL fields tried, in order, when no ``--field`` is given.
DEFAULT_FIELDS = ("html", "text", "content")
#: The first two bytes of every gzip stream.
GZIP_MAGIC = b"\x1f\x8b"


def kind_of(path: str) -> str:
    """``"jsonl"``, ``"warc"`` or ``"document"`` (an HTML or text file), by name."""
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "document"


def expand(inputs: list[str]) -> Iterator[str]:
    """The inputs, with each folder replaced by the files in it (recursively,
    sorted) that have a suffix cleanbody reads; ``-`` is stdin."""
    for name in inputs:
        # os.path.isdir, not Path.is_dir: a name that cannot be looked up (too long, say) is
        # not a folder, and opening it then reports why, in its place, instead of ending the run.
        if name != "-" and os.path.isdir(name):
            suffixes = DOCUMENT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
            found = (p for p in Path(name).rglob("*") if p.is_file() and p.name.lower().endswith(suffixes))
            yield from sorted(str(p) for p in found)
        else:
            yield name


@contextmanager
def open_binary(path: str) -> Iterator[io.BufferedIOBase]:
    """The file, or stdin for ``-``, gunzipped when it starts with gzip's magic
    bytes: by content, not name, because stdin has no name."""
    with ExitStack() as stack:
        # sys.stdin.buffer is a BufferedReader (typed as the narrower BinaryIO): it can peek.
        raw = cast(io.BufferedReader, sys.stdin.buffer) if path == "-" else stack.enter_context(open(path, "rb"))
        if raw.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC:
            yield stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
        else:
            yield raw


@dataclass(frozen=True, slots=True)
class JsonlLine:
    """One line of a JSONL input, as read; :func:`parse_record` makes it a record."""

    number: int
    raw: bytes


def read_jsonl(stream: io.BufferedIOBase) -> Iterator[JsonlLine]:
    """Every line, in order, split on ``\\n`` only: a bare ``\\r`` (which
    universal newlines would take for a line end) can sit inside a record."""
    for number, raw in enumerate(stream, start=1):
        yield JsonlLine(number, raw)


def parse_record(line: JsonlLine) -> dict[str, Any]:
    """The line's JSON object, or ValueError saying why there is none.

    Beyond malformed JSON, the parser itself refuses some lines: nesting too
    deep for it (RecursionError) and integers longer than Python converts
    (ValueError); both are this line's error like any other. ``NaN``,
    ``Infinity`` and ``-Infinity``, which Python writes but JSON has not, and
    numbers beyond a double (which would become infinite) are read as null,
    so that the record can be written back as strict JSON.
    """
    text = line.raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise ValueError(f"line {line.number} is blank")
    try:
        record = json.loads(text, parse_float=_finite, parse_constant=lambda name: None)
    except json.JSONDecodeError as err:
        raise ValueError(f"line {line.number} is not JSON: {err}") from None
    except RecursionError:
        raise ValueError(f"line {line.number} is nested too deeply to read") from None
    except ValueError as err:
        raise ValueError(f"line {line.number} cannot be read: {err}") from None
    if not isinstance(record, dict):
        raise ValueError(f"line {line.number} is a JSON {type(record).__name__}, not an object")
    return record


def _finite(number: str) -> float | None:
    value = float(number)
    return value if math.isfinite(value) else None


def pick_field(record: dict[str, Any], field: str | None) -> str:
    """The field holding the document: *field*, else the first of html/text/content present."""
    if field is not None:
        if field not in record:
            raise KeyError(f"the record has no {field!r} field")
        return field
    for name in DEFAULT_FIELDS:
        if name in record:
            return name
    raise KeyError(f"the record has none of the fields {', '.join(DEFAULT_FIELDS)} (choose one with --field)")


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML response from a WARC archive, or (with *error*) one the archive cuts short."""

    url: str | None
    record_id: str | None
    date: str | None
    #: The HTTP body, as sent.
    html: bytes
    error: str | None = None
    #: The charset the HTTP header declares, for ``clean(..., encoding=)`` (read as browsers read labels).
    charset: str | None = None


class _Forward:
    """The stream fastwarc reads: forwards only, and a failure ends it.

    fastwarc asks where the stream is before it reads, which a pipe cannot
    answer; the count of bytes handed over can. A read that fails (a gzip
    member cut or corrupt) ends the stream and is kept in ``error`` for after
    the iteration: raised inside fastwarc, it would drop the complete records
    still in fastwarc's buffer. ``read1`` makes a GzipFile hand over what it
    decompressed before the failure, which ``read`` would gather and lose.
    """

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream
        self._position = 0
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            data = self._stream.read1(size)
        except Exception as err:  # zlib.error, gzip.BadGzipFile, EOFError, OSError: whatever the stream raises
            self.error = err
            return b""
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position


def read_warc(stream: io.BufferedIOBase) -> Iterator[WarcPage]:
    """The HTML response records of a WARC stream, in order.

    Every record is checked whole, since fastwarc hands over a record the
    stream ends inside as if it were complete. A cut HTML response keeps its
    place as a page with an error; a cut record of another kind, and a stream
    that breaks, raise EOFError or the stream's error, after every complete
    record before them.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as err:
        raise ImportError("reading WARC files needs fastwarc: pip install 'cleanbody[warc]'") from err
    source = _Forward(stream)
    # The stub asks for seek and close as well; fastwarc calls neither on a stream it did not open.
    for record in ArchiveIterator(cast(BinaryIO, source), parse_http=True):
        html = record.record_type == WarcRecordType.response and "html" in (record.http_content_type or "").lower()
        body = record.reader.read() if html else b""
        cut = _cut(record, len(body) if html else record.consume())
        if html:
            yield _page(record, body, cut)
        elif cut:
            raise EOFError(f"record {record.record_id} ({record.record_type}) is incomplete: {cut}")
    if source.error is not None:
        raise source.error


def _cut(record: Any, length: int) -> str | None:
    """Why *record*, of which *length* bytes of content were read, is not
    whole, or None. A cut inside the WARC header leaves the record without
    a Content-Length number (which every record has) or without its content."""
    if not (record.headers.get("Content-Length") or "").strip().isdigit():
        return "its header is cut short or damaged (no Content-Length)"
    if length < record.content_length:
        return f"its content is cut short ({length} of {record.content_length} bytes)"
    return None


def _page(record: Any, body: bytes, cut: str | None) -> WarcPage:
    url, record_id, date = record.headers.get("WARC-Target-URI"), record.record_id, record.headers.get("WARC-Date")
    if cut:
        return WarcPage(url, record_id, date, b"", f"the record is incomplete: {cut}")
    return WarcPage(url, record_id, date, body, charset=record.http_charset)
