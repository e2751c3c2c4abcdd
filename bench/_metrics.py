"""Scores for the plain-text benchmark, kept apart from the runner so tests can
import them.

``shingle_scores`` reproduces the Zyte article-extraction-benchmark's
``evaluate.py`` (scrapinghub/article-extraction-benchmark) so that our numbers
can be put next to the published ones; ``line_scores`` uses the benchmark's
per-line ``content``/``noise`` labels to say *which* lines were kept or lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

# evaluate.py also passes IGNORECASE, which changes nothing for \w+, so tokens
# stay case-sensitive.
_TOKEN_RE = re.compile(r"\w+")
SHINGLE_N = 4


@dataclass(frozen=True)
class PageCounts:
    """One page's shingle tp/fp/fn, normalised to sum to 1 (or all 0 when
    both texts are empty) so that long pages do not outweigh short ones."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """Per-page precision with evaluate.py's conventions for empty sides."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Per-page recall, the mirror image of :attr:`precision`."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1, only for ranking pages in error analysis (the corpus F1
        is taken from the mean P and R, not from these)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; 1..n-1 tokens give one short shingle and
    an empty text gives none, exactly as evaluate.py's ``_ngrams``."""
    tokens = _TOKEN_RE.findall(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(expected: str, predicted: str) -> PageCounts:
    """Shingle tp/fp/fn of one prediction against its ground truth."""
    true, pred = shingles(expected), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def corpus_scores(pages: Iterable[PageCounts]) -> tuple[float, float, float]:
    """(P, R, F1) over pages as evaluate.py: P averages pages with a non-empty
    prediction, R pages with a non-empty truth, F1 comes from the two means.

    evaluate.py would crash on an empty mean; here it scores 0 so that a tiny
    ``--limit`` run still prints a row.
    """
    pages = list(pages)
    ps = [c.precision for c in pages if c.tp + c.fp > 0]
    rs = [c.recall for c in pages if c.tp + c.fn > 0]
    p = fmean(ps) if ps else 0.0
    r = fmean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """(P, R, F1) of ``(expected, predicted)`` text pairs, one pair per page."""
    return corpus_scores(page_counts(expected, predicted) for expected, predicted in pairs)


def squash(text: str) -> str:
    """Collapse whitespace runs to one space and trim, so that re-indenting or
    re-wrapping a line does not count as dropping it."""
    return " ".join(text.split())


@dataclass(frozen=True)
class LineCounts:
    """Labelled lines of one or more pages, by label and by kept/dropped.

    Plain counts rather than ratios so that pages add up (micro-average)."""

    kept_content: int = 0
    kept_noise: int = 0
    content: int = 0

    def __add__(self, other: LineCounts) -> LineCounts:
        return LineCounts(
            self.kept_content + other.kept_content,
            self.kept_noise + other.kept_noise,
            self.content + other.content,
        )

    @property
    def precision(self) -> float:
        """Share of kept lines that are content; 0 when nothing was kept."""
        kept = self.kept_content + self.kept_noise
        return self.kept_content / kept if kept else 0.0

    @property
    def recall(self) -> float:
        """Share of content lines that were kept; 1 when there are none."""
        return self.kept_content / self.content if self.content else 1.0


def line_counts(lines: Sequence[tuple[str, bool]], output: str) -> LineCounts:
    """Count ``(line text, is_content)`` labels against one output text.

    A line is kept when its squashed text is a substring of the squashed
    output: the cleaner may rejoin or re-indent lines, and substring matching
    survives that. The price is that a short line ("2", "Share") also counts
    as kept whenever it happens to occur inside a kept paragraph, and a line
    the cleaner trimmed (say, a byline cut from a paragraph) counts as dropped.
    """
    out = squash(output)
    kept_content = kept_noise = content = 0
    for text, is_content in lines:
        kept = squash(text) in out
        content += is_content
        kept_content += kept and is_content
        kept_noise += kept and not is_content
    return LineCounts(kept_content, kept_noise, content)


def line_scores(pages: Iterable[tuple[Sequence[tuple[str, bool]], str]]) -> tuple[float, float]:
    """Micro-averaged (line precision, line recall) over ``(lines, output)``
    pages, where ``lines`` holds ``(line text, is_content)`` pairs."""
    total = sum((line_counts(lines, output) for lines, output in pages), LineCounts())
    return total.precision, total.recall
