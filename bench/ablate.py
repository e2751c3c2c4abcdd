"""What each rule is worth: F1 with one rule disabled, minus F1 with every rule on, on every dev set.

For each rule of ``cleanbody.rules.catalogue()`` (text and DOM rules), every document is cleaned with
``Config(disable={rule_id})``; two more rows turn all text rules or all DOM rules off. A negative
change means the rule helps (turning it off loses F1); a positive one means the set would score
better without it. Sets, each with its own metric:

* ``wcxb``: the tuning part of WCXB dev (``bench/_split.py``), word F1, overall and per page type;
* ``zyte``: the Zyte dev pages, shingle F1;
* ``trafilatura-eval``: snippet F1;
* ``plaintext``: the plain-text dev split (``kind="text"``), shingle F1 as ``bench/plaintext.py``;
* ``plaintext-wild``: WCXB pages rendered to text (``kind="text"``), word F1 against ``expected``.

The all-on result of each document is computed once and every other row is compared with it. A
row whose rules found nothing in a document (no candidate, no removal) reuses the all-on output
instead of cleaning again: most rules fire on few pages, so this is most of the run's time. The
timeout is off, so a busy machine cannot change a result. Rows are sorted by the mean change over
the sets (WCXB counts once, by its overall F1).

    python bench/ablate.py [--sets wcxb,zyte] [--limit 300] [--jobs 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Any, Literal, NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
# Measure the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import cleanbody  # noqa: E402
from bench import pages as html_sets  # noqa: E402
from bench import plaintext, wcxb  # noqa: E402
from bench._args import positive_int  # noqa: E402
from bench._metrics import (  # noqa: E402
    PageCounts,
    SnippetCounts,
    WordScores,
    corpus_scores,
    page_counts,
    snippet_counts,
    snippet_scores,
    wcxb_means,
    word_scores,
)
from bench._pool import ordered_map  # noqa: E402
from bench._systems import web_url  # noqa: E402
from cleanbody import pipeline  # noqa: E402
from cleanbody.rules import DomRule, catalogue  # noqa: E402

# The spine's detect step, wrapped while the all-on row runs to see which rules found anything.
_detect = pipeline.detect

WILD = REPO_ROOT.parent / "shared" / "bench" / "plaintext-wild" / "dev.jsonl.gz"
SETS = ("wcxb", "zyte", "trafilatura-eval", "plaintext", "plaintext-wild")
BASELINE = "all rules on"


@dataclass(frozen=True)
class Doc:
    """One document of any set, with what its set's metric needs; ``group`` is WCXB's page type."""

    set: str
    id: str
    text: str
    kind: Literal["auto", "text"]
    url: str | None = None
    group: str = ""
    expected: str = ""
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ablation:
    """One row: the rules it turns off, and the stage they belong to."""

    name: str
    stage: Literal["-", "text", "dom"]
    disable: frozenset[str]


class Metric(NamedTuple):
    """A set's per-document score and how a list of them becomes the set's F1."""

    score: Callable[[Doc, str], Any]
    f1: Callable[[Sequence[Any]], float]


SCORE_TYPES: dict[str, type] = {"words": WordScores, "shingles": PageCounts, "snippets": SnippetCounts}
METRICS = {
    "words": Metric(lambda d, out: word_scores(d.expected, out), lambda s: wcxb_means(s).f1),
    "shingles": Metric(lambda d, out: page_counts(d.expected, out), lambda s: corpus_scores(s)[2]),
    "snippets": Metric(lambda d, out: snippet_counts(d.with_, d.without, out), lambda s: snippet_scores(s)[3]),
}
SET_METRIC = {
    "wcxb": "words",
    "zyte": "shingles",
    "trafilatura-eval": "snippets",
    "plaintext": "shingles",
    "plaintext-wild": "words",
}


@cache
def ablations() -> tuple[Ablation, ...]:
    """The all-on row, one row per rule in catalogue order, then all text rules off and all DOM rules off."""
    every = catalogue()
    dom = frozenset(r.rule_id for r in every if isinstance(r, DomRule))
    text = frozenset(r.rule_id for r in every) - dom
    return (
        Ablation(BASELINE, "-", frozenset()),
        *(Ablation(r.rule_id, "dom" if r.rule_id in dom else "text", frozenset({r.rule_id})) for r in every),
        Ablation("all text rules off", "text", text),
        Ablation("all DOM rules off", "dom", dom),
    )


@cache
def cleaners() -> tuple[cleanbody.Cleaner, ...]:
    """One cleaner per row, made once per worker process."""
    return tuple(cleanbody.Cleaner(cleanbody.Config(disable=a.disable, timeout=None)) for a in ablations())


@dataclass(frozen=True)
class DocResult:
    """A document's score under every row, and whether each row changed its output."""

    group: str
    scores: tuple[Any, ...]
    changed: tuple[bool, ...]


