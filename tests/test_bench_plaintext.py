"""Quality ratchet on the plain-text benchmark, and the metric it relies on.

The benchmark data lives next to a development checkout (``../shared``); a
plain clone skips the ratchet with a reason.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

import cleanbody

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._metrics import corpus_scores, kept_lines, page_counts, shingle_scores  # noqa: E402

DEV = ROOT.parent / "shared" / "bench" / "plaintext" / "dev.jsonl.gz"
#: The issue's bar for the dev split; the floor per rendering leaves room for
#: the hardest rendering (a11y), which measured 0.914 when this was set.
MIN_F1 = 0.92
MIN_F1_PER_RENDERING = 0.905


def test_shingle_metric_on_hand_computed_pages() -> None:
    # expected has shingles {abcd, bcde}; predicted {abcd}: tp 1, fn 1 -> P 1, R 0.5
    assert shingle_scores([("a b c d e", "a b c d")]) == pytest.approx((1.0, 0.5, 2 / 3))
    # nothing predicted: no precision to average, recall 0
    counts = page_counts("a b c d", "")
    assert corpus_scores([counts])[1] == 0.0
    # identical text scores 1 everywhere, case matters
    assert shingle_scores([("One two three four", "One two three four")]) == (1.0, 1.0, 1.0)
    assert shingle_scores([("One two three four", "one two three four")])[2] == 0.0


def test_kept_lines_reads_removal_offsets() -> None:
    text = "Menu\n\nA real paragraph here.\nShare"
    # "Menu" (0-4) and "Share" (31-36) removed
    assert kept_lines(text, [(0, 4), (31, 36)]) == [False, True, False]


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_file(), reason=f"benchmark data not found at {DEV} (only next to a dev checkout)")
def test_dev_split_meets_the_bar() -> None:
    by_rendering: dict[str, list[tuple[str, str]]] = {}
    unfaithful = []
    with gzip.open(DEV, "rt", encoding="utf-8") as f:
        for raw in f:
            record = json.loads(raw)
            result = cleanbody.clean(record["text"], kind="text")
            by_rendering.setdefault(record["rendering"], []).append((record["expected"], result.text))
            if result.replay() != result.text:
                unfaithful.append(record["id"])
    assert unfaithful == [], "the working text minus the removals must replay the body"
    overall = shingle_scores(pair for pairs in by_rendering.values() for pair in pairs)[2]
    assert overall >= MIN_F1, f"dev shingle F1 {overall:.4f} below {MIN_F1}"
    for rendering, pairs in by_rendering.items():
        f1 = shingle_scores(pairs)[2]
        assert f1 >= MIN_F1_PER_RENDERING, f"{rendering}: shingle F1 {f1:.4f} below {MIN_F1_PER_RENDERING}"
