"""What the page's markup says about its text, read before any pruning.

The text rules get it as :class:`~cleanbody.rules._base.PageEvidence`: a
line equal to the page's ``<h1>`` is the headline, a line equal to the
``<h2 class="sub-head">`` under it is the standfirst, a run of lines that
are each a whole link is a teaser list. Text alone cannot tell these from
the article's own first lines.
"""

from __future__ import annotations

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageEvidence, PageFacts
from cleanbody.text.normalize import fold, squash

_TITLE_META = ("og:title", "twitter:title")
_MAX_H1 = 3
_STANDFIRST_NAMES = regex.compile(
    r"(?<![a-z])(?:sub-?head(?:line)?|sub-?title|subline|dek|deck|standfirst|strap-?line)(?![a-z])"
)
#: Substrings of every standfirst name above, for :func:`~cleanbody.html.prune.page_facts`.
STANDFIRST_HINTS = (
    "sub",
    "dek",
    "deck",
    "standfirst",
    "strap",
    "summary",
    "lede",
    "intro",
    "excerpt",
    "teaser",
    "description",
)
_STANDFIRST_TAGS = frozenset(("h2", "h3", "p", "div", "span"))
_MAX_STANDFIRST_WORDS = 80


def _titles(root: HtmlElement) -> list[str]:
    found: list[str] = []
    head = root.find("head")
    if head is not None:
        title = head.find("title")
        if title is not None:
            found.append(title.text_content())
        for meta in head.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() in _TITLE_META:
                found.append(meta.get("content") or "")
    for i, h1 in enumerate(root.iter("h1")):
        if i == _MAX_H1:
            break
        found.append(h1.text_content())
    return found


def _standfirsts(root: HtmlElement, named: tuple[tuple[HtmlElement, str], ...]) -> list[str]:
    found: list[str] = []
    for element, names in named:
        if element.tag in _STANDFIRST_TAGS and _STANDFIRST_NAMES.search(names):
            text = element.text_content()
            if len(text.split()) <= _MAX_STANDFIRST_WORDS:
                found.append(text)
    return found


def _as_read(text: str) -> str:
    """A text of the markup as the rules read a block: squashed, without format characters."""
    return squash(fold(text))


def _links(root: HtmlElement) -> frozenset[str]:
    texts = (_as_read(a.text_content()) for a in root.iter("a"))
    return frozenset(t for t in texts if t)


def read_evidence(root: HtmlElement, page: PageFacts | None, *, day_first: bool = False) -> PageEvidence:
    """Titles, standfirsts and link texts, as the rules read blocks, without
    duplicates; *day_first* is how the page's locale writes numeric dates."""

    def unique(texts: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for t in map(_as_read, texts) if t))

    return PageEvidence(
        titles=unique(_titles(root)),
        standfirsts=unique(_standfirsts(root, page.named if page else ())),
        links=_links(root),
        day_first=day_first,
    )
