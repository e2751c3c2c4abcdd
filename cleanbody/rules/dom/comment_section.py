"""Reader comment sections and their forms.

What it removes:
    Elements whose class or id names comments (``id="comments"``,
    ``class="comment-list"``, ``disqus_thread``, WordPress's ``respond``
    reply form).
What it keeps:
    Live commentary (``class="live-match-comment"``, a live blog's
    entries): there the "comments" are the article. A container that holds
    a large share of the page's text (``class="post
    has-comments"`` around the article itself).
Why:
    Comment threads are the largest source of noise trafilatura keeps by
    default; they are other people's text, not the article.
Examples:
    remove: ``<section id="comments"><p>Great article!</p></section>``
    keep: ``<div class="live-match-comments">`` (live commentary is the article)
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import holds_article, named_like

_NAMES = regex.compile(
    r"(?<![a-z])(?:comments?|comment-?(?:list|form|area|thread)s?|disqus(?:_thread)?|respond)(?![a-z])"
)

_HINTS = ("comment", "disqus", "respond")


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    for element in named_like(page, _NAMES):
        live = "live" in f"{element.get('class', '')} {element.get('id', '')}".lower()
        if not live and not holds_article(element, page):
            yield DomFinding(element, "reader comment section (named so in its class or id)")


RULE = DomRule(
    rule_id="comment.section",
    find=find,
    hints=_HINTS,
)
