"""The HTML path: parse, prune the DOM, extract, then the text rules."""

from __future__ import annotations

from collections.abc import Sequence

from cleanbody._pipeline import clean_text
from cleanbody.config import Config
from cleanbody.html.evidence import STANDFIRST_HINTS, read_evidence
from cleanbody.html.extract import extract, parse
from cleanbody.html.metadata import read_metadata
from cleanbody.html.prune import page_facts, prune
from cleanbody.html.rules._base import DomRule
from cleanbody.model import CleanResult, Metadata
from cleanbody.rules._base import PageEvidence, Rule


def clean_html(
    html: str,
    rules: Sequence[Rule],
    dom_rules: Sequence[DomRule],
    config: Config,
    *,
    url: str | None = None,
    notes: Sequence[str] = (),
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
    body = root.find("body")
    facts = (
        page_facts(body, (*STANDFIRST_HINTS, *(h for r in dom_rules for h in r.hints))) if body is not None else None
    )
    evidence = read_evidence(root, facts)
    base = read_metadata(root, url)
    dom_removals, captions = prune(root, dom_rules, facts) if facts is not None else ([], [])
    import os

    text = extract(root, url, fallback=bool(os.environ.get("CB_FALLBACK")))
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
    )
