"""Tell HTML, Markdown and plain text apart cheaply, before any parsing.

Plain text that talks about markup ("wrap it in a <div>") must stay text,
so one tag is not enough: the document must open like a page, or carry
structural tags densely (several per kilobyte, at least eight in all).
Markdown is text that shows two of its constructs (headings, links, code
fences, table rules, strong emphasis), or many links.
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


_MD_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", regex.MULTILINE)
_MD_LINK = regex.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_FENCE = regex.compile(r"^[ \t]{0,3}(?:```|~~~)", regex.MULTILINE)
# One run of blanks before the first dash, not two (``[ \t]*\|?[ \t]*`` rescanned a long run).
_MD_TABLE_RULE = regex.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|", regex.MULTILINE)
_MD_STRONG = regex.compile(r"\*\*\S[^*\n]{0,200}\*\*")
#: Measured on plaintext-wild and the plain-text dev set: with these, 1192 of the 1198 Markdown
#: renderings (markdownify, html2text) are Markdown, and 3 of the 1198 text renderings (lynx, bs4;
#: pages that show Markdown themselves), none of the 327 older ones and neither seed.
_MD_MANY_LINKS = 5


def looks_like_markdown(text: str) -> bool:
    """Whether plain *text* is Markdown; a wrong guess only changes the body's layout (see
    :func:`cleanbody.text.render.render_blocks`), never which words stay."""
    sample = text[:_SAMPLE]
    links = sum(1 for _, _ in zip(range(_MD_MANY_LINKS), _MD_LINK.finditer(sample), strict=False))
    if links >= _MD_MANY_LINKS:
        return True
    shown = (links >= 2) + sum(
        p.search(sample) is not None for p in (_MD_HEADING, _MD_FENCE, _MD_TABLE_RULE, _MD_STRONG)
    )
    return shown >= 2