def _fired(doc: Doc) -> tuple[str, frozenset[str]]:
    """The all-on output and the rules that found anything in it: text rules by their candidates
    (a weak candidate that was not removed can still move the main-text span), DOM rules by their
    removals (a DOM rule acts only by removing). Turning off a rule that found nothing cannot
    change the output, so its row reuses the all-on output."""
    found: set[str] = set()

    def recording(*args: Any, **kwargs: Any) -> Any:
        detection = _detect(*args, **kwargs)
        found.update(c.rule_id for c in detection.candidates)
        return detection

    pipeline.detect = recording
    try:
        result = cleaners()[0].clean(doc.text, url=doc.url, kind=doc.kind)
    finally:
        pipeline.detect = _detect
    found.update(r.rule_id for r in result.removed)
    return result.text, frozenset(found)


def ablate_doc(doc: Doc) -> DocResult:
    """Clean one document under every row that can change it; the others reuse the all-on output."""
    metric = METRICS[SET_METRIC[doc.set]]
    base, fired = _fired(doc)
    base_score = metric.score(doc, base)
    scores, changed = [base_score], [False]
    for ablation, cleaner in zip(ablations()[1:], cleaners()[1:], strict=True):
        if not ablation.disable & fired:
            scores.append(base_score)
            changed.append(False)
            continue
        out = cleaner.clean(doc.text, url=doc.url, kind=doc.kind).text
        scores.append(base_score if out == base else metric.score(doc, out))
        changed.append(out != base)
    return DocResult(doc.group, tuple(scores), tuple(changed))


