"""Write ``RULES.md``, the rule catalogue, from the rules themselves.

Every line of the catalogue comes from the rule catalogue
(``cleanbody.rules.catalogue()``), the rules' docstrings and their fixtures
(``fixtures/rules/<rule_id>.toml``), so it cannot drift from the code:
``tests/test_catalogue.py`` fails when ``RULES.md`` differs from
:func:`render`. The examples are the tested ones, not the docstrings' own.

    python bench/catalogue.py        # rewrites RULES.md at the repo root
"""

from __future__ import annotations

import math
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Describe the rules of this checkout, not of a cleanbody installed elsewhere.
sys.path.insert(0, str(REPO_ROOT))

from cleanbody.document import NEAR_WINDOW  # noqa: E402
from cleanbody.rules import DOM_RULES, RULES, Rule, RuleInfo, catalogue  # noqa: E402

FIXTURES = REPO_ROOT / "fixtures" / "rules"
OUTPUT = REPO_ROOT / "RULES.md"
#: The docstring sections every rule has (``tests/test_rules.py`` checks them).
SECTIONS = {"What it removes:": "removes", "What it keeps:": "keeps", "Why:": "why", "Examples:": "examples"}
#: How many passing fixture examples of each kind a section shows.
SHOWN = {"remove": 4, "keep": 3}
#: Examples longer than this are shown only when too few short ones exist.
SHORT_CHARS = 120
CLIP_CHARS = 140
#: Example sources and how an example says where it sits (a fragment shows its markup instead).
SOURCES = {"line": "", "doc": "in a whole document", "fragment": "", "html": "in an HTML page"}
REACH = {
    "article": "in the main text, and prose anywhere",
    "near": f"in the main text, prose anywhere, and chrome within {NEAR_WINDOW} blocks of the main text",
    "everywhere": "anywhere in the document",
}


@dataclass(frozen=True)
class Example:
    """One fixture example, reduced to what the catalogue shows."""

    kind: str  # "remove" or "keep"
    source: str  # "line", "doc", "fragment" or "html"
    target: str
    markup: str | None  # the fragment, for HTML fragments
    part_of_line: bool  # a ``line`` example whose target is only part of the line
    occurrence: int
    by: str | None
    xfail: str | None
    note: str  # the fixture's comment above the example, if any


def doc_sections(doc: str) -> dict[str, str]:
    """The docstring's sections as one paragraph each: ``title`` (the text
    before the first section), ``removes``, ``keeps``, ``why``, ``examples``."""
    key = "title"
    parts: dict[str, list[str]] = {key: []}
    for line in doc.splitlines():
        if line.strip() in SECTIONS:
            key = SECTIONS[line.strip()]
            parts[key] = []
        elif line.strip():
            parts[key].append(line.strip())
    return {k: " ".join(v) for k, v in parts.items()}


def _comments(path: Path) -> dict[str, list[str]]:
    """Per kind, the comment lines right under each ``[[remove]]``/``[[keep]]``
    header, in file order: tomllib drops comments, and they say what an
    example stands for ("a tag list after the article")."""
    notes: dict[str, list[str]] = {"remove": [], "keep": []}
    current: list[str] | None = None
    kind = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        header = line.strip()
        if header in ("[[remove]]", "[[keep]]"):
            if current is not None:
                notes[kind].append(" ".join(current))
            kind, current = header[2:-2], []
        elif current is not None and header.startswith("#"):
            current.append(header.lstrip("#").strip())
        elif current is not None:
            notes[kind].append(" ".join(current))
            current = None
    if current is not None:
        notes[kind].append(" ".join(current))
    return notes


