"""Benchmark cleanbody against the extractors a user would pick instead, and publish the numbers.

One command runs cleanbody in its three ``favor`` modes and the peers (trafilatura with its defaults
and with its best precision setting, readability-lxml, jusText, resiliparse, newspaper4k) on three data
sets from ``../shared/bench/`` (never copied into the repo):

* ``zyte``: 109 HTML news pages, shingle P/R/F1 against the human-written article body;
* ``trafilatura-eval``: 990 HTML pages, must-have / must-not-have snippet P/R/F1;
* ``plaintext``: the 327 plain-text scrapes of the dev split, shingle P/R/F1. cleanbody reads the text
  (``kind="text"``); the HTML peers get each line as an escaped ``<p>`` of a minimal page; a C4-style
  line filter (:func:`c4_lines`) is the plain-text baseline.

Speed is measured with every system in this one process, page by page, rotating which system goes
first, over ``--passes`` passes (pages/s is the median pass). Memory is measured apart: each system
runs alone in a fresh process over the same inputs (see :func:`memory_worker`).

It writes ``BENCHMARKS.md`` (with the per-category noise report of ``bench/noise_report.py``),
``bench/compare.png`` and the rule catalogue ``RULES.md`` (a run cut short with ``--limit`` or
``--quick`` writes the first two only where ``--markdown`` / ``--plot`` say, and not the catalogue).

    python bench/compare.py [--sets zyte,plaintext] [--systems cleanbody_balanced,trafilatura]
                            [--limit 20] [--passes 3] [--quick] [--no-memory] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import pickle
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

# Only the standard library is imported at module level: the memory workers run this file, and each
# must import nothing but the one system it measures.
REPO_ROOT = Path(__file__).resolve().parents[1]
# Measure the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

from bench._args import positive_int  # noqa: E402

SETS = ("zyte", "trafilatura-eval", "plaintext")
DEFAULT_MARKDOWN = REPO_ROOT / "BENCHMARKS.md"
DEFAULT_PLOT = REPO_ROOT / "bench" / "compare.png"
QUICK_LIMIT = 20


class Input(NamedTuple):
    """What the systems see of one page: cleanbody and the C4 filter read ``text`` with ``kind``, the
    HTML peers read ``html`` (the same string for HTML pages)."""

    text: str
    html: str
    kind: str
    url: str


@dataclass(frozen=True)
class Doc:
    """One page with its input and its gold annotation for the set's metric."""

    input: Input
    expected: str = ""  # zyte, plaintext
    with_: tuple[str, ...] = ()  # trafilatura-eval
    without: tuple[str, ...] = ()
    rendering: str = ""  # plaintext


Extractor = Callable[[Input], str]


@dataclass(frozen=True)
class System:
    """A contender: ``build`` imports it and returns its per-page function, so an import failure
    skips this system only and the memory worker pays for this one import alone."""

    name: str
    label: str
    family: str  # "cleanbody", "peer" or "baseline"
    dist: str  # distribution whose version the report prints
    settings: str
    build: Callable[[], Extractor]
    plaintext_only: bool = False


def _cleanbody(favor: str) -> Callable[[], Extractor]:
    def build() -> Extractor:
        import cleanbody

        cleaner = cleanbody.Cleaner(cleanbody.Config(favor=favor))  # type: ignore[arg-type]
        return lambda doc: cleaner.clean(doc.text, kind=doc.kind).text  # type: ignore[arg-type]

    return build


# Written out rather than taken from bench.pages.SYSTEMS: importing bench.pages loads cleanbody, which
# would be counted in trafilatura's memory.
def _trafilatura(**options: Any) -> Callable[[], Extractor]:
    def build() -> Extractor:
        import trafilatura

        return lambda doc: trafilatura.extract(doc.html, **options) or ""

    return build


