"""What kind of page this is, from what its markup declares.

The main content of a page depends on its type: on a forum or Q&A thread
the posts and answers *are* the content, where under an article the
comments are chrome. The evidence is general, never a site's template: the
schema.org types the page declares (JSON-LD, microdata, RDFa), its
``og:type``, the shape of its URL, and for a thread that declares nothing,
posts repeated down the page that each carry an author and a time. When the
evidence is thin the type is None, and the page is cleaned as an article is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal
from urllib.parse import urlsplit

import regex
from lxml.html import HtmlElement

PageType = Literal["article", "forum", "product", "collection", "listing", "documentation", "service"]

_FORUM = frozenset(("discussionforumposting", "qapage"))
_PRODUCT = frozenset(("product", "productgroup", "individualproduct", "productmodel"))
_COLLECTION = frozenset(("collectionpage", "offercatalog"))
_LISTING = frozenset(("itemlist", "searchresultspage"))
_DOCUMENTATION = frozenset(("techarticle", "apireference"))
_ARTICLE = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "reviewnewsarticle backgroundnewsarticle scholarlyarticle liveblogposting report".split()
)
_OG = {"article": "article", "product": "product", "og:product": "product", "product.group": "collection"}
# A path segment that names documentation (/docs/, /api/reference/...).
_DOCS_PATH = regex.compile(r"/(?:docs?|documentation|api|reference|manual|handbook)(?:/|$)", regex.IGNORECASE)
#: Substrings of the class or id of a post container, for :func:`~cleanbody.html.prune.page_facts`.
THREAD_HINTS = ("post", "message", "comment", "reply", "answer")
_POST_NAME = regex.compile(r"(?<![a-z])(?:post|message|comment|reply|answer)(?![a-z])")
_DATED = "boolean(descendant::time or descendant::*[contains(@class, 'date') or contains(@class, 'time')])"
_SIGNED = "boolean(descendant::*[contains(@class, 'author') or contains(@class, 'user')])"
# Measured on the WCXB tuning part, among pages that declare no type: 3 or
# more such posts holding over half the page's text were 11 forums, 1
# listing and no article (comments under an article hold less than it).
_MIN_POSTS = 3
_MIN_POSTS_SHARE = 0.5
_MAX_POSTS_READ = 200


def declared_types(root: HtmlElement, jsonld: Iterable[dict[str, object]]) -> frozenset[str]:
    """Every schema.org type the page declares, lower-cased, without its vocabulary prefix."""
    names: set[str] = set()
    for node in jsonld:
        value = node.get("@type")
        names.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    for element in root.xpath("//*[@itemtype or @typeof]"):
        names.update(f"{element.get('itemtype') or ''} {element.get('typeof') or ''}".split())
    # "https://schema.org/Product", "schema:Product", "Product": the name after the vocabulary.
    last = (name.replace("#", "/").replace(":", "/").rsplit("/", 1)[-1] for name in names)
    return frozenset(n.lower() for n in last if n)


def thread_shaped(named: Sequence[tuple[HtmlElement, str]], body_chars: int) -> bool:
    """Whether posts that each carry an author and a time hold most of the page's text."""
    posts: list[HtmlElement] = []
    for element, names in named:
        if len(posts) == _MAX_POSTS_READ:
            break
        if _POST_NAME.search(names) and element.xpath(_DATED) and element.xpath(_SIGNED):
            posts.append(element)
    seen = {id(p) for p in posts}
    outer = [p for p in posts if not any(id(a) in seen for a in p.iterancestors())]
    chars = sum(len(p.text_content()) for p in outer)
    return len(outer) >= _MIN_POSTS and chars > _MIN_POSTS_SHARE * max(body_chars, 1)


def page_type(types: frozenset[str], og_type: str | None, url: str | None) -> PageType | None:
    """The page's type from its declared types, ``og:type`` and URL, most
    specific first (see :func:`thread_shaped` for a thread that declares none)."""
    og = _OG.get((og_type or "").strip().lower())
    if types & _FORUM:
        return "forum"
    if types & _DOCUMENTATION or (url and _DOCS_PATH.search(urlsplit(url).path)):
        return "documentation"
    if types & _ARTICLE or og == "article":
        return "article"
    if types & _PRODUCT or og == "product":
        return "product"
    if types & _COLLECTION or og == "collection":
        return "collection"
    if types & _LISTING:
        return "listing"
    return None
