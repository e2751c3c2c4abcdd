"""The only module that imports trafilatura.

Comments are off (they are the largest noise source on news pages) and
``deduplicate`` is never on: its cache spans calls, which would make the
output depend on what was cleaned before. ``fast`` skips trafilatura's
readability/jusText fallback: measured on the Zyte dev pages after our DOM
stage, the fallback cost a third of the time and scored lower.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree (trafilatura's parser and repairs), or None
    when it is not HTML lxml can read."""
    try:
        tree = load_html(html)
        if tree is None:
            # trafilatura's loader rejects a lone element ("<p>...</p>") as not
            # a document; given a body to live in, it parses like any page. No
            # closing tags: after an unclosed <title> or <textarea> they would
            # be read as its text.
            tree = load_html(f"<html><body>{html}")
    except ValueError:
        return None
    return tree


#: libxml2's HTML parser stops reading below about 255 levels of nesting.
_PARSER_DEPTH = 250
_TOO_DEEP = etree.XPath(f"boolean(//*[{_PARSER_DEPTH} < count(ancestor::*)])")
_CONTAINER_TAGS = re.compile(
    r"</?(?:div|span|section|font|center|b|i|u|em|strong|small|big|ins|del)\b[^<>]{0,2000}>", re.IGNORECASE
)


def too_deep(tree: HtmlElement) -> bool:
    """Whether the parse reached the parser's depth limit (and so lost what lay deeper)."""
    return bool(_TOO_DEEP(tree))


def flatten(html: str) -> str:
    """*html* without its container and inline-style tags (their text kept):
    pages that nest thousands of them deep are readable again."""
    return _CONTAINER_TAGS.sub(" ", html)


def extract(tree: HtmlElement, url: str | None = None, *, fallback: bool = False) -> str:
    """Main text, one paragraph per line."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        as_dict=False,
        fast=not fallback,
    )
    return doc.text or "" if isinstance(doc, Document) else ""