def fixture_examples(rule_id: str) -> list[Example]:
    """Every example of the rule's fixture file, removes first, in file order."""
    path = FIXTURES / f"{rule_id}.toml"
    with path.open("rb") as f:
        data = tomllib.load(f)
    notes = _comments(path)
    examples = []
    for kind in ("remove", "keep"):
        tables = data.get(kind, [])
        if len(tables) != len(notes[kind]):
            raise ValueError(f"{path.name}: could not pair the {kind} examples with their comments")
        for table, note in zip(tables, notes[kind], strict=True):
            source = next(s for s in SOURCES if s in table)
            examples.append(
                Example(
                    kind=kind,
                    source=source,
                    target=str(table.get("target", table.get("line", ""))),
                    markup=str(table["fragment"]) if source == "fragment" else None,
                    part_of_line=source == "line" and table.get("target", table["line"]) != table["line"],
                    occurrence=int(table.get("occurrence", 1)),
                    by=table.get("by"),
                    xfail=table.get("xfail"),
                    note=note,
                )
            )
    return examples


def _flat(text: str) -> str:
    """One line: line breaks become `` ↵ `` (a menu is one label a line)."""
    return " ↵ ".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())


def _clip(text: str, width: int = CLIP_CHARS) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def code(text: str) -> str:
    """A Markdown code span that survives backticks inside *text*."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_example(example: Example) -> str:
    """One bullet: the text, then where it sits and what the fixture says of it."""
    text = code(_clip(_flat(example.target)))
    if example.markup is not None:
        text += " in " + code(_clip(_flat(example.markup)))
    where = [SOURCES[example.source]] if SOURCES[example.source] else []
    if example.part_of_line:
        where.append("part of the line")
    if example.occurrence > 1:
        where.append(f"the {_ordinal(example.occurrence)} copy")
    if example.by:
        where.append(f"taken first by {code(example.by)}")
    line = f"- {text}"
    if where:
        line += f" ({'; '.join(where)})"
    if example.note:
        line += f": {example.note}"
    if example.xfail:
        line += f". Why it fails: {example.xfail}."
    return line


def pick(examples: list[Example], kind: str) -> list[Example]:
    """The passing examples of *kind* to show: short ones first, then in
    fixture order, so the list reads like the fixture file."""
    passing = [e for e in examples if e.kind == kind and not e.xfail]
    short = sorted(passing, key=lambda e: len(_flat(e.target)) > SHORT_CHARS)[: SHOWN[kind]]
    return [e for e in passing if e in short]


def _scope(rule: Rule) -> str:
    """What a text rule is shown, in words, from its ``max_words``, ``reach``, ``needs_main``,
    ``needs_chrome`` and ``not_on``."""
    size = "blocks of any length" if math.isinf(rule.max_words) else f"blocks of at most {rule.max_words:g} words"
    when = (
        "once the main text is found"
        if rule.needs_main
        else "on prose before the main text is found (its certain findings shape where it is), on the rest after"
    )
    chrome = "; on plain text, only where some rule is certain of page chrome" if rule.needs_chrome else ""
    types = sorted("pages of no declared type" if t is None else t for t in rule.not_on)
    skipped = f"; not on HTML {', '.join(types)}" if types else ""
    return f"{size} {REACH[rule.reach]}; runs {when}{chrome}{skipped}"


def _facts(rule: RuleInfo) -> list[str]:
    """The bullets under a rule's heading: its registry fields, in words."""
    if not isinstance(rule, Rule):
        return [
            f"- **Category:** {rule.category} · **Stage:** dom (takes elements out of the HTML page before"
            " extraction; every element it finds goes)",
            f"- **Summary:** {prose(rule.summary)}",
        ]
    return [
        f"- **Category:** {rule.category} · **Stage:** text · **Strength:** {rule.strength.value}",
        f"- **Summary:** {prose(rule.summary)}",
        f"- **Sees:** {_scope(rule)}.",
    ]


