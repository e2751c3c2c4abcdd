"""Plain, frozen data passed between the stages and returned to callers.

Everything here is immutable so a result can be shared across threads and
pickled to worker processes without surprises.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


class Strength(enum.Enum):
    """How much evidence a rule's finding carries on its own."""

    #: The pattern alone is proof (``"Advertisement"`` on a line of its own).
    CERTAIN = "certain"
    #: The pattern needs support from context before the span is removed.
    LIKELY = "likely"


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"


class Block(NamedTuple):
    """A paragraph, heading or list item of the working text.

    ``lines`` holds the ``(start, end)`` offsets of the physical lines that
    make up the block (hard-wrapped lines of one paragraph are one block);
    ``text`` is those lines stripped and joined with single spaces. A named
    tuple rather than a dataclass: one is made per line of input, and tuples
    are several times cheaper to build.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index, which blocks never need
    start: int
    end: int
    text: str
    lines: tuple[tuple[int, int], ...]
    kind: BlockKind = BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption taken out of the body, with its credit split off."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the working text and why it is noise.

    ``harvest`` carries what the span tells us about the page (an author,
    a date, a caption) so removing it does not lose the information.
    """

    start: int
    end: int
    reason: str
    strength: Strength | None = None
    harvest: tuple[tuple[str, Any], ...] = ()


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
    stage: str = "text"
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


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The clean body, what we learned about the page, and what we removed.

    ``working_text`` is the normalised text that ``removed`` offsets point
    into: the input itself for plain text, the extracted text for HTML.
    """

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()
    kind: str = "text"
    working_text: str = field(default="", repr=False)

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
        """A table a person can read: every removal, its rule and its reason."""
        from cleanbody.explain import explain

        return explain(self, width=width)
