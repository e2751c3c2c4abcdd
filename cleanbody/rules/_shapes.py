"""Small recognisers on a block's text that several rules share."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleanbody.document import Strength
from cleanbody.tokens import lower_words
from cleanbody.vocabulary import NOT_MID_WHITESPACE

_SEPARATORS = regex.compile(rf"{NOT_MID_WHITESPACE}\s*(?:[|/•·,;:–—]|\s-\s)\s*")


def made_of(words: Sequence[str], vocabulary: frozenset[str], max_words: int) -> bool:
    """True if there are 1..max_words *words*, every one from *vocabulary*."""
    return 0 < len(words) <= max_words and all(w in vocabulary for w in words)


def certain_or_likely(words: Sequence[str], strong: frozenset[str]) -> Strength:
    """Certain if one of the *strong* words is there, else only likely.

    Vocabulary rules match lines made only of UI words; a line of weak ones
    ("Close to home", "Time off") can also be a subheading.
    """
    return Strength.LIKELY if strong.isdisjoint(words) else Strength.CERTAIN


def split_items(text: str) -> list[str]:
    """Split a footer-like line on separators (``|``, ``/``, ``•``, ``,`` ...)."""
    return [p for p in _SEPARATORS.split(text.strip()) if p]


def word_set(*groups: tuple[str, ...]) -> frozenset[str]:
    """Every single word of the phrases in *groups*, lower-cased."""
    return frozenset(w for group in groups for phrase in group for w in lower_words(phrase))


def _key(text: str) -> str:
    return " ".join(lower_words(text))


def is_page_text(text: str, declared: tuple[str, ...]) -> bool:
    """Equal to a text the page declares (a title, a standfirst), or to its
    part before or after a separator ("Headline | Site", "Site - Headline")."""
    key = _key(text)
    if len(key) < 8:
        return False
    for title in declared:
        other = _key(title)
        if key == other or other.startswith(key + " ") or other.endswith(" " + key):
            return True
    return False
