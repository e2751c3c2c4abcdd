"""Score ``cleanbody.clean(html, url=url)`` on WCXB dev, per page type, next to trafilatura.

WCXB (``../shared/bench/wcxb/``, see its README; never copied into the repo) has 1,355 pages of seven
types: articles, forums, products, collections, listings, documentation and service pages. Scores are
WCXB's own (``evaluate.py``): word P/R/F1 per page, macro-averaged, and the with / without snippet
rates. Metadata (title, author, date) is scored against the ground truth too.

The pages are split by a hash of their domain (``bench/_split.py``) into a tuning part (~70% of
domains) and a check part. Work on the tuning part; the check part says whether a change generalises
to sites nobody looked at, so it is only ever shown as totals, never page by page.

    python bench/wcxb.py [--part tune|check|all] [--types forum,product] [--limit N]
                         [--worst N] [--json out.json] [--jobs 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Score the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import trafilatura  # noqa: E402

import cleanbody  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench._metrics import WordScores, wcxb_means, wcxb_page  # noqa: E402
from bench._pool import ordered_map  # noqa: E402
from bench._split import Part, part  # noqa: E402
from bench._systems import SYSTEMS, run_systems  # noqa: E402
from bench.metadata import normalise  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "wcxb" / "pages.jsonl.gz"
TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
META_FIELDS = ("title", "author", "date")
META_SYSTEMS = ("cleanbody", "trafilatura")


@dataclass(frozen=True)
class Page:
    """One WCXB page with its ground truth (metadata fields are "" when WCXB has none)."""

    id: str
    url: str
    domain: str
    page_type: str
    html: str
    expected: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    title: str
    author: str
    date: str

    @property
    def part(self) -> Part:
        return part(self.domain)


@dataclass(frozen=True)
class PageResult:
    """What one page contributes to the tables: per system its scores, and per metadata system and
    field whether it got the field right (None when the page has no ground truth for it)."""

    id: str
    url: str
    domain: str
    page_type: str
    part: Part
    scores: dict[str, WordScores]
    metadata: dict[str, dict[str, bool | None]]


def load_pages(path: Path, parts: Sequence[Part], types: Sequence[str]) -> list[Page]:
    """The pages of the chosen parts and types, in file order (sorted by id)."""
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for raw in f:
            r = json.loads(raw)
            if r["page_type"] not in types or part(r["domain"]) not in parts:
                continue
            pages.append(
                Page(
                    r["id"], r["url"], r["domain"], r["page_type"], r["html"], r["expected"],
                    tuple(r["with"] or ()), tuple(r["without"] or ()),
                    r["title"] or "", r["author"] or "", r["date"] or "",
                )
            )  # fmt: skip
    return pages


def author_names(value: str) -> set[str]:
    """The names in an author string ("A, B and C"), in bench/metadata.py's comparable form."""
    return set(normalise("author", value).split("; ")) - {""}


def metadata_match(field: str, gold: str, got: str) -> bool | None:
    """Title: equal after whitespace and case folding; author: any one ground-truth name is among
    the names returned; date: the same ISO day. None when there is no ground truth to match."""
    if not gold.strip():
        return None
    if field == "author":
        return bool(author_names(gold) & author_names(got))
    found = normalise(field, got)
    return bool(found) and found == normalise(field, gold)


def _metadata(page: Page, result: cleanbody.CleanResult) -> dict[str, dict[str, bool | None]]:
    """cleanbody's declared-and-harvested metadata next to ``trafilatura.extract_metadata``."""
    ours = result.metadata
    theirs = trafilatura.extract_metadata(page.html, default_url=page.url)
    got = {
        "cleanbody": {"title": ours.title or "", "author": "; ".join(ours.authors), "date": ours.date or ""},
        "trafilatura": {f: (getattr(theirs, f, None) or "") if theirs else "" for f in META_FIELDS},
    }
    return {s: {f: metadata_match(f, getattr(page, f), got[s][f]) for f in META_FIELDS} for s in META_SYSTEMS}


def score_page(page: Page) -> PageResult:
    """Run every system on one page and score it (a worker's whole job, so it returns no text)."""
    texts, result = run_systems(page.html, page.url)
    scores = {name: wcxb_page(page.expected, page.with_, page.without, text) for name, text in texts.items()}
    return PageResult(page.id, page.url, page.domain, page.page_type, page.part, scores, _metadata(page, result))


def score_pages(pages: Sequence[Page], jobs: int, label: str = "wcxb") -> list[PageResult]:
    """Every page scored, in order, over *jobs* processes."""
    return list(ordered_map(score_page, pages, jobs, label, len(pages)))


@dataclass(frozen=True)
class Summary:
    """One system's macro-averaged scores over a group of pages, overall and per page type."""

    pages: int
    overall: WordScores
    types: dict[str, tuple[int, WordScores]]


def summarise(results: Sequence[PageResult], system: str) -> Summary:
    """Macro averages of one system over *results*, and over each page type present."""
    by_type = {t: [r.scores[system] for r in results if r.page_type == t] for t in TYPES}
    types = {t: (len(s), wcxb_means(s)) for t, s in by_type.items() if s}
    return Summary(len(results), wcxb_means(r.scores[system] for r in results), types)


def metadata_table(results: Sequence[PageResult]) -> dict[str, dict[str, float | int]]:
    """Per field: the pages with ground truth, and each system's accuracy on them."""
    table: dict[str, dict[str, float | int]] = {}
    for field in META_FIELDS:
        marks = {s: [r.metadata[s][field] for r in results if r.metadata[s][field] is not None] for s in META_SYSTEMS}
        n = len(marks["cleanbody"])
        table[field] = {"n": n, **{s: sum(bool(m) for m in ms) / n if n else 0.0 for s, ms in marks.items()}}
    return table


