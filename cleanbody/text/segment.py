"""Split the working text into blocks: paragraphs, headings, list items.

Scrapers give two line layouts. Most put one paragraph per line; some
(press releases, e-mail, ``lynx -dump``) hard-wrap a paragraph at a fixed
width. A run of lines between blank lines is treated as wrapped only when
its lines look like greedy wrapping at one width: a line ends where the next
word would not have fitted. A run of three lines or more shows its own width;
a paragraph of two lines is judged at the document's (text browsers wrap
every paragraph at one width). Then lines join until one ends a sentence
short of the width, or the next starts a list item. Text that is not wrapped
may still break a sentence where the page had an inline element (a scraper
that writes each text node on a line): such lines join too.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import regex

from cleanbody.document import Block, BlockKind
from cleanbody.text.normalize import fold, has_format, markdown_visible, visible_span

# Matched where a line's text starts, after its blanks.
_LIST_MARKER = regex.compile(r"[-*+•·▪◦‣o][ \t]|\d{1,3}[.)][ \t]")
_MARKER_CHARS = frozenset("-*+•·▪◦‣o \t")
_TERMINAL = regex.compile(r"[.!?:;。！？…\"”’»)\]]$")
_FIRST_WORD = regex.compile(r"\S+")
_MAX_WRAP_WIDTH = 110
_MIN_WRAP_WIDTH = 30
#: The document's width is its widest wrapped run's longest line, which may fall a word short of the
#: real width: a two-line paragraph's first line may be that much longer.
_WIDTH_SLACK = 8


def _text_span(line: str) -> tuple[int, int] | None:
    """Where *line*'s text starts and ends without its blanks; None for a blank line."""
    stripped = line.strip(" \t")
    if not stripped:
        return None
    start = len(line) - len(line.lstrip(" \t"))
    return start, start + len(stripped)


def _groups(text: str, invisible: bool) -> Iterator[list[tuple[int, int]]]:
    """Runs of non-blank lines separated by blank lines, as (start, end)
    offsets of each line without its leading and trailing blanks. When the
    text has *invisible* (format) characters, they count as blanks too."""
    span_of = visible_span if invisible else _text_span
    group: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        span = span_of(line)
        if span is not None:
            group.append((pos + span[0], pos + span[1]))
        elif group:
            yield group
            group = []
        pos += len(line) + 1
    if group:
        yield group


def _fills_line(text: str, line: tuple[int, int], nxt: tuple[int, int], width: int) -> bool:
    """True when the next line's first word would not have fitted on *line*."""
    first = _FIRST_WORD.match(text, nxt[0])
    first_len = (first.end() - first.start()) if first else 0
    return (line[1] - line[0]) + 1 + first_len > width


#: Text with fewer spaces than one per this many characters is not written with spaces between words.
_CHARS_PER_SPACE = 20


def _fills_at(text: str, group: list[tuple[int, int]], width: int, slack: int = 0) -> bool:
    """Whether *group*'s lines look greedily wrapped at *width*: none is longer (by more than *slack*),
    and (most of) its lines end where the next word would not have fitted."""
    if any(e - s > width + slack for s, e in group):
        return False
    chars = group[-1][1] - group[0][0]
    if text.count(" ", group[0][0], group[-1][1]) * _CHARS_PER_SPACE < chars:
        # Chinese or Japanese: no spaces between words, so the greedy-wrap test
        # (the next line's first word would have fitted) cannot tell.
        return False
    full = sum(_fills_line(text, a, b, width) for a, b in pairwise(group))
    return full >= 0.6 * (len(group) - 1)


def _wrapped_width(text: str, group: list[tuple[int, int]]) -> int | None:
    """The width a run of three or more lines is wrapped at (its longest line's), when it looks
    wrapped on its own; None otherwise."""
    if len(group) < 3:
        return None
    width = max(e - s for s, e in group)
    return width if _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH and _fills_at(text, group, width) else None


def _kind(line_text: str) -> BlockKind:
    first = line_text[:1]
    if not (first.isdigit() or first in _MARKER_CHARS):
        return BlockKind.PARAGRAPH
    return BlockKind.LIST_ITEM if _LIST_MARKER.match(line_text) else BlockKind.PARAGRAPH


def _paragraphs_of_wrapped(text: str, group: list[tuple[int, int]], width: int) -> Iterator[list[tuple[int, int]]]:
    current: list[tuple[int, int]] = []
    for i, line in enumerate(group):
        current.append(line)
        nxt = group[i + 1] if i + 1 < len(group) else None
        if nxt is None:
            break
        short = (line[1] - line[0]) < 0.6 * width
        ends_sentence = _TERMINAL.search(text, line[0], line[1]) is not None
        heading = short and not ends_sentence and len(current) == 1
        next_stands_alone = (nxt[1] - nxt[0]) < 0.6 * width and _TERMINAL.search(text, nxt[0], nxt[1])
        room_left = not _fills_line(text, line, nxt, width)
        if _LIST_MARKER.match(text, nxt[0], nxt[1]) or (room_left and (ends_sentence or next_stands_alone)) or heading:
            yield current
            current = []
    if current:
        yield current


