"""Make the working text: one newline convention, no control characters;
and the folded view of it that the rules read.

Only characters that carry no words change, so every word of the input is
still in the working text, in order, and offsets stay easy to reason about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import regex

# Plain character classes: the stdlib substitutes them fastest, and this runs
# over every whole document.
# C0/C1 controls except tab and newline; each becomes a space so words never fuse.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Format characters (category Cf): soft hyphens, zero-width spaces and joiners, word joiners, byte
# order marks, direction marks. They show nothing, and sit inside words as often as between them
# ("Adver\u00adtisement", "Face\u200dbook"), so they stay in the working text, which the body is cut
# from, and the rules read each line without them: the word a reader sees.
_FORMAT = regex.compile(r"\p{Cf}+")
_VISIBLE_TEXT = regex.compile(r"[^ \t\p{Cf}](?:.*[^ \t\p{Cf}])?")


def normalize(text: str) -> str:
    """Return *text* with ``\\n`` line ends and control characters blanked."""
    text = _NEWLINES.sub("\n", text)
    return _CONTROL.sub(" ", text)


def has_format(text: str) -> bool:
    """Whether *text* holds a format character: most documents have none, and need no folding."""
    return _FORMAT.search(text) is not None


def fold(text: str) -> str:
    """*text* as a reader sees it: without its format characters."""
    return _FORMAT.sub("", text)


# A Markdown link or image: ``[text](url)``, ``![alt](url "title")``. The target may hold one level of
# parentheses (``/wiki/Foo_(bar)``) but no brackets, so a scan from ``](`` stops at the next link; and
# the break a hard-wrapping converter puts after a hyphen (html2text: ``tarkett-\nimage.com``, read
# in a block's joined text as ``tarkett- image.com``), and its title wrapped over a few lines.
MARKDOWN_TARGET = r'\((?:[^()\[\]\s]|-\s{1,8}(?=[^()\[\]\s])|\([^()\[\]\s]*\))*(?:\s+"[^"\n]*(?:\n[^"\n]*){0,3}")?\)'
_MARKDOWN_LINK = regex.compile(rf"(!?)\[([^\[\]\n]*)\]{MARKDOWN_TARGET}")
_LINK_CLOSE = regex.compile(rf"\]{MARKDOWN_TARGET}")
#: A Markdown image, with the link around it when it is all the link holds (``[![alt](src)](href)``).
#: Its alt text may be wrapped over lines: it is searched in one block's lines.
MARKDOWN_IMAGE = regex.compile(rf"(?P<open>\[)?!\[(?P<alt>[^\[\]]*)\]{MARKDOWN_TARGET}(?(open)\]{MARKDOWN_TARGET})")


#: A line that opens or closes a fenced code block.
MARKDOWN_FENCES = ("```", "~~~")
#: A GFM table's delimiter row (``|---|:---:|``, ``| --- |``, html2text's ``---|---``), to fullmatch
#: one stripped line: it makes the lines around it a table. Anchored, so that a search tries one
#: start only (from each dash or blank of a long run it rescanned the run).
MARKDOWN_TABLE_RULE = regex.compile(r"^(?:\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?|\|[ \t]*:?-+:?[ \t]*\|)\Z")


class MarkdownLines:
    """Reads a Markdown text's lines in order and tells the lines of its own structure: ``"code"``
    from a fence to the next (both fences too), ``"table"`` from a delimiter row on while the lines
    hold a pipe. Every other line is None."""

    def __init__(self) -> None:
        self.in_code = False
        self.in_table = False

    def kind(self, line: str) -> str | None:
        stripped = line.strip()
        if stripped.startswith(MARKDOWN_FENCES):
            self.in_code = not self.in_code
            return "code"
        if self.in_code:
            return "code"
        if MARKDOWN_TABLE_RULE.fullmatch(stripped):
            self.in_table = True
            return "table"
        self.in_table = self.in_table and "|" in stripped
        return "table" if self.in_table else None


def _visible_link(m: regex.Match[str]) -> str:
    return "" if m.group(1) else m.group(2)


def markdown_visible(text: str) -> str:
    """*text* with its Markdown links read as their text and its images as nothing: what a reader of
    the rendered page sees, and what the rules judge (a long link target is not words of prose).
    Twice, for the image inside a link (``[![alt](img)](url)``). The body keeps what the rules
    judge: ``markup.link-target`` takes the same brackets and targets, so a second clean reads the
    same text."""
    if "](" not in text:
        return text
    once = _MARKDOWN_LINK.sub(_visible_link, text)
    twice = _MARKDOWN_LINK.sub(_visible_link, once) if "](" in once else once
    # What is left is the close of a link opened in an earlier block (a card's text over a blank line).
    return (_LINK_CLOSE.sub("", twice) if "](" in twice else twice).strip(" \t")


_HEADING_OPENER = regex.compile(r"^(?:>[ \t]*)*#{1,6}[ \t]+")
_EMPHASIS = regex.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_ESCAPED = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def markdown_plain(text: str) -> str:
    """*text* as a line of plain text: its Markdown heading marks, strong emphasis and backslash
    escapes gone too, for a field that is read as plain text (a title)."""
    if not any(c in text for c in "#*_\\]"):
        return text
    plain = _HEADING_OPENER.sub("", markdown_visible(text)).rstrip()
    closed = plain.rstrip("#")  # an ATX heading may close with hashes after a blank
    if closed != plain and closed[-1:].isspace():
        plain = closed
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub(r"\2", plain)).strip()


def unfolder(raw: str) -> Callable[[int], int]:
    """The offset in *raw* of each character index of ``fold(raw)`` (``len(raw)`` for its end), so a
    match in the folded text points into the working text. Format characters just before the
    character are skipped: a span starts on a visible character and ends after invisible ones.
    The format characters are found once, so mapping every match of a long line stays linear."""
    starts: list[int] = []  # where each run of format characters starts, in the folded text
    removed = [0]  # characters removed before each run, then after the last
    for m in _FORMAT.finditer(raw):
        starts.append(m.start() - removed[-1])
        removed.append(removed[-1] + m.end() - m.start())
    if not starts:
        return lambda index: index
    return lambda index: index + removed[bisect.bisect_right(starts, index)]


def visible_span(line: str) -> tuple[int, int] | None:
    """Where *line*'s visible text starts and ends, blanks and format characters around it left
    out; None for a line with nothing to see (a blog's ``<p>&#8203;</p>``)."""
    m = _VISIBLE_TEXT.search(line)
    return m.span() if m else None


def squash(text: str | None) -> str:
    """Whitespace runs to one space, trimmed: how a value read from markup
    (an attribute, an element's text) compares with text from elsewhere."""
    return " ".join((text or "").split())
