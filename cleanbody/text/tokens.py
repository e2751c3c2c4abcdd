"""Word counting shared by segmentation, analysis and rules.

A CJK, kana or hangul character counts as half a word: the scripts have no
spaces, and two characters carry about what one English word does.
"""

from __future__ import annotations

import re

import regex

_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LETTER = regex.compile(r"\p{L}")
# On ASCII text the pattern above is plain \w+, which the stdlib matches
# twice as fast; word counting runs on every block, so it is worth it.
_ASCII_WORD = re.compile(r"\w+", re.ASCII)


def words(text: str) -> list[str]:
    """Word tokens of *text* (each CJK character is its own token)."""
    return _WORD.findall(text)


def word_count(text: str) -> float:
    """Words in *text*, with a CJK character counted as half a word."""
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    tokens = len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    return (tokens - cjk) + cjk / 2


def has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None
