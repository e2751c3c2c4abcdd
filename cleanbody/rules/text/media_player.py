"""Video and audio player controls.

What it removes:
    "Replay", "Current Time 0:00", "Remaining Time - 0:00", "Duration 2:31",
    "Play Video", "End of dialog window.", "Captions Settings".
What it keeps:
    Sentences about playing or watching ("Play resumed after the rain.");
    lines of weak player words only ("Time off") are likely findings.
Why:
    Player widgets expose their control labels and timers as text.
Examples:
    remove: "Current Time 0:00"
    remove: "End of dialog window."
    keep: "Play resumed after the rain delay."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import made_of, word_set
from cleanbody.tokens import lower_words
from cleanbody.vocabulary import MEDIA_PLAYER, NOT_MID_WHITESPACE

_VOCABULARY = word_set(
    MEDIA_PLAYER,
    (
        "time",
        "of",
        "the",
        "window",
        "dialog",
        "modal",
        "x",
        "selected",
        "off",
        "on",
        "loaded",
        "remaining",
        "current",
        "type",
        "rate",
        "normal",
        "video",
        "audio",
        "now",
    ),
)
# "0:00", "-3:21" (time left). Starts at its minus sign or where a run of blanks starts: from each
# blank of a long run it rescanned the run (20,000 spaces before a colon: over 2 s).
_CLOCK = regex.compile(rf"(?:-|{NOT_MID_WHITESPACE})\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?")
_STRONG = frozenset(
    (
        "replay",
        "mute",
        "unmute",
        "fullscreen",
        "playback",
        "subtitles",
        "captions",
        "autoplay",
        "dialog",
        "modal",
        "remaining",
        "picture-in-picture",
        "seek",
        "video",
    )
)
_MAX_WORDS = 8


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = lower_words(_CLOCK.sub(" ", block.text))
    if made_of(words, _VOCABULARY, _MAX_WORDS):
        strong = _CLOCK.search(block.text) is not None or not _STRONG.isdisjoint(words)
        return (block_finding(block, "media player control", strength=None if strong else Strength.LIKELY),)
    return ()


RULE = Rule(
    rule_id="media.player",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
