"""Markup rewritten before parsing: code emptied from a page too long to
clean whole, nesting made shallow enough to read, or tags stripped when there
is no time to parse.

Markup nested deeper than the HTML parser reads is made shallow enough to read.

libxml2 stops reading at 256 levels of nesting, and everything after that
point is lost: 300 nested tables or list items are enough. :func:`shallow`
keeps every tag down to :data:`MAX_DEPTH` levels and drops the ones below,
keeping their text: a dropped block-level tag becomes a ``<br>`` so its
paragraphs stay apart, a dropped inline tag becomes nothing so its words do
not split. One pass over the tags, linear in the input.
"""

from __future__ import annotations

import html as entities
import re

#: Levels of source nesting kept. The parser adds levels the source does not
#: write (``<tbody>`` in a table: 4 levels for 3 tags), and stops at 256:
#: 150 source levels stay below it.
MAX_DEPTH = 150
# A tag or a comment: its name and what follows it, up to 2000 characters (no
# real tag is longer; bounded, so a stray "<" costs at most that much).
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]{0,2000})>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Elements whose content is text, not markup: skipped to their end tag.
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "noscript", "template"))
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup "
    "time tt u var".split()
)


_RAW_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW}


_CODE_START = re.compile(r"<(script|style)\b[^<>]{0,2000}>", re.IGNORECASE)


def without_code(html: str) -> str:
    """*html* with the contents of its scripts and styles taken out: what is
    left to cut when a page is longer than ``max_chars``, since its text and
    its markup are rarely what makes it long (in one pass: each element's
    end is looked for once)."""
    out: list[str] = []
    pos = 0
    while (m := _CODE_START.search(html, pos)) is not None:
        out.append(html[pos : m.end()])
        pos = _skip_raw(html, m.group(1).lower(), m.end())
    out.append(html[pos:])
    return "".join(out)


def _skip_raw(html: str, name: str, pos: int) -> int:
    """Where the raw-text element *name* opened before *pos* ends."""
    end = _RAW_END[name].search(html, pos)
    return len(html) if end is None else end.start()


def shallow(html: str) -> str:
    """*html* with the tags nested deeper than :data:`MAX_DEPTH` dropped, their text kept.

    A run of dropped block-level tags with no text between them becomes one ``<br>``: 100,000
    nested ``<div>``s must not become 100,000 elements for the parser and trafilatura."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, and whether its tags are kept
    depth_of: dict[str, int] = {}  # how many of each name are open, to match an end tag in O(1)
    pos = 0
    broken = False  # the last thing written is a <br> for dropped tags, with no text after it
    while (m := _TAG.search(html, pos)) is not None:
        text = html[pos : m.start()]
        out.append(text)
        broken = broken and not text.strip()
        pos = m.end()
        if m.group(0) == "<!--":
            end = html.find("-->", pos)
            pos = len(html) if end < 0 else end + 3
            continue
        closing, name = m.group(1) == "/", m.group(2).lower()
        if closing:
            written = _close(stack, depth_of, name, m.group(0))
        elif name in _VOID or m.group(3).rstrip().endswith("/"):
            written = m.group(0)
        else:
            kept = len(stack) < MAX_DEPTH
            stack.append((name, kept))
            depth_of[name] = depth_of.get(name, 0) + 1
            written = m.group(0) if kept else "" if name in _INLINE else "<br>"
            if name in _RAW:
                end = _skip_raw(html, name, pos)
                written += html[pos:end]
                pos = end
        if written == "<br>" and broken:
            continue
        out.append(written)
        broken = written == "<br>" or (broken and not written)
    out.append(html[pos:])
    return "".join(out)


def _close(stack: list[tuple[str, bool]], depth_of: dict[str, int], name: str, tag: str) -> str:
    """The end tag as written if its element's tags are kept, else what replaces it."""
    if not depth_of.get(name):
        return tag if len(stack) < MAX_DEPTH else ""  # closes nothing open: the parser ignores it too
    while True:  # close what the end tag closes (each element is popped once: linear overall)
        open_name, kept = stack.pop()
        depth_of[open_name] -= 1
        if open_name == name:
            return tag if kept else "" if name in _INLINE else "<br>"


_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")


def strip_tags(html: str) -> str:
    """The text of *html* with every tag turned into a line break and entities
    decoded: all its words, none of its structure, in one linear pass."""
    return entities.unescape(_ANY_TAG.sub("\n", html))
