"""Content the page hides from readers.

What it removes:
    Elements marked ``hidden``, ``aria-hidden="true"``, or styled inline
    with ``display: none`` / ``visibility: hidden``: off-screen menus, modal
    dialogs, tooltips and hidden duplicates of teasers.
What it keeps:
    A hidden element that holds a large share of the page's words: pages
    fetched without JavaScript often hide the article itself until a script
    shows it, and dropping it would drop the article.
Why:
    Text no reader sees is not part of what the page says.
Examples:
    remove: ``<div hidden>Thanks for signing up!</div>``
    keep: ``<div style="display:none">`` around the whole article text
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import holds_article

# descendant::, not .//, which libxml2 answers in more than quadratic time when thousands match.
_MARKED = "descendant::*[@hidden or @aria-hidden='true' or @style]"
_STYLES = ("display:none", "visibility:hidden")


def _hidden(element: HtmlElement) -> bool:
    style = element.get("style")
    if style is None:
        return True  # matched on hidden / aria-hidden
    squashed = style.replace(" ", "").lower()
    return (
        any(s in squashed for s in _STYLES)
        or element.get("hidden") is not None
        or (element.get("aria-hidden") == "true")
    )


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    body = root.find("body")
    if body is None:
        return
    for element in body.xpath(_MARKED):
        if _hidden(element) and not holds_article(element, page):
            yield DomFinding(element, "hidden from readers (hidden / aria-hidden / display:none)")


RULE = DomRule(
    rule_id="zone.hidden-element",
    find=find,
)
