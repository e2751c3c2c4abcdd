"""Content the page hides from readers.

What it removes:
    Elements marked ``hidden``, ``aria-hidden="true"``, or styled inline
    with ``display: none`` / ``visibility: hidden``: off-screen menus, modal
    dialogs, tooltips and hidden duplicates of teasers.
What it keeps:
    A hidden element that holds a large share of the page's words: pages
    fetched without JavaScript often hide the article itself until a script
    shows it, and dropping it would drop the article. The panels of tabs
    (``role="tabpanel"``) and accordions (the target of a control's
    ``aria-controls``): a reader opens them with a click in the page, as a
    documentation page's code tabs or a service page's FAQ answers; panels
    inside an overlay (a dialog, a menu, a popover) still go.
Why:
    Text no reader sees is not part of what the page says.
Examples:
    remove: ``<div hidden>Thanks for signing up!</div>``
    keep: ``<div style="display:none">`` around the whole article text
    keep: ``<button aria-controls="a1">Do you ship abroad?</button><div id="a1" hidden>Yes, to 30 countries.</div>``
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import holds_article

# descendant::, not .//, which libxml2 answers in more than quadratic time when thousands match.
_MARKED = "descendant::*[@hidden or @aria-hidden='true' or @style]"
_STYLES = ("display:none", "visibility:hidden")
_CONTROLS = "descendant::*[@aria-controls]"
_OVERLAY_ROLES = frozenset(("dialog", "alertdialog", "menu", "menubar", "listbox", "tooltip"))
_OVERLAY_NAMES = regex.compile(r"popover|modal|dropdown|tooltip|overlay|drawer")


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


def _disclosed(body: HtmlElement) -> frozenset[str]:
    """The ids of the panels that a control opens (``aria-controls``): an
    accordion's answers and a tab's contents, hidden until clicked."""
    return frozenset(i for c in body.xpath(_CONTROLS) for i in c.get("aria-controls", "").split())


def _panel(element: HtmlElement, disclosed: frozenset[str]) -> bool:
    """A tab's or an accordion's hidden panel, not one inside an overlay (a
    dialog, a menu, a popover), which opens over the page rather than in it."""
    if element.get("role") != "tabpanel" and (element.get("id") or "") not in disclosed:
        return False
    for node in (element, *element.iterancestors()):
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if node.tag == "dialog" or node.get("role") in _OVERLAY_ROLES or node.get("popover") is not None:
            return False
        if _OVERLAY_NAMES.search(names):
            return False
    return True


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    body = root.find("body")
    if body is None:
        return
    disclosed: frozenset[str] | None = None  # read on the first hidden element: most pages have none
    for element in body.xpath(_MARKED):
        if not _hidden(element):
            continue
        disclosed = _disclosed(body) if disclosed is None else disclosed
        if not _panel(element, disclosed) and not holds_article(element, page):
            yield DomFinding(element, "hidden from readers (hidden / aria-hidden / display:none)")


RULE = DomRule(
    rule_id="zone.hidden-element",
    find=find,
)