_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header"
    " hr li main nav ol p pre section table td th tr ul".split()
)


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(doc: Input) -> str:
        fragment = Document(doc.html).summary(html_partial=True)
        if not fragment.strip():
            return ""
        tree = lxml.html.fromstring(fragment)
        # text_content() alone runs "Heading</h2><p>Text" into one token "HeadingText".
        for el in tree.iter():
            if el.tag in _BLOCKS:
                el.text = "\n" + (el.text or "")
                el.tail = "\n" + (el.tail or "")
        return "\n".join(line.strip() for line in tree.text_content().split("\n") if line.strip())

    return extract


def _justext() -> Extractor:
    import justext

    # The union of all of jusText's stoplists, as trafilatura's own jusText fallback does: the sets are
    # multilingual and nothing tells the language. On every fifth page of trafilatura-eval, English alone
    # scored 0.20 snippet F1 (German pages lose everything), the union 0.85.
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def extract(doc: Input) -> str:
        return "\n".join(p.text for p in justext.justext(doc.html, stoplist) if not p.is_boilerplate)

    return extract


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda doc: extract_plain_text(doc.html, main_content=True)


def _newspaper() -> Extractor:
    with warnings.catch_warnings():  # "nltk is not installed": only its NLP features need it
        warnings.simplefilter("ignore")
        import newspaper

    def extract(doc: Input) -> str:
        # fetch_images=False: the default downloads images to pick a top image, which is network I/O.
        article = newspaper.Article(doc.url or "http://example.invalid/", fetch_images=False)
        article.download(input_html=doc.html)
        article.parse()
        return article.text or ""

    return extract


# C4 (Raffel et al. 2020, JMLR 21(140), section 2.2), with the policy phrases and the ellipsis rule of
# its reference implementation (TensorFlow Datasets c4_utils).
C4_MIN_WORDS = 5
_C4_END = (".", "!", "?", '"', "”")
_C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")


def c4_lines(text: str) -> str:
    """Keep the lines C4's line rules keep: the plain-text baseline that costs nothing.

    A line stays when it ends in terminal punctuation (not "..."), has at least 5 words (the paper's
    line rule; some re-implementations swap it with the page rule and use 3), and mentions neither
    javascript, lorem ipsum, curly brackets nor a cookie or terms-of-use notice. C4's page rules (at
    least 3 sentences, the bad-words list, dropping a whole page for lorem ipsum or a curly bracket,
    de-duplication, language ID) decide whether a page enters a corpus, not which of its lines are the
    article, so they are left out, and lorem ipsum and curly brackets drop the line only.
    """
    kept = []
    for raw in text.split("\n"):
        line = raw.strip()
        low = line.lower()
        if (
            line.endswith(_C4_END)
            and not line.endswith("...")
            and len(line.split()) >= C4_MIN_WORDS
            and "javascript" not in low
            and "lorem ipsum" not in low
            and "{" not in line
            and "}" not in line
            and not any(phrase in low for phrase in _C4_POLICY)
        ):
            kept.append(line)
    return "\n".join(kept)


SYSTEMS: dict[str, System] = {
    s.name: s
    for s in (
        System("cleanbody_precision", "cleanbody precision", "cleanbody", "cleanbody",
               '`Config(favor="precision")`', _cleanbody("precision")),
        System("cleanbody_balanced", "cleanbody balanced", "cleanbody", "cleanbody",
               '`Config(favor="balanced")`, the default', _cleanbody("balanced")),
        System("cleanbody_recall", "cleanbody recall", "cleanbody", "cleanbody",
               '`Config(favor="recall")`', _cleanbody("recall")),
        System("trafilatura", "trafilatura", "peer", "trafilatura",
               "`trafilatura.extract(html)`, its defaults (comments included)", _trafilatura()),
        System("trafilatura_best", "trafilatura precision", "peer", "trafilatura",
               "`extract(html, favor_precision=True, include_comments=False)`",
               _trafilatura(favor_precision=True, include_comments=False)),
        System("readability", "readability-lxml", "peer", "readability-lxml",
               "`Document(html).summary(html_partial=True)`, then the fragment's text, one line per block",
               _readability),
        System("justext", "jusText", "peer", "jusText",
               "`justext.justext(html, stoplist)` with the union of all its stoplists; non-boilerplate paragraphs",
               _justext),
        System("resiliparse", "resiliparse", "peer", "resiliparse",
               "`extract_plain_text(html, main_content=True)`", _resiliparse),
        System("newspaper4k", "newspaper4k", "peer", "newspaper4k",
               "`Article(url, fetch_images=False)`, `download(input_html=html)`, `parse()`, `.text`",
               _newspaper),
        System("c4_lines", "C4 line filter", "baseline", "",
               f"C4's line rules on the plain text (≥{C4_MIN_WORDS} words, terminal punctuation, …)",
               lambda: lambda doc: c4_lines(doc.text), plaintext_only=True),
    )
}  # fmt: skip


