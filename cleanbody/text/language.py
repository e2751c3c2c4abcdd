"""Guess the body's language from its script and commonest words.

A small, dependency-free guess: script decides for CJK, Cyrillic, Arabic,
Hebrew, Greek, Thai, Devanagari; otherwise the language whose stop words
cover most tokens wins, if they cover enough to be meaningful.
"""

from __future__ import annotations

import re
from collections import Counter

import regex

_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("el", regex.compile(r"\p{Greek}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
)
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# Runs of letters (word characters but digits and "_"); the stdlib does this
# twice as fast as ``regex`` and it runs on every document.
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_LATIN = regex.compile(r"[^\p{Latin}]+")

_STOPWORDS = {
    "en": "the and of to in is that for it with was on as are be this by at from have",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "fr": "le la les de des et en un une du est que pour dans qui sur au pas par",
    "es": "el la de que y en los del se las por un para con una es al lo como",
    "pt": "de que e do da em um para com não uma os no se na por mais as dos",
    "it": "di che il la e per un in del non una sono le della con si al da",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er ook",
    "pl": "i w na z się nie do to że jest o jak a po od za przez",
    "id": "yang dan di dari ini itu dengan untuk tidak dalam akan pada juga ke",
    "sv": "och i att det som en på är av för med till den har inte om",
    "ru": "и в не на что с по как это он к из то а за от",
    "uk": "і в на що не з до як це та за від у й",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_SAMPLE = 3_000


def detect_language(text: str) -> str | None:
    sample = text[:_SAMPLE]
    tokens = _LETTERS.findall(sample.lower())
    letters = sum(map(len, tokens))
    if letters < 20:
        return None
    if not sample.isascii() and len(_NOT_LATIN.sub("", sample)) < 0.8 * letters:
        for lang, pattern in _SCRIPTS:
            if len(pattern.findall(sample)) > 0.2 * letters:
                return lang
    candidates: tuple[str, ...]
    if not sample.isascii() and len(_CYRILLIC.findall(sample)) > 0.5 * letters:
        candidates = ("ru", "uk")
    else:
        candidates = tuple(lang for lang in _STOP_SETS if lang not in ("ru", "uk"))
    counts = Counter(tokens)
    scores = {lang: sum(counts[w] for w in _STOP_SETS[lang]) for lang in candidates}
    best = max(scores, key=lambda lang: (scores[lang], lang))
    return best if scores[best] >= max(3, 0.08 * len(tokens)) else None