def _cells(values: Iterable[float]) -> str:
    return " | ".join(f"{v:.3f}" for v in values)


def format_scores(title: str, results: Sequence[PageResult]) -> str:
    """A Markdown table: one row per system, overall scores, then F1 per page type."""
    summaries = {s: summarise(results, s) for s in SYSTEMS}
    types = [t for t in TYPES if t in summaries["cleanbody"].types]
    domains = len({r.domain for r in results})
    head = [f"{t} ({summaries['cleanbody'].types[t][0]})" for t in types]
    lines = [
        f"**{title}**: {len(results)} pages, {domains} domains",
        "",
        "| system | F1 | P | R | with | without | " + " | ".join(head) + " |",
        "|---|" + "---:|" * (5 + len(types)),
    ]
    for system, s in summaries.items():
        o = s.overall
        overall = _cells((o.f1, o.precision, o.recall, o.with_rate, o.without_rate))
        lines.append(f"| {system} | {overall} | {_cells(s.types[t][1].f1 for t in types)} |")
    return "\n".join(lines)


def format_metadata(title: str, results: Sequence[PageResult]) -> str:
    """A Markdown table of metadata accuracy per field."""
    lines = [f"**{title}**: metadata accuracy", "", "| field | pages | " + " | ".join(META_SYSTEMS) + " |"]
    lines.append("|---|---:|" + "---:|" * len(META_SYSTEMS))
    for field, row in metadata_table(results).items():
        lines.append(f"| {field} | {row['n']} | {_cells(float(row[s]) for s in META_SYSTEMS)} |")
    return "\n".join(lines)


def _shortfall(r: PageResult) -> tuple[float, float]:
    """cleanbody's F1 first; among equal ones, the page where another system did best comes first,
    since that is the loss a change could win back (no system scores on a JavaScript-only page)."""
    best_other = max(s.f1 for name, s in r.scores.items() if name != "cleanbody")
    return r.scores["cleanbody"].f1, -best_other


def format_worst(results: Sequence[PageResult], n: int) -> str:
    """The tuning pages where cleanbody's F1 is lowest, with every system's F1 on them."""
    tune = [r for r in results if r.part == "tune"]
    worst = sorted(tune, key=_shortfall)[:n]
    lines = [f"**worst {len(worst)} tuning pages by cleanbody F1**", ""]
    lines.append("| id | type | " + " | ".join(SYSTEMS) + " | url |")
    lines.append("|---|---|" + "---:|" * len(SYSTEMS) + "---|")
    for r in worst:
        lines.append(f"| {r.id} | {r.page_type} | {_cells(r.scores[s].f1 for s in SYSTEMS)} | {r.url} |")
    return "\n".join(lines)


def groups(results: Sequence[PageResult], parts: Sequence[Part]) -> Iterator[tuple[str, list[PageResult]]]:
    """The groups the tables show: each chosen part, then all of them together when there are two."""
    for p in parts:
        yield p, [r for r in results if r.part == p]
    if len(parts) > 1:
        yield "all", list(results)


def json_report(results: Sequence[PageResult], parts: Sequence[Part]) -> dict[str, object]:
    """Every number; pages are listed one by one only for the tuning part."""
    report: dict[str, object] = {
        "versions": {"cleanbody": cleanbody.__version__, "trafilatura": trafilatura.__version__},
        "groups": {
            name: {
                "systems": {s: asdict(summarise(rs, s)) for s in SYSTEMS},
                "metadata": metadata_table(rs),
            }
            for name, rs in groups(results, parts)
        },
        "tune_pages": [asdict(r) for r in results if r.part == "tune"],
    }
    return report


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="pages.jsonl.gz (default: ../shared/bench)")
    parser.add_argument("--part", choices=("tune", "check", "all"), default="tune", help="default: tune")
    parser.add_argument("--types", default=",".join(TYPES), help="comma-separated page types (default: all)")
    parser.add_argument("--limit", type=positive_int, help="only the first N pages (after --part and --types)")
    parser.add_argument("--worst", type=positive_int, default=0, metavar="N", help="list the N worst tuning pages")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    parser.add_argument("--jobs", type=positive_int, default=2, help="worker processes (default: 2)")
    args = parser.parse_args(argv)
    args.types = [t for t in args.types.split(",") if t]
    unknown = sorted(set(args.types) - set(TYPES))
    if unknown:
        parser.error(f"unknown page type(s) {', '.join(unknown)}; choose from {', '.join(TYPES)}")
    args.parts = ("tune", "check") if args.part == "all" else (args.part,)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_file():
        sys.exit(f"WCXB not found at {args.data}; it lives in ../shared/bench/wcxb next to the repo, or pass --data")
    pages = load_pages(args.data, args.parts, args.types)[: args.limit]
    if not pages:
        sys.exit("no pages selected")
    results = score_pages(pages, args.jobs)
    print(f"cleanbody {cleanbody.__version__}, trafilatura {trafilatura.__version__}: WCXB dev\n")
    for name, group in groups(results, args.parts):
        print(format_scores(f"WCXB dev, {name}", group), end="\n\n")
        print(format_metadata(f"WCXB dev, {name}", group), end="\n\n")
    if args.worst:
        print(format_worst(results, args.worst))
    if args.json is not None:
        args.json.write_text(json.dumps(json_report(results, args.parts), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