def text_page(text: str) -> str:
    """The minimal HTML page the HTML peers get for a plain-text scrape: one escaped ``<p>`` per
    non-blank line, so they can tell lines apart and nothing else."""
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.split("\n") if line.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{paragraphs}</body></html>\n'


def load_set(name: str, limit: int | None) -> list[Doc]:
    """Read a data set with the loaders of pages.py and plaintext.py; ``limit`` counts pages, so the
    plain-text set keeps all three renderings of its first ``limit`` pages."""
    if name == "plaintext":
        from bench.plaintext import DEFAULT_DATA, load_records

        records = load_records(_existing(DEFAULT_DATA))
        if limit is not None:
            first = list(dict.fromkeys(r.id for r in records))[:limit]
            records = [r for r in records if r.id in set(first)]
        return [
            Doc(Input(r.text, text_page(r.text), "text", r.url), expected=r.expected, rendering=r.rendering)
            for r in records
        ]
    from bench.pages import SETS as PAGE_SETS
    from bench.pages import load_pages

    pages = load_pages(_existing(PAGE_SETS[name]))[:limit]
    return [Doc(Input(p.html, p.html, "html", p.url), p.expected, p.with_, p.without) for p in pages]


def _existing(path: Path) -> Path:
    if not path.is_file():
        sys.exit(f"benchmark data not found at {path}; it lives in ../shared/bench next to the repo")
    return path


@dataclass
class Timing:
    """One system's outputs (from the first pass), failed pages and pages/s of each pass."""

    outputs: list[str] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    rates: list[float] = field(default_factory=list)

    @property
    def pages_per_s(self) -> float:
        return statistics.median(self.rates)


def run_interleaved(docs: Sequence[Doc], extractors: dict[str, Extractor], passes: int) -> dict[str, Timing]:
    """Run every system on every page, rotating who goes first (by page and by pass), so that all of them
    share the machine's state; a raising call counts as an empty output, as trafilatura's evaluation
    counts a crash."""
    names = list(extractors)
    timings = {name: Timing(outputs=[""] * len(docs)) for name in names}
    for name in names:  # imports, lazy tables and compiled patterns are paid outside the timings
        with contextlib.suppress(Exception):
            extractors[name](docs[0].input)
    for n in range(passes):
        seconds = dict.fromkeys(names, 0.0)
        for i, doc in enumerate(docs):
            k = (i + n) % len(names)
            for name in names[k:] + names[:k]:
                start = time.perf_counter()
                try:
                    output, error = extractors[name](doc.input), None
                except Exception as exc:
                    output, error = "", exc
                seconds[name] += time.perf_counter() - start
                if n == 0:
                    timings[name].outputs[i] = output
                    if error is not None:
                        timings[name].errors += 1
                        timings[name].first_error = timings[name].first_error or f"{type(error).__name__}: {error}"
        for name in names:
            timings[name].rates.append(len(docs) / seconds[name] if seconds[name] else float("inf"))
    return timings


@dataclass(frozen=True)
class Scores:
    """The set's metric for one system: shingle P/R/F1, or snippet P/R/F1 and accuracy."""

    f1: float
    precision: float
    recall: float
    accuracy: float | None = None
    by_rendering: dict[str, float] = field(default_factory=dict)


