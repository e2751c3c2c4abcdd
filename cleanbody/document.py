"""The document model every stage shares: blocks, their stats, what the page
says about them, what a rule found, and when the work must stop.

This is the ground floor: it imports nothing else of cleanbody's but the
tokenizer, so rules, the HTML reader and the pipeline can all stand on it.
The public results (:mod:`cleanbody.model`) are made from these at the end.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from cleanbody.tokens import lower_words

if TYPE_CHECKING:
    from lxml.html import HtmlElement


class Strength(enum.Enum):
    """How much evidence a rule's finding carries on its own."""

    #: The pattern alone is proof (``"Advertisement"`` on a line of its own).
    CERTAIN = "certain"
    #: The pattern needs support from context before the span is removed.
    LIKELY = "likely"


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"


class Block(NamedTuple):
    """A paragraph, heading or list item of the working text.

    ``lines`` holds the ``(start, end)`` offsets of the physical lines that
    make up the block (hard-wrapped lines of one paragraph are one block);
    ``text`` is those lines stripped and joined with single spaces, without
    format characters (soft hyphens, zero-width spaces: a rule reads the words
    a reader sees, the offsets keep pointing at the working text). A named
    tuple rather than a dataclass: one is made per line of input, and tuples
    are several times cheaper to build.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index, which blocks never need
    start: int
    end: int
    text: str
    lines: tuple[tuple[int, int], ...]
    kind: BlockKind = BlockKind.PARAGRAPH


class BlockStats(NamedTuple):
    """Cheap measurements of one block, computed once per document."""

    words: float
    #: Ends like a sentence (``.``, ``?``, closing quote, ...).
    terminal: bool
    #: Reads like article prose: long enough and sentence-shaped.
    prose: bool
    #: Weight in the main-text search: positive for prose, negative otherwise.
    score: float
    #: Has lower-case words (or CJK): a sentence or part of one, not a Title Case label or a menu word.
    sentence: bool


# What a removed span tells about the page: one small type per kind, so the
# pipeline matches on types, never on string keys.


@dataclass(frozen=True, slots=True)
class Author:
    name: str


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Date:
    #: ISO 8601 (``2024-03-04``).
    iso: str


@dataclass(frozen=True, slots=True)
class Sitename:
    name: str


@dataclass(frozen=True, slots=True)
class CaptionFound:
    """A photo caption taken out of the body, with its credit split off."""

    text: str
    credit: str | None = None


Harvest = Author | Title | Date | Sitename | CaptionFound


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the working text and why it is noise.

    ``harvest`` carries what the span tells us about the page (an author,
    a date, a caption) so removing it does not lose the information.
    ``strength`` overrides the rule's own when this finding is weaker or
    stronger than the rule's usual.
    """

    start: int
    end: int
    reason: str
    strength: Strength | None = None
    harvest: tuple[Harvest, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding of one rule in one block, before the decision. Its fields
    are the finding's, flat: a page of one-letter lines has several per line,
    and one object each instead of two was measured to save a fifth of the
    peak memory on such a page."""

    rule_id: str
    strength: Strength
    block: int
    start: int
    end: int
    reason: str
    harvest: tuple[Harvest, ...]


#: What a list item or a menu entry may carry around its text.
BULLET_AND_MARKS = " \t-–—•·|»›>"
#: Blocks with more words than this have no ``DocContext.words`` (rules that
#: look at words one by one only care about short lines).
SHORT_BLOCK_WORDS = 45
#: How many blocks before and after the main text may hold metadata.
NEAR_WINDOW = 12
T = TypeVar("T")


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
    #: The page's locale writes ``03/04/2024`` as 3 April (``<html lang="en-GB">``, "de"...).
    day_first: bool = False

    def is_link(self, text: str) -> bool:
        """Whether a line, without its list bullet or separators, is the whole text of a link."""
        return text.strip(BULLET_AND_MARKS) in self.links


@dataclass(frozen=True, slots=True)
class PageFacts:
    """Whole-page measurements a DOM rule may weigh an element against."""

    #: Characters of text in ``<body>``, counted once per page.
    chars: int
    #: Elements in ``<body>`` whose class or id holds one of the rules'
    #: ``hints``, with the two lower-cased and joined: read once per page.
    named: tuple[tuple[HtmlElement, str], ...]


@dataclass(frozen=True, slots=True)
class DocContext:
    """Everything a rule may look at besides the block itself.

    ``main`` is the ``(first, last)`` block index of the main text found by
    :mod:`cleanbody.text.analyze`, or ``None`` when the document has no prose.
    ``page`` is given on the HTML path only, where trafilatura already
    chose the main text: what the page's markup says about its text.
    """

    text: str
    blocks: tuple[Block, ...]
    stats: tuple[BlockStats, ...]
    main: tuple[int, int] | None
    page: PageEvidence | None = None
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    # Facts of the text alone, shared by every view of the document that :meth:`located` makes.
    _facts: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _words: list[tuple[str, ...] | None] = field(default_factory=list, init=False, repr=False, compare=False)

    def located(self, main: tuple[int, int] | None) -> DocContext:
        """The same document with its main text at *main*. What :meth:`fact` and :meth:`words` made
        carries over (a rule that runs before and after the main text is known reads the text once);
        :meth:`memo` starts again, since its facts may depend on where the main text is."""
        view = replace(self, main=main)
        object.__setattr__(view, "_facts", self._facts)
        object.__setattr__(view, "_words", self._words)
        return view

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

    def fact(self, key: str, compute: Callable[[], T]) -> T:
        """As :meth:`memo`, for a fact that *compute* draws from the blocks, their stats and the page
        alone, never from ``main``: it is kept when the main text is located."""
        if key not in self._facts:
            self._facts[key] = compute()
        return self._facts[key]

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


class Deadline(NamedTuple):
    """When the work must stop, in CPU seconds of the calling thread
    (``time.thread_time()``), or None for never. CPU time, not wall time: a
    busy machine must not change the output."""

    at: float | None = None

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else time.thread_time() + seconds)

    def passed(self) -> bool:
        return self.at is not None and time.thread_time() > self.at

    def affords(self, seconds: float) -> bool:
        """Whether a step that cannot be interrupted, and takes about *seconds*, fits in the time left."""
        return self.at is None or time.thread_time() + seconds <= self.at


NO_DEADLINE = Deadline()
