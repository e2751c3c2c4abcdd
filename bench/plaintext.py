"""Score ``cleanbody.clean(text)`` on the plain-text benchmark (dev split).

Each record is a whole news or blog page rendered to text by a naive scraper
(``html_text``, ``inscriptis`` or ``a11y``), with the human-written article
body and a content/noise label per line. The data lives outside the repo, in
``../shared/bench/plaintext/`` (see its README); it must never be copied in.

Prints shingle P/R/F1 (the Zyte benchmark's metric), line precision/recall and
throughput per rendering, next to two reference rows that check the metric
itself: ``keep_all`` (the input unchanged, ≈0.66 F1) and ``oracle`` (exactly
the content lines, ≈0.999 F1).

    python bench/plaintext.py [--rendering a11y] [--limit 30] [--favor recall]
                              [--json out.json] [--worst 10] [--dump /tmp/cb]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Score the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import cleanbody  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench._metrics import LineCounts, PageCounts, corpus_scores, kept_lines, line_counts, page_counts  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "plaintext" / "dev.jsonl.gz"
RENDERINGS = ("html_text", "inscriptis", "a11y")
FAVORS = ("precision", "balanced", "recall")
REMOVED_MARKER = "=== REMOVED ==="


@dataclass(frozen=True)
class Record:
    """One page in one rendering, with labels reduced to what scoring needs."""

    id: str
    rendering: str
    url: str
    text: str
    lines: tuple[tuple[str, bool], ...]  # (line text, is content)
    expected: str


@dataclass(frozen=True)
class Scored:
    """One system's output for one record, with its per-page scores."""

    record: Record
    output: str
    shingles: PageCounts
    lines: LineCounts


@dataclass(frozen=True)
class Row:
    """One line of the results table (and of the JSON report)."""

    system: str
    rendering: str
    docs: int
    shingle_f1: float
    precision: float
    recall: float
    line_precision: float
    line_recall: float
    mb_per_s: float | None


def load_records(path: Path) -> list[Record]:
    """Read the gzipped JSON Lines file into records, in file order."""
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for raw in f:
            r = json.loads(raw)
            lines = tuple((line["text"], line["label"] == "content") for line in r["lines"])
            records.append(Record(r["id"], r["rendering"], r["url"], r["text"], lines, r["expected"]))
    return records


def score(record: Record, output: str, kept: Sequence[bool]) -> Scored:
    return Scored(record, output, page_counts(record.expected, output), line_counts(record.lines, kept))


def oracle_text(record: Record) -> str:
    """Exactly the content lines: what a perfect line-level cleaner returns."""
    return "\n".join(text for text, is_content in record.lines if is_content)


def run_cleanbody(
    records: Sequence[Record], config: cleanbody.Config | None, dump: Path | None
) -> tuple[list[Scored], dict[str, float]]:
    """Clean every record; returns the scored outputs and, per rendering, the
    seconds spent inside ``clean()`` alone (loading and scoring excluded)."""
    scored = []
    seconds = dict.fromkeys(RENDERINGS, 0.0)
    for record in records:
        start = time.perf_counter()
        result = cleanbody.clean(record.text, kind="text", config=config)
        seconds[record.rendering] += time.perf_counter() - start
        spans = [(r.start, r.end) for r in result.removed]
        assert len(result.working_text) == len(record.text), "offsets must line up with the input"
        scored.append(score(record, result.text, kept_lines(record.text, spans)))
        if dump is not None:
            name = f"{record.rendering}_{record.id[:12]}.txt"
            (dump / name).write_text(f"{result.text}\n{REMOVED_MARKER}\n{result.explain()}\n", encoding="utf-8")
    return scored, seconds


def make_row(system: str, rendering: str, pages: Sequence[Scored], seconds: float | None) -> Row:
    p, r, f1 = corpus_scores(s.shingles for s in pages)
    lines = sum((s.lines for s in pages), LineCounts())
    mb_per_s = None
    if seconds:
        mb_per_s = sum(len(s.record.text.encode("utf-8")) for s in pages) / 1e6 / seconds
    return Row(system, rendering, len(pages), f1, p, r, lines.precision, lines.recall, mb_per_s)


