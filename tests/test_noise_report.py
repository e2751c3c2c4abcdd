"""The noise report's counting, on a hand-written page (no benchmark data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.noise_report import (  # noqa: E402
    AFTER,
    BEFORE,
    FOUND,
    INSIDE,
    INVISIBLE,
    OUTSIDE,
    SHAPES,
    UNCLAIMED,
    Tally,
    covered,
    position,
    render,
    shape,
    summarize,
)
from bench.plaintext import Record  # noqa: E402

PARAGRAPHS = (
    "The council voted on Tuesday to rebuild the old stone bridge over the river, after a survey found cracks "
    "in two of its arches and the crossing was closed to traffic.",
    "Work will start next spring and is expected to take eighteen months, the council said, with a temporary "
    "footbridge in place for pedestrians while the arches are repaired.",
    "Residents said they were relieved the bridge would be saved, and several local businesses said the closure "
    "had cost them customers over the summer months.",
)
# A menu and a headline (removed), a share button (removed), a capitalised
# teaser no rule knows (unclaimed), prose-shaped sign-up copy (a likely
# finding the decision keeps), a zero-width space (invisible), a sentence
# after the article (outside it) and a copyright line (removed).
PAGE = f"""Home
News
Sport
Weather

Council votes to rebuild the old bridge

{PARAGRAPHS[0]}

Share on Facebook

{PARAGRAPHS[1]}

READ THE FULL REPORT ON THE BRIDGE

No spam, we promise. You can unsubscribe at any time and we will never share your details without your permission.

{PARAGRAPHS[2]}

\u200b
Please rate this article before you go on reading the rest of our coverage today.
© 2024 Example News. All rights reserved."""


def _record() -> Record:
    lines = tuple((line, line in PARAGRAPHS) for line in PAGE.split("\n") if line.strip())
    return Record("test", "html_text", "https://example.org/bridge", PAGE, lines, "\n".join(PARAGRAPHS))


def test_tally_counts_and_owners() -> None:
    tally = Tally()
    tally.add(_record())
    assert tally.totals["html_text"] == {"noise": 11, "content": 3, "noise removed": 7}
    assert tally.removed["zone.outside-main", False] == 4
    assert tally.removed["share.prompt", False] == 1
    assert tally.found_kept["promo.newsletter", False] == 1
    assert tally.owners == {
        ("promo", FOUND): 1,
        (UNCLAIMED, UNCLAIMED): 1,
        (INVISIBLE, INVISIBLE): 1,
        ("zone", OUTSIDE): 1,
    }
    assert tally.shapes == {(SHAPES[3], INSIDE): 1, (SHAPES[6], AFTER): 1}


def test_summary_tables() -> None:
    tally = Tally()
    tally.add(_record())
    report = summarize(tally, 1, ROOT / "x.jsonl.gz")
    assert "| html_text | 11 | 7 | 4 (36.4%) | 3 | 0 (0.0%) |" in report
    assert "| `share.prompt` | certain | 1 | 0 | 0 | 0 | 0 |" in report


def test_render_without_data_is_a_note() -> None:
    report = render(ROOT / "no-such-file.jsonl.gz")
    assert report.startswith("## ") and "_Skipped:" in report


def test_covered_reads_half_of_each_line() -> None:
    text = "abcd\n\nefgh\nij"
    assert covered(text, [(0, 2), (6, 7)]) == [True, False, False]
    assert covered(text, []) == [False, False, False]


def test_position() -> None:
    assert [position(i, 2, 4) for i in (1, 2, 4, 5)] == [BEFORE, INSIDE, INSIDE, AFTER]


def test_shape_buckets() -> None:
    assert shape("Click to share", joined=True) == SHAPES[0]
    assert shape("1 / 8", joined=False) == SHAPES[1]
    assert shape("Image 2 of 5", joined=False) == SHAPES[2]
    assert shape("TEDMED", joined=False) == SHAPES[3]
    assert shape("Back to Gallery", joined=False) == SHAPES[4]
    assert shape("Safety officials urge Boeing to redesign part", joined=False) == SHAPES[5]
    assert shape("Julius is a reporter for the paper.", joined=False) == SHAPES[6]