def score(set_name: str, docs: Sequence[Doc], outputs: Sequence[str]) -> Scores:
    """Score outputs with the metric functions of ``_metrics.py``."""
    from bench._metrics import corpus_scores, page_counts, snippet_counts, snippet_scores

    if set_name == "trafilatura-eval":
        p, r, acc, f1 = snippet_scores(
            snippet_counts(d.with_, d.without, o) for d, o in zip(docs, outputs, strict=True)
        )
        return Scores(f1, p, r, acc)
    counts = [page_counts(d.expected, o) for d, o in zip(docs, outputs, strict=True)]
    p, r, f1 = corpus_scores(counts)
    renderings = dict.fromkeys(d.rendering for d in docs if d.rendering)
    by_rendering = {
        rendering: corpus_scores(c for c, d in zip(counts, docs, strict=True) if d.rendering == rendering)[2]
        for rendering in renderings
    }
    return Scores(f1, p, r, by_rendering=by_rendering)


@dataclass(frozen=True)
class Memory:
    """RSS in MB: what importing the system added, and the peak over that while it ran."""

    import_mb: float
    peak_mb: float


def _rss_kb(field_name: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field_name} not in /proc/self/status (memory needs Linux)")


def memory_worker(name: str, inputs_path: Path) -> dict[str, float]:
    """Measure one system alone, in this fresh process, from RSS, which sees C and Rust allocations
    that tracemalloc would miss.

    The inputs are loaded first, so they are in every reading. ``import_mb`` is what importing and
    building the system added to RSS. Then the kernel's peak-RSS mark is reset to the current RSS
    (writing 5 to /proc/self/clear_refs), the system runs over every input, and ``peak_mb`` is that peak
    (VmHWM) minus the RSS after import: everything running it cost at its worst, lazy imports and
    tables included (cleanbody imports trafilatura only on its first page).
    """
    with inputs_path.open("rb") as f:
        inputs = [Input(*t) for t in pickle.load(f)]
    before = _rss_kb("VmRSS")
    extract = SYSTEMS[name].build()
    after_import = _rss_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    for doc in inputs:
        with contextlib.suppress(Exception):
            extract(doc)
    peak = _rss_kb("VmHWM")
    return {"import_mb": (after_import - before) / 1024, "peak_mb": (peak - after_import) / 1024}


def measure_memory(names: Sequence[str], docs: Sequence[Doc]) -> dict[str, Memory | str]:
    """Run :func:`memory_worker` for each system in its own subprocess, over the same inputs; a failed
    worker gives its error instead of numbers. Nothing is timed here, so workers run two at a time."""
    with tempfile.TemporaryDirectory(prefix="cleanbody-compare-") as tmp:
        inputs_path = Path(tmp) / "inputs.pickle"
        with inputs_path.open("wb") as f:
            pickle.dump([tuple(d.input) for d in docs], f, protocol=pickle.HIGHEST_PROTOCOL)
        with ThreadPoolExecutor(max_workers=2) as pool:
            return dict(zip(names, pool.map(lambda name: _memory_subprocess(name, inputs_path), names), strict=True))


