"""Inline SVG drawings, with the titles and descriptions inside them.

What it removes:
    Every ``<svg>`` element. Its ``<title>``/``<desc>`` text ("Facebook An
    icon of the Facebook "f" mark") is read aloud by screen readers and leaks
    into text scrapes as a wall of icon names.
What it keeps:
    Images given as ``<img>`` are not text and are left to the extractor.
Why:
    An inline SVG is a picture; whatever text it holds describes the picture.
Examples:
    remove: ``<svg><title>Facebook</title><desc>An icon of the Facebook "f" mark.</desc></svg>``
    keep: ``<img alt="The old bridge">`` (not text: left to the extractor)
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    for svg in root.iter("svg"):
        yield DomFinding(svg, "inline SVG drawing: its title/description names an icon")


RULE = DomRule(
    rule_id="icon.svg-element",
    find=find,
)
