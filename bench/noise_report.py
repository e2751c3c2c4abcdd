"""Where the plain-text benchmark's noise goes, per rule category: what each
category removes, what content it loses, and whose the surviving noise is.

Data: the dev split of the plain-text benchmark
(``../shared/bench/plaintext/dev.jsonl.gz``; its README describes it): 109
pages in three renderings, every non-empty line labelled ``content`` or
``noise``. Each record is cleaned with ``cleanbody.clean(text, kind="text")``
and the default config.

Removed lines. A line is removed when removals cover half or more of its
characters: ``bench._metrics.kept_lines``, the line metric of
``bench/plaintext.py``. A removed line is credited to the rule whose removals
alone cover half of it (removals never overlap, so only an exact half can
have two such rules; the first id gets it), or to "(several rules)" when
only removals of different rules together reach half.

Surviving noise. Every noise line that is kept gets one owner, from the
first of these tests it passes (the same half-the-line coverage throughout):

1. *found, not removed*: a finding of rule R from the detection pass
   (``cleanbody.pipeline.detect.detect``: every rule's findings before
   ``cleanbody.pipeline.decide.decide`` picks the removals) covers the line. R saw
   it; the decision step kept it (a likely finding without support from
   context, or the safety valve that keeps most of the main text).
2. *matches alone*: the same detection, run on the line as a document of its
   own, finds it under rule R. R's pattern matches the line, but in the page
   something stopped it: the segmenter joined the line with its neighbours
   into one block, the block was over R's word limit, or R weighs the lines
   around it.
3. *invisible*: the line is blank once cleanbody normalises it (a zero-width
   space, a byte-order mark). The line metric counts it as kept noise, but
   no reader sees it.
4. *outside the article*: no rule claims it and it lies before the page's
   first content line or after its last one. Taking what lies outside the
   article is ``zone.outside-main``'s job, so its category owns the line:
   the main text cleanbody found reached past the article.
5. *unclaimed*: no rule claims it and it sits between two content lines.

When several rules claim a line in test 1 or 2, the first by rule id owns
it; the per-rule table counts every claimant. Lines of tests 4 and 5 are
also sorted into shape buckets (first match wins; see :func:`shape`), so
that the kinds of noise no rule covers show.

What this cannot see: a pattern that nearly matches (no test loosens a
rule), and findings that need the rest of the page (``nav.menu``, ``dup.*``,
``title.headline``) are only seen by test 1, never by test 2.

    python bench/noise_report.py [--data PATH]   # prints the Markdown section, about 10 s
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Report on the cleanbody in this checkout, not one installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

import cleanbody  # noqa: E402
from bench._metrics import kept_lines  # noqa: E402
from bench.plaintext import DEFAULT_DATA, RENDERINGS, Record, load_records  # noqa: E402
from cleanbody.document import NO_DEADLINE, Candidate  # noqa: E402
from cleanbody.pipeline.detect import detect  # noqa: E402
from cleanbody.rules import RULES  # noqa: E402
from cleanbody.rules.text.zone_outside_main import RULE as OUTSIDE_MAIN  # noqa: E402
from cleanbody.text.analyze import analyze  # noqa: E402

SEVERAL = "(several rules)"
FOUND, ALONE, OUTSIDE = "found, not removed", "matches alone", "outside the article"
UNCLAIMED, INVISIBLE = "unclaimed (inside the article)", "invisible (blank once normalised)"
#: Owns the unclaimed noise outside the article: taking it is its rule's job.
ZONE = OUTSIDE_MAIN.category
BEFORE, INSIDE, AFTER = "before the article", "inside", "after the article"
SHAPES = (
    "joined into a multi-line block",
    "no letters (numbers, symbols)",
    "short with digits (≤ 5 words: dates, counters)",
    "all capitals",
    "short label (≤ 3 words)",
    "headline-like (4+ words, no end punctuation)",
    "sentence (ends in . ! ? …)",
)
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_DIGIT = re.compile(r"\d")


def covered(text: str, spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each non-blank line of *text*, whether *spans* cover half of it:
    the removed side of the benchmark's line metric, for any set of spans."""
    return [not kept for kept in kept_lines(text, list(spans))]


