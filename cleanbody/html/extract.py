"""The only module that imports trafilatura.

Comments are off (they are the largest noise source on news pages) but on
pages whose type says the comments are the content (a forum thread), and
``deduplicate`` is never on: its cache spans calls, which would make the
output depend on what was cleaned before. The extraction is trafilatura's
full one, with its readability/jusText fallback: fast mode was chosen for
speed on the 2019 Zyte pages, and costs more than it saves on the modern web.
Measured, all 1,355 WCXB dev pages: word F1 0.807 fast, 0.817 full (tuning
part 0.803 -> 0.815, check part 0.814 -> 0.821; forums 0.630 -> 0.691 on the
tuning part); trafilatura-eval snippet F1 0.9246 -> 0.9265; Zyte shingle F1
0.9763 -> 0.9727.
"""

from __future__ import annotations

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura.settings import Document
from trafilatura.utils import load_html

#: libxml2 refuses a text node over 10 MB unless told the tree is huge, and
#: then the whole page comes out empty (a 16 MB inline script is enough).
_LIBXML_TEXT_LIMIT = 10_000_000
# trafilatura's own parser options, with the limit lifted: for pages that
# could hold such a node (a smaller page cannot), so the others parse as before.
_HUGE_PARSER = HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree (trafilatura's parser and repairs), or None
    when it is not HTML lxml can read."""
    if len(html) > _LIBXML_TEXT_LIMIT:
        return _parse_huge(html)
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


def _parse_huge(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=_HUGE_PARSER)
    except (ValueError, etree.ParserError):
        return None


#: libxml2's HTML parser stops reading below 256 levels of nesting (what lay
#: deeper, and everything after it, is lost); an element this deep means it did.
# A path of child steps, not ``count(ancestor::*)`` per element: 10 times
# cheaper (0.07 ms a page, measured on the 2,454 HTML dev pages).
_TOO_DEEP = etree.XPath("boolean(" + "/*" * 251 + ")")


def too_deep(tree: HtmlElement) -> bool:
    """Whether the parse reached the parser's depth limit (and so lost what lay deeper)."""
    return bool(_TOO_DEEP(tree))


def extract(tree: HtmlElement, url: str | None = None, *, comments: bool = False) -> str:
    """Main text, one paragraph per line; with *comments*, the page's comment
    threads too (on a forum they are the posts)."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=comments,
        include_tables=True,
        deduplicate=False,
        as_dict=False,
        fast=False,
    )
    return doc.text or "" if isinstance(doc, Document) else ""
