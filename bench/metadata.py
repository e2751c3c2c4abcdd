"""Score ``cleanbody.clean(html).metadata`` next to ``trafilatura.extract_metadata`` on annotated pages.

The trafilatura-eval set (``../shared/bench/trafilatura-eval/``, see its README; never copied into the
repo) carries title, author, date and sitename annotations for many of its 990 pages. This shows, field
by field, where cleanbody's declared-metadata reader gives different answers from trafilatura's.

Per field and system: ``n`` annotated pages (an empty annotation counts as none), ``acc`` exact matches
after normalisation, ``cov`` the share of annotated pages where the system returned anything. Rules,
the same for both systems:

* all fields: whitespace squashed, casefolded;
* author: both sides split into names on ``;`` ``,`` ``&`` ``/`` and the words "and"/"und", compared
  as sets (cleanbody's tuple is joined with ``;`` first; trafilatura already returns "A; B");
* date: YYYY-MM-DD from the start of the value (a timestamp's time dropped; two annotations read
  "2022-11-1" and "2022-01.26", so month and day are zero-padded and "." or "/" also separate);
* ``title~``: lenient title, a match when either normalised title contains the other.

Timing is interleaved per page, rotating which system goes first. cleanbody's time is its whole
``clean()`` (body extraction included), trafilatura's only ``extract_metadata``, so pages/s is not a
like-for-like speed comparison of the metadata readers.

    python bench/metadata.py [--limit 100] [--misses 8] [--url] [--json out.json] [--data pages.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Score the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import trafilatura  # noqa: E402

import cleanbody  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "trafilatura-eval" / "pages.jsonl.gz"
FIELDS = ("title", "author", "date", "sitename")
Fields = dict[str, str]  # field -> raw value, "" when absent


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    gold: Fields


def load_pages(path: Path) -> list[Page]:
    """Read the gzipped JSON Lines file, keeping the four fields' non-empty annotations (a few authors are lists)."""
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for raw in f:
            r = json.loads(raw)
            meta = r.get("meta") or {}
            values = {k: "; ".join(v) if isinstance(v := meta.get(k), list) else v for k in FIELDS}
            gold = {k: v for k, v in values.items() if isinstance(v, str) and v.strip()}
            pages.append(Page(r["id"], r["url"], r["html"], gold))
    return pages


def _cleanbody(html: str, url: str | None) -> Fields:
    m = cleanbody.clean(html, url=url, kind="html").metadata
    return {"title": m.title or "", "author": "; ".join(m.authors), "date": m.date or "", "sitename": m.sitename or ""}


def _trafilatura(html: str, url: str | None) -> Fields:
    d = trafilatura.extract_metadata(html, default_url=url)
    if d is None:
        return {}
    return {k: getattr(d, k) or "" for k in FIELDS}


SYSTEMS: dict[str, Callable[[str, str | None], Fields]] = {"cleanbody": _cleanbody, "trafilatura": _trafilatura}
_NAME_SPLIT = re.compile(r"\s*(?:[;,&/]|\band\b|\bund\b)\s*")
_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")


def normalise(field: str, value: str | None) -> str:
    """The comparable form of one value; "" means nothing was returned."""
    text = " ".join((value or "").split()).casefold()
    if field == "author":
        return "; ".join(sorted({n for n in _NAME_SPLIT.split(text) if n}))
    if field == "date":
        m = _DATE.match(text)
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else text
    return text


def is_match(field: str, gold: str, got: str | None, lenient: bool = False) -> bool:
    """Equal after ``normalise`` (lenient: either contains the other); returning nothing never matches."""
    g, o = normalise(field, gold), normalise(field, got)
    return bool(o) and (g == o or (lenient and (g in o or o in g)))


def run_interleaved(pages: Sequence[Page], with_url: bool) -> tuple[dict[str, list[Fields]], dict[str, float]]:
    """Every system on every page, rotating who goes first, so the timings share machine state."""
    names = list(SYSTEMS)
    outputs: dict[str, list[Fields]] = {n: [] for n in names}
    seconds = dict.fromkeys(names, 0.0)
    for name in names:  # imports and compiled patterns are paid once, outside the timings
        SYSTEMS[name](pages[0].html, None)
    for i, page in enumerate(pages):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            start = time.perf_counter()
            out = SYSTEMS[name](page.html, page.url if with_url else None)
            seconds[name] += time.perf_counter() - start
            outputs[name].append(out)
    return outputs, seconds


