"""Measurements of an element that several DOM rules weigh it by."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageFacts

#: An element holding more than this share of the page's text is the
#: article (or most of it), whatever its class says: a DOM rule never takes it.
ARTICLE_SHARE = 0.4
_ARTICLE_MIN_CHARS = 300


def element_words(element: HtmlElement) -> int:
    """Whitespace-separated words of the element's text: the DOM rules' size gate."""
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
