"""The word tokenizer, in the two views the stages need.

``word_count`` measures a block (segmentation, the main-text search, rule
gates): a CJK, kana or hangul character counts as half a word, since those
scripts have no spaces and two characters carry about what one English word
does. ``lower_words`` gives the words a rule compares with its vocabulary:
lower-cased, with the joiners of names and numbers kept inside a word
("o'neill", "ap-photo", "b&q") and a trailing full stop dropped.
"""

from __future__ import annotations

import re

import regex

_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# On ASCII text the pattern above is plain \w+, which the stdlib matches
# twice as fast; word counting runs on every block, so it is worth it.
_ASCII_WORD = re.compile(r"\w+", re.ASCII)
# Letters or digits, then word characters and the joiners; stdlib ``re``,
# for speed on every short block.
_VOCABULARY_WORD = re.compile(r"[^\W_][\w'’+&.-]*")


def word_count(text: str) -> float:
    """Words in *text*, with a CJK character counted as half a word."""
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    tokens = len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    return (tokens - cjk) + cjk / 2


def lower_words(text: str) -> list[str]:
    """The lower-cased words of *text*, as vocabularies are matched against them."""
    return [w.rstrip(".") for w in _VOCABULARY_WORD.findall(text.lower())]
