"""Tables, BENCHMARKS.md and the plot for ``compare.py``, kept apart from the measuring so that the
memory workers, which run ``compare.py``, never import matplotlib."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.compare import Memory, SetResult, System

REPO_ROOT = Path(__file__).resolve().parents[1]

DESCRIPTIONS = {
    "zyte": (
        "Zyte article-extraction benchmark, dev split: {n} English-language news and blog pages (HTML) with "
        "human-written article bodies. Metric: shingle P/R/F1."
    ),
    "trafilatura-eval": (
        "trafilatura's evaluation set: {n} multilingual HTML pages, each with text snippets that must and must "
        "not be in the output. Metric: snippet P/R/F1 and accuracy, as trafilatura's `tests/eval_common.py`."
    ),
    "plaintext": (
        "The same Zyte dev pages as plain-text scrapes (html_text, inscriptis and a11y renderings, {n} records): "
        'cleanbody reads the text with `kind="text"`, the HTML peers get each non-blank line as an escaped `<p>` '
        "of a minimal page, the C4 filter reads the text. Metric: shingle P/R/F1."
    ),
}
TITLES = {"zyte": "zyte (HTML)", "trafilatura-eval": "trafilatura-eval (HTML)", "plaintext": "plaintext/dev (text)"}
NOISE_START = "<!-- noise-report:start (bench/noise_report.py render() writes this section; edit that file) -->"
NOISE_END = "<!-- noise-report:end -->"
PEER_COLORS = ("#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf")


@dataclass(frozen=True)
class Run:
    """One invocation of compare.py: what ran, on what, and how it was called."""

    results: list[SetResult]
    systems: list[System]
    skipped: dict[str, str]
    command: str
    limit: int | None
    seconds: float
    date: datetime
    c4_min_words: int
    load: tuple[float, float]  # 1-minute load average at the start and at the end


def _rate(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _memory_cells(memory: Memory | str | None) -> tuple[str, str]:
    if memory is None:
        return "–", "–"
    if isinstance(memory, str):
        return "failed", "failed"
    return f"{memory.import_mb:.0f}", f"{memory.peak_mb:.0f}"


def _rows(run: Run, result: SetResult) -> list[list[str]]:
    """One row per system that ran on the set, in the order of ``--systems``."""
    snippets = result.name == "trafilatura-eval"
    rows = []
    for system in run.systems:
        if system.name not in result.scores:
            continue
        s = result.scores[system.name]
        t = result.timings[system.name]
        cells = [system.label, f"{s.f1:.3f}", f"{s.precision:.3f}", f"{s.recall:.3f}"]
        if snippets:
            cells.append(f"{s.accuracy:.3f}")
        cells += [_rate(t.pages_per_s), *_memory_cells(result.memory.get(system.name)), str(t.errors)]
        rows.append(cells)
    return rows


def _header(result: SetResult) -> list[str]:
    metric = ["F1", "P", "R", "acc"] if result.name == "trafilatura-eval" else ["F1", "P", "R"]
    return ["system", *metric, "pages/s", "import MB", "peak MB", "failed"]


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return "\n".join("| " + " | ".join(r) + " |" for r in [header, align, *rows])


def console_tables(run: Run) -> str:
    """Plain-text tables for the terminal."""
    blocks = []
    for result in run.results:
        header, rows = _header(result), _rows(run, result)
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = [f"{result.name}: {result.docs} pages, pages/s = median of {result.passes} passes"]
        for r in [header, *rows]:
            lines.append(
                "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def machine() -> str:
    """CPU model, cores, memory, OS and Python: what a reader needs to compare pages/s."""
    cpu = platform.processor() or "unknown CPU"
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = next(int(line.split()[1]) for line in f if line.startswith("MemTotal"))
        memory = f", {kb / 1024**2:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def versions(run: Run) -> str:
    """Versions of everything measured, cleanbody with the commit of the checkout."""
    import cleanbody

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=False).stdout

    commit = git("rev-parse", "--short", "HEAD").strip()
    changed = (
        " with uncommitted changes to cleanbody/" if git("status", "--porcelain", "--", "cleanbody").strip() else ""
    )
    parts = [f"cleanbody {cleanbody.__version__}" + (f" (commit {commit}{changed})" if commit else "")]
    dists = dict.fromkeys(s.dist for s in run.systems if s.dist and s.dist != "cleanbody")
    for dist in [*dists, "lxml", "python-dateutil"]:
        try:
            parts.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} (not installed)")
    return ", ".join(parts)


def noise_section() -> str:
    """The per-category noise report from ``bench/noise_report.py``'s ``render()``, which another
    script owns; until that file exists, a placeholder says where it will go."""
    try:
        from bench import noise_report
    except ModuleNotFoundError as exc:
        if exc.name != "bench.noise_report":
            return f"## Per-category noise report\n\n_Not generated: bench/noise_report.py cannot import {exc.name}._"
        return (
            "## Per-category noise report\n\n_Placeholder: when `bench/noise_report.py` exists, `compare.py` puts "
            "the markdown that its `render()` returns here._"
        )
    try:
        return str(noise_report.render()).strip()
    except Exception as exc:
        return f"## Per-category noise report\n\n_Not generated: `render()` raised {type(exc).__name__}: {exc}_"


def markdown(run: Run, plot_path: Path | None, markdown_path: Path) -> str:
    """The whole of BENCHMARKS.md."""
    out = [
        "# Benchmarks",
        "",
        "cleanbody next to the extractors a user would pick instead, on three data sets. This file and the "
        "plot are written by `bench/compare.py`; do not edit them by hand, run it again "
        "(`bench/README.md` says how).",
        "",
        f"- **Date:** {run.date:%Y-%m-%d %H:%M} UTC",
        f"- **Machine:** {machine()}",
        f"- **Versions:** {versions(run)}",
        f"- **Command:** `{run.command}`, which took {run.seconds / 60:.0f} min; load average "
        f"{run.load[0]:.1f} at the start and {run.load[1]:.1f} at the end (other work shared the machine "
        "when above 1)",
    ]
    if run.limit is not None:
        out.append(f"- **Partial run:** only the first {run.limit} pages of each set; not the published numbers.")
    for name, reason in run.skipped.items():
        out.append(f"- **Not run:** {name}, its import failed ({reason}).")
    if plot_path is not None:
        rel = os.path.relpath(plot_path, markdown_path.parent)
        out += ["", f"![F1 against pages/s, one panel per data set]({rel})"]
    for result in run.results:
        out += [
            "",
            f"## {TITLES[result.name]}",
            "",
            DESCRIPTIONS[result.name].format(n=result.docs),
            "",
            _markdown_table(_header(result), _rows(run, result)),
        ]
        renderings = next((s.by_rendering for s in result.scores.values() if s.by_rendering), {})
        if renderings:
            out += ["", "Shingle F1 by rendering:", ""]
            rows = [
                [s.label, *(f"{result.scores[s.name].by_rendering[r]:.3f}" for r in renderings)]
                for s in run.systems
                if s.name in result.scores
            ]
            out.append(_markdown_table(["system", *renderings], rows))
        errors = [
            f"{s.label} on {result.timings[s.name].errors} (first: {result.timings[s.name].first_error})"
            for s in run.systems
            if s.name in result.timings and result.timings[s.name].errors
        ]
        failures = [f"{name} ({m})" for name, m in result.memory.items() if isinstance(m, str)]
        if errors:
            out += ["", "Pages where the call raised, scored as empty output: " + "; ".join(errors) + "."]
        if failures:
            out += ["", "Memory measurement failed: " + "; ".join(failures) + "."]
    out += ["", "## Systems", "", "| system | called as |", "| --- | --- |"]
    out += [f"| {s.label} | {s.settings} |" for s in run.systems if s.name not in run.skipped]
    out += ["", HOW_TO_READ.format(c4_min_words=run.c4_min_words).strip()]
    out += ["", NOISE_START, "", noise_section(), "", NOISE_END, ""]
    return "\n".join(out)


HOW_TO_READ = """
## The C4 line filter

