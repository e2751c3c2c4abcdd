"""Turn the working text minus the removed spans into the body.

Rendering needs only the working text, how it was segmented and the spans,
so anyone holding a result can replay it (:meth:`cleanbody.CleanResult.replay`).
"""

from __future__ import annotations

from collections.abc import Iterable

from cleanbody.document import Block
from cleanbody.text.normalize import MarkdownLines
from cleanbody.text.segment import segment


def _pieces(line: tuple[int, int], spans: list[tuple[int, int]], cursor: int) -> tuple[list[tuple[int, int]], int]:
    """Parts of *line* outside *spans* (sorted); returns them and the next span index."""
    start, end = line
    out = []
    i = cursor
    while i < len(spans) and spans[i][1] <= start:
        i += 1
    pos = start
    j = i
    while j < len(spans) and spans[j][0] < end:
        s, e = spans[j]
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
        j += 1
    if pos < end:
        out.append((pos, end))
    return out, i


def render_blocks(
    text: str, blocks: Iterable[Block], spans: Iterable[tuple[int, int]], *, markdown: bool = False
) -> str:
    """The blocks' text outside *spans*: each block a paragraph of words joined by single spaces,
    paragraphs apart by a blank line. With *markdown*, the lines of a fenced code block and of a
    table stay lines as they were (code with its indentation), so the body is Markdown again."""
    if markdown:
        return _MarkdownLayout(text).render(blocks, sorted(spans))
    ordered = sorted(spans)
    paragraphs = []
    cursor = 0
    for block in blocks:
        parts: list[str] = []
        for line in block.lines:
            pieces, cursor = _pieces(line, ordered, cursor)
            parts.extend(text[s:e] for s, e in pieces)
        paragraph = " ".join(" ".join(parts).split())
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


class _MarkdownLayout:
    """Lays the kept text out as Markdown: prose lines of a block reflowed into one paragraph
    (the same words as plain text gets, and a layout a second clean reads the same way), the
    lines of code and tables kept as lines, one after the other where the input had no blank
    line between them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = MarkdownLines()

    def _verbatim(self, line: str) -> str | None:
        """What the line is, when it must stay a line: "code" or "table" (a row of pipes without a
        delimiter row too: it reads as a table's row)."""
        return self.lines.kind(line) or ("table" if line.lstrip().startswith("|") else None)

    def render(self, blocks: Iterable[Block], spans: list[tuple[int, int]]) -> str:
        out: list[str] = []
        last: tuple[str | None, int] | None = None  # the kind of the last unit, and where it ended
        cursor = 0
        for block in blocks:
            prose: list[str] = []
            for line in block.lines:
                pieces, cursor = _pieces(line, spans, cursor)
                kept = " ".join(self.text[s:e].strip() if len(pieces) > 1 else self.text[s:e] for s, e in pieces)
                if not kept.strip():
                    continue
                kind = self._verbatim(kept)
                if kind is None:
                    prose.append(kept)
                    continue
                if prose:
                    last = self._add(out, last, None, " ".join(" ".join(prose).split()), line[0], line[0])
                    prose = []
                shown = (_indent(self.text, line[0]) if kind == "code" else "") + kept.rstrip()
                last = self._add(out, last, kind, shown, line[0], line[1])
            if prose:
                last = self._add(out, last, None, " ".join(" ".join(prose).split()), block.start, block.end)
        return "".join(out)

    def _add(
        self,
        out: list[str],
        last: tuple[str | None, int] | None,
        kind: str | None,
        shown: str,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        """Appends *shown* after the right break: a line break between lines of one table or code
        block that were adjacent in the input, a blank line otherwise. Returns the new ``last``."""
        if last is not None:
            joined = kind is not None and kind == last[0] and not _blank_line_between(self.text, last[1], start)
            out.append("\n" if joined else "\n\n")
        out.append(shown)
        return kind, end


def _indent(text: str, start: int) -> str:
    """The blanks a line of *text* starts with, before the character at *start*."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start]


def _blank_line_between(text: str, start: int, end: int) -> bool:
    between = text[start:end].split("\n")
    return any(not part.strip() for part in between[1:-1])


def render(text: str, spans: Iterable[tuple[int, int]], *, unwrap: bool = True, markdown: bool = False) -> str:
    """The body left when *spans* are taken out of the working *text*,
    segmented as the clean did (*unwrap*: see :func:`~cleanbody.text.segment.segment`)."""
    return render_blocks(text, segment(text, unwrap=unwrap), spans, markdown=markdown)
