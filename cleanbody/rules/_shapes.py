"""Small predicates on a block's text that several rules share."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from cleanbody.model import Strength

# Letters or digits, then word characters and the joiners of names and
# numbers ("o'neill", "ap-photo", "b&q"); stdlib ``re``, for speed on every block.
_WORDS = re.compile(r"[^\W_][\w'’+&.-]*")
_SEPARATORS = regex.compile(r"\s*(?:[|/•·,;:–—]|\s-\s)\s*")


def lower_words(text: str) -> list[str]:
    return [w.rstrip(".") for w in _WORDS.findall(text.lower())]


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
