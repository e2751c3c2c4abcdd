"""What a rule is, and the read-only view of the document every rule gets."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypeVar

from cleanbody.model import Block, Finding, Strength
from cleanbody.rules._shapes import lower_words


class BlockStats(NamedTuple):
    """Cheap measurements of one block, computed once per document."""

    words: float
    #: Ends like a sentence (``.``, ``?``, closing quote, ...).
    terminal: bool
    #: Reads like article prose: long enough and sentence-shaped.
    prose: bool
    #: Weight in the main-text search: positive for prose, negative otherwise.
    score: float


T = TypeVar("T")
#: What a list item or a menu entry may carry around its text.
BULLET_AND_MARKS = " \t-–—•·|»›>"
Reach = Literal["article", "near", "everywhere"]
#: Blocks with more words than this have no ``DocContext.words`` (rules that
#: look at words one by one only care about short lines).
SHORT_BLOCK_WORDS = 45
#: How many blocks before and after the main text may hold metadata.
NEAR_WINDOW = 12


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """What an HTML page's markup says about the text extracted from it."""

    #: ``<title>``, ``og:title``/``twitter:title`` and ``<h1>`` texts.
    titles: tuple[str, ...] = ()
    #: The summary under the headline (an ``<h2>`` right after the ``<h1>``,
    #: or an element named ``dek``, ``standfirst``, ``subtitle``...).
    standfirsts: tuple[str, ...] = ()
    #: The text of every link: a line that is all link is a teaser or a
    #: menu entry, not a sentence of the article.
    links: frozenset[str] = frozenset()

    def is_link(self, text: str) -> bool:
        """Whether a line, without its list bullet or separators, is the whole text of a link."""
        return text.strip(BULLET_AND_MARKS) in self.links


@dataclass(frozen=True, slots=True)
class DocContext:
    """Everything a rule may look at besides the block itself.

    ``main`` is the ``(first, last)`` block index of the main text found by
    :mod:`cleanbody._analyze`, or ``None`` when the document has no prose.
    ``page`` is given on the HTML path only, where trafilatura already
    chose the main text: what the page's markup says about its text.
    """

    text: str
    blocks: tuple[Block, ...]
    stats: tuple[BlockStats, ...]
    main: tuple[int, int] | None
    page: PageEvidence | None = None
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _words: list[tuple[str, ...] | None] = field(default_factory=list, init=False, repr=False, compare=False)

    def words(self, index: int) -> tuple[str, ...]:
        """Lower-cased words of a short block (empty for long ones), made on first use."""
        if not self._words:
            self._words.extend([None] * len(self.blocks))
        words = self._words[index]
        if words is None:
            short = self.stats[index].words <= SHORT_BLOCK_WORDS
            words = self._words[index] = tuple(lower_words(self.blocks[index].text)) if short else ()
        return words

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A whole-document fact a rule computes once per document (e.g. which
        block is the headline). Lives and dies with this context."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def in_main(self, index: int) -> bool:
        return self.main is not None and self.main[0] <= index <= self.main[1]

    def near(self, index: int) -> bool:
        """Outside the main text, but close enough to hold its byline or caption."""
        if self.main is None or self.in_main(index):
            return False
        return self.main[0] - NEAR_WINDOW <= index <= self.main[1] + NEAR_WINDOW

    def neighbour(self, index: int, step: int) -> Block | None:
        j = index + step
        return self.blocks[j] if 0 <= j < len(self.blocks) else None


Detector = Callable[[Block, DocContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule. ``rule_id`` is ``category.kebab-name``."""

    rule_id: str
    strength: Strength
    summary: str
    doc: str
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
    reach: Reach = "article"
    #: Judges by shape alone, so on plain text it runs only where some rule is
    #: certain of page chrome: in a clean body (cleanbody's own output, a
    #: press release) the same shapes are the article's lists and tables.
    needs_chrome: bool = False

    @property
    def category(self) -> str:
        return self.rule_id.split(".", 1)[0]


def block_finding(
    block: Block,
    reason: str,
    *,
    strength: Strength | None = None,
    harvest: tuple[tuple[str, Any], ...] = (),
) -> Finding:
    """A finding that covers the whole block."""
    return Finding(block.start, block.end, reason, strength, harvest)
