"""What a DOM rule is: a finder over the parsed page, run before extraction.

DOM rules see structure the text rules never get (an ``<svg>``, a
``hidden`` attribute, a ``class="share-bar"``), so they take noise out before
trafilatura turns the page into text. Their ids share categories with the
text rules (``share.widget`` and ``share.prompt`` are both ``share``), so
``Config(disable={"share"})`` turns off both stages at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex
from lxml.html import HtmlElement

from cleanbody.model import Caption


@dataclass(frozen=True, slots=True)
class PageFacts:
    """Whole-page measurements a DOM rule may weigh an element against."""

    #: Characters of text in ``<body>``, counted once per page.
    chars: int
    #: Elements in ``<body>`` whose class or id holds one of the rules'
    #: ``hints``, with the two lower-cased and joined: read once per page.
    named: tuple[tuple[HtmlElement, str], ...]


@dataclass(frozen=True, slots=True)
class DomFinding:
    """An element to take out, why, and the caption it held (if any)."""

    element: HtmlElement
    reason: str
    caption: Caption | None = None


Finder = Callable[[HtmlElement, PageFacts], Iterable[DomFinding]]


@dataclass(frozen=True, slots=True)
class DomRule:
    """A registered DOM rule; ``rule_id`` is ``category.kebab-name``."""

    rule_id: str
    summary: str
    doc: str
    find: Finder
    #: Substrings that every class or id the rule matches contains
    #: ("comment", "disqus"). Only elements with some rule's hint make it
    #: into ``PageFacts.named``: one cheap pass instead of a regex per rule
    #: over every element of the page.
    hints: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        return self.rule_id.split(".", 1)[0]


#: An element holding more than this share of the page's text is the
#: article (or most of it), whatever its class says: a DOM rule never takes it.
ARTICLE_SHARE = 0.4
_ARTICLE_MIN_CHARS = 300


def element_words(element: HtmlElement) -> int:
    return len(element.text_content().split())


def holds_article(element: HtmlElement, page: PageFacts) -> bool:
    """Whether *element* carries so much of the page's text that removing it
    on a class name or attribute would be a guess about the article."""
    chars = len(element.text_content())
    return chars > _ARTICLE_MIN_CHARS and chars > ARTICLE_SHARE * page.chars


def named_like(page: PageFacts, pattern: regex.Pattern[str]) -> Iterator[HtmlElement]:
    """Named elements whose class or id matches *pattern*."""
    for element, names in page.named:
        if pattern.search(names):
            yield element
