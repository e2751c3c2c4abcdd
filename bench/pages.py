"""Score ``cleanbody.clean(html)`` next to trafilatura on real HTML pages.

Two data sets, both read from ``../shared/bench/`` (see their READMEs) and
never copied into the repo:

* ``zyte``: 109 news pages with human-written article bodies, scored with the
  Zyte benchmark's shingle metric (the same code as ``plaintext.py``);
* ``trafilatura-eval``: 990 pages with must-have / must-not-have snippets,
  scored as trafilatura's ``tests/eval_common.py`` does.

Every system runs on each page in turn, in a rotating order, in one process, so
that the timings are side by side on the same machine state (pages/s and the
ratio to ``trafilatura.extract`` defaults).

    python bench/pages.py [--set zyte] [--limit 30] [--worst 10] [--dump /tmp/cb]
                         [--json out.json] [--systems cleanbody,trafilatura]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import trafilatura  # noqa: E402

import cleanbody  # noqa: E402
from bench._metrics import PageCounts, corpus_scores, page_counts, snippet_counts, snippet_scores  # noqa: E402

SHARED = REPO_ROOT.parent / "shared" / "bench"
SETS = {"zyte": SHARED / "zyte" / "pages.jsonl.gz", "trafilatura-eval": SHARED / "trafilatura-eval" / "pages.jsonl.gz"}
_PRECISION = cleanbody.Cleaner(cleanbody.Config(favor="precision"))


def _trafilatura_defaults(html: str) -> str:
    return trafilatura.extract(html) or ""


def _trafilatura_best(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def _cleanbody(html: str) -> str:
    return cleanbody.clean(html, kind="html").text


def _cleanbody_precision(html: str) -> str:
    return _PRECISION.clean(html, kind="html").text


SYSTEMS: dict[str, Callable[[str], str]] = {
    "cleanbody": _cleanbody,
    "cleanbody_precision": _cleanbody_precision,
    "trafilatura": _trafilatura_defaults,
    "trafilatura_best": _trafilatura_best,
}
BASELINE = "trafilatura"


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    expected: str = ""  # zyte
    with_: tuple[str, ...] = ()  # trafilatura-eval
    without: tuple[str, ...] = ()


@dataclass
class Run:
    """One system's outputs and the seconds it spent on them."""

    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load_pages(path: Path) -> list[Page]:
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for raw in f:
            r = json.loads(raw)
            pages.append(
                Page(
                    r["id"],
                    r["url"],
                    r["html"],
                    r.get("expected", ""),
                    tuple(r.get("with") or ()),
                    tuple(r.get("without") or ()),
                )
            )
    return pages


def run_interleaved(pages: Sequence[Page], systems: Sequence[str]) -> dict[str, Run]:
    """Run every system on every page, rotating who goes first, timing each call."""
    runs = {name: Run() for name in systems}
    for name in systems:  # imports and compiled patterns are paid once, outside the timings
        SYSTEMS[name](pages[0].html)
    for i, page in enumerate(pages):
        order = list(systems[i % len(systems) :]) + list(systems[: i % len(systems)])
        for name in order:
            start = time.perf_counter()
            output = SYSTEMS[name](page.html)
            runs[name].seconds += time.perf_counter() - start
            runs[name].outputs.append((i, output))  # type: ignore[arg-type]
    for run in runs.values():
        run.outputs = [o for _, o in sorted(run.outputs)]  # type: ignore[misc]
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=tuple(SETS), default="zyte")
    parser.add_argument("--data", type=Path, help="pages.jsonl.gz (default: the --set's file in ../shared/bench)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, from: " + ", ".join(SYSTEMS))
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list cleanbody's N worst pages")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write cleanbody's output and explain() per page")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    if args.dump is not None and args.dump.resolve().is_relative_to(REPO_ROOT):
        parser.error("--dump must be outside the repo (benchmark text is never committed)")
    path = args.data or SETS[args.set]
    if not path.is_file():
        sys.exit(f"benchmark data not found at {path}; it lives in ../shared/bench next to the repo, or pass --data")
    pages = load_pages(path)[: args.limit]

    runs = run_interleaved(pages, systems)
    report: dict[str, object] = {"set": args.set, "pages": len(pages), "systems": {}}
    zyte = args.set == "zyte"
    print(f"cleanbody {cleanbody.__version__}, trafilatura {trafilatura.__version__}: {len(pages)} pages of {args.set}")
    head = "shingle_F1  P      R      acc" if zyte else "F1     P      R      acc  "
    print(f"{'system':<20} {head}   pages/s  vs {BASELINE}")
    base_rate = len(pages) / runs[BASELINE].seconds if BASELINE in runs else None
    per_page: dict[str, list[PageCounts]] = {}
    for name, run in runs.items():
        rate = len(pages) / run.seconds
        ratio = f"{rate / base_rate:5.2f}x" if base_rate else "-"
        if zyte:
            counts = [page_counts(p.expected, o) for p, o in zip(pages, run.outputs, strict=True)]
            per_page[name] = counts
            p, r, f1 = corpus_scores(counts)
            acc = sum(_tokens(p.expected) == _tokens(o) for p, o in zip(pages, run.outputs, strict=True)) / len(pages)
            print(f"{name:<20} {f1:<10.3f}  {p:.3f}  {r:.3f}  {acc:.3f}  {rate:8.2f}  {ratio}")
            scores = {"f1": f1, "precision": p, "recall": r, "accuracy": acc}
        else:
            snip = [snippet_counts(p.with_, p.without, o) for p, o in zip(pages, run.outputs, strict=True)]
            p, r, acc, f1 = snippet_scores(snip)
            tot = {k: sum(getattr(c, k) for c in snip) for k in ("tp", "fp", "fn", "tn")}
            print(f"{name:<20} {f1:.3f}  {p:.3f}  {r:.3f}  {acc:.3f}  {rate:8.2f}  {ratio}   {tot}")
            scores = {"f1": f1, "precision": p, "recall": r, "accuracy": acc, **tot}
        report["systems"][name] = {**scores, "seconds": run.seconds, "pages_per_s": rate}  # type: ignore[index]

    if args.worst and "cleanbody" in runs:
        print(f"\nworst {args.worst} pages for cleanbody:")
        if zyte:
            ranked = sorted(zip(pages, per_page["cleanbody"], strict=True), key=lambda pc: pc[1].f1)
            for page, c in ranked[: args.worst]:
                print(f"  {page.id[:12]}  F1={c.f1:.3f} P={c.precision:.3f} R={c.recall:.3f}  {page.url}")
        else:
            outputs = runs["cleanbody"].outputs
            snip = [snippet_counts(p.with_, p.without, o) for p, o in zip(pages, outputs, strict=True)]
            ranked2 = sorted(zip(pages, snip, strict=True), key=lambda pc: -(pc[1].fn + pc[1].fp))
            for page, c in ranked2[: args.worst]:
                print(f"  {page.id[:40]:<40}  fn={c.fn} fp={c.fp}  {page.url}")
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        for page in pages:
            result = cleanbody.clean(page.html, kind="html")
            name = re.sub(r"[^\w.-]", "_", page.id)[:60]
            (args.dump / f"{name}.txt").write_text(f"{result.text}\n=== REMOVED ===\n{result.explain()}\n", "utf-8")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


if __name__ == "__main__":
    sys.exit(main())