_CONTINUES = regex.compile(r"[\p{Ll},.;:)\]]")


def _broken_at_inline_tag(text: str, line: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether *line* and *nxt* are one sentence that a scraper broke at an inline element (a link, a
    code span): ``get_text("\n")`` gives ``"set the \nSECURE_HEADER\n setting."``, the blank that
    stood beside the element left at the line's end or the next one's start."""
    if _LIST_MARKER.match(text, nxt[0], nxt[1]):
        return False
    if text[line[1]] in " \t":
        return True
    if nxt[0] >= 2 and text[nxt[0] - 1] == " " and text[nxt[0] - 2] == "\n":
        return True
    # No blank kept: a line that stops mid-sentence and a next one that goes on in lower case. Menu
    # items of one shape ("visit the World section", "visit the Sports section") start alike.
    if _TERMINAL.search(text, line[0], line[1]) is None and _CONTINUES.match(text, nxt[0]):
        first, following = _FIRST_WORD.match(text, line[0]), _FIRST_WORD.match(text, nxt[0])
        return first is None or following is None or first.group() != following.group()
    return False


class _OpenLink:
    """Follows the lines of a block for a Markdown link left open: in its text (more ``[`` than
    ``]``) or its target (a ``](`` with no ``)`` after it). html2text wraps a list of links at 78
    columns, and the lines of one link must make one block for the rules to read it as its text. Line
    by line, so a long block costs one pass, and no further than ``_LINK_CHARS`` (the longest link on
    plaintext-wild is about 900 characters)."""

    _LINK_CHARS = 3000

    def __init__(self) -> None:
        self.depth = 0
        self.in_target = False
        self.chars = 0

    def add(self, line: str) -> bool:
        """Take the block's next line; whether a link is still open after it."""
        self.chars += len(line)
        if "[" in line or "]" in line:
            self.depth = max(0, self.depth + line.count("[") - line.count("]"))
        target = line.rfind("](")
        if target >= 0:
            self.in_target = ")" not in line[target:]
        elif self.in_target:
            self.in_target = ")" not in line
        return (self.in_target or self.depth > 0) and self.chars <= self._LINK_CHARS


def _fragments_joined(text: str, group: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The lines of *group*, those broken at inline elements joined again."""
    current = [group[0]]
    link = _OpenLink()
    open_link = link.add(text[group[0][0] : group[0][1]])
    for line in group[1:]:
        if (open_link and not _LIST_MARKER.match(text, line[0], line[1])) or _broken_at_inline_tag(
            text, current[-1], line
        ):
            current.append(line)
        else:
            yield current
            current = [line]
            link = _OpenLink()
        open_link = link.add(text[line[0] : line[1]])
    yield current


def _make_block(text: str, index: int, lines: list[tuple[int, int]], invisible: bool) -> Block:
    """A block of wrapped *lines*; its text is folded when the text has *invisible* characters."""
    joined = " ".join(text[s:e] for s, e in lines)
    if invisible:
        joined = fold(joined)
    joined = markdown_visible(joined)
    return Block(index, lines[0][0], lines[-1][1], joined, tuple(lines), _kind(joined))


def _line_block(text: str, index: int, line: tuple[int, int], invisible: bool) -> Block:
    joined = text[line[0] : line[1]]
    if invisible:
        joined = fold(joined)
    joined = markdown_visible(joined)
    return Block(index, line[0], line[1], joined, (line,), _kind(joined))


def segment(text: str, *, unwrap: bool = True) -> tuple[Block, ...]:
    """Return the blocks of *text* in order; blank lines never form blocks.

    *unwrap* False takes every line as its own block: for text known to put
    one paragraph per line, where a few paragraphs of similar length would
    otherwise look like one wrapped at their width.

    A block's ``text`` is what the rules read: its lines without format
    characters (:func:`~cleanbody.text.normalize.fold`), while its offsets
    point into *text*, which keeps them.
    """
    invisible = has_format(text)
    groups = list(_groups(text, invisible))
    own = [_wrapped_width(text, g) if unwrap else None for g in groups]
    # The document's width: the widest run that looks wrapped on its own. A paragraph of two lines
    # cannot show it alone; at the document's width it can.
    width = max((w for w in own if w is not None), default=None)
    blocks: list[Block] = []
    for group, at in zip(groups, own, strict=True):
        if at is None and width is not None and len(group) > 1 and _fills_at(text, group, width, _WIDTH_SLACK):
            at = width
        if at is not None:
            for lines in _paragraphs_of_wrapped(text, group, at):
                blocks.append(_make_block(text, len(blocks), lines, invisible))
        elif unwrap and len(group) > 1:
            for lines in _fragments_joined(text, group):
                blocks.append(_make_block(text, len(blocks), lines, invisible))
        else:
            for line in group:
                blocks.append(_line_block(text, len(blocks), line, invisible))
    return tuple(blocks)
