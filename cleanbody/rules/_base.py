"""What a rule is: one face for both stages, and the two kinds behind it.

Every rule, text or DOM, is a :class:`RuleInfo`: an id ``category.kebab-name``,
the stage it runs in, and the docstring of its module, whose first sentence is
its summary (so the catalogue, ``--list-rules`` and ``RULES.md`` never repeat
it). A text rule (:class:`Rule`) finds spans in the blocks of the working
text; a DOM rule (:class:`DomRule`) finds elements of the parsed page before
trafilatura turns it into text. Their ids share categories (``share.widget``
and ``share.prompt`` are both ``share``), so ``Config(disable={"share"})``
turns off both stages at once.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

from lxml.html import HtmlElement

from cleanbody.document import Block, CaptionFound, DocContext, Finding, Harvest, PageFacts, Strength
from cleanbody.model import Stage

Reach = Literal["article", "near", "everywhere"]
Detector = Callable[[Block, DocContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What every rule shows the catalogue: id, category, stage, summary, doc."""

    stage: ClassVar[Stage]
    rule_id: str

    @property
    def category(self) -> str:
        return self.rule_id.split(".", 1)[0]

    @property
    def function(self) -> Callable[..., object]:
        """The rule's detector or finder: its module holds the rule."""
        raise NotImplementedError

    @property
    def module(self) -> str:
        return self.function.__module__

    @property
    def doc(self) -> str:
        """The docstring of the rule's module (What it removes / keeps / Why / Examples)."""
        return sys.modules[self.module].__doc__ or ""

    @property
    def summary(self) -> str:
        """The docstring's first sentence, without its full stop."""
        first = " ".join(self.doc.strip().split("\n\n", 1)[0].split())
        return first.removesuffix(".")


@dataclass(frozen=True, slots=True)
class Rule(RuleInfo):
    """A text rule: ``detect(block, ctx)`` yields the spans that are noise."""

    stage: ClassVar[Stage] = "text"
    strength: Strength
    detect: Detector
    #: Reads ``ctx.main``: runs after the main text is found (the others run
    #: before, and their certain findings shape where the main text is).
    needs_main: bool = False
    #: Blocks with more words are never shown to the rule (a cheap gate that
    #: keeps long prose away from patterns meant for short lines).
    max_words: float = math.inf
    #: Which blocks the rule sees once the main text is known:
    #: ``"article"``: the main text and prose anywhere (chrome far outside
    #: the main text is certain to go, a rule could only add a reason);
    #: ``"near"``: also chrome within a few blocks of the main text, where
    #: bylines, datelines, lead captions and the headline sit;
    #: ``"everywhere"``: every block. With no main text, every rule sees all.
    #: :func:`cleanbody.pipeline.plan.plan` turns this into the schedule.
    reach: Reach = "article"
    #: Judges by shape alone, so on plain text it runs only where some rule is
    #: certain of page chrome: in a clean body (cleanbody's own output, a
    #: press release) the same shapes are the article's lists and tables.
    #: Only a rule that needs the main text can wait for that answer.
    needs_chrome: bool = False
    #: HTML page types (``metadata.page_type``; None for a page that shows no
    #: type) on which the rule does not run, because there the shape it looks
    #: for is the content: a listing's item links, a documentation index.
    #: Plain text has no page type, and every rule runs on it.
    not_on: frozenset[str | None] = frozenset()
    #: A certain finding of the rule tells that plain text is a scrape with
    #: page chrome, not a clean body (see ``needs_chrome``). False for what a
    #: clean body has too: a "* * *" section break is a glyph line.
    shows_chrome: bool = True

    def __post_init__(self) -> None:
        if self.needs_chrome and not self.needs_main:
            raise ValueError(f"{self.rule_id}: needs_chrome is decided with the main text, so it needs needs_main")

    @property
    def function(self) -> Callable[..., object]:
        return self.detect


@dataclass(frozen=True, slots=True)
class DomFinding:
    """An element to take out, why, and the caption it held (if any)."""

    element: HtmlElement
    reason: str
    caption: CaptionFound | None = None


Finder = Callable[[HtmlElement, PageFacts], Iterable[DomFinding]]


@dataclass(frozen=True, slots=True)
class DomRule(RuleInfo):
    """A DOM rule: ``find(root, page)`` yields the elements that are noise."""

    stage: ClassVar[Stage] = "dom"
    find: Finder
    #: Substrings that every class or id the rule matches contains
    #: ("comment", "disqus"). Only elements with some rule's hint make it
    #: into ``PageFacts.named``: one cheap pass instead of a regex per rule
    #: over every element of the page.
    hints: tuple[str, ...] = ()

    @property
    def function(self) -> Callable[..., object]:
        return self.find


def block_finding(
    block: Block,
    reason: str,
    *,
    strength: Strength | None = None,
    harvest: tuple[Harvest, ...] = (),
) -> Finding:
    """A finding that covers the whole block."""
    return Finding(block.start, block.end, reason, strength, harvest)
