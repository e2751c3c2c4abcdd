"""Word counting shared by segmentation, analysis and rules.

A CJK, kana or hangul character counts as half a word: the scripts have no
spaces, and two characters carry about what one English word does.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LETTER = regex.compile(r"\p{L}")


def words(text: str) -> list[str]:
    """Word tokens of *text* (each CJK character is its own token)."""
    return _WORD.findall(text)


def word_count(text: str) -> float:
    """Words in *text*, with a CJK character counted as half a word."""
    tokens = len(_WORD.findall(text))
    if text.isascii():
        return tokens
    cjk = len(_CJK.findall(text))
    return (tokens - cjk) + cjk / 2


def has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None