def load_docs(name: str) -> list[Doc]:
    """One set's documents, in file order (WCXB: its tuning part only)."""
    if name == "wcxb":
        pages = wcxb.load_pages(wcxb.DEFAULT_DATA, ("tune",), wcxb.TYPES)
        return [Doc(name, p.id, p.html, "auto", p.url, p.page_type, p.expected) for p in pages]
    if name in ("zyte", "trafilatura-eval"):
        return [
            Doc(name, p.id, p.html, "auto", web_url(p.url), "", p.expected, p.with_, p.without)
            for p in html_sets.load_pages(html_sets.SETS[name])
        ]
    if name == "plaintext":
        return [
            Doc(name, r.id, r.text, "text", expected=r.expected) for r in plaintext.load_records(plaintext.DEFAULT_DATA)
        ]
    with gzip.open(WILD, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return [Doc(name, f"{r['id']}/{r['rendering']}", r["text"], "text", expected=r["expected"]) for r in records]


@dataclass(frozen=True)
class SetResult:
    """Per row: the set's F1 and, for WCXB, the F1 of each page type; and the documents changed."""

    docs: int
    f1: tuple[float, ...]
    groups: dict[str, tuple[float, ...]]
    changed: tuple[int, ...]


def aggregate(name: str, results: Sequence[DocResult]) -> SetResult:
    """Turn per-document scores into per-row set scores."""
    f1 = METRICS[SET_METRIC[name]].f1
    rows = range(len(ablations()))
    groups = sorted({r.group for r in results if r.group}, key=lambda g: wcxb.TYPES.index(g))
    by_group = {g: [r for r in results if r.group == g] for g in groups}
    return SetResult(
        len(results),
        tuple(f1([r.scores[i] for r in results]) for i in rows),
        {g: tuple(f1([r.scores[i] for r in rs]) for i in rows) for g, rs in by_group.items()},
        tuple(sum(r.changed[i] for r in results) for i in rows),
    )


def fingerprint() -> str:
    """What a stored result depends on: cleanbody's files (its rules among them), the metrics and
    this script; any change to them starts the cache afresh."""
    paths = sorted(p for p in (REPO_ROOT / "cleanbody").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for path in [*paths, REPO_ROOT / "bench" / "_metrics.py", Path(__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    """Finished documents by set and id; with a path, also appended to a JSON Lines file, so that a
    run killed on a busy machine resumes where it stopped instead of starting over."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.key = fingerprint()
        self.done: dict[tuple[str, str], DocResult] = {}
        if path is not None and path.is_file():
            with path.open(encoding="utf-8") as f:
                for line in f:
                    entry = json.loads(line)
                    if entry["key"] == self.key:
                        self.done[entry["set"], entry["id"]] = self._result(entry)

    @staticmethod
    def _result(entry: dict[str, Any]) -> DocResult:
        score_type = SCORE_TYPES[SET_METRIC[entry["set"]]]
        scores = tuple(score_type(**s) for s in entry["scores"])
        return DocResult(entry["group"], scores, tuple(entry["changed"]))

    def add(self, doc: Doc, result: DocResult) -> None:
        self.done[doc.set, doc.id] = result
        if self.path is not None:
            entry = {"key": self.key, "set": doc.set, "id": doc.id, **asdict(result)}
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")


def run_set(name: str, limit: int | None, jobs: int, cache: Cache) -> SetResult:
    """Ablate the documents of one set that the cache does not hold, then score the whole set."""
    docs = load_docs(name)[:limit]
    todo = [d for d in docs if (d.set, d.id) not in cache.done]
    if len(todo) < len(docs):
        print(f"ablate {name}: {len(docs) - len(todo)} documents from the cache", file=sys.stderr)
    for doc, result in zip(todo, ordered_map(ablate_doc, todo, jobs, f"ablate {name}", len(todo)), strict=True):
        cache.add(doc, result)
    return aggregate(name, [cache.done[d.set, d.id] for d in docs])


def mean_delta(sets: dict[str, SetResult], i: int) -> float:
    """Row *i*'s change averaged over the sets, each set once."""
    return fmean(s.f1[i] - s.f1[0] for s in sets.values())


def format_table(sets: dict[str, SetResult]) -> str:
    """The all-on row with absolute F1s, then every other row's change, most useful rule first."""
    columns: list[tuple[str, str | None]] = []
    for name, s in sets.items():
        columns += [(name, None), *((name, g) for g in s.groups)]
    head = ["row", "stage", "mean Δ", *(g or name for name, g in columns), "changed docs"]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]

    def value(name: str, group: str | None, i: int) -> float:
        s = sets[name]
        return s.f1[i] if group is None else s.groups[group][i]

    cells = [f"{value(n, g, 0):.4f}" for n, g in columns]
    lines.append(f"| {BASELINE} | - | 0 | " + " | ".join(cells) + " | 0 |")
    order = sorted(range(1, len(ablations())), key=lambda i: (mean_delta(sets, i), ablations()[i].name))
    for i in order:
        a = ablations()[i]
        deltas = [f"{value(n, g, i) - value(n, g, 0):+.4f}" for n, g in columns]
        changed = sum(s.changed[i] for s in sets.values())
        lines.append(f"| {a.name} | {a.stage} | {mean_delta(sets, i):+.4f} | " + " | ".join(deltas) + f" | {changed} |")
    return "\n".join(lines)


def json_report(sets: dict[str, SetResult]) -> dict[str, object]:
    """Every row's F1, change and changed documents per set (and per WCXB page type)."""
    rows = []
    for i, a in enumerate(ablations()):
        per_set = {
            name: {
                "f1": s.f1[i],
                "delta": s.f1[i] - s.f1[0],
                "changed": s.changed[i],
                "groups": {g: {"f1": v[i], "delta": v[i] - v[0]} for g, v in s.groups.items()},
            }
            for name, s in sets.items()
        }
        rows.append({"row": a.name, "stage": a.stage, "mean_delta": mean_delta(sets, i), "sets": per_set})
    return {"cleanbody": cleanbody.__version__, "docs": {n: s.docs for n, s in sets.items()}, "rows": rows}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, from: " + ", ".join(SETS))
    parser.add_argument("--limit", type=positive_int, help="only the first N documents of each set")
    parser.add_argument("--jobs", type=positive_int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    parser.add_argument("--cache", type=Path, metavar="PATH", help="keep finished documents here (JSONL) to resume")
    args = parser.parse_args(argv)
    names = [s for s in args.sets.split(",") if s]
    unknown = sorted(set(names) - set(SETS))
    if unknown or not names:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    cache = Cache(args.cache)
    sets = {name: run_set(name, args.limit, args.jobs, cache) for name in names}
    docs = ", ".join(f"{n} {s.docs}" for n, s in sets.items())
    print(f"cleanbody {cleanbody.__version__}: F1 change with each row's rules off ({docs} documents)\n")
    print(format_table(sets))
    if args.json is not None:
        args.json.write_text(json.dumps(json_report(sets), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
