"""Figures and caption boxes, moved to ``captions`` with their credits.

What it removes:
    ``<figure>`` elements that hold a picture or a ``<figcaption>`` (a
    figure with text but no ``<figcaption>`` is a card or a statistic, not a
    captioned picture), and short elements whose class names a caption
    (``wp-caption``, ``image-caption``) beside a picture. The caption text and its credit (from an element
    named ``credit``/``copyright``/``source``, or a trailing "(Name/Agency)")
    go to ``result.captions``.
What it keeps:
    Figures that wrap a table, a quotation or code (content that editors
    put in a ``<figure>``), long elements that merely mention "caption", and
    "caption" classes with no picture beside them (``fs-caption`` type
    sizes, a star rating's "4.6 out of 5" label).
Why:
    A caption describes a picture the text does not show; callers want it
    as data, not mixed into the body.
Examples:
    remove: ``<figure><img src="a.jpg"><figcaption>The bridge at dawn (John Smith/Reuters)</figcaption></figure>``
    keep: ``<figure><table>...</table></figure>`` (a table the editor put in a figure)
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import CaptionFound, PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._captions import split_caption
from cleanbody.rules._elements import holds_article
from cleanbody.text.normalize import squash

# "caption", "wp-caption", "figcaption", "caption-text", not "captions" or "xcaption". No "(?:\w+-)?"
# prefix: searched from each character of a 990-character class name it scanned the rest of the name
# (4,000 such spans took 17 s), and "wp-caption" matches at "caption" anyway.
_CAPTION_NAMES = regex.compile(r"(?<![a-z])(?:fig)?caption(?![a-z])")
_CREDIT_NAMES = regex.compile(r"credit|copyright|source|photographer|attribution|byline")
_KEEP_INSIDE = ("table", "blockquote", "pre", "code", "ol", "ul")
_MAX_WORDS = 120


def read_caption(element: HtmlElement) -> CaptionFound | None:
    """The caption text and credit an element shows, or None if it shows no text."""
    credit = None
    for node in element.iter():
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if node is not element and _CREDIT_NAMES.search(names):
            credit = squash(node.text_content()) or None
            break
    holder = next(element.iter("figcaption"), element)
    text = squash(holder.text_content())
    if credit and text.endswith(credit):
        text = text[: -len(credit)].rstrip(" |–—-:(")
    elif credit is None:
        split = split_caption(text)
        if split is not None:
            return split if split.text or split.credit else None
    if not text and not credit:
        return None
    return CaptionFound(text, credit)


def _is_picture(figure: HtmlElement) -> bool:
    if any(next(figure.iter(tag), None) is not None for tag in _KEEP_INSIDE):
        return False
    if next(figure.iter("figcaption"), None) is None and squash(figure.text_content()):
        return False
    return any(next(figure.iter(tag), None) is not None for tag in ("img", "picture", "video", "svg", "figcaption"))


def _picture_holders(body: HtmlElement) -> set[HtmlElement]:
    """Every element that holds a picture: each picture's ancestors, marked
    upward until one already marked, so the whole walk is linear in the page."""
    holders: set[HtmlElement] = set()
    for picture in body.iter("img", "picture", "video"):
        node = picture.getparent()
        while node is not None and node not in holders:
            holders.add(node)
            node = node.getparent()
    return holders


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    body = root.find("body")
    if body is None:
        return
    for figure in body.iter("figure"):
        if _is_picture(figure) and not holds_article(figure, page):
            yield DomFinding(figure, "figure (picture and caption; caption kept in captions)", read_caption(figure))
    holders: set[HtmlElement] | None = None
    for element, names in page.named:
        if element.tag == "figure" or not _CAPTION_NAMES.search(names):
            continue
        if len(element.text_content().split()) > _MAX_WORDS or holds_article(element, page):
            continue
        holders = _picture_holders(body) if holders is None else holders
        # A caption describes a picture beside it (in its parent); a "caption" class alone may
        # name a type size or a rating's label.
        parent = element.getparent()
        if element in holders or (parent is not None and parent in holders):
            reason = "caption box (named so in its class, beside a picture; kept in captions)"
            yield DomFinding(element, reason, read_caption(element))


RULE = DomRule(
    rule_id="caption.figure",
    find=find,
    hints=("caption",),
)