def position(index: int, first_content: int, last_content: int) -> str:
    """Where line *index* sits relative to the labelled article (its first
    and last content lines)."""
    if index < first_content:
        return BEFORE
    return AFTER if index > last_content else INSIDE


def shape(line: str, joined: bool) -> str:
    """The first of :data:`SHAPES` that describes a line no rule claims.

    *joined*: cleanbody's segmenter put the line in one block with other
    lines (taking them for a hard-wrapped paragraph), so every rule judged
    the joined text, not this line.
    """
    words = line.split()
    letters = [ch for ch in line if ch.isalpha()]
    if joined:
        return SHAPES[0]
    if not letters:
        return SHAPES[1]
    if len(words) <= 5 and _DIGIT.search(line):
        return SHAPES[2]
    if len(letters) >= 2 and not any(ch.islower() for ch in letters):
        return SHAPES[3]
    if len(words) <= 3:
        return SHAPES[4]
    return SHAPES[6] if _TERMINAL.search(line.strip()) else SHAPES[5]


@dataclass
class Tally:
    """Line counts over the records seen so far."""

    #: rendering -> "noise", "content", "noise removed", "content removed".
    totals: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    #: (rule id or SEVERAL, is content) -> removed lines.
    removed: Counter[tuple[str, bool]] = field(default_factory=Counter)
    #: (rule id, is content) -> kept lines a finding of the rule covered.
    found_kept: Counter[tuple[str, bool]] = field(default_factory=Counter)
    #: rule id -> surviving noise lines it matches alone (every claimant).
    alone: Counter[str] = field(default_factory=Counter)
    #: (owner, test) -> surviving noise lines; the owner is a category,
    #: UNCLAIMED or INVISIBLE.
    owners: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (shape, position) -> surviving noise lines no rule claims.
    shapes: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Surviving noise lines that more than one rule claimed.
    contested: int = 0

    def add(self, record: Record) -> None:
        """Clean one record and count its lines."""
        text = record.text
        result = cleanbody.clean(text, kind="text")
        if len(result.working_text) != len(text):
            raise ValueError(f"{record.id}: removal offsets do not line up with the input")
        removals: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for r in result.removed:
            if r.start is not None and r.end is not None:  # always, on plain text (no DOM stage)
                removals[r.rule_id].append((r.start, r.end))
        detection = detect(analyze(text), RULES, NO_DEADLINE)
        ctx, candidates = detection.ctx, detection.candidates
        findings: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in candidates:
            findings[c.rule_id].append((c.start, c.end))
        gone = covered(text, (span for spans in removals.values() for span in spans))
        removed_by = {rule_id: covered(text, spans) for rule_id, spans in sorted(removals.items())}
        found_by = {rule_id: covered(text, spans) for rule_id, spans in sorted(findings.items())}
        joined = covered(text, ((b.start, b.end) for b in ctx.blocks if len(b.lines) > 1))
        content_at = [i for i, (_, is_content) in enumerate(record.lines) if is_content]
        # A page with no content line has no article: every line counts as before it.
        first, last = (content_at[0], content_at[-1]) if content_at else (len(record.lines), len(record.lines))

        totals = self.totals[record.rendering]
        for i, (line, is_content) in enumerate(record.lines):
            label = "content" if is_content else "noise"
            totals[label] += 1
            if gone[i]:
                totals[f"{label} removed"] += 1
                self.removed[next((r for r, flags in removed_by.items() if flags[i]), SEVERAL), is_content] += 1
                continue
            claims = [rule_id for rule_id, flags in found_by.items() if flags[i]]
            for rule_id in claims:
                self.found_kept[rule_id, is_content] += 1
            if not is_content:
                self._own(line, claims, position(i, first, last), joined[i])

    def _own(self, line: str, claims: list[str], where: str, joined: bool) -> None:
        """Give one surviving noise line its owner (tests 1 to 5 of the module docstring)."""
        if claims:
            self._claimed(claims, FOUND)
            return
        visible, claims = alone(line)
        if not visible:
            self.owners[INVISIBLE, INVISIBLE] += 1
            return
        if claims:
            self.alone.update(claims)
            self._claimed(claims, ALONE)
            return
        self.shapes[shape(line, joined), where] += 1
        self.owners[(UNCLAIMED, UNCLAIMED) if where == INSIDE else (ZONE, OUTSIDE)] += 1

    def _claimed(self, claims: list[str], test: str) -> None:
        self.contested += len(claims) > 1
        self.owners[claims[0].split(".", 1)[0], test] += 1