The plain-text baseline keeps the lines that the C4 paper's line rules keep (Raffel et al. 2020, JMLR 21(140),
section 2.2), with the notice phrases and the ellipsis rule of its TensorFlow Datasets code: a line stays when
it ends in `.` `!` `?` or a closing quote (but not `...`), has at least {c4_min_words} words, and contains none of
"javascript", "lorem ipsum", a curly bracket, "cookie policy", "uses cookies", "use cookies", "use of cookies",
"privacy policy" or "terms of use". {c4_min_words} words is the paper's line rule (some re-implementations swap it
with the page rule and use 3). The page rules (at least 3 sentences, the bad-words list, dropping the whole page
for lorem ipsum or a curly bracket, de-duplication, language ID) choose pages for a corpus rather than clean
them, so they are left out, and lorem ipsum and curly brackets drop only their line. It runs on the plain-text
set only.

## How to read this

- **F1, P, R on zyte and plaintext** are the Zyte benchmark's shingle metric (`evaluate.py`): output and
  human-written article body are cut into runs of 4 consecutive `\\w+` tokens; per page, shared runs are true
  positives, runs only in the output false positives (boilerplate kept), runs only in the body false
  negatives (article lost). Every page has equal weight; P and R are means over pages and F1 comes from the two
  means. 1.0 is the article body exactly; keeping a whole plain-text page scores about 0.66.
