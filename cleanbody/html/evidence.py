"""What the page says its title is, read before any pruning.

The text rules use it to tell a repeated headline at the top of the
extracted text from the article's first paragraph.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_TITLE_META = ("og:title", "twitter:title")
_MAX_H1 = 3


def page_titles(root: HtmlElement) -> tuple[str, ...]:
    """``<title>``, ``og:title``/``twitter:title`` and the first ``<h1>`` texts,
    whitespace-squashed, without duplicates."""
    found: list[str] = []
    head = root.find("head")
    if head is not None:
        title = head.find("title")
        if title is not None:
            found.append(title.text_content())
        for meta in head.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() in _TITLE_META:
                found.append(meta.get("content") or "")
    for i, h1 in enumerate(root.iter("h1")):
        if i == _MAX_H1:
            break
        found.append(h1.text_content())
    squashed = (" ".join(t.split()) for t in found)
    return tuple(dict.fromkeys(t for t in squashed if t))