def alone(line: str) -> tuple[bool, list[str]]:
    """Whether *line* has any text once normalised, and the ids of the rules
    whose findings cover it when it is cleaned as a document of its own."""
    detection = detect(analyze(line.strip()), RULES, NO_DEADLINE)
    ctx, candidates = detection.ctx, detection.candidates
    if not ctx.blocks:
        return False, []
    rule_ids = sorted({c.rule_id for c in candidates})
    return True, [r for r in rule_ids if covered(ctx.text, _spans(candidates, r))[0]]


def _spans(candidates: Iterable[Candidate], rule_id: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in candidates if c.rule_id == rule_id]


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _shown(path: Path) -> str:
    """*path* as seen from the repo root when it is next to it, so the
    report reads the same on every machine."""
    return f"../{path.relative_to(REPO_ROOT.parent)}" if path.is_relative_to(REPO_ROOT.parent) else str(path)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|",
    ]
    lines += [
        "| " + " | ".join(f"{cell:,}" if isinstance(cell, int) else str(cell) for cell in row) + " |" for row in rows
    ]
    return [*lines, ""]


def _totals(tally: Tally) -> list[str]:
    renderings = [r for r in RENDERINGS if r in tally.totals]
    rows = []
    for name, counts in [(r, tally.totals[r]) for r in renderings] + [("all", sum(tally.totals.values(), Counter()))]:
        noise, content = counts["noise"], counts["content"]
        surviving = noise - counts["noise removed"]
        rows.append(
            (
                name,
                noise,
                counts["noise removed"],
                f"{surviving:,} ({_pct(surviving, noise)})",
                content,
                f"{counts['content removed']:,} ({_pct(counts['content removed'], content)})",
            )
        )
    header = ("rendering", "noise lines", "removed", "surviving", "content lines", "content removed")
    return _table(header, rows)


