"""Turn the working text minus the removed spans into the body.

Rendering needs only the working text, how it was segmented and the spans,
so anyone holding a result can replay it (:meth:`cleanbody.CleanResult.replay`).
"""

from __future__ import annotations

from collections.abc import Iterable

from cleanbody.document import Block
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


def render_blocks(text: str, blocks: Iterable[Block], spans: Iterable[tuple[int, int]]) -> str:
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


def render(text: str, spans: Iterable[tuple[int, int]], *, unwrap: bool = True) -> str:
    """The body left when *spans* are taken out of the working *text*,
    segmented as the clean did (*unwrap*: see :func:`~cleanbody.text.segment.segment`)."""
    return render_blocks(text, segment(text, unwrap=unwrap), spans)
