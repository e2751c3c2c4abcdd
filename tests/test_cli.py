"""The command line on folders, JSONL and WARC inputs: order, errors, workers, progress."""

from __future__ import annotations

import fcntl
import gzip
import itertools
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
import uuid
import zlib
from pathlib import Path
from typing import Any

import pytest

import cleanbody
from cleanbody.rules import catalogue

ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Bridge opens early | Millbrook Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge opens early</h1>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<p>The council opened the new river bridge on Monday morning, two months ahead of schedule, officials said.</p>
<p>Hundreds of residents walked across the span before noon, and the mayor cut a ribbon at the east end.</p>
</article><footer>© 2024 Millbrook Gazette</footer></body></html>"""
TEXT = (
    "The library reopened on Saturday, eight months after the river flooded its ground floor.\n\n"
    "Share on Facebook\n\n"
    "Staff dried and repaired more than four thousand books, and the children's room has new shelves."
)


SEED = ROOT / "seeds" / "002_0b0627ed010ec580.txt"


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleanbody", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def run_cli_bytes(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """run_cli without decoding, so that the output can be checked byte for byte (stdin is a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "cleanbody", *args], capture_output=True, input=stdin, cwd=ROOT, timeout=300
    )


def as_json(result: cleanbody.CleanResult) -> dict[str, object]:
    """What a result looks like after a JSON round trip (tuples become lists)."""
    return json.loads(json.dumps(result.to_dict()))


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def strict_lines(output: bytes) -> list[dict[str, Any]]:
    """The output's lines, each read as strict JSON from strict UTF-8: no NaN or Infinity, no lone surrogate."""
    text = output.decode("utf-8")  # strict: an invalid byte raises
    assert text.endswith("\n")
    records = [json.loads(line, parse_constant=_refuse) for line in text[:-1].split("\n")]
    for record in records:
        json.dumps(record, ensure_ascii=False).encode("utf-8")  # strict: a lone surrogate raises
    return records


# Files and folders --------------------------------------------------------------------------------


def test_prints_the_body() -> None:
    proc = run_cli(str(SEED))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == cleanbody.clean(SEED.read_bytes()).text


def test_json_is_the_result_and_its_source() -> None:
    proc = run_cli("--format", "json", str(SEED))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data.pop("source") == str(SEED)
    assert data == as_json(cleanbody.clean(SEED.read_bytes()))


def test_unknown_rule_is_a_usage_error() -> None:
    proc = run_cli("--disable", "no-such-rule", str(SEED))
    assert proc.returncode == 2
    assert "no-such-rule" in proc.stderr


