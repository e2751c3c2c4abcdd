"""The HTML systems that ``wcxb.py`` and ``report.py`` put side by side, run on one page in turn.

cleanbody with its defaults; trafilatura three ways: its defaults (comments included), without
comments, and with ``favor_precision`` (comments as its default); and ``keep_all``, every text of the
page (``trafilatura.html2txt``), the recall ceiling that shows how much of a page is boilerplate.
Each page gets its URL, as a crawler would pass it.
"""

from __future__ import annotations

from typing import Any

import trafilatura

import cleanbody

#: trafilatura's settings, by the name the tables use.
TRAFILATURA: dict[str, dict[str, Any]] = {
    "trafilatura": {},
    "trafilatura_no_comments": {"include_comments": False},
    "trafilatura_precision": {"favor_precision": True},
}
SYSTEMS = ("cleanbody", *TRAFILATURA, "keep_all")


def web_url(url: str | None) -> str | None:
    """The URL, or None when it is not one (trafilatura-eval names its pages "hard::file.html")."""
    return url if url and "://" in url else None


def run_systems(html: str, url: str | None) -> tuple[dict[str, str], cleanbody.CleanResult]:
    """Every system's text for one page, and cleanbody's whole result (its metadata is scored too)."""
    url = web_url(url)
    result = cleanbody.clean(html, url=url)
    texts = {"cleanbody": result.text}
    for name, options in TRAFILATURA.items():
        texts[name] = trafilatura.extract(html, url=url, **options) or ""
    texts["keep_all"] = trafilatura.html2txt(html)
    return texts, result