def score(pages: Sequence[Page], outputs: dict[str, list[Fields]]) -> dict[str, dict[str, dict[str, float]]]:
    """Per row (field, plus lenient ``title~``) and system: n, accuracy, coverage, and pages only it got right."""
    rows: dict[str, dict[str, dict[str, float]]] = {}
    for row in (*FIELDS[:1], "title~", *FIELDS[1:]):
        field, lenient = row.rstrip("~"), row.endswith("~")
        idx = [i for i, p in enumerate(pages) if field in p.gold]
        hits = {
            s: {i for i in idx if is_match(field, pages[i].gold[field], o[i].get(field), lenient)}
            for s, o in outputs.items()
        }
        rows[row] = {}
        for s, o in outputs.items():
            others = set().union(*(h for t, h in hits.items() if t != s))
            rows[row][s] = {
                "n": len(idx),
                "accuracy": len(hits[s]) / len(idx) if idx else 0.0,
                "coverage": sum(bool(normalise(field, o[i].get(field))) for i in idx) / len(idx) if idx else 0.0,
                "only_right": len(hits[s] - others),
            }
    return rows


def print_misses(pages: Sequence[Page], outputs: dict[str, list[Fields]], n: int) -> None:
    """cleanbody's misses per field, the ones trafilatura got right first (marked T+)."""
    cb, tr = outputs["cleanbody"], outputs["trafilatura"]
    for field in FIELDS:
        misses = [
            i for i, p in enumerate(pages) if field in p.gold and not is_match(field, p.gold[field], cb[i].get(field))
        ]
        misses.sort(key=lambda i: not is_match(field, pages[i].gold[field], tr[i].get(field)))
        print(f"\n{field}: {len(misses)} cleanbody misses, first {min(n, len(misses))}:")
        for i in misses[:n]:
            mark = "T+" if is_match(field, pages[i].gold[field], tr[i].get(field)) else "T-"
            print(f"  {mark} {pages[i].id[:50]}")
            for label, value in (("gold", pages[i].gold[field]), ("cb", cb[i].get(field)), ("traf", tr[i].get(field))):
                print(f"       {label:<5} {(value or '')[:110]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="pages.jsonl.gz (default: ../shared/bench)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--url", action="store_true", help="pass each page's URL to both systems (dates in paths)")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="print N cleanbody misses per field")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        sys.exit(
            f"benchmark data not found at {args.data}; it lives in ../shared/bench next to the repo, or pass --data"
        )
    pages = load_pages(args.data)[: args.limit]
    if not pages:
        sys.exit("no pages to score")

    outputs, seconds = run_interleaved(pages, args.url)
    rows = score(pages, outputs)
    versions = f"cleanbody {cleanbody.__version__}, trafilatura {trafilatura.__version__}"
    print(f"{versions}: {len(pages)} pages of trafilatura-eval")
    print(f"URLs passed to both: {'yes' if args.url else 'no'}; only_right = pages the other system got wrong\n")
    print(f"{'':<9} {'':>4}  " + "  ".join(f"{s:^19}" for s in SYSTEMS))
    print(f"{'field':<9} {'n':>4}  " + "  ".join(f"{'acc':>5} {'cov':>6} {'only':>6}" for _ in SYSTEMS))
    for row, by_system in rows.items():
        cells = [f"{v['accuracy']:5.3f} {v['coverage']:6.3f} {v['only_right']:6d}" for v in by_system.values()]
        print(f"{row:<9} {by_system['cleanbody']['n']:>4}  " + "  ".join(cells))
    rates = {s: len(pages) / t for s, t in seconds.items()}
    print(f"\npages/s: cleanbody {rates['cleanbody']:.1f} (whole clean(), body included), ", end="")
    print(f"trafilatura {rates['trafilatura']:.1f} (extract_metadata only)")
    if args.misses:
        print_misses(pages, outputs, args.misses)
    if args.json is not None:
        report = {"pages": len(pages), "with_url": args.url, "fields": rows, "seconds": seconds, "pages_per_s": rates}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