def table_rows(systems: dict[str, list[Scored]], renderings: Sequence[str], seconds: dict[str, float]) -> list[Row]:
    """Rows per system, per rendering and over all selected renderings; only
    cleanbody gets a throughput, the baselines cost nothing."""
    rows = []
    for system, scored in systems.items():
        timed = system == "cleanbody"
        for rendering in renderings:
            pages = [s for s in scored if s.record.rendering == rendering]
            rows.append(make_row(system, rendering, pages, seconds[rendering] if timed else None))
        if len(renderings) > 1:
            rows.append(make_row(system, "all", scored, sum(seconds.values()) if timed else None))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    lines = [
        f"{'system':<10} {'rendering':<11} {'docs':>4}  {'shingle_F1':<10}  {'P':<5}  {'R':<5}"
        f"  {'line_P':<6}  {'line_R':<6}  {'MB/s':>6}"
    ]
    for r in rows:
        speed = f"{r.mb_per_s:6.2f}" if r.mb_per_s is not None else f"{'-':>6}"
        lines.append(
            f"{r.system:<10} {r.rendering:<11} {r.docs:>4}  {r.shingle_f1:<10.3f}  {r.precision:.3f}"
            f"  {r.recall:.3f}  {r.line_precision:<6.3f}  {r.line_recall:<6.3f}  {speed}"
        )
    return "\n".join(lines)


def format_worst(scored: Sequence[Scored], n: int) -> str:
    """The n pages with the lowest shingle F1: where to look first."""
    worst = sorted(scored, key=lambda s: s.shingles.f1)[:n]
    lines = [f"worst {len(worst)} pages by shingle F1 (cleanbody):"]
    for s in worst:
        c = s.shingles
        lines.append(
            f"  {s.record.id[:12]}  {s.record.rendering:<10}  F1={c.f1:.3f} P={c.precision:.3f}"
            f" R={c.recall:.3f}  {s.record.url}"
        )
    return "\n".join(lines)


def page_report(s: Scored) -> dict[str, object]:
    return {
        "id": s.record.id,
        "rendering": s.record.rendering,
        "url": s.record.url,
        "bytes": len(s.record.text.encode("utf-8")),
        **asdict(s.shingles),
        "precision": s.shingles.precision,
        "recall": s.shingles.recall,
        "f1": s.shingles.f1,
        "line_precision": s.lines.precision,
        "line_recall": s.lines.recall,
        **{f"lines_{k}": v for k, v in asdict(s.lines).items()},
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dev.jsonl.gz (default: %(default)s)")
    parser.add_argument("--rendering", action="append", choices=RENDERINGS, help="only this rendering (repeatable)")
    parser.add_argument("--limit", type=positive_int, help="only the first N records (after --rendering)")
    parser.add_argument("--favor", choices=FAVORS, help="pass Config(favor=...) (default: cleanbody's default)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    parser.add_argument("--worst", type=positive_int, default=0, metavar="N", help="list the N lowest-F1 pages")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write each output and explain() to DIR")
    args = parser.parse_args(argv)
    if args.dump is not None and args.dump.resolve().is_relative_to(REPO_ROOT):
        parser.error(f"--dump {args.dump} is inside the repo; benchmark text must stay out of it (use /tmp/...)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_file():
        sys.exit(
            f"plaintext benchmark not found at {args.data}\n"
            f"expected it at ../shared/bench/plaintext/dev.jsonl.gz next to the repo; pass --data PATH"
        )
    renderings = [r for r in RENDERINGS if args.rendering is None or r in args.rendering]
    records = [r for r in load_records(args.data) if r.rendering in renderings]
    if args.limit is not None:
        records = records[: args.limit]
    renderings = [r for r in renderings if any(rec.rendering == r for rec in records)]
    if not records:
        sys.exit(f"no records selected from {args.data}")
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)

    config = cleanbody.Config(favor=args.favor) if args.favor else None
    cleaned, seconds = run_cleanbody(records, config, args.dump)
    systems = {
        "cleanbody": cleaned,
        "keep_all": [score(r, r.text, [True] * len(r.lines)) for r in records],
        "oracle": [score(r, oracle_text(r), [c for _, c in r.lines]) for r in records],
    }
    rows = table_rows(systems, renderings, seconds)

    favor = args.favor or cleanbody.Config().favor
    print(f"cleanbody {cleanbody.__version__}  favor={favor}  {len(records)} records from {args.data}")
    print(f"{sum(seconds.values()):.2f} s inside clean()")
    print(format_table(rows))
    if args.worst:
        print()
        print(format_worst(cleaned, args.worst))
    if args.json is not None:
        report = {
            "data": str(args.data),
            "cleanbody_version": cleanbody.__version__,
            "favor": favor,
            "limit": args.limit,
            "renderings": renderings,
            "seconds_in_clean": seconds,
            "rows": [asdict(r) for r in rows],
            "pages": [page_report(s) for s in cleaned],
        }
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