def test_output_does_not_depend_on_hash_seed() -> None:
    """Determinism across processes: set iteration order must not leak into results."""
    outputs = {
        run_cli("--format", "json", str(SEED), env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    proc = run_cli("--format", "json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line.pop("source") for line in lines] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "page.html")]
    assert lines == [as_json(cleanbody.clean(TEXT.encode())), as_json(cleanbody.clean(PAGE.encode()))]
    assert "2 documents, 0 failed" in proc.stderr


def test_missing_file_is_reported_and_the_others_are_cleaned(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = run_cli(str(tmp_path / "nope.html"), str(page))
    assert proc.returncode == 1
    assert "nope.html" in proc.stderr
    assert "2 documents, 1 failed" in proc.stderr
    assert proc.stdout.strip() == cleanbody.clean(PAGE).text


def test_a_name_that_cannot_be_looked_up_is_reported_in_its_place(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = run_cli("x" * 300, str(page))  # stat() fails: File name too long
    assert proc.returncode == 1
    assert "File name too long" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip() == cleanbody.clean(PAGE).text


def test_an_undecodable_file_name_is_written_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(TEXT, encoding="utf-8")
    proc = run_cli_bytes("--format", "json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    [line] = strict_lines(proc.stdout)
    assert line["source"] == str(tmp_path / "caf\\udce9.txt")
    assert line["text"] == cleanbody.clean(TEXT).text


def test_stdin_and_explain() -> None:
    proc = run_cli("--explain", "-", stdin=TEXT)
    assert proc.returncode == 0, proc.stderr
    body, table = proc.stdout.split("\n\nkind: text")
    assert body == cleanbody.clean(TEXT).text
    assert "share.prompt" in table
    assert "Share on Facebook" in table


def test_list_rules_gives_id_category_and_summary() -> None:
    proc = run_cli("--list-rules")
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert rows == [[r.rule_id, r.category, r.summary] for r in catalogue()]


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_bad_jobs_is_a_usage_error(jobs: str) -> None:
    proc = run_cli("-j", jobs, "-", stdin=TEXT)
    assert proc.returncode == 2
    assert "jobs must be" in proc.stderr


def test_disable_and_favor_reach_the_cleaner(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    proc = run_cli("--disable", "share", "--favor", "precision", str(page))
    config = cleanbody.Config(disable={"share"}, favor="precision")
    assert proc.stdout.strip() == cleanbody.clean(TEXT.encode(), config=config).text
    assert "Share on Facebook" in proc.stdout


# JSONL ------------------------------------------------------------------------------------------------

RECORDS = [
    json.dumps({"id": 1, "html": PAGE, "url": "https://gazette.example/2024/05/06/bridge"}),
    json.dumps({"id": 2, "text": TEXT}),
    "{not json",
    json.dumps({"id": 4, "body": "no known field"}),
    json.dumps({"id": 5, "html": ["not", "a", "string"]}),
    "",
    json.dumps([1, 2]),
    json.dumps({"id": 8, "content": TEXT}),
]


def _check_jsonl(lines: list[str]) -> None:
    """One output line per input line, in order, each the input record plus `cleanbody`."""
    out = [json.loads(line) for line in lines]
    assert len(out) == len(RECORDS)
    assert [o.get("id") for o in out] == [1, 2, None, 4, 5, None, None, 8]
    first = out[0]
    assert first["url"] == "https://gazette.example/2024/05/06/bridge"
    expected = cleanbody.clean(PAGE, url="https://gazette.example/2024/05/06/bridge")
    assert first["cleanbody"] == as_json(expected)
    assert first["cleanbody"]["metadata"]["date"] == "2024-05-06"
    assert out[1]["cleanbody"] == as_json(cleanbody.clean(TEXT))
    assert out[7]["cleanbody"] == as_json(cleanbody.clean(TEXT))
    errors = {i: o["cleanbody"]["error"] for i, o in enumerate(out) if "error" in o["cleanbody"]}
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert "not JSON" in errors[2]
    assert "html, text, content" in errors[3]
    assert "not a string" in errors[4]
    assert "blank" in errors[5]
    assert "not an object" in errors[6]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_keeps_every_line_in_order(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "dump.jsonl"
    source.write_text("\n".join(RECORDS) + "\n", encoding="utf-8")
    proc = run_cli("-j", jobs, str(source))
    assert proc.returncode == 1  # some records failed
    _check_jsonl(proc.stdout.splitlines())
    assert "8 documents, 5 failed" in proc.stderr


def test_gzipped_jsonl_in_and_out(tmp_path: Path) -> None:
    source = tmp_path / "dump.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        f.write("\n".join(RECORDS) + "\n")
    out = tmp_path / "out.jsonl.gz"
    proc = run_cli("-o", str(out), str(source))
    assert proc.stdout == ""
    with gzip.open(out, "rt", encoding="utf-8") as f:
        _check_jsonl(f.read().splitlines())


def test_two_workers_give_the_same_output_as_one(tmp_path: Path) -> None:
    records = [{"id": i, "text": TEXT.replace("Saturday", f"day {i}")} for i in range(100)]
    records[37] = {"id": 37, "html": PAGE}
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    one, two = run_cli("-j", "1", str(source)), run_cli("-j", "2", str(source))
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == list(range(100))


def test_field_option_and_stdin_jsonl() -> None:
    stdin = json.dumps({"id": "x", "html": "<p>ignored</p>", "body": TEXT}) + "\n"
    proc = run_cli("--input-format", "jsonl", "--field", "body", "-", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["cleanbody"]["text"] == cleanbody.clean(TEXT).text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lines_the_json_parser_refuses_are_errors_in_place(tmp_path: Path, jobs: str) -> None:
    lines = [
        json.dumps({"id": 1, "text": TEXT}),
        "[" * 100_000 + "]" * 100_000,  # RecursionError in json.loads
        '{"id": 3, "text": "x", "n": ' + "7" * 5000 + "}",  # ValueError: more digits than int() converts
        '{"id": 4, "text": "a\\ud800b"}',  # a lone surrogate: UTF-8 cannot write it back
        json.dumps({"id": 5, "text": TEXT}),
    ]
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli_bytes("-j", jobs, str(source))
    assert proc.returncode == 1
    out = strict_lines(proc.stdout)
    assert [o.get("id") for o in out] == [1, None, None, None, 5]
    assert out[0]["cleanbody"] == out[4]["cleanbody"] == as_json(cleanbody.clean(TEXT))
    errors = [o["cleanbody"].get("error", "") for o in out]
    assert "line 2 is nested too deeply" in errors[1]
    assert "line 3 cannot be read" in errors[2] and "digits" in errors[2]
    assert "line 4 cannot be written back as strict JSON in UTF-8" in errors[3]
    assert "5 documents, 3 failed" in proc.stderr.decode()


def test_a_bare_carriage_return_does_not_split_a_line(tmp_path: Path) -> None:
    lines = [
        '{"id": 1,\r"text": ' + json.dumps(TEXT) + "}",  # JSON whitespace
        '{"id": 2, "text": "one\rtwo"}',  # a raw control character in a string: not JSON, one error
        json.dumps({"id": 3, "text": TEXT}),
    ]
    source = tmp_path / "cr.jsonl"
    source.write_bytes(("\n".join(lines) + "\n").encode())
    proc = run_cli_bytes(str(source))
    out = strict_lines(proc.stdout)
    assert [o.get("id") for o in out] == [1, None, 3]
    assert out[0]["cleanbody"] == out[2]["cleanbody"] == as_json(cleanbody.clean(TEXT))
    assert "line 2 is not JSON" in out[1]["cleanbody"]["error"]


def test_nan_infinity_and_numbers_beyond_a_double_are_written_as_null(tmp_path: Path) -> None:
    source = tmp_path / "nan.jsonl"
    numbers = '"a": NaN, "b": Infinity, "c": -Infinity, "d": 1e400, "e": 1.5'  # what json.dumps writes, and more
    source.write_text(f'{{{numbers}, "text": {json.dumps(TEXT)}}}\n', encoding="utf-8")
    proc = run_cli_bytes(str(source))
    assert proc.returncode == 0, proc.stderr
    [line] = strict_lines(proc.stdout)
    assert line == {"a": None, "b": None, "c": None, "d": None, "e": 1.5, "text": TEXT, "cleanbody": line["cleanbody"]}
    assert line["cleanbody"] == as_json(cleanbody.clean(TEXT))


def test_a_record_whose_worker_died_keeps_its_fields() -> None:
    from cleanbody.cli import _crashed, _Options  # what batch.ordered_map writes for it (tests/test_batch.py)
    from cleanbody.readers import JsonlLine

    options = _Options("text", False, None, None, "auto")
    ok, line, problem = _crashed(options, JsonlLine(7, b'{"id": 7, "text": "x", "cleanbody": 1}\n'))
    assert not ok and line is not None and problem is not None
    assert strict_lines(line + b"\n") == [{"id": 7, "text": "x", "cleanbody": {"error": problem[len("line 7: ") :]}}]
    assert "died" in problem


def _records(count: int) -> bytes:
    return "".join(
        json.dumps({"id": i, "text": TEXT.replace("Saturday", f"day {i}")}) + "\n" for i in range(count)
    ).encode()


def _damaged_gzip(damage: str) -> bytes:
    """3000 records gzipped, flushed to a byte boundary after the first 1500 and damaged there."""
    records = _records(3000)
    half = records.index(b'{"id": 1500,')
    packer = zlib.compressobj(wbits=31)  # a gzip stream
    first = packer.compress(records[:half]) + packer.flush(zlib.Z_FULL_FLUSH)
    rest = packer.compress(records[half:]) + packer.flush()
    return {
        "corrupt": first + b"\xff" + rest,  # a block of the reserved type: zlib.error
        "cut": first,  # EOFError
        "checksum": first + rest[:-8] + bytes([rest[-8] ^ 1]) + rest[-7:],  # gzip.BadGzipFile, after the last line
    }[damage]


@pytest.mark.parametrize(("damage", "kept"), [("corrupt", range(1450, 1501)), ("cut", [1500]), ("checksum", [3000])])
def test_a_damaged_gzip_keeps_the_lines_before_and_the_next_files(tmp_path: Path, damage: str, kept: range) -> None:
    source, after = tmp_path / "dump.jsonl.gz", tmp_path / "after.jsonl"
    source.write_bytes(_damaged_gzip(damage))
    after.write_text(json.dumps({"id": "after", "text": TEXT}) + "\n", encoding="utf-8")
    proc = run_cli_bytes(str(source), str(after))
    assert proc.returncode == 1
    out = strict_lines(proc.stdout)
    ids = [o["id"] for o in out]
    assert ids[-1] == "after"
    # Every line before the damage, whole and in order, but for the text decoded in the step that meets it (<= 8 KB).
    assert ids[:-1] == list(range(len(ids) - 1))
    assert len(ids) - 1 in kept
    assert all("error" not in o["cleanbody"] for o in out)
    assert f"cleanbody: {source}: " in proc.stderr.decode()


def test_gzipped_stdin_is_gunzipped() -> None:
    proc = run_cli_bytes("--input-format", "jsonl", "-", stdin=gzip.compress(_records(3)))
    assert proc.returncode == 0, proc.stderr
    assert [o["id"] for o in strict_lines(proc.stdout)] == [0, 1, 2]


# WARC -------------------------------------------------------------------------------------------------


def _warc_record(kind: str, headers: dict[str, str], block: bytes) -> bytes:
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        *(f"{k}: {v}" for k, v in headers.items()),
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _http(content_type: str, body: bytes) -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def write_warc(path: Path) -> list[str]:
    """A small crawl: warcinfo, then request/response pairs, one of them an image. Returns the HTML URLs."""
    records = [_warc_record("warcinfo", {"Content-Type": "application/warc-fields"}, b"software: test\r\n")]
    pages = [
        ("https://gazette.example/bridge", "text/html; charset=utf-8", PAGE.encode()),
        ("https://gazette.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://post.example/library", "text/html; charset=windows-1252", LIBRARY.encode("cp1252")),
    ]
    for url, content_type, body in pages:
        common = {"WARC-Target-URI": url, "WARC-Date": "2024-05-06T10:00:00Z"}
        records.append(_warc_record("request", {**common, "Content-Type": "application/http; msgtype=request"}, b""))
        http = {**common, "Content-Type": "application/http; msgtype=response"}
        records.append(_warc_record("response", http, _http(content_type, body)))
    with gzip.open(path, "wb") if path.suffix == ".gz" else path.open("wb") as f:
        for record in records:
            f.write(record)
    return [pages[0][0], pages[2][0]]


#: An HTML response that starts like text: the HTTP header, not the sniffer, says it is HTML.
LIBRARY = "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n")) + "<p>Cafés nearby stayed open late.</p>"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_gives_one_line_per_html_response(tmp_path: Path, name: str) -> None:
    pytest.importorskip("fastwarc", reason="fastwarc is not installed: pip install 'cleanbody[warc]'")
    urls = write_warc(tmp_path / name)
    proc = run_cli("-j", "2", str(tmp_path / name))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["url"] for o in out] == urls
    assert all(o["warc_record_id"].startswith("<urn:uuid:") and o["warc_date"] == "2024-05-06T10:00:00Z" for o in out)
    # The body as sent, decoded with the charset the HTTP header gives.
    assert out[0]["cleanbody"] == as_json(cleanbody.clean(PAGE.encode(), url=urls[0], kind="html", encoding="utf-8"))
    library = cleanbody.clean(LIBRARY.encode("cp1252"), url=urls[1], kind="html", encoding="windows-1252")
    assert out[1]["cleanbody"] == as_json(library)
    assert "Cafés" in out[1]["cleanbody"]["text"]


def _responses(count: int) -> list[bytes]:
    """*count* HTML response records of about 2 KB, for https://gazette.example/0 and on."""
    records = []
    for i in range(count):
        body = PAGE.replace("Bridge opens early", f"Bridge {i} opens early").encode()
        headers = {"WARC-Target-URI": f"https://gazette.example/{i}", "WARC-Date": "2024-05-06T10:00:00Z"}
        http = _http("text/html; charset=utf-8", body)
        records.append(
            _warc_record("response", {**headers, "Content-Type": "application/http; msgtype=response"}, http)
        )
    return records


def test_a_cut_warc_gz_keeps_every_complete_record(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc", reason="fastwarc is not installed: pip install 'cleanbody[warc]'")
    members = [gzip.compress(r) for r in _responses(300)]  # gzipped record by record, as crawlers write them
    packed = b"".join(members)
    cut = len(packed) * 9 // 10
    whole = sum(1 for end in itertools.accumulate(len(m) for m in members) if end <= cut)
    source, after = tmp_path / "crawl.warc.gz", tmp_path / "after.jsonl"
    source.write_bytes(packed[:cut])
    after.write_text(json.dumps({"id": "after", "text": TEXT}) + "\n", encoding="utf-8")
    proc = run_cli_bytes(str(source), str(after))
    assert proc.returncode == 1
    out = strict_lines(proc.stdout)
    assert out[-1]["id"] == "after"
    cleaned = [o["url"] for o in out[:-1] if "error" not in o["cleanbody"]]
    assert cleaned == [f"https://gazette.example/{i}" for i in range(whole)]
    assert len(out) - 1 - whole <= 1  # at most the cut record, as an error
    assert f"cleanbody: {source}: Compressed file ended" in proc.stderr.decode()


@pytest.mark.parametrize("where", ["body", "header", "request"])
def test_a_cut_plain_warc_reports_the_cut_record(tmp_path: Path, where: str) -> None:
    pytest.importorskip("fastwarc", reason="fastwarc is not installed: pip install 'cleanbody[warc]'")
    records = _responses(5)
    if where == "request":
        records.append(
            _warc_record("request", {"Content-Type": "application/http; msgtype=request"}, b"GET / HTTP/1.1")
        )
    last = records[-1]
    cut = {"body": len(last) // 2, "header": last.index(b"Content-Length"), "request": len(last) - 10}[where]
    source = tmp_path / "crawl.warc"
    source.write_bytes(b"".join(records[:-1]) + last[:cut])
    proc = run_cli_bytes(str(source))
    assert proc.returncode == 1
    out = strict_lines(proc.stdout)
    assert [o["url"] for o in out if "error" not in o["cleanbody"]] == [
        f"https://gazette.example/{i}" for i in range(5 if where == "request" else 4)
    ]
    errors = [o for o in out if "error" in o["cleanbody"]]
    if where == "body":
        assert [o["url"] for o in errors] == ["https://gazette.example/4"]
        assert "is incomplete: its content is cut short" in errors[0]["cleanbody"]["error"]
    else:
        assert errors == []
        assert f"cleanbody: {source}: " in proc.stderr.decode()


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_on_stdin(gzipped: bool) -> None:
    pytest.importorskip("fastwarc", reason="fastwarc is not installed: pip install 'cleanbody[warc]'")
    records = _responses(3)
    stdin = b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records)
    proc = run_cli_bytes("--input-format", "warc", "-", stdin=stdin)  # a pipe: fastwarc cannot seek it
    assert proc.returncode == 0, proc.stderr
    assert [o["url"] for o in strict_lines(proc.stdout)] == [f"https://gazette.example/{i}" for i in range(3)]


# Output -----------------------------------------------------------------------------------------------


def test_an_output_folder_that_does_not_exist_is_one_line_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "nope" / "out.jsonl"
    proc = run_cli("-o", str(out), str(_jsonl(tmp_path, 2)))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"cleanbody: cannot write {out}: No such file or directory"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["file", "gzipped file", "stdout"])
def test_a_full_disk_is_one_line_on_stderr(tmp_path: Path, where: str) -> None:
    source = str(_jsonl(tmp_path, 2))
    if where == "stdout":
        with open("/dev/full", "wb") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "cleanbody", source], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT
            )
        name = "stdout"
    else:
        name = "/dev/full"
        if where == "gzipped file":
            name = str(tmp_path / "full.jsonl.gz")
            os.symlink("/dev/full", name)
        proc = run_cli("-o", name, source)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"cleanbody: cannot write {name}: No space left on device"]


# Progress ---------------------------------------------------------------------------------------------


def _jsonl(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps({"text": TEXT}) + "\n" for _ in range(count)), encoding="utf-8")
    return source


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    proc = run_cli(str(_jsonl(tmp_path, 5)))
    assert "\r" not in proc.stderr
    assert proc.stderr.strip().startswith("cleanbody: 5 documents, 0 failed")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # rows, columns
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "cleanbody", "-o", os.devnull, str(_jsonl(tmp_path, 5))],
            stderr=follower,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
            timeout=120,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0
    assert b"5doc" in shown and b"doc/s" in shown  # the count and the rate (the total is not known ahead)


# Ctrl-C and dying workers -----------------------------------------------------------------------------


def _start(tmp_path: Path, count: int, out: Path) -> subprocess.Popen[bytes]:
    """cleanbody -j 2 on *count* records, in its own process group (as a shell runs it), once it has
    started writing *out*."""
    source = tmp_path / "many.jsonl"
    if not source.exists():
        source.write_bytes(_records(count))
    with (tmp_path / "stderr.txt").open("ab") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleanbody", "-j", "2", "-o", str(out), str(source)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            cwd=ROOT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while not (out.exists() and out.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.01)
    return proc


@pytest.mark.slow
def test_ctrl_c_with_workers_exits_130_at_once_on_whole_lines(tmp_path: Path) -> None:
    """SIGINT to the process group, as Ctrl-C sends it; it hung 2 runs in 28 when the workers took it too."""
    for attempt in range(10):
        out = tmp_path / f"out{attempt}.jsonl"
        proc = _start(tmp_path, 5000, out)
        try:
            os.killpg(proc.pid, signal.SIGINT)
            assert proc.wait(timeout=5) == 130, (tmp_path / "stderr.txt").read_text()
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        ids = [o["id"] for o in strict_lines(out.read_bytes())]
        assert ids == list(range(len(ids)))


@pytest.mark.slow
def test_a_killed_worker_costs_a_restart_not_the_run(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = _start(tmp_path, 3000, out)
    try:
        session = subprocess.run(["ps", "-o", "pid=,ppid=", "-s", str(proc.pid)], capture_output=True, text=True)
        pids = dict(line.split() for line in session.stdout.splitlines())
        # The workers are the children of the forkserver, the main process's other child.
        workers = [pid for pid, parent in pids.items() if parent != str(proc.pid) and parent in pids]
        os.kill(int(workers[0]), signal.SIGKILL)
        assert proc.wait(timeout=120) == 0, (tmp_path / "stderr.txt").read_text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert [o["id"] for o in strict_lines(out.read_bytes())] == list(range(3000))
