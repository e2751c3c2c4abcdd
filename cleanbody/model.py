"""The public results: plain, frozen data returned to callers.

Everything here is immutable so a result can be shared across threads and
pickled to worker processes without surprises.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from cleanbody.text.render import render

#: Where a removal was made: in the working text, or in the HTML tree before extraction.
Stage = Literal["text", "dom"]
#: What the document was cleaned as.
Kind = Literal["html", "text", "markdown"]
#: How the working text was split into paragraphs: ``"wrapped"`` joins the
#: hard-wrapped lines of a paragraph (plain text), ``"lines"`` takes every
#: line as its own paragraph (trafilatura's output on the HTML path);
#: ``"markdown"`` is split as ``"wrapped"`` and rendered in the input's own
#: layout (see :func:`~cleanbody.text.render.render_blocks`).
Segmentation = Literal["wrapped", "lines", "markdown"]


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption taken out of the body, with its credit split off."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """One span taken out, with the rule that took it and why.

    Text-stage removals (``stage="text"``) have ``start``/``end`` offsets
    into ``CleanResult.working_text``. DOM-stage removals (``stage="dom"``)
    were taken out of the HTML before extraction, so their text never
    reached the working text: they have no offsets, and ``where`` names the
    element and its parent (``div.share-bar > svg``).
    """

    rule_id: str
    reason: str
    text: str
    start: int | None
    end: int | None
    stage: Stage = "text"
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None
    #: ``article``, ``forum``, ``product``, ``collection``, ``listing`` or
    #: ``documentation`` when the page's markup says so (see
    #: :mod:`cleanbody.html.pagetype`), else None.
    page_type: str | None = None


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The clean body, what we learned about the page, and what we removed.

    ``working_text`` is the normalised text that ``removed`` offsets point
    into: the input itself for plain text, the extracted text for HTML;
    ``segmentation`` says how it was split into paragraphs. The two and the
    text-stage removals are all :meth:`replay` needs to rebuild ``text``.
    """

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()
    kind: Kind = "text"
    working_text: str = field(default="", repr=False)
    segmentation: Segmentation = field(default="wrapped", repr=False)

    def replay(self) -> str:
        """The body rebuilt from ``working_text`` minus the text-stage
        removals: always equal to ``text``, so the report is the whole story."""
        spans = [(r.start, r.end) for r in self.removed if r.start is not None and r.end is not None]
        return render(
            self.working_text, spans, unwrap=self.segmentation != "lines", markdown=self.segmentation == "markdown"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (the working text is left out: it is the input)."""
        return {
            "text": self.text,
            "kind": self.kind,
            "metadata": {**asdict(self.metadata), "authors": list(self.metadata.authors)},
            "captions": [asdict(c) for c in self.captions],
            "removed": [asdict(r) for r in self.removed],
            "notes": list(self.notes),
        }

    def explain(self, width: int = 72) -> str:
        """A table a person can read: one line per removal (offsets, rule,
        reason) with the text it took under it, then captions and notes."""
        lines = [
            f"kind: {self.kind}; kept {len(self.text)} of {len(self.working_text)} characters; "
            f"{len(self.removed)} removals, {len(self.captions)} captions"
        ]
        if self.removed:
            id_width = max(len(r.rule_id) for r in self.removed)
            for r in self.removed:
                where = f"{r.start:>7}-{r.end:<7}" if r.start is not None else f"{'dom':>7} {'':<7}"
                lines.append(f"{where} {r.rule_id:<{id_width}}  {r.reason}")
                lines.append(f"{'':>16}{'':<{id_width}}  | {_clip(r.text, width)}")
        for caption in self.captions:
            credit = f" [credit: {caption.credit}]" if caption.credit else ""
            lines.append(f"caption: {_clip(caption.text, width)}{credit}")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
