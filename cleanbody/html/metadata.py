"""The page's metadata, read from what publishers declare for machines.

Order of trust, per field: JSON-LD (``schema.org`` Article data), then
``<meta>`` tags (Open Graph, Dublin Core, the common CMS names), then page
elements (``<time datetime>``, ``rel="author"``, ``<title>``), then the URL
(dates in paths). Bylines and datelines written in the text are harvested
later by the text rules and fill what is still missing.

Reading declared fields is a few lookups per page; a general date search
over the whole page (htmldate) costs more than extracting the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import regex
from lxml.html import HtmlElement

from cleanbody.model import Metadata

_ARTICLE_TYPES = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "reviewnewsarticle backgroundnewsarticle techarticle scholarlyarticle socialmediaposting liveblogposting "
    "report webpage review".split()
)
_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"),
    "author": (
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "citation_author",
        "twitter:creator",
    ),
    "date": (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "citation_date",
        "article.published",
        "published_time",
        "og:updated_time",
        "article:modified_time",
        "last-modified",
    ),
    "sitename": ("og:site_name", "application-name", "dc.publisher"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "language": ("og:locale", "content-language", "language", "dc.language"),
    "url": ("og:url", "twitter:url"),
}
_ISO_DATE = regex.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = regex.compile(r"/((?:19|20)\d\d)[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?:/|[_-]|$)")
_BY = regex.compile(r"^\s*(?:by|von|par|por|di|door|av)\s+", regex.IGNORECASE)
_SPLIT_AUTHORS = regex.compile(r"\s*(?:;|,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", regex.IGNORECASE)
_LANG = regex.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$")
_MAX_JSONLD_CHARS = 500_000
_MAX_AUTHOR_WORDS = 6


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    """First non-empty ``content`` per lower-cased ``property``/``name``/``itemprop``."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "").lower()
        content = _squash(meta.get("content"))
        if key and content and key not in found:
            found[key] = content
    return found


def _jsonld_nodes(root: HtmlElement) -> Iterator[dict[str, Any]]:
    """Article-like objects in the page's JSON-LD blocks (``@graph`` included)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                types = node.get("@type")
                names = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                    yield node
                if "@graph" in node:
                    stack.append(node["@graph"])


def _names(value: Any) -> list[str]:
    """Author or publisher names from a JSON-LD value (string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _clean_author(name: str) -> str | None:
    name = _BY.sub("", _squash(name)).strip(" ,;|-–—")
    if not name or "://" in name or name.startswith("@") or len(name.split()) > _MAX_AUTHOR_WORDS:
        return None
    return name


def _authors(candidates: list[str], split: bool) -> tuple[str, ...]:
    names: list[str] = []
    for raw in candidates:
        for part in _SPLIT_AUTHORS.split(raw) if split else [raw]:
            name = _clean_author(part)
            if name and name not in names:
                names.append(name)
    return tuple(names)


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a declared date ("2019-11-19T08:57:40+01:00", "20191119")."""
    if not value:
        return None
    m = _ISO_DATE.search(value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _language(value: str | None) -> str | None:
    m = _LANG.match(_squash(value))
    return m.group(1).lower() if m else None


def _link(root: HtmlElement, rel: str) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == rel and link.get("href"):
            return link.get("href", "").strip() or None
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def read_metadata(root: HtmlElement, url: str | None) -> Metadata:
    """Title, authors, date, site name, description, language and URL as the
    page declares them; fields it does not declare are None (or empty)."""
    meta = _meta_tags(root)
    article: dict[str, Any] = next(_jsonld_nodes(root), {})

    def tag(field: str) -> str | None:
        return next((meta[k] for k in _META_KEYS[field] if k in meta), None)

    json_authors = _names(article.get("author"))
    if json_authors:
        authors = _authors(json_authors, split=False)
    else:
        tagged = [meta[k] for k in _META_KEYS["author"] if k in meta]
        elements = [e.text_content() for e in root.xpath("//*[@rel='author' or @itemprop='author']")[:3]]
        authors = _authors(tagged[:1] or elements, split=True)
    declared = [v for v in (article.get("datePublished"), article.get("dateCreated")) if isinstance(v, str)]
    date = iso_date(_first(*declared))
    if date is None:
        date = iso_date(tag("date"))
    if date is None:
        times = root.xpath("//time[@datetime][1]/@datetime")
        date = iso_date(str(times[0])) if times else None
    if date is None and url:
        m = _URL_DATE.search(url)
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    headline = article.get("headline")
    h1 = next(root.iter("h1"), None)
    head_title = root.find("head/title")
    publisher = _names(article.get("publisher"))
    html_lang = root.get("lang") or root.get("xml:lang")
    return Metadata(
        title=_first(
            tag("title"),
            _squash(headline) if isinstance(headline, str) else None,
            _squash(h1.text_content()) if h1 is not None else None,
            _squash(head_title.text_content()) if head_title is not None else None,
        ),
        authors=authors,
        date=date,
        sitename=_first(tag("sitename"), _squash(publisher[0]) if publisher else None),
        url=url or _link(root, "canonical") or tag("url"),
        description=tag("description"),
        language=_language(html_lang) or _language(tag("language")),
    )