- **F1, P, R, acc on trafilatura-eval** count snippets over the whole set: a must-have snippet found in the
  output is a true positive, missed a false negative; a must-not-have snippet found is a false positive, absent
  a true negative. Accuracy is (tp + tn) / all snippets. A few short snippets per page, so this says whether
  the main text and the worst boilerplate were told apart, not how clean the edges are.
- **pages/s** is pages divided by the seconds spent inside the system's call, in one process on one core,
  with every system called on each page in turn, the order rotated from page to page and from pass to pass;
  the table shows the median of the passes. Inputs are decoded strings, so no system pays for decoding; the
  plain-text set's HTML pages are built before timing. On a shared machine ratios move by ±5% between runs.
- **import MB** and **peak MB** come from a separate run: each system alone in a fresh Python process over the
  same inputs, already loaded. *import MB* is the growth of resident memory (RSS) from importing the library
  and building its extractor. Then the kernel's peak-RSS mark is reset, the system runs over every page, and
  *peak MB* is the highest RSS minus the RSS after import: the most memory running it held at once, lazy
  imports and tables included (cleanbody imports trafilatura on its first page, so it is here, not under
  import), and including what C, C++ and Rust code allocate, which Python's tracemalloc does not see. Freed
  memory that the allocator keeps counts until reused, so it is an upper bound on what a long-running process
  would need. *import MB* + *peak MB* is what a worker process needs on top of the interpreter and its input.
- **failed** counts pages where the call raised; such a page counts as an empty output in the scores.

## Caveats

- cleanbody was developed against these dev sets (the Zyte and plain-text held-out test split is not here),
  and cleanbody runs trafilatura internally. trafilatura-eval is trafilatura's own development set. Expect
  lower scores on unseen pages, for both.
- pages/s were measured on a machine that other work shared (see the load average above): every system saw
  the same conditions, so the ratios between them hold better than the absolute rates.
- The peers are built for HTML. On the plain-text set they see a page of one `<p>` per line, with no markup
  to go by; that measures what they do with text that is already flattened, not their HTML extraction.
- jusText gets the union of its stoplists because the sets are multilingual; with one language's list it does
  far worse on the other languages. readability-lxml returns an HTML fragment, turned into text here with one
  line per block element. newspaper4k needs nltk for some languages (Korean and Arabic here) and fails there
  without it; it also requires python-dateutil < 3, so installing the `bench` extra downgrades dateutil.
- Text conventions differ (headline included or not, list bullets, image alt text); the shingle metric sees
  only `\\w+` tokens and the snippet metric only substrings, so most of this does not count.
