"""Score ``cleanbody.clean(text, kind="text")`` on plaintext-wild, per rendering and page type.

plaintext-wild (``../shared/bench/plaintext-wild/``, see its README; never copied into the repo) holds
599 WCXB dev pages rendered by four scrapers (markdownify, html2text, lynx, BeautifulSoup). Scores are
WCXB's word F1 per page, macro-averaged, next to the two baselines a user has without cleanbody:
keeping the whole text, and the C4 line filter (``bench/compare.py``).

Pages are split by a hash of their domain into a tuning and a check part (``bench/_split.py``), the
split WCXB itself uses here: tune on the first; the check part is shown as totals only.

    python bench/plaintext_wild.py [--part tune|check|all] [--jobs 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
# Score the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import cleanbody  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench._metrics import wcxb_page  # noqa: E402
from bench._pool import ordered_map  # noqa: E402
from bench._split import Part, part  # noqa: E402
from bench.compare import c4_lines  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "plaintext-wild" / "dev.jsonl.gz"
RENDERINGS = ("markdownify", "html2text", "lynx", "bs4")
TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
SYSTEMS = ("cleanbody", "keep-all", "c4")


@dataclass(frozen=True)
class Record:
    id: str
    rendering: str
    page_type: str
    url: str
    text: str
    expected: str
    with_: tuple[str, ...]
    without: tuple[str, ...]

    @property
    def part(self) -> Part:
        return part(urlsplit(self.url).hostname or "")


def load_records(path: Path) -> list[Record]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [
        Record(
            r["id"],
            r["rendering"],
            r["page_type"],
            r["url"],
            r["text"],
            r["expected"],
            tuple(r["with"]),
            tuple(r["without"]),
        )
        for r in rows
    ]


_CLEANER: cleanbody.Cleaner | None = None
#: Rules switched off for this run (``--disable``), set before the workers start.
_DISABLE: tuple[str, ...] = ()


def score_record(record: Record) -> dict[str, float]:
    """Word F1 of each system on one record (a worker process keeps one Cleaner)."""
    global _CLEANER
    if _CLEANER is None:
        _CLEANER = cleanbody.Cleaner(cleanbody.Config(timeout=None, disable=_DISABLE))
    outputs = {
        "cleanbody": _CLEANER.clean(record.text, kind="text").text,
        "keep-all": record.text,
        "c4": c4_lines(record.text),
    }
    return {name: wcxb_page(record.expected, record.with_, record.without, out).f1 for name, out in outputs.items()}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(records: Sequence[Record], scores: Sequence[dict[str, float]], by_type: bool) -> str:
    """Rows of rendering (x page type), columns cleanbody, keep-all, C4 and cleanbody's margin over the
    better baseline (the issue's bar is +0.05 in every cell)."""
    lines = [
        "| rendering | page type | pages | cleanbody | keep-all | C4 | margin |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    groups: list[tuple[str, str]] = [(r, "all") for r in RENDERINGS]
    if by_type:
        groups = [g for r in RENDERINGS for g in [(r, "all"), *((r, t) for t in TYPES)]]
    groups += [("all", "all")] + ([("all", t) for t in TYPES] if by_type else [])
    for rendering, page_type in groups:
        picked = [
            s
            for rec, s in zip(records, scores, strict=True)
            if rendering in ("all", rec.rendering) and page_type in ("all", rec.page_type)
        ]
        if not picked:
            continue
        means = {name: _mean([s[name] for s in picked]) for name in SYSTEMS}
        margin = means["cleanbody"] - max(means["keep-all"], means["c4"])
        lines.append(
            f"| {rendering} | {page_type} | {len(picked)} | {means['cleanbody']:.3f} | {means['keep-all']:.3f} "
            f"| {means['c4']:.3f} | {margin:+.3f} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--part", choices=("tune", "check", "all"), default="tune")
    p.add_argument("--jobs", type=positive_int, default=2)
    p.add_argument("--disable", default="", help="comma-separated rule ids to switch off")
    p.add_argument("--json", type=Path, help="write each record's scores here")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data} (plaintext-wild lives in ../shared/bench/)", file=sys.stderr)
        return 2
    global _DISABLE
    _DISABLE = tuple(r for r in args.disable.split(",") if r)
    records = load_records(args.data)
    scored = list(ordered_map(score_record, records, args.jobs, "plaintext-wild", len(records)))
    for wanted in ("tune", "check") if args.part == "all" else (args.part,):
        picked = [(r, s) for r, s in zip(records, scored, strict=True) if r.part == wanted]
        recs, scores = [r for r, _ in picked], [s for _, s in picked]
        # The check part is read only as totals per rendering, never per page type or page.
        print(f"\n## {wanted} part ({len(recs)} records)\n")
        print(table(recs, scores, by_type=wanted == "tune"))
    if args.json:
        rows = [
            {"id": r.id, "rendering": r.rendering, "part": r.part, **s} for r, s in zip(records, scored, strict=True)
        ]
        args.json.write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
