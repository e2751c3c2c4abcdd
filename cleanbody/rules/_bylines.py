"""Recognisers of bylines and datelines, shared by the rules that remove them
and the headline rule, which skips them on its way up from the article."""

from __future__ import annotations

import regex

from cleanbody.text.dates import DATE_PATTERN, find_date
from cleanbody.vocabulary import NOT_MID_WHITESPACE

_NAME_WORD = r"(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|di|del|la|le|bin|al)"
_NAME = rf"[\p{{Lu}}][\p{{L}}'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_LEAD = (
    r"(?:(?:posted|written|words|story|reporting|report|text|article|published|compiled|edited)\s+)?by"
    r"|von|par|por|di|door|av|autor(?:in)?:|author:|authors:"
)
_BYLINE = regex.compile(
    rf"""^\W*(?:{_LEAD})\s+(?P<names>{_NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*{_NAME})*)
        (?P<rest>\s*(?:[,|•·–—-]|\bon\b|\bat\b|\bfor\b|\bin\b|\bupdated\b|\bpublished\b|$).*)$""",
    regex.VERBOSE,
)
_LEAD_CI = regex.compile(rf"^\W*(?:{_LEAD})\s", regex.IGNORECASE)
_SPLIT = regex.compile(rf"{NOT_MID_WHITESPACE}\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
# "By Amira Haddad, Science Editor": a job title is not an author.
_ROLES = frozenset(
    "editor editors correspondent correspondents reporter reporters writer writers staff contributor "
    "contributors columnist producer producers analyst critic photographer chief senior associate deputy "
    "managing political science business sports health technology tech news desk bureau team agency "
    "redakteur redakteurin korrespondent correspondant rédaction redacción".split()
)


def _authors(names: str) -> list[str]:
    out = []
    for name in _SPLIT.split(names):
        name = name.strip(" .")
        if 1 <= len(name.split()) <= 5 and _ROLES.isdisjoint(name.lower().split()):
            out.append(name.title() if name.isupper() else name)
    return out


def parse_byline(text: str) -> tuple[list[str], str | None] | None:
    """Authors and date of a byline, or None if *text* is not one."""
    lead = _LEAD_CI.match(text)
    if not lead:
        return None
    # The lead word may be any case ("BY", "Posted by"); names must be capitalised.
    m = _BYLINE.match(text[: lead.start()] + "by" + text[lead.end() - 1 :])
    if not m:
        return None
    rest = m.group("rest")
    if rest.strip().endswith(".") and not find_date(rest) and len(rest.split()) > 3:
        return None
    return _authors(m.group("names")), find_date(rest)


_TIME = regex.compile(
    r"""(?<![\d.:])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d:])(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?
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
_DATE_WORD = regex.compile(r"\p{L}[\p{L}.]*")
# Every date or time form has a digit, or one of these words.
_DIGIT_OR_RELATIVE = regex.compile(r"\d|now|yesterday|today|ago", regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
# "Current Time 0:00" is a media player's clock, not a publication time.
_PLAYER = frozenset(("current", "remaining", "duration", "elapsed"))
_MAX_OTHER_WORDS = 4


def _leftover_words(text: str) -> list[str]:
    stripped = _TIME.sub(" ", DATE_PATTERN.sub(" ", text))
    return [w for w in _DATE_WORD.findall(stripped) if w.lower().rstrip(".") not in _FILLER]


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
