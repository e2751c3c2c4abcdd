"""The HTML path: parse, prune the DOM, extract, then the text rules."""

from __future__ import annotations

from collections.abc import Sequence

from cleanbody._pipeline import NO_DEADLINE, Deadline, clean_text
from cleanbody.config import Config
from cleanbody.html.evidence import STANDFIRST_HINTS, read_evidence
from cleanbody.html.extract import extract, flatten, parse, too_deep
from cleanbody.html.metadata import DATE_HINTS, read_metadata
from cleanbody.html.prune import drop_code, page_facts, prune
from cleanbody.html.rules._base import DomRule
from cleanbody.model import CleanResult, Metadata
from cleanbody.rules._base import PageEvidence, Rule

#: Extracted text shorter than this is extracted again with the fallback.
RESCUE_CHARS = 500


def clean_html(
    html: str,
    rules: Sequence[Rule],
    dom_rules: Sequence[DomRule],
    config: Config,
    *,
    url: str | None = None,
    notes: Sequence[str] = (),
    deadline: Deadline = NO_DEADLINE,
    flattened: bool = False,
) -> CleanResult:
    """Clean one HTML page; the tree is parsed once and shared by every stage."""
    root = parse(html)
    if root is None:
        return clean_text(
            "",
            rules,
            config,
            url=url,
            kind="html",
            base=Metadata(url=url),
            notes=(*notes, "the input could not be parsed as HTML"),
            page=PageEvidence(),
        )
    drop_code(root)
    body = root.find("body")
    hints = (*STANDFIRST_HINTS, *DATE_HINTS, *(h for r in dom_rules for h in r.hints))
    facts = page_facts(body, hints) if body is not None else None
    base = read_metadata(root, url, facts.named if facts is not None else ())
    evidence = read_evidence(root, facts)
    dom_removals, captions = prune(root, dom_rules, facts) if facts is not None else ([], [])
    text = extract(root, url)
    if len(text) < RESCUE_CHARS and not deadline.passed():
        # So little text usually means the fast extraction picked the wrong
        # container; trafilatura's readability/jusText fallback then finds
        # the article on most such pages (measured: +18 must-have snippets
        # of 2951 on trafilatura-eval, for re-running on 5% of its pages).
        text = extract(root, url, fallback=True)
    if len(text) < RESCUE_CHARS and not flattened and too_deep(root):
        note = "the page nests elements deeper than the HTML parser reads; its container tags were dropped to read it"
        return clean_html(
            flatten(html), rules, dom_rules, config, url=url, notes=(*notes, note), deadline=deadline, flattened=True
        )
    return clean_text(
        text,
        rules,
        config,
        url=url,
        kind="html",
        base=base,
        notes=notes,
        page=evidence,
        dom_removals=dom_removals,
        dom_captions=captions,
        deadline=deadline,
    )
