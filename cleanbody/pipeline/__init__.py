"""The whole story of one clean, for every kind of input, in one place.

1. **Read** (:mod:`cleanbody.input`): bytes decoded, long input cut, HTML
   told from text.
2. **Extract** (HTML only, :mod:`cleanbody.html`): the page parsed, its
   metadata and evidence read, the DOM rules run, trafilatura's text taken.
3. **Analyze** (:mod:`cleanbody.text.analyze`): the working text split into
   blocks, each measured.
4. **Detect** (:mod:`~cleanbody.pipeline.detect`, on the schedule of
   :mod:`~cleanbody.pipeline.plan`): the text rules find spans, the main
   text is located between their phases.
5. **Decide** (:mod:`~cleanbody.pipeline.decide`): which findings become
   removals.
6. **Render** (:mod:`cleanbody.text.render`) and fill the metadata the page
   did not declare from what the removed spans said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from cleanbody.config import Config
from cleanbody.document import Author, CaptionFound, Date, Deadline, Harvest, Sitename, Title
from cleanbody.html.page import ExtractedPage, extract_page
from cleanbody.input import InputKind, read_input
from cleanbody.model import Caption, CleanResult, Metadata, Segmentation
from cleanbody.pipeline.decide import decide, text_spans
from cleanbody.pipeline.detect import detect
from cleanbody.text.analyze import analyze
from cleanbody.text.language import detect_language
from cleanbody.text.render import render_blocks

if TYPE_CHECKING:
    from cleanbody.rules import DomRule, Rule


def run(
    doc: str | bytes,
    rules: Sequence[Rule],
    dom_rules: Sequence[DomRule],
    config: Config,
    *,
    url: str | None = None,
    kind: InputKind = "auto",
    encoding: str | None = None,
) -> CleanResult:
    """Clean one document with the chosen rules; the arguments are already checked."""
    deadline = Deadline.after(config.timeout)
    read = read_input(doc, kind, config.max_chars, encoding)
    if read.text is None:
        return CleanResult(text="", notes=read.notes)
    page = extract_page(read.text, dom_rules, url=url, deadline=deadline) if read.kind == "html" else None
    # trafilatura writes one paragraph per line and never wraps them.
    segmentation: Segmentation = "lines" if page else "markdown" if read.kind == "markdown" else "wrapped"
    ctx = analyze(page.text if page else read.text, page.evidence if page else None, unwrap=segmentation != "lines")
    if page is not None:
        rules = [r for r in rules if page.metadata.page_type not in r.not_on]
    detection = detect(ctx, rules, deadline)
    decision = decide(detection.ctx, detection.candidates, config.favor)
    body = render_blocks(
        detection.ctx.text, detection.ctx.blocks, text_spans(decision.removals), markdown=segmentation == "markdown"
    )
    harvest = (*(page.captions if page else ()), *decision.harvest)
    notes = [*read.notes, *(page.notes if page else ()), *decision.notes]
    if detection.cut_short:
        notes.append(f"stopped after the {config.timeout} s timeout: only certain findings made before it were removed")
    if not ctx.blocks:
        notes.append("the input has no text")
    elif not body:
        notes.append("no body text was left")
    return CleanResult(
        text=body,
        metadata=_metadata(harvest, body, url, page),
        captions=_captions(harvest),
        removed=(*(page.removals if page else ()), *decision.removals),
        notes=tuple(notes),
        kind=read.kind,
        working_text=ctx.text,
        segmentation=segmentation,
    )


def _metadata(harvest: Sequence[Harvest], body: str, url: str | None, page: ExtractedPage | None) -> Metadata:
    """What the page declares, filled from what the removed spans said."""
    base = page.metadata if page else Metadata()
    return replace(
        base,
        title=base.title or next((h.text for h in harvest if isinstance(h, Title)), None),
        authors=base.authors or tuple(dict.fromkeys(h.name for h in harvest if isinstance(h, Author))),
        date=base.date or next((h.iso for h in harvest if isinstance(h, Date)), None),
        sitename=base.sitename or next((h.name for h in harvest if isinstance(h, Sitename)), None),
        url=url or base.url,
        language=base.language or detect_language(body),
    )


def _captions(harvest: Sequence[Harvest]) -> tuple[Caption, ...]:
    """Each caption once, in order of appearance (a page often shows one twice)."""
    seen: dict[str, Caption] = {}
    for h in harvest:
        if isinstance(h, CaptionFound) and h.text not in seen:
            seen[h.text] = Caption(h.text, h.credit)
    return tuple(seen.values())
