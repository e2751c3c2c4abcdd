"""The DOM stage: run the DOM rules over the parsed page, in place.

Each removal is recorded like a text removal (rule id, reason, the text it
took), with ``stage="dom"`` and where the element was instead of text offsets,
since the text it took never reaches the working text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import HtmlElement

from cleanbody.document import NO_DEADLINE, CaptionFound, Deadline, PageFacts
from cleanbody.model import Removal
from cleanbody.text.normalize import squash

if TYPE_CHECKING:
    from cleanbody.rules import DomRule


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """False once an ancestor was dropped by an earlier finding."""
    top = element
    for ancestor in element.iterancestors():
        top = ancestor
    return top is root


def _describe(element: HtmlElement) -> str:
    """``tag#id.class`` for the element and its parent: where to look in the
    page source (stable while other elements are removed, unlike an XPath)."""
    parts = []
    for node in (element.getparent(), element):
        if node is None:
            continue
        label = str(node.tag)
        if node.get("id"):
            label += "#" + node.get("id", "").strip()
        classes = node.get("class", "").split()[:2]
        label += "".join("." + c for c in classes)
        parts.append(label)
    return " > ".join(parts)


_CODE = ("style", "template")


def drop_code(root: HtmlElement) -> None:
    """Drop scripts, styles and templates: never shown as text, so there is
    nothing to record, and every later stage (and trafilatura's copy of the
    tree) is cheaper without them. JSON-LD stays for the metadata reader."""
    scripts = [s for s in root.iter("script") if (s.get("type") or "").lower() != "application/ld+json"]
    for script in scripts:
        script.drop_tree()  # keeps its tail text, as strip_elements(with_tail=False) does
    etree.strip_elements(root, *_CODE, with_tail=False)


_MAX_NAME_CHARS = 1000


@lru_cache(maxsize=8)
def _any_of(hints: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in sorted(set(hints))) or r"(?!)")


def page_facts(body: HtmlElement, hints: tuple[str, ...]) -> PageFacts:
    """Measure the page once: its word count, and the elements whose class
    or id holds one of *hints* (lower-cased names, in document order).

    Elements inside ``<pre>`` or ``<code>`` are not named: there a class is a
    syntax highlighter's token (``<span class="comment">// ...</span>``), not
    a part of the page.
    """
    wanted = _any_of(hints)
    in_code: set[HtmlElement] = set()
    for code in body.iter("pre", "code"):
        if code not in in_code:  # a block nested in one already taken is taken with it
            in_code.update(code.iter())
    named = []
    # descendant::, not .//: libxml2 answers .//*[...] in more than quadratic time when thousands of
    # elements match (18x the time on four times the input), descendant::*[...] in linear time.
    for element in body.xpath("descendant::*[@class or @id]"):
        cls, ident = element.get("class", ""), element.get("id", "")
        if len(cls) > _MAX_NAME_CHARS:
            # No real class list is this long; trafilatura's patterns would
            # scan all of it (5 MB took 11 s), so keep only the head.
            cls = cls[:_MAX_NAME_CHARS]
            element.set("class", cls)
        if len(ident) > _MAX_NAME_CHARS:
            ident = ident[:_MAX_NAME_CHARS]
            element.set("id", ident)
        names = f"{cls} {ident}".lower()
        if wanted.search(names) and element not in in_code:
            named.append((element, names))
    return PageFacts(chars=len(body.text_content()), named=tuple(named))


def prune(
    root: HtmlElement, rules: Sequence[DomRule], page: PageFacts, deadline: Deadline = NO_DEADLINE
) -> tuple[list[Removal], list[CaptionFound], bool]:
    """Drop what *rules* find from *root*; return the removals, the captions,
    and whether the deadline stopped the rules before they were done."""
    body = root.find("body")
    if body is None or not rules:
        return [], [], False
    removals: list[Removal] = []
    captions: list[CaptionFound] = []
    for rule in rules:
        if deadline.passed():
            return removals, captions, True
        # Each rule's findings are listed before any is dropped: a finder walks the tree it would change.
        for finding in list(rule.find(root, page)):
            element = finding.element
            if element is root or element is body or not _attached(element, root):
                continue
            # itertext, not text_content: an icon's <title> and <desc> are words apart
            text = squash(" ".join(element.itertext()))
            where = _describe(element)
            element.drop_tree()
            if text:
                removals.append(Removal(rule.rule_id, finding.reason, text, None, None, "dom", where))
            if finding.caption is not None:
                captions.append(finding.caption)
    return removals, captions, False
