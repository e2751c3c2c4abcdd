"""Tell HTML from plain text cheaply, before any parsing.

Plain text that talks about markup ("wrap it in a <div>") must stay text,
so one tag is not enough: the document must open like a page, or carry
structural tags densely (several per kilobyte, at least eight in all).
"""

from __future__ import annotations

import regex

_SAMPLE = 65_536
_OPENING = regex.compile(
    r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|span|a|br|li|ul|ol|table|tr|td|script|style|meta|link|"
    r"section|article|header|footer|nav|main|h[1-6]|img|figure|figcaption|form|input|button)\b[^<>]{0,1000}>",
    regex.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    sample = text[:_SAMPLE]
    if _OPENING.match(sample):
        return True
    tags = sum(1 for _ in _TAG.finditer(sample))
    return tags >= 8 and tags * 1000 >= 2 * len(sample)
