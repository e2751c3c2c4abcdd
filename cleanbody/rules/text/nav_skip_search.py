"""Skip links, search boxes, menu toggles and other controls.

What it removes:
    "Skip to main content", "Search", "Search SlashGear", "Toggle Mobile
    Menu", "Open the menu Menu", "Back to top", "Loading...".
What it keeps:
    Any line with a word outside the controls' vocabulary, so "Search
    teams found the boat on Monday." stays; a line of weak control words
    only ("Close to home") is a likely finding, kept between paragraphs.
Why:
    Accessibility links and widget labels are the first and last lines of
    most scrapes and never belong to the article.
Examples:
    remove: "Skip to main content"
    remove: "Toggle Mobile Menu"
    keep: "Search teams found the boat on Monday."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import certain_or_likely, made_of, word_set
from cleanbody.vocabulary import SKIP_PHRASES

_VOCABULARY = word_set(
    SKIP_PHRASES,
    (
        "the",
        "a",
        "to",
        "for",
        "this",
        "site",
        "mobile",
        "nav",
        "bar",
        "button",
        "dialog",
        "panel",
        "sidebar",
        "overlay",
        "window",
        "page",
    ),
)
_SEARCH_SITE = regex.compile(r"^\W*[Ss]earch\s+(?:\p{Lu}[\p{L}.]*\s*){1,3}\W*$")
_STRONG = frozenset(
    (
        "skip",
        "toggle",
        "menu",
        "search",
        "navigation",
        "nav",
        "loading",
        "javascript",
        "browser",
        "sitemap",
        "top",
        "sections",
        "edition",
        "language",
    )
)
_MAX_WORDS = 6


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.words(block.index)
    if _SEARCH_SITE.match(block.text):
        return (block_finding(block, "site search box"),)
    if made_of(words, _VOCABULARY, _MAX_WORDS):
        strength = certain_or_likely(words, _STRONG)
        return (block_finding(block, "skip link, search box or menu control", strength=strength),)
    return ()


RULE = Rule(
    rule_id="nav.skip-search",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
