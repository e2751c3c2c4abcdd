"""The only module that imports trafilatura.

Comments are off (they are the largest noise source on news pages) and
``deduplicate`` is never on: its cache spans calls, which would make the
output depend on what was cleaned before.
"""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from cleanbody.model import Metadata


def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a.strip() for a in value.split(";") if a.strip())


def extract(html: str, url: str | None = None) -> tuple[str, Metadata]:
    """Main text (paragraphs on their own lines) and the page's metadata."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        as_dict=False,
    )
    if not isinstance(doc, Document):
        return "", Metadata(url=url)
    return doc.text or "", Metadata(
        title=doc.title or None,
        authors=_authors(doc.author),
        date=doc.date or None,
        sitename=doc.sitename or None,
        url=url or doc.url or None,
        description=doc.description or None,
        language=doc.language or None,
    )
