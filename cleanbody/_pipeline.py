"""The stages of one clean, as a few short named calls."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from cleanbody._analyze import block_stats, main_span, opens_comments
from cleanbody._decide import Candidate, certain_blocks, decide, text_spans
from cleanbody._language import detect_language
from cleanbody._render import render_blocks
from cleanbody.config import Config
from cleanbody.model import Block, Caption, CleanResult, Metadata, Removal, Strength
from cleanbody.rules._base import NEAR_WINDOW, DocContext, PageEvidence, Rule
from cleanbody.text.normalize import normalize
from cleanbody.text.segment import segment


def analyze(text: str, page: PageEvidence | None = None) -> DocContext:
    """Working text, blocks and their stats; the main text is not known yet.

    *page* is given on the HTML path only (see ``DocContext.page``).
    """
    working = normalize(text)
    # trafilatura writes one paragraph per line and never wraps them.
    blocks = segment(working, unwrap=page is None)
    stats = tuple(block_stats(b) for b in blocks)
    return DocContext(working, blocks, stats, None, page=page)


class Deadline(NamedTuple):
    """When the work must stop (``time.monotonic()``), or None for never."""

    at: float | None = None

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else time.monotonic() + seconds)

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() > self.at


NO_DEADLINE = Deadline()


class OutOfTime(Exception):
    """Raised inside the rule loop when the deadline passes; caught by detect()."""


#: Blocks between two looks at the clock.
_CLOCK_EVERY = 64


def _findings(
    ctx: DocContext, blocks: Iterable[Block], rules: Sequence[Rule], deadline: Deadline
) -> Iterator[Candidate]:
    """What *rules* find in *blocks*, lazily (a caller may stop at the first)."""
    gated = sorted(rules, key=lambda r: -r.max_words)
    for n, block in enumerate(blocks):
        if n % _CLOCK_EVERY == 0 and deadline.passed():
            raise OutOfTime
        words = ctx.stats[block.index].words
        for rule in gated:
            if words > rule.max_words:
                break
            for finding in rule.detect(block, ctx):
                yield Candidate(rule, block.index, finding)


def _detect(
    ctx: DocContext, blocks: Iterable[Block], rules: Sequence[Rule], found: list[Candidate], deadline: Deadline
) -> None:
    found.extend(_findings(ctx, blocks, rules, deadline))


def detect(
    ctx: DocContext, rules: Sequence[Rule], deadline: Deadline = NO_DEADLINE
) -> tuple[DocContext, list[Candidate], bool]:
    """Run the rules in two phases around finding the main text; also say
    whether the deadline cut them short (then only certain findings count:
    a likely one may lack the context that would have kept its text).

    Only prose blocks can pull the main text towards them, so the rules that
    decide whether prose is noise run on prose first. Chrome outside the
    main text is certain to go, so there a rule runs only if its ``reach``
    asks for it (see :class:`~cleanbody.rules._base.Rule`) -- as long as a
    rule that reaches everywhere (the main-text rule) is on to take it.
    """
    found: list[Candidate] = []
    located = [ctx]
    try:
        _phases(ctx, rules, found, deadline, located)
    except OutOfTime:
        return located[-1], [c for c in found if c.strength is Strength.CERTAIN], True
    return located[-1], found, False


def _phases(
    ctx: DocContext, rules: Sequence[Rule], found: list[Candidate], deadline: Deadline, located: list[DocContext]
) -> None:
    local = [r for r in rules if not r.needs_main]
    later = [r for r in rules if r.needs_main]
    prose = [b for b in ctx.blocks if ctx.stats[b.index].prose]
    chrome = [b for b in ctx.blocks if not ctx.stats[b.index].prose]
    _detect(ctx, prose, local, found, deadline)
    if ctx.page is not None:
        # trafilatura chose the main text. Searching it again was measured
        # to cost more recall than it gains precision (lists of tour dates,
        # deals and results are article text with no prose shape).
        ctx = replace(ctx, main=(0, len(ctx.blocks) - 1) if ctx.blocks else None)
    else:
        noise = certain_blocks(ctx, found)
        stops = tuple(b.index for b in ctx.blocks if not ctx.stats[b.index].prose and opens_comments(b))
        ctx = replace(ctx, main=main_span(ctx.stats, noise, stops))
        scanned: list[Candidate] = []
        if ctx.blocks and not _shows_chrome(ctx, chrome, local, found, scanned, deadline):
            # No rule is certain of any chrome: a clean body (cleanbody's own
            # output, a press release), whose lists, tables and headings away
            # from the densest prose are article too. Measured: every naive
            # scrape in the plain-text benchmark shows some, no clean body does.
            ctx = replace(ctx, main=(0, len(ctx.blocks) - 1))
            located.append(ctx)
            found.extend(reversed(scanned))  # the local rules have read every block
            _detect(ctx, ctx.blocks, [r for r in later if not r.needs_chrome], found, deadline)
            return
    located.append(ctx)
    if ctx.main is None or not any(r.reach == "everywhere" for r in later):
        _detect(ctx, chrome, local, found, deadline)
        _detect(ctx, ctx.blocks, later, found, deadline)
        return
    first, last = ctx.main
    inside, near, far = [], [], []
    for b in chrome:
        if first <= b.index <= last:
            inside.append(b)
        elif first - NEAR_WINDOW <= b.index <= last + NEAR_WINDOW:
            near.append(b)
        else:
            far.append(b)
    _detect(ctx, inside, local, found, deadline)
    _detect(ctx, near, [r for r in local if r.reach != "article"], found, deadline)
    _detect(ctx, prose + inside, later, found, deadline)
    _detect(ctx, near, [r for r in later if r.reach != "article"], found, deadline)
    _detect(ctx, far, [r for r in later if r.reach == "everywhere"], found, deadline)


def _shows_chrome(
    ctx: DocContext,
    chrome: list[Block],
    rules: Sequence[Rule],
    found: list[Candidate],
    scanned: list[Candidate],
    deadline: Deadline,
) -> bool:
    """Whether a rule is certain that something in the document is page chrome.

    The rules have only seen the prose so far; the other blocks are read
    until the first certain finding, from the end, where a copyright line
    usually is. What they find before it goes to *scanned*: when nothing is
    certain, that is every finding of *rules* on *chrome*.
    """
    if any(c.strength is Strength.CERTAIN for c in found):
        return True
    for candidate in _findings(ctx, reversed(chrome), rules, deadline):
        if candidate.strength is Strength.CERTAIN:
            return True
        scanned.append(candidate)
    return False


def _metadata(harvest: list[tuple[str, Any]], body: str, url: str | None, base: Metadata) -> Metadata:
    """Fill what the page's own metadata lacks from the removed spans."""
    found: dict[str, Any] = {}
    authors: list[str] = []
    for key, value in harvest:
        if key == "author":
            if value not in authors:
                authors.append(value)
        elif key in ("title", "date", "sitename") and key not in found:
            found[key] = value
    return Metadata(
        title=base.title or found.get("title"),
        authors=base.authors or tuple(authors),
        date=base.date or found.get("date"),
        sitename=base.sitename or found.get("sitename"),
        url=url or base.url,
        description=base.description,
        language=base.language or detect_language(body),
    )


