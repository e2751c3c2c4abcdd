"""The HTML path up to text: parse, read what the markup says, run the DOM
stage, extract. The result is data (:class:`ExtractedPage`) for the pipeline,
which runs the text rules on it; nothing here calls back into the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cleanbody.document import NO_DEADLINE, CaptionFound, Deadline, PageEvidence
from cleanbody.html.evidence import STANDFIRST_HINTS, read_evidence
from cleanbody.html.extract import extract, flatten, parse, too_deep
from cleanbody.html.metadata import DATE_HINTS, read_metadata
from cleanbody.html.prune import drop_code, page_facts, prune
from cleanbody.model import Metadata, Removal

if TYPE_CHECKING:
    from cleanbody.rules import DomRule

#: Extracted text shorter than this is extracted again with the fallback.
RESCUE_CHARS = 500
_TOO_DEEP_NOTE = "the page nests elements deeper than the HTML parser reads; its container tags were dropped to read it"


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What the HTML path hands the text rules: trafilatura's text (one
    paragraph per line), the page's declared metadata and the evidence its
    markup gives about the text, and what the DOM stage took out."""

    text: str
    metadata: Metadata
    evidence: PageEvidence
    removals: tuple[Removal, ...] = ()
    captions: tuple[CaptionFound, ...] = ()
    notes: tuple[str, ...] = ()


def extract_page(
    html: str, dom_rules: Sequence[DomRule], *, url: str | None = None, deadline: Deadline = NO_DEADLINE
) -> ExtractedPage:
    """Read one HTML page. A page nested deeper than the parser reads, whose
    extraction came out short, is read once more without its container tags."""
    page, deep = _read(html, dom_rules, url, deadline)
    if not deep:
        return page
    flat, _ = _read(flatten(html), dom_rules, url, deadline)
    return replace(flat, notes=(_TOO_DEEP_NOTE, *flat.notes))


def _read(html: str, dom_rules: Sequence[DomRule], url: str | None, deadline: Deadline) -> tuple[ExtractedPage, bool]:
    """The page, and whether it came out short because the parse lost what lay too deep."""
    root = parse(html)
    if root is None:
        unread = ExtractedPage("", Metadata(url=url), PageEvidence(), notes=("the input could not be parsed as HTML",))
        return unread, False
    drop_code(root)
    body = root.find("body")
    hints = (*STANDFIRST_HINTS, *DATE_HINTS, *(h for r in dom_rules for h in r.hints))
    facts = page_facts(body, hints) if body is not None else None
    metadata = read_metadata(root, url, facts.named if facts is not None else ())
    evidence = read_evidence(root, facts)
    removals, captions = prune(root, dom_rules, facts) if facts is not None else ([], [])
    text = extract(root, url)
    if len(text) < RESCUE_CHARS and not deadline.passed():
        # So little text usually means the fast extraction picked the wrong
        # container; trafilatura's readability/jusText fallback then finds
        # the article on most such pages (measured: +18 must-have snippets
        # of 2951 on trafilatura-eval, for re-running on 5% of its pages).
        text = extract(root, url, fallback=True)
    page = ExtractedPage(text, metadata, evidence, tuple(removals), tuple(captions))
    return page, len(text) < RESCUE_CHARS and too_deep(root)
