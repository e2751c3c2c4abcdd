"""Benchmark scores, kept apart from the runners so tests can import them.

``shingle_scores`` reproduces the Zyte article-extraction-benchmark's
``evaluate.py`` (scrapinghub/article-extraction-benchmark) so that our numbers
can be put next to the published ones; ``line_scores`` uses the benchmark's
per-line ``content``/``noise`` labels to say *which* lines were kept or lost;
``snippet_counts`` reproduces trafilatura's ``tests/eval_common.py`` for its
must-have / must-not-have evaluation set; ``word_scores`` and ``wcxb_page``
reproduce WCXB's ``evaluate.py`` (Murrough-Foley/web-content-extraction-benchmark)
for its per-page bag-of-words F1 and snippet rates.
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


def line_counts(lines: Sequence[tuple[str, bool]], kept: Sequence[bool]) -> LineCounts:
    """Count ``(line text, is_content)`` labels against a kept flag per line."""
    kept_content = kept_noise = content = 0
    for (_, is_content), is_kept in zip(lines, kept, strict=True):
        content += is_content
        kept_content += is_kept and is_content
        kept_noise += is_kept and not is_content
    return LineCounts(kept_content, kept_noise, content)


def kept_lines(text: str, removed: Iterable[tuple[int, int]]) -> list[bool]:
    """For each non-blank ``\\n``-separated line of *text*, whether it survived.

    Exact, from the removal offsets: a line is kept unless removals cover
    half or more of its characters. Matching output text against lines
    instead would credit a noise line ("2", "Share") whenever its words occur
    inside a kept paragraph. The offsets point into cleanbody's working text,
    which has the input's length when the input has no ``\\r`` (true of the
    benchmark), so they can be read against the input's own lines.
    """
    spans = sorted(removed)
    flags = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans if s < end and e > start)
        flags.append(covered * 2 < len(line.strip()))
    return flags


def line_scores(pages: Iterable[tuple[Sequence[tuple[str, bool]], Sequence[bool]]]) -> tuple[float, float]:
    """Micro-averaged (line precision, line recall) over ``(lines, kept)``
    pages, where ``lines`` holds ``(line text, is_content)`` pairs."""
    total = sum((line_counts(lines, kept) for lines, kept in pages), LineCounts())
    return total.precision, total.recall


_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetCounts:
    """One page's must-have (tp/fn) and must-not-have (fp/tn) snippet counts."""

    tp: int
    fn: int
    fp: int
    tn: int


def snippet_counts(with_: Sequence[str], without: Sequence[str], output: str) -> SnippetCounts:
    """A snippet is found if its whitespace-normalised text is a substring of
    the normalised output; an empty output finds nothing (eval_common's rule)."""
    out = _norm(output)
    tp = sum(_norm(w) in out for w in with_) if out else 0
    fp = sum(_norm(w) in out for w in without) if out else 0
    return SnippetCounts(tp, len(with_) - tp, fp, len(without) - fp)


def snippet_scores(counts: Iterable[SnippetCounts]) -> tuple[float, float, float, float]:
    """Micro-averaged (P, R, accuracy, F1), as trafilatura reports them."""
    counts = list(counts)
    tp = sum(c.tp for c in counts)
    fn = sum(c.fn for c in counts)
    fp = sum(c.fp for c in counts)
    tn = sum(c.tn for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    acc = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return p, r, acc, f1


@dataclass(frozen=True)
class WordScores:
    """One page's WCXB scores: word P, R and F1, and the share of its must-have
    (``with_rate``) and must-not-have (``without_rate``) snippets found."""

    precision: float
    recall: float
    f1: float
    with_rate: float = 1.0
    without_rate: float = 1.0


def words(text: str) -> Counter[str]:
    """The bag of ``\\w+`` tokens of the lower-cased text. Lower-casing comes
    first, as in evaluate.py: it can split a token ("İ" lowers to "i" plus a
    combining dot, which is not ``\\w``)."""
    return Counter(_TOKEN_RE.findall(text.lower()))


def word_scores(expected: str, output: str) -> WordScores:
    """Bag-of-words P/R/F1 of one page with evaluate.py's empty cases: an empty
    truth scores 1 against an empty output and 0 against anything else; an
    empty output scores 0 against a non-empty truth."""
    truth, pred = words(expected), words(output)
    n_truth, n_pred = sum(truth.values()), sum(pred.values())
    if not n_truth:
        return WordScores(1.0, 1.0, 1.0) if not n_pred else WordScores(0.0, 0.0, 0.0)
    if not n_pred:
        return WordScores(0.0, 0.0, 0.0)
    overlap = sum((truth & pred).values())
    p, r = overlap / n_pred, overlap / n_truth
    return WordScores(p, r, 2 * p * r / (p + r) if overlap else 0.0)


def snippet_rate(snippets: Sequence[str], output: str) -> float:
    """Share of *snippets* that are case-insensitive substrings of *output*,
    whitespace as it is; 1 for an empty list (so the without rate of a page
    with no must-not-have snippets is 1, a floor WCXB's averages carry)."""
    if not snippets:
        return 1.0
    low = output.lower()
    return sum(s.lower() in low for s in snippets) / len(snippets)


def wcxb_page(expected: str, with_: Sequence[str], without: Sequence[str], output: str) -> WordScores:
    """Every WCXB score of one page's output."""
    words_only = word_scores(expected, output)
    return WordScores(
        words_only.precision,
        words_only.recall,
        words_only.f1,
        snippet_rate(with_, output),
        snippet_rate(without, output),
    )


def wcxb_means(pages: Iterable[WordScores]) -> WordScores:
    """Macro-average over pages, every score on its own (F1 is the mean of the
    pages' F1s, not computed from the mean P and R); all 0 for no pages."""
    pages = list(pages)
    if not pages:
        return WordScores(0.0, 0.0, 0.0, 0.0, 0.0)
    return WordScores(
        fmean(s.precision for s in pages),
        fmean(s.recall for s in pages),
        fmean(s.f1 for s in pages),
        fmean(s.with_rate for s in pages),
        fmean(s.without_rate for s in pages),
    )