def _captions(harvest: list[tuple[str, Any]]) -> tuple[Caption, ...]:
    seen: dict[str, Caption] = {}
    for key, value in harvest:
        if key == "caption" and value.text not in seen:
            seen[value.text] = value
    return tuple(seen.values())


def clean_text(
    text: str,
    rules: Sequence[Rule],
    config: Config,
    *,
    url: str | None = None,
    kind: str = "text",
    base: Metadata | None = None,
    notes: Sequence[str] = (),
    page: PageEvidence | None = None,
    dom_removals: Sequence[Removal] = (),
    dom_captions: Sequence[Caption] = (),
    deadline: Deadline = NO_DEADLINE,
) -> CleanResult:
    """Run the text rules over *text* and build the result.

    On the HTML path *text* is trafilatura's output, *page* what the markup
    said about it, and the DOM stage's removals and captions come first.
    """
    ctx, candidates, cut_short = detect(analyze(text, page), rules, deadline)
    removals, harvest, decide_notes = decide(ctx, candidates, config.favor)
    body = render_blocks(ctx.text, ctx.blocks, text_spans(removals))
    harvest = [("caption", c) for c in dom_captions] + harvest
    all_notes = [*notes, *decide_notes]
    if cut_short:
        all_notes.append(
            f"stopped after the {config.timeout} s timeout: only certain findings made before it were removed"
        )
    if not ctx.blocks:
        all_notes.append("the input has no text")
    elif not body:
        all_notes.append("no body text was left")
    return CleanResult(
        text=body,
        metadata=_metadata(harvest, body, url, base or Metadata()),
        captions=_captions(harvest),
        removed=(*dom_removals, *removals),
        notes=tuple(all_notes),
        kind=kind,
        working_text=ctx.text,
    )
