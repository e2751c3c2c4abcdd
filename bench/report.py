"""One Markdown table: cleanbody next to trafilatura on WCXB dev, Zyte dev and trafilatura-eval.

Every system of ``bench/_systems.py`` (cleanbody; trafilatura's defaults, without comments, with
favor_precision; keep_all) runs on every page, page by page, and each set is scored with its own
metric: WCXB's word F1 (macro over pages; per page type, and per part of the domain split), Zyte's
shingle F1, and trafilatura-eval's snippet F1. WCXB's metadata accuracy (title, author, date) closes
the table, for cleanbody and ``trafilatura.extract_metadata``. The data is read from
``../shared/bench/`` and never copied into the repo.

    python bench/report.py [--jobs 2] [--limit N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Score the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import trafilatura  # noqa: E402

import cleanbody  # noqa: E402
from bench import pages as html_sets  # noqa: E402
from bench import wcxb  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench._metrics import PageCounts, SnippetCounts, corpus_scores, page_counts, snippet_counts, snippet_scores  # noqa: E402
from bench._pool import ordered_map  # noqa: E402
from bench._systems import SYSTEMS, run_systems  # noqa: E402

#: A cell per system; None where a row does not apply to a system.
Cells = Mapping[str, float | None]


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    set: str
    group: str
    pages: int
    metric: str
    cells: Cells


def zyte_page(page: html_sets.Page) -> dict[str, PageCounts]:
    """Every system's shingle counts on one Zyte page."""
    texts, _ = run_systems(page.html, page.url)
    return {name: page_counts(page.expected, text) for name, text in texts.items()}


def snippet_page(page: html_sets.Page) -> dict[str, SnippetCounts]:
    """Every system's snippet counts on one trafilatura-eval page."""
    texts, _ = run_systems(page.html, page.url)
    return {name: snippet_counts(page.with_, page.without, text) for name, text in texts.items()}


def wcxb_rows(results: Sequence[wcxb.PageResult]) -> list[Row]:
    """F1 over all of WCXB dev, per page type, per part; the snippet rates; then metadata accuracy."""
    rows = []
    summaries = {s: wcxb.summarise(results, s) for s in SYSTEMS}
    rows.append(Row("WCXB dev", "all", len(results), "word F1", {s: v.overall.f1 for s, v in summaries.items()}))
    for t in wcxb.TYPES:
        if t in summaries["cleanbody"].types:
            n = summaries["cleanbody"].types[t][0]
            rows.append(Row("WCXB dev", t, n, "word F1", {s: v.types[t][1].f1 for s, v in summaries.items()}))
    for name, group in wcxb.groups(results, ("tune", "check")):
        if name != "all" and group:
            f1s = {s: wcxb.summarise(group, s).overall.f1 for s in SYSTEMS}
            rows.append(Row("WCXB dev", f"{name} part", len(group), "word F1", f1s))
    for rate in ("with_rate", "without_rate"):
        cells = {s: getattr(v.overall, rate) for s, v in summaries.items()}
        rows.append(Row("WCXB dev", "all", len(results), rate.replace("_", " "), cells))
    for field, acc in wcxb.metadata_table(results).items():
        cells = {s: float(acc[s]) if s in wcxb.META_SYSTEMS else None for s in SYSTEMS}
        rows.append(Row("WCXB dev", "all", int(acc["n"]), f"{field} accuracy", cells))
    return rows


def run(jobs: int, limit: int | None) -> list[Row]:
    """Load, run and score the three sets, one after the other (so only one is in memory)."""
    pages = wcxb.load_pages(wcxb.DEFAULT_DATA, ("tune", "check"), wcxb.TYPES)[:limit]
    rows = wcxb_rows(wcxb.score_pages(pages, jobs))
    zyte = html_sets.load_pages(html_sets.SETS["zyte"])[:limit]
    counts = list(ordered_map(zyte_page, zyte, jobs, "zyte", len(zyte)))
    rows.append(
        Row("Zyte dev", "all", len(zyte), "shingle F1", {s: corpus_scores(c[s] for c in counts)[2] for s in SYSTEMS})
    )
    evals = html_sets.load_pages(html_sets.SETS["trafilatura-eval"])[:limit]
    snippets = list(ordered_map(snippet_page, evals, jobs, "trafilatura-eval", len(evals)))
    f1s = {s: snippet_scores(c[s] for c in snippets)[3] for s in SYSTEMS}
    rows.append(Row("trafilatura-eval", "all", len(evals), "snippet F1", f1s))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    """The rows as one Markdown table, a column per system."""
    lines = [
        "| set | group | pages | metric | " + " | ".join(SYSTEMS) + " |",
        "|---|---|---:|---|" + "---:|" * len(SYSTEMS),
    ]
    for r in rows:
        cells = " | ".join("–" if r.cells[s] is None else f"{r.cells[s]:.3f}" for s in SYSTEMS)
        lines.append(f"| {r.set} | {r.group} | {r.pages} | {r.metric} | {cells} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=positive_int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--limit", type=positive_int, help="only the first N pages of each set")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the rows as JSON")
    args = parser.parse_args(argv)
    missing = [p for p in (wcxb.DEFAULT_DATA, *html_sets.SETS.values()) if not p.is_file()]
    if missing:
        sys.exit(f"benchmark data not found: {', '.join(map(str, missing))} (it lives in ../shared/bench)")
    rows = run(args.jobs, args.limit)
    print(f"cleanbody {cleanbody.__version__}, trafilatura {trafilatura.__version__}\n")
    print(format_table(rows))
    if args.json is not None:
        versions = {"cleanbody": cleanbody.__version__, "trafilatura": trafilatura.__version__}
        report = {"versions": versions, "rows": [asdict(r) for r in rows]}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