def _owners(tally: Tally) -> list[str]:
    surviving = sum(tally.owners.values())
    by_owner: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (owner, test), n in tally.owners.items():
        by_owner[owner][test] += n
    ranked = sorted(by_owner.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    rows = [
        (
            owner if owner in (UNCLAIMED, INVISIBLE) else f"`{owner}`",
            sum(tests.values()),
            _pct(sum(tests.values()), surviving),
            tests[FOUND],
            tests[ALONE],
            tests[OUTSIDE],
        )
        for owner, tests in ranked
    ]
    return _table(("owner", "lines", "share", FOUND, ALONE, OUTSIDE), rows)


def _categories(tally: Tally) -> list[str]:
    owned: Counter[str] = Counter()
    for (owner, _), n in tally.owners.items():
        owned[owner] += n
    rows: list[tuple[object, ...]] = []
    for category in sorted({r.category for r in RULES}):
        ids = [r.rule_id for r in RULES if r.category == category]
        noise = sum(tally.removed[r, False] for r in ids)
        content = sum(tally.removed[r, True] for r in ids)
        rows.append((f"`{category}`", len(ids), noise, content, _pct(noise, noise + content), owned[category]))
    noise, content = tally.removed[SEVERAL, False], tally.removed[SEVERAL, True]
    rows.append((SEVERAL, "", noise, content, _pct(noise, noise + content), ""))
    header = (
        "category",
        "rules",
        "noise removed",
        "content removed",
        "noise share of removals",
        "surviving noise owned",
    )
    return _table(header, rows)


def _rules(tally: Tally) -> list[str]:
    rows = [
        (
            f"`{r.rule_id}`",
            r.strength.value,
            tally.removed[r.rule_id, False],
            tally.removed[r.rule_id, True],
            tally.found_kept[r.rule_id, False],
            tally.found_kept[r.rule_id, True],
            tally.alone[r.rule_id],
        )
        for r in sorted(RULES, key=lambda r: r.rule_id)
    ]
    header = (
        "rule",
        "strength",
        "noise removed",
        "content removed",
        "found, kept: noise",
        "found, kept: content",
        "surviving noise it matches alone",
    )
    return _table(header, rows)


def _shapes(tally: Tally) -> list[str]:
    positions = (BEFORE, INSIDE, AFTER)
    rows = [
        (name, *(tally.shapes[name, p] for p in positions), sum(tally.shapes[name, p] for p in positions))
        for name in SHAPES
    ]
    totals = [sum(tally.shapes[name, p] for name in SHAPES) for p in positions]
    rows.append(("all", *totals, sum(totals)))
    return _table(("shape", *positions, "total"), rows)


def summarize(tally: Tally, records: int, data_path: Path) -> str:
    """The Markdown section for counts already taken."""
    lines = [
        "## Noise by rule category (plain-text dev split)",
        "",
        f'{records} records from `{_shown(data_path)}`, cleaned with `clean(text, kind="text")` and the default config.'
        " Counts are labelled lines; a line is removed when removals cover half of it (the line metric of"
        " `bench/plaintext.py`). How surviving noise is attributed is described in `bench/noise_report.py`.",
        "",
        "### Totals",
        "",
        *_totals(tally),
        "### Who owns the noise that survives",
        "",
        "Weakest first. *found, not removed*: the rule's finding covered the line but the decision step kept"
        " it. *matches alone*: the rule finds the line when it is cleaned on its own, not in the page."
        " *outside the article*: no rule claims it, and it lies before the first or after the last content"
        f" line, where `{OUTSIDE_MAIN.rule_id}` should have taken it. *unclaimed*: no rule claims it, between"
        " content lines. *invisible*: blank once normalised (zero-width spaces); the line metric counts them as"
        f" kept, though no reader sees them. {tally.contested} lines were claimed by more than one rule"
        " (the first id owns them).",
        "",
        *_owners(tally),
        "### By category",
        "",
        "Removed lines are credited to the rule whose removals alone cover half of the line.",
        "",
        *_categories(tally),
        "### By rule",
        "",
        "*found, kept*: lines the rule's findings covered that the decision step kept. Noise there is what a"
        " looser decision would gain, content what it would lose.",
        "",
        *_rules(tally),
        "### Shapes of the noise no rule claims",
        "",
        f"The lines no rule claims: the `{ZONE}` lines outside the article and the unclaimed ones inside it."
        f" First match wins, from the top: {'; '.join(SHAPES)}. *Joined*: the segmenter took the line and its"
        " neighbours for one hard-wrapped paragraph, so the rules judged them together.",
        "",
        *_shapes(tally),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def render(data_path: Path | str = DEFAULT_DATA) -> str:
    """The report as a Markdown section, or a one-line note when the data is absent."""
    path = Path(data_path)
    if not path.is_file():
        return (
            "## Noise by rule category (plain-text dev split)\n\n"
            f"_Skipped: the plain-text dev split is not at `{_shown(path)}`._\n"
        )
    records = load_records(path)
    tally = Tally()
    for record in records:
        tally.add(record)
    return summarize(tally, len(records), path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dev.jsonl.gz (default: %(default)s)")
    args = parser.parse_args(argv)
    print(render(args.data), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
