"""Navigation, sidebar and footer landmarks: ``<nav>``, ``<aside>``, ``<footer>``.

What it removes:
    The elements HTML5 pages use for site navigation, sidebars and page or
    article footers: menus ("Home News Sport Weather"), "Most read" boxes,
    tag lists, author boxes, copyright footers.
What it keeps:
    A landmark that holds a large share of the page's text: some pages put
    the whole article inside one, and then it is not chrome (trafilatura's
    own cleaning still drops it, so such pages come out empty either way).
Why:
    These elements are, by their definition in HTML, not the main content.
    trafilatura drops them too, but only inside its own copy of the tree:
    taking them out first records them and leaves trafilatura a smaller
    page to copy and search (measured: about 5% faster over the Zyte pages,
    same output quality).
Examples:
    remove: ``<nav><a href="/">Home</a> <a href="/news">News</a></nav>``
    keep: ``<section class="navigation-guide">`` (not a landmark element)
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import holds_article

_TAGS = ("nav", "aside", "footer")


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    body = root.find("body")
    if body is None:
        return
    for element in body.iter(*_TAGS):
        if not holds_article(element, page):
            yield DomFinding(element, f"<{element.tag}> landmark: navigation, sidebar or footer, not the article")


RULE = DomRule(
    rule_id="nav.landmark",
    find=find,
)
