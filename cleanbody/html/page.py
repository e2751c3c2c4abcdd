"""The HTML path up to text: parse, read what the markup says, run the DOM
stage, extract. The result is data (:class:`ExtractedPage`) for the pipeline,
which runs the text rules on it; nothing here calls back into the pipeline.

The timeout covers every step. Between steps the clock is read; a step that
cannot be interrupted (the parser, trafilatura) starts only if the time left
affords it at its slowest measured rate. When it does not, the page's words
are kept as they are, unextracted, and a note says so: time never costs text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from cleanbody.document import NO_DEADLINE, CaptionFound, Deadline, PageEvidence
from cleanbody.html.evidence import STANDFIRST_HINTS, read_evidence
from cleanbody.html.extract import extract, parse, too_deep
from cleanbody.html.metadata import DATE_HINTS, meta_tags, page_locale, read_metadata
from cleanbody.html.pagetype import THREAD_HINTS
from cleanbody.html.prune import drop_code, page_facts, prune
from cleanbody.input.markup import shallow, strip_tags
from cleanbody.model import Metadata, Removal
from cleanbody.text.dates import day_first
from cleanbody.text.normalize import squash

if TYPE_CHECKING:
    from cleanbody.rules import DomRule

#: Page types whose comment threads are the content: a forum thread's posts, a Q&A page's answers.
THREAD_TYPES = frozenset(("forum",))
#: The DOM rules that would take those posts out as a comment section.
_POSTS_TAKEN_BY = frozenset(("comment.section",))
# The slowest rates measured (CPU, one thread, a loaded machine) on WCXB dev
# pages over 50 kB, rounded down: parsing 11.5 M characters/s (117 pages;
# median 47 M/s), trafilatura's full extraction 0.88 M/s (median 5.2 M/s).
PARSE_CHARS_PER_S = 10_000_000
EXTRACT_CHARS_PER_S = 800_000
_TOO_DEEP_NOTE = (
    "the page nests elements deeper than the HTML parser reads; the tags below 150 levels were dropped"
    " (their text kept) to read it"
)
_NO_TIME_TO_PARSE = "the timeout left no time to parse the page: its text is kept with the tags stripped, unextracted"
_NO_TIME_TO_EXTRACT = "the timeout left no time to extract the main text: the page's whole text is kept, unextracted"


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
    """Read one HTML page within the deadline."""
    if not deadline.affords(len(html) / PARSE_CHARS_PER_S):
        return ExtractedPage(strip_tags(html), Metadata(url=url), PageEvidence(), notes=(_NO_TIME_TO_PARSE,))
    root = parse(html)
    notes: tuple[str, ...] = ()
    if root is not None and too_deep(root):
        # Everything after the deepest point was lost: read the page again, shallower.
        root, notes = parse(shallow(html)), (_TOO_DEEP_NOTE,)
    if root is None:
        return ExtractedPage(
            "", Metadata(url=url), PageEvidence(), notes=(*notes, "the input could not be parsed as HTML")
        )
    drop_code(root)
    body = root.find("body")
    hints = (*STANDFIRST_HINTS, *DATE_HINTS, *THREAD_HINTS, *(h for r in dom_rules for h in r.hints))
    facts = page_facts(body, hints) if body is not None else None
    meta = meta_tags(root)
    dates_day_first = day_first(page_locale(root, meta))
    metadata = read_metadata(
        root,
        meta,
        url,
        facts.named if facts else (),
        facts.chars if facts else 0,
        chars=len(html),
        deadline=deadline,
        day_first=dates_day_first,
    )
    evidence = read_evidence(root, facts, day_first=dates_day_first)
    thread = metadata.page_type in THREAD_TYPES
    if thread:
        dom_rules = [r for r in dom_rules if r.rule_id not in _POSTS_TAKEN_BY]
    removals, captions, stopped = prune(root, dom_rules, facts, deadline) if facts is not None else ([], [], False)
    if stopped:
        notes = (*notes, "the DOM rules stopped at the timeout: the elements they had not reached stay")
    text, note = _text(root, url, len(html), deadline, comments=thread)
    return ExtractedPage(text, metadata, evidence, tuple(removals), tuple(captions), (*notes, *note))


def _text(
    root: HtmlElement, url: str | None, chars: int, deadline: Deadline, *, comments: bool
) -> tuple[str, tuple[str, ...]]:
    """trafilatura's main text of the page, or all of its text when the time left cannot afford that."""
    if not deadline.affords(chars / EXTRACT_CHARS_PER_S):
        return _all_text(root), (_NO_TIME_TO_EXTRACT,)
    return extract(root, url, comments=comments), ()


def _all_text(root: HtmlElement) -> str:
    """Every text node of the page's body on a line of its own (a naive scrape's layout)."""
    body = root.find("body")
    nodes = (squash(t) for t in (body if body is not None else root).itertext())
    return "\n".join(t for t in nodes if t)
