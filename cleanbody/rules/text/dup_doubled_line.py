"""Lines that say the same thing twice in a row.

What it removes:
    One half of a line made of a text and its copy: an accessible name
    followed by the same visible text ("Download on the App Store Download on
    the App Store"). The second half goes; the first stays for other rules.
What it keeps:
    Lines whose halves differ, and short repeats that are real words
    ("New York, New York" has a comma; "Bora Bora" is one word doubled).
Why:
    Screen-reader scrapes put an element's title or aria-label before its
    visible text, so links and headings come out doubled. A hard-wrapped
    paragraph is read as the one line it is, so cleaning the body again
    (where it is one line) finds nothing more.
Examples:
    remove: the second half of "Download on the App Store Download on the App Store"
    keep: "Bora Bora"
"""

from __future__ import annotations

import itertools
import re

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule
from cleanbody.text.normalize import fold

_MIN_WORDS_PER_HALF = 2
_MAX_WORDS = 60
_WORD = re.compile(r"\S+")


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = block.text.split()
    half = len(words) // 2
    if len(words) % 2 or half < _MIN_WORDS_PER_HALF or words[:half] != words[half:]:
        return ()
    # The second half starts at the (half+1)-th word of the block's span, whatever line breaks lie
    # between (a wrapped paragraph) and leaving out words made only of format characters (the block's
    # text is read without them).
    raw_words = (m for m in _WORD.finditer(ctx.text, block.start, block.end) if fold(m.group()))
    second = next(itertools.islice(raw_words, half, None), None)
    if second is None:
        return ()
    return (Finding(second.start(), block.end, "second copy of the same text on one line"),)


RULE = Rule(
    rule_id="dup.doubled-line",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
