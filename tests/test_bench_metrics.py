"""WCXB's word F1 and snippet rates, and the tune / check split, on hand-computed cases.

Every expected number is worked out in the comment next to it, never by the code under test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._metrics import WordScores, snippet_rate, wcxb_means, wcxb_page, word_scores  # noqa: E402
from bench._split import domain_key, part  # noqa: E402


def _prf(s: WordScores) -> tuple[float, float, float]:
    return s.precision, s.recall, s.f1


def test_word_f1_counts_a_bag_of_lower_cased_words() -> None:
    # truth: the x2, cat, sat, on, mat = 6 tokens; output: the, cat, sat = 3, all in the truth
    # P = 3/3, R = 3/6, F1 = 2 * 1 * 0.5 / 1.5 = 2/3
    assert _prf(word_scores("The cat sat on the mat", "the cat sat")) == pytest.approx((1.0, 0.5, 2 / 3))
    # case and punctuation do not count
    assert _prf(word_scores("Hello, World!", "hello world")) == (1.0, 1.0, 1.0)


def test_word_f1_overlap_is_a_multiset_intersection() -> None:
    # truth a:2 b:1 (3 tokens), output a:3 c:1 (4 tokens): overlap min(2, 3) = 2
    # P = 2/4, R = 2/3, F1 = 2 * (1/2) * (2/3) / (1/2 + 2/3) = (2/3) / (7/6) = 4/7
    assert _prf(word_scores("a a b", "a a a c")) == pytest.approx((0.5, 2 / 3, 4 / 7))
    # word order is ignored: a bag, not shingles
    assert _prf(word_scores("one two three", "three two one")) == (1.0, 1.0, 1.0)


def test_word_tokens_are_unicode_word_runs() -> None:
    # \w+ keeps underscores and digits in a token: truth {snake_case, 42}, output {snake, case, 42}
    # overlap 1: P = 1/3, R = 1/2, F1 = 2 * (1/6) / (5/6) = 2/5
    assert _prf(word_scores("snake_case 42", "snake case 42")) == pytest.approx((1 / 3, 1 / 2, 2 / 5))
    # accented letters are word characters
    assert _prf(word_scores("café déjà", "CAFÉ DÉJÀ")) == (1.0, 1.0, 1.0)
    # lower-casing comes before tokenizing: "İstanbul" lowers to "i" + U+0307 + "stanbul", two tokens
    # ("i", "stanbul") where the output has one ("istanbul"): no overlap
    assert _prf(word_scores("İstanbul", "istanbul")) == (0.0, 0.0, 0.0)


def test_word_f1_empty_cases_follow_evaluate_py() -> None:
    assert _prf(word_scores("", "")) == (1.0, 1.0, 1.0)  # nothing expected, nothing returned
    assert _prf(word_scores("-- !!", "  ")) == (1.0, 1.0, 1.0)  # no tokens on either side is empty too
    assert _prf(word_scores("", "menu")) == (0.0, 0.0, 0.0)  # nothing expected, something returned
    assert _prf(word_scores("body", "")) == (0.0, 0.0, 0.0)  # something expected, nothing returned
    assert _prf(word_scores("body", "menu")) == (0.0, 0.0, 0.0)  # no overlap


def test_snippet_rate_is_a_case_insensitive_substring_share() -> None:
    # "Foo Bar" and "baz" are found, "qux" is not: 2/3
    assert snippet_rate(["Foo Bar", "baz", "qux"], "xx foo bar yy BAZ") == pytest.approx(2 / 3)
    # whitespace is not normalised: a double space is not a single one
    assert snippet_rate(["foo  bar"], "foo bar") == 0.0
    # an empty list scores 1 (for with and for without alike); an empty output finds nothing
    assert snippet_rate([], "anything") == 1.0
    assert snippet_rate(["a"], "") == 0.0


def test_wcxb_page_adds_both_snippet_rates() -> None:
    # with ["A"] is found (1/1); without ["zz", "b"]: "b" is found, 1/2
    page = wcxb_page("a b", ["A"], ["zz", "b"], "a b")
    assert (page.f1, page.with_rate, page.without_rate) == (1.0, 1.0, 0.5)


def test_wcxb_means_average_pages_not_counts() -> None:
    # page 1: P 1, R 1, F1 1; page 2: P 1, R 1/2, F1 2/3
    # mean F1 = (1 + 2/3) / 2 = 5/6, not the F1 of the mean P and R (2 * 1 * 0.75 / 1.75 = 6/7)
    pages = [WordScores(1.0, 1.0, 1.0, 1.0, 0.0), WordScores(1.0, 0.5, 2 / 3, 0.5, 1.0)]
    mean = wcxb_means(pages)
    assert (mean.precision, mean.recall, mean.f1) == pytest.approx((1.0, 0.75, 5 / 6))
    assert (mean.with_rate, mean.without_rate) == pytest.approx((0.75, 0.5))
    # a page as long as a book weighs as much as a one-line one
    long_page = word_scores("w " * 1000, "w " * 500)  # R = 1/2, P = 1, F1 = 2/3
    short_page = word_scores("w", "w")  # 1
    assert wcxb_means([long_page, short_page]).f1 == pytest.approx(5 / 6)
    assert wcxb_means([]).f1 == 0.0


def test_split_is_pinned_by_domain() -> None:
    # first 8 bytes of sha256(domain) as a big-endian int, mod 100, read off once by hand:
    # example.com a379a6f6eeafb9a5 -> 9, rei.com eeebdc6dabdc322b -> 11, cloud.google.com -> 52 (< 70: tune);
    # developer.mozilla.org adaafd8d68331238 -> 76, ebay.com d95166f219045c9e -> 86 (check)
    assert [part(d) for d in ("example.com", "rei.com", "cloud.google.com")] == ["tune"] * 3
    assert [part(d) for d in ("developer.mozilla.org", "ebay.com")] == ["check"] * 2
    # one site, whatever its spelling
    assert domain_key(" WWW.Example.COM ") == "example.com"
    assert part("www.ebay.com") == part("EBAY.com") == "check"


def test_split_puts_about_70_percent_of_domains_in_tune() -> None:
    tune = sum(part(f"site{i}.example") == "tune" for i in range(2000))
    assert 1300 < tune < 1500  # 70% of 2000 is 1400; a fair hash stays within 5 standard deviations (~20 each)


def test_wcxb_metadata_rules() -> None:
    from bench.wcxb import metadata_match

    # title: equal once whitespace runs are squashed and case folded; a site suffix is a miss
    assert metadata_match("title", "What is  Cloud\nComputing?", "what is cloud computing?") is True
    assert metadata_match("title", "What is Cloud Computing?", "What is Cloud Computing? | Google Cloud") is False
    # author: one ground-truth name among the names returned is enough
    assert metadata_match("author", "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", "natalie nguyen") is True
    assert metadata_match("author", "Maria & Katerina", "Katerina; Someone Else") is True
    assert metadata_match("author", "Andrew King", "Andrew Kingsley") is False
    # date: the same ISO day, a time of day ignored
    assert metadata_match("date", "2025-09-04", "2025-09-04T10:30:00+02:00") is True
    assert metadata_match("date", "2025-09-04", "2025-09-05") is False
    # returning nothing is a miss; no ground truth is not scored
    assert metadata_match("date", "2025-09-04", "") is False
    assert metadata_match("author", "", "Andrew King") is None
