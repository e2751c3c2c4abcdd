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

    #: Words of text in ``<body>``, counted once per page.
    words: int
    #: Every element in ``<body>`` with a class or id, with the two
    #: lower-cased and joined: read once, matched by several rules.
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

    @property
    def category(self) -> str:
        return self.rule_id.split(".", 1)[0]


#: An element holding more than this share of the page's words is the
#: article (or most of it), whatever its class says: a DOM rule never takes it.
ARTICLE_SHARE = 0.4


def word_count(element: HtmlElement) -> int:
    return len(element.text_content().split())


def holds_article(element: HtmlElement, page: PageFacts, words: int | None = None) -> bool:
    """Whether *element* carries so much of the page's text that removing it
    on a class name or attribute would be a guess about the article."""
    if words is None:
        words = word_count(element)
    return words > 50 and words > ARTICLE_SHARE * page.words


def named(body: HtmlElement) -> tuple[tuple[HtmlElement, str], ...]:
    """Elements of *body* with a class or id, and those names lower-cased."""
    return tuple((e, f"{e.get('class', '')} {e.get('id', '')}".lower()) for e in body.xpath(".//*[@class or @id]"))


def named_like(page: PageFacts, hints: tuple[str, ...], pattern: regex.Pattern[str]) -> Iterator[HtmlElement]:
    """Elements whose class or id matches *pattern*. *hints* are substrings
    every match contains: a cheap test that spares the regex on most names."""
    for element, names in page.named:
        if any(h in names for h in hints) and pattern.search(names):
            yield element