def _strength(rule: RuleInfo) -> str:
    return rule.strength.value if isinstance(rule, Rule) else "—"


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(ch for ch in heading.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def _cell(text: str) -> str:
    return prose(text).replace("|", "\\|")


_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def prose(text: str) -> str:
    """Docstring text as Markdown: its ``code`` spans stay as they are, and a
    ``<`` outside them is escaped so that "<svg>" is shown, not parsed as HTML."""
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out += [text[pos : m.start()].replace("<", "&lt;"), m.group()]
        pos = m.end()
    out.append(text[pos:].replace("<", "&lt;"))
    return "".join(out)


def _rule_section(rule: RuleInfo) -> list[str]:
    doc = doc_sections(rule.doc)
    examples = fixture_examples(rule.rule_id)
    lines = [f"### {rule.rule_id}", "", prose(doc["title"]), "", *_facts(rule), ""]
    lines += [
        f"**Removes.** {prose(doc['removes'])}",
        "",
        f"**Keeps.** {prose(doc['keeps'])}",
        "",
        f"**Why.** {prose(doc['why'])}",
        "",
    ]
    for kind, title in (("remove", "Removed (from the fixtures)"), ("keep", "Kept (from the fixtures)")):
        lines += [f"{title}:", "", *(format_example(e) for e in pick(examples, kind)), ""]
    failures = [e for e in examples if e.xfail]
    if failures:
        lines += ["Known failures (strict xfail in the fixtures):", "", *(format_example(e) for e in failures), ""]
    return lines


def render() -> str:
    """The whole catalogue as Markdown: an index table, then one section per
    rule, grouped by category. Sorted and dateless, so it only changes when
    a rule or a fixture does."""
    rules = catalogue()
    counts = {r.rule_id: fixture_examples(r.rule_id) for r in rules}
    categories = sorted({r.category for r in rules})
    lines = [
        "# Rule catalogue",
        "",
        "<!-- Generated by bench/catalogue.py from the rule modules and fixtures/rules/."
        " Do not edit: run `python bench/catalogue.py`. -->",
        "",
        f"cleanbody has {len(rules)} rules in {len(categories)} categories: {len(RULES)} text rules"
        f" (`cleanbody.rules.RULES`) and {len(DOM_RULES)} DOM rules (`cleanbody.rules.DOM_RULES`)."
        " A rule's id is `category.name`; `Config(disable={...})` takes ids or whole categories.",
        "",
        "- **Stage**: `text` rules read the text (plain text, or what trafilatura extracted from a page);"
        " `dom` rules take elements out of the HTML page before extraction.",
        "- **Strength** (text rules): `certain` findings are removed as found; `likely` ones need support"
        " from context (see `cleanbody/pipeline/decide.py`). It is the rule's default: a finding may carry its own,"
        " and the rule's description says when. DOM rules remove every element they find.",
        "- **Sees**: which blocks the pipeline shows a text rule (`max_words`, `reach` and `needs_main` in"
        " `cleanbody/rules/_base.py`, scheduled by `cleanbody/pipeline/plan.py`); chrome far from the main"
        " text is left to `zone.outside-main`.",
        "- **Examples** come from `fixtures/rules/<rule_id>.toml` and are run by `tests/test_rules.py`:"
        " a removed example must be taken by the rule, a kept one must stay in the body."
        " `↵` marks a line break. Known failures are strict xfails there.",
        "",
        "| Rule | Category | Stage | Strength | Summary | Fixtures (remove / keep) |",
        "|---|---|---|---|---|---|",
    ]
    for rule in sorted(rules, key=lambda r: (r.category, r.rule_id)):
        examples = counts[rule.rule_id]
        removes = sum(e.kind == "remove" for e in examples)
        keeps = sum(e.kind == "keep" for e in examples)
        failing = sum(e.xfail is not None for e in examples)
        tally = f"{removes} / {keeps}" + (f" ({failing} xfail)" if failing else "")
        lines.append(
            f"| [{rule.rule_id}](#{anchor(rule.rule_id)}) | {rule.category} | {rule.stage} | {_strength(rule)}"
            f" | {_cell(rule.summary)} | {tally} |"
        )
    lines.append("")
    for category in categories:
        members = [r for r in rules if r.category == category]
        lines += [f"## {category}", ""]
        for rule in members:
            lines += _rule_section(rule)
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
