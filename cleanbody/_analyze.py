"""Measure blocks and find the main text: the stretch of the page where the
article is.

A naive scrape is mostly menus, teasers and footers around one dense run of
prose. Each block gets a weight, positive for prose (its word count) and
negative for everything else (more negative the longer a non-sentence is),
and the main text is the contiguous run of blocks with the largest total
weight (the maximum-subarray problem, solved in one linear pass). Short
sentences touching that run are pulled in, so a clean article's closing
one-liner is not cut off. The weights use only the block's own shape, never
what certain findings already took, never on likely ones.
"""

from __future__ import annotations

import regex

from cleanbody.model import Block
from cleanbody.rules._base import BlockStats
from cleanbody.rules._shapes import lower_words
from cleanbody.text.tokens import word_count

_TERMINAL = regex.compile(r"[.!?。！？…\"”’»]\W{0,3}$")
_LOWER_WORD = regex.compile(r"\b\p{Ll}{2,}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

PROSE_MIN_WORDS = 12
LONG_BLOCK_WORDS = 25
SHORT_BLOCK_WORDS = 45
_SCORE_CAP = 150.0
_PENALTY_WORDS_CAP = 20


def _sentence_like(text: str) -> bool:
    """Has lower-case words (or CJK), i.e. is not a Title Case label."""
    return _LOWER_WORD.search(text) is not None or _CJK.search(text) is not None


def block_stats(block: Block) -> BlockStats:
    text = block.text
    words = word_count(text)
    terminal = _TERMINAL.search(text[-8:]) is not None
    sentence = _sentence_like(text)
    prose = sentence and ((words >= PROSE_MIN_WORDS and terminal) or words >= LONG_BLOCK_WORDS)
    if prose:
        score = min(words, _SCORE_CAP)
    elif terminal and sentence and 4 <= words <= PROSE_MIN_WORDS:
        score = -1.0
    else:
        score = -(2.0 + 0.5 * min(words, _PENALTY_WORDS_CAP))
    short_words = tuple(lower_words(text)) if words <= SHORT_BLOCK_WORDS else ()
    return BlockStats(words=words, terminal=terminal, prose=prose, score=score, short_words=short_words)


def main_span(stats: tuple[BlockStats, ...], noise: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """Indices (first, last) of the heaviest run of blocks, or None without prose.

    Blocks in *noise* (wholly taken by a certain finding) weigh at most zero:
    an icon wall or a cookie banner is prose-shaped but must not pull the
    main text towards it.
    """
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, s in enumerate(stats):
        score = min(s.score, 0.0) if i in noise else s.score
        if run <= 0:
            run, run_start = score, i
        else:
            run += score
        if run > best:
            best, best_span = run, (run_start, i)
    if best_span is None:
        return None
    first, last = best_span
    while first > 0 and first - 1 not in noise and _touching_sentence(stats[first - 1]):
        first -= 1
    while last + 1 < len(stats) and last + 1 not in noise and _touching_sentence(stats[last + 1]):
        last += 1
    return first, last


def _touching_sentence(s: BlockStats) -> bool:
    return s.terminal and s.score >= -1.0
