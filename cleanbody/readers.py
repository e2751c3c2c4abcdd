"""What the CLI reads: files, folders, JSONL dumps and WARC archives.

The WARC reader is the only code that touches fastwarc (extra
``cleanbody[warc]``), so another reader could replace it in one place.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: Suffixes a folder is searched for.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
#: JSONL fields tried, in order, when no ``--field`` is given.
DEFAULT_FIELDS = ("html", "text", "content")


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
        path = Path(name)
        if name != "-" and path.is_dir():
            suffixes = DOCUMENT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
            found = (p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(suffixes))
            yield from sorted(str(p) for p in found)
        else:
            yield name


def open_binary(path: str, stdin: IO[bytes]) -> IO[bytes]:
    """The file (gunzipped if its name ends in .gz), or *stdin* for ``-``."""
    if path == "-":
        return stdin
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]  # a binary file object, as IO[bytes] means
    return open(path, "rb")


@dataclass(frozen=True, slots=True)
class JsonlLine:
    """One line of a JSONL input: the record, or why it is not one."""

    number: int
    record: dict[str, Any] | None
    error: str | None = None


def read_jsonl(stream: IO[bytes]) -> Iterator[JsonlLine]:
    """Every line, in order; a line that is not a JSON object keeps its place with an error."""
    for number, raw in enumerate(io.TextIOWrapper(stream, encoding="utf-8", errors="replace"), start=1):
        if not raw.strip():
            yield JsonlLine(number, None, f"line {number} is blank")
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as err:
            yield JsonlLine(number, None, f"line {number} is not JSON: {err}")
            continue
        if not isinstance(record, dict):
            yield JsonlLine(number, None, f"line {number} is a JSON {type(record).__name__}, not an object")
            continue
        yield JsonlLine(number, record)


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
    """An HTML response from a WARC archive."""

    url: str | None
    record_id: str | None
    date: str | None
    #: The HTTP body, decoded with the charset the HTTP header declares when it can be, else bytes.
    html: str | bytes


def read_warc(stream: IO[bytes]) -> Iterator[WarcPage]:
    """The HTML response records of a WARC file (plain or gzipped), in order."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as err:
        raise ImportError("reading WARC files needs fastwarc: pip install 'cleanbody[warc]'") from err
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
        content_type = (record.http_content_type or "").lower()
        if "html" not in content_type:
            continue
        body = record.reader.read()
        date = record.headers.get("WARC-Date")
        yield WarcPage(
            record.headers.get("WARC-Target-URI"), record.record_id, date, _decode(body, record.http_charset)
        )


def _decode(body: bytes, charset: str | None) -> str | bytes:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body
