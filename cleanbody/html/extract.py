"""The only module that imports trafilatura.

Comments are off (they are the largest noise source on news pages) and
``deduplicate`` is never on: its cache spans calls, which would make the
output depend on what was cleaned before. ``fast`` skips trafilatura's
readability/jusText fallback: measured on the Zyte dev pages after our DOM
stage, the fallback cost a third of the time and scored lower.
"""

from __future__ import annotations

import trafilatura
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
            # a document; given a body to live in, it parses like any page.
            tree = load_html(f"<html><body>{html}</body></html>")
    except ValueError:
        return None
    return tree


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