def _memory_subprocess(name: str, inputs_path: Path) -> Memory | str:
    proc = subprocess.run(
        [sys.executable, __file__, "--memory-worker", name, str(inputs_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        return (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return Memory(**json.loads(proc.stdout.strip().splitlines()[-1]))


@dataclass
class SetResult:
    """Everything measured on one data set."""

    name: str
    docs: int
    passes: int
    scores: dict[str, Scores]
    timings: dict[str, Timing]
    memory: dict[str, Memory | str]


def run_set(name: str, systems: dict[str, Extractor], limit: int | None, passes: int, memory: bool) -> SetResult:
    """Load, time (interleaved), score, and measure memory (one subprocess per system)."""
    docs = load_set(name, limit)
    if name != "plaintext":
        systems = {n: f for n, f in systems.items() if not SYSTEMS[n].plaintext_only}
    started = time.perf_counter()
    timings = run_interleaved(docs, systems, passes)
    scores = {n: score(name, docs, t.outputs) for n, t in timings.items()}
    print(f"{name}: {len(docs)} pages x {passes} passes in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    mem: dict[str, Memory | str] = {}
    if memory:
        started = time.perf_counter()
        mem = measure_memory(list(systems), docs)
        print(f"{name}: memory in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return SetResult(name, len(docs), passes, scores, timings, mem)


def build_systems(names: Sequence[str]) -> tuple[dict[str, Extractor], dict[str, str]]:
    """Import and build each system; one whose import fails is skipped with the reason."""
    built: dict[str, Extractor] = {}
    skipped: dict[str, str] = {}
    for name in names:
        try:
            built[name] = SYSTEMS[name].build()
        except ImportError as exc:
            skipped[name] = f"{type(exc).__name__}: {exc}"
    return built, skipped


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, from: " + ", ".join(SETS))
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, from: " + ", ".join(SYSTEMS))
    parser.add_argument("--limit", type=positive_int, help="only the first N pages of each set")
    parser.add_argument("--passes", type=positive_int, default=3, help="timed passes; pages/s is their median")
    parser.add_argument("--quick", action="store_true", help=f"--limit {QUICK_LIMIT} --passes 1, for development")
    parser.add_argument("--no-memory", action="store_true", help="skip the per-system memory subprocesses")
    parser.add_argument("--markdown", type=Path, help=f"report path (default for a full run: {DEFAULT_MARKDOWN})")
    parser.add_argument("--plot", type=Path, help=f"PNG path (default for a full run: {DEFAULT_PLOT})")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    parser.add_argument("--memory-worker", nargs=2, metavar=("SYSTEM", "INPUTS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.limit = args.limit or QUICK_LIMIT
        args.passes = 1
    args.sets = [s for s in args.sets.split(",") if s]
    args.systems = [s for s in args.systems.split(",") if s]
    for kind, chosen, known in (("set", args.sets, SETS), ("system", args.systems, SYSTEMS)):
        unknown = [s for s in chosen if s not in known]
        if unknown:
            parser.error(f"unknown {kind}(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    if args.limit is None:
        args.markdown = args.markdown or DEFAULT_MARKDOWN
        args.plot = args.plot or DEFAULT_PLOT
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.memory_worker:
        name, path = args.memory_worker
        print(json.dumps(memory_worker(name, Path(path))))
        return 0
    from bench import _compare_report as report

    # newspaper4k's date parsing warns about every unknown time zone name it meets.
    warnings.filterwarnings("ignore", module="dateutil")
    started, load = time.perf_counter(), os.getloadavg()[0]
    extractors, skipped = build_systems(args.systems)
    for name, reason in skipped.items():
        print(f"skipped {name}: {reason}", file=sys.stderr)
    results = [run_set(s, extractors, args.limit, args.passes, not args.no_memory) for s in args.sets]
    seconds = time.perf_counter() - started
    command = shlex.join(["python", "bench/compare.py", *(sys.argv[1:] if argv is None else argv)])
    run = report.Run(
        results=results,
        systems=[SYSTEMS[n] for n in args.systems],
        skipped=skipped,
        command=command,
        limit=args.limit,
        seconds=seconds,
        date=datetime.now(UTC),
        c4_min_words=C4_MIN_WORDS,
        load=(load, os.getloadavg()[0]),
    )
    print(report.console_tables(run))
    if args.plot is not None:
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        report.plot(run, args.plot)
        print(f"wrote {args.plot}", file=sys.stderr)
    if args.markdown is not None:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(report.markdown(run, args.plot, args.markdown), encoding="utf-8")
        print(f"wrote {args.markdown}", file=sys.stderr)
    if args.json is not None:
        args.json.write_text(json.dumps(report.as_json(run), indent=2) + "\n", encoding="utf-8")
    if args.limit is None:
        # One command regenerates everything published: the rule catalogue too.
        from bench import catalogue

        catalogue.main()
    print(f"{seconds / 60:.1f} min in all", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
