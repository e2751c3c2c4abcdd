"""Share, follow and print buttons, found by their class or id.

What it removes:
    Short elements named as share or follow widgets (``class="share-bar"``,
    ``addthis_toolbox``, ``social-links``, ``print-button``): "Share on
    Facebook", "Tweet", "Email", "Print this article".
What it keeps:
    Anything with more than a few dozen words: a container named
    ``social`` may hold an embedded post that is part of the article.
Why:
    Widget labels are UI, and every state of the widget ("Link copied!")
    leaks into text extraction.
Examples:
    remove: ``<div class="share-bar"><a>Share on Facebook</a> <a>Tweet</a></div>``
    keep: ``<p>The company said it would share the data with regulators.</p>``
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import element_words, named_like

_NAMES = regex.compile(
    r"(?<![a-z])(?:share|shares|sharing|sharebar|share-?(?:buttons?|tools|links|icons|bar)|addthis\w*|sharethis\w*"
    r"|shareaholic|a2a_kit|social-?(?:share|sharing|links?|icons?|buttons?|bar|follow|media-links|networks?)"
    r"|follow-?us|print-?(?:button|link|article|page)|reprints?)(?![a-z])"
)
_MAX_WORDS = 40

_HINTS = ("shar", "social", "addthis", "a2a", "follow", "print", "reprint")


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    for element in named_like(page, _NAMES):
        if element_words(element) <= _MAX_WORDS:
            yield DomFinding(element, "share / follow / print widget (named so in its class or id)")


RULE = DomRule(
    rule_id="share.widget",
    find=find,
    hints=_HINTS,
)
