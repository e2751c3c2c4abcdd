"""Human-readable report of a :class:`~cleanbody.model.CleanResult`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleanbody.model import CleanResult


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def explain(result: CleanResult, width: int = 72) -> str:
    """Return one line per removal (offsets, rule, reason, text) plus notes."""
    kept = len(result.text)
    lines = [
        f"kind: {result.kind}; kept {kept} of {len(result.working_text)} characters; "
        f"{len(result.removed)} removals, {len(result.captions)} captions"
    ]
    if result.removed:
        id_width = max(len(r.rule_id) for r in result.removed)
        for r in result.removed:
            where = f"{r.start:>7}-{r.end:<7}" if r.start is not None else f"{'dom':>7} {'':<7}"
            lines.append(f"{where} {r.rule_id:<{id_width}}  {r.reason}")
            lines.append(f"{'':>16}{'':<{id_width}}  | {_clip(r.text, width)}")
    for caption in result.captions:
        credit = f" [credit: {caption.credit}]" if caption.credit else ""
        lines.append(f"caption: {_clip(caption.text, width)}{credit}")
    lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines)