"""


def as_json(run: Run) -> dict[str, object]:
    """Every number of the run, for ``--json``."""
    return {
        "date": run.date.isoformat(),
        "command": run.command,
        "limit": run.limit,
        "seconds": run.seconds,
        "skipped": run.skipped,
        "sets": {
            r.name: {
                "docs": r.docs,
                "passes": r.passes,
                "systems": {
                    name: {
                        "f1": s.f1,
                        "precision": s.precision,
                        "recall": s.recall,
                        "accuracy": s.accuracy,
                        "by_rendering": s.by_rendering,
                        "pages_per_s": r.timings[name].pages_per_s,
                        "pages_per_s_passes": r.timings[name].rates,
                        "errors": r.timings[name].errors,
                        "memory": _memory_json(r.memory.get(name)),
                    }
                    for name, s in r.scores.items()
                },
            }
            for r in run.results
        },
    }


def _memory_json(memory: Memory | str | None) -> object:
    if memory is None or isinstance(memory, str):
        return memory
    return {"import_mb": memory.import_mb, "peak_mb": memory.peak_mb}


def plot(run: Run, path: Path) -> None:
    """F1 against pages/s (log scale), one panel per data set, one labelled point per system."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = run.results
    fig, axes = plt.subplots(1, len(results), figsize=(4.6 * len(results), 4.4), squeeze=False)
    peer_color: dict[str, str] = {}
    for system in run.systems:
        if system.family == "peer" and system.dist not in peer_color:
            peer_color[system.dist] = PEER_COLORS[len(peer_color) % len(PEER_COLORS)]
    labels = []
    for ax, result in zip(axes[0], results, strict=True):
        points = []
        for system in run.systems:
            if system.name not in result.scores:
                continue
            x, y = result.timings[system.name].pages_per_s, result.scores[system.name].f1
            color = {"cleanbody": "#1f77b4", "baseline": "#7f7f7f"}.get(system.family) or peer_color[system.dist]
            marker = {"cleanbody": "o", "baseline": "s"}.get(system.family, "^")
            ax.scatter([x], [y], color=color, marker=marker, s=36, zorder=3)
            points.append((x, y, system.label, color))
        ax.set_xscale("log")
        ax.set_title(f"{TITLES[result.name]}, {result.docs} pages", fontsize=10)
        ax.set_xlabel("pages/s (log scale)", fontsize=9)
        ax.set_ylabel("snippet F1" if result.name == "trafilatura-eval" else "shingle F1", fontsize=9)
        ax.grid(True, which="major", alpha=0.3)
        ax.tick_params(labelsize=8)
        ax.margins(x=0.3, y=0.12)
        labels.append((ax, points))
    fig.suptitle(f"cleanbody and peers, {run.date:%Y-%m-%d} (up and to the right is better)", fontsize=11)
    fig.tight_layout()
    for ax, points in labels:  # after the layout, so that the overlap test sees final positions
        _label_points(fig, ax, points)
    fig.savefig(path, dpi=90, pil_kwargs={"optimize": True})
    plt.close(fig)


def _label_points(fig: object, ax: object, points: list[tuple[float, float, str, str]]) -> None:
    """Put each label beside its point, trying a few offsets so that labels do not cover each other."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[object] = []
    offsets = (
        (5, 3, "left"), (5, -9, "left"), (-5, 3, "right"), (-5, -9, "right"), (5, 10, "left"), (-5, -16, "right")
    )  # fmt: skip
    for x, y, label, color in sorted(points, key=lambda p: -p[1]):
        for dx, dy, ha in offsets:
            text = ax.annotate(  # type: ignore[attr-defined]
                label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=7.5, color=color, ha=ha
            )
            box = text.get_window_extent(renderer)
            inside = ax.bbox.x0 + 2 <= box.x0 and box.x1 <= ax.bbox.x1 - 6  # type: ignore[attr-defined]
            if inside and not any(box.overlaps(other) for other in placed):
                break
            text.remove()
        else:
            text = ax.annotate(label, (x, y), xytext=(5, 3), textcoords="offset points", fontsize=7.5, color=color)  # type: ignore[attr-defined]
            box = text.get_window_extent(renderer)
        placed.append(box)
