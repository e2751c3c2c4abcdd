"""Datelines and timestamps: lines that only say when, moved to metadata.

What it removes:
    "November 19, 2019 at 10:13 am", "Published: Tuesday, Sept. 3, 2019",
    "2019-11-19T08:57:40+01:00", "Updated 2 hours ago", "5 min read",
    "Chris Davies - Nov 19, 2019, 10:31 pm CST" (a name and a date). The
    first date goes to ``metadata.date``.
What it keeps:
    Sentences with a date in them ("On November 19, 2019 the court ruled
    that ..."): more than a few words besides the date mean prose.
Why:
    Publication times belong to metadata; in the body they break the first
    paragraph off from the headline and pollute every text metric.
Examples:
    remove: "November 19, 2019 at 10:13 am"
    remove: "Updated 2 hours ago"
    keep: "On November 19, 2019 the court ruled that the contract was void."
"""

from __future__ import annotations

import regex

from cleanbody._dates import DATE_PATTERN, find_date
from cleanbody.model import Block, Finding, Strength
from cleanbody.rules._base import DocContext, Rule, block_finding

_TIME = regex.compile(
    r"""\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?
      | \b\d{1,2}\.\d{2}\s*[ap]\.?m\.?
      | \b\d{1,2}\s*[ap]\.?m\.?\b
      | T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?
      | ~?\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhd])\s+ago\b
      | \b(?:an?|one)\s+(?:minute|hour|day|week)\s+ago\b
      | \b(?:just\s+now|yesterday|today)\b
      | \b\d+\s*(?:min(?:ute)?s?|hours?)\s+(?:read|reading\s+time)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
_FILLER = frozenset(
    "published updated posted last modified on at by am pm a.m p.m est edt cst cdt pst pdt gmt bst utc cet cest "
    "ist et pt ct mt monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri "
    "sat sun date time read reading min mins minute minutes first of the publié mis à jour le veröffentlicht "
    "aktualisiert am um uhr publicado atualizado em actualizado".split()
)
_WORD = regex.compile(r"\p{L}[\p{L}.]*")
# Every date or time form has a digit, or one of these words.
_DIGIT_OR_RELATIVE = regex.compile(r"\d|now|yesterday|today|ago", regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
# "Current Time 0:00" is a media player's clock, not a publication time.
_PLAYER = frozenset(("current", "remaining", "duration", "elapsed"))
_MAX_WORDS = 16
_MAX_OTHER_WORDS = 4


def _leftover_words(text: str) -> list[str]:
    stripped = _TIME.sub(" ", DATE_PATTERN.sub(" ", text))
    return [w for w in _WORD.findall(stripped) if w.lower().rstrip(".") not in _FILLER]


def is_dateline(text: str) -> bool:
    """A date or time with at most a few other words (a name), not a sentence.

    An embedded post's attribution ("— Jane Doe (@jdoe) November 4, 2019")
    belongs to the quote above it, so a line naming a handle is not one.
    """
    if "(@" in text or not _DIGIT_OR_RELATIVE.search(text) or not (DATE_PATTERN.search(text) or _TIME.search(text)):
        return False
    leftover = _leftover_words(text)
    if not leftover:
        return True
    if not _DIGIT.search(text):
        return False  # "Big news today": a relative word alone does not make a dateline
    if not _PLAYER.isdisjoint(w.lower() for w in leftover):
        return False
    return len(leftover) <= _MAX_OTHER_WORDS and not text.rstrip().endswith((".", "?", "!"))


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if not is_dateline(block.text):
        return ()
    date = find_date(block.text)
    reason = f"dateline ({date})" if date else "timestamp or reading time"
    return (block_finding(block, reason, harvest=(("date", date),) if date else ()),)


RULE = Rule(
    rule_id="byline.dateline",
    strength=Strength.CERTAIN,
    summary="lines that only give a date, time or reading time (moved to metadata)",
    doc=__doc__ or "",
    detect=detect,
    reach="near",
    max_words=_MAX_WORDS,
)
