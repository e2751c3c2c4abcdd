"""Find a calendar date in a dateline and give it as ISO 8601 (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as dt

import regex

from cleanbody.vocabulary import MONTHS

_MONTH_NUMBER = {m: i % 12 + 1 for i, m in enumerate(MONTHS[:12])}
_MONTH_NUMBER.update(
    {
        m: _MONTH_NUMBER[full]
        for m, full in (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "september"),
            ("sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        )
    }
)
# Month names of the other languages the benchmarks hold most (de, fr, es, it, pt, nl), by number.
_OTHER_MONTHS = (
    ("januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jänner"),
    ("februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari"),
    ("märz", "maerz", "mars", "marzo", "março", "maart"),
    ("avril", "abril", "aprile"),
    ("mai", "mayo", "maggio", "maio", "mei"),
    ("juni", "juin", "junio", "giugno", "junho"),
    ("juli", "juillet", "julio", "luglio", "julho"),
    ("août", "aout", "agosto", "augustus"),
    ("septembre", "septiembre", "settembre", "setembro"),
    ("oktober", "octobre", "octubre", "ottobre", "outubro"),
    ("novembre", "noviembre", "novembro"),
    ("dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
)
_MONTH_NUMBER.update({name: i + 1 for i, names in enumerate(_OTHER_MONTHS) for name in names})
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))

DATE_PATTERN = regex.compile(
    rf"""
    (?P<iso>(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]?\d)-(?P<d1>[0-3]?\d))(?![\d])
    | \b(?P<month>{_MONTH_NAMES})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b
    | \b(?P<d3>[0-3]?\d)(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?P<month3>{_MONTH_NAMES})\.?,?\s+
        (?:de\s+)?(?P<y3>(?:19|20)\d\d)\b
    | \b(?P<a4>[0-3]?\d)/(?P<b4>[0-3]?\d)/(?P<y4>(?:19|20)\d\d)\b
    | \b(?P<d5>[0-3]?\d)\.(?P<m5>[01]?\d)\.(?P<y5>(?:19|20)\d\d)\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)


#: English locales that write the month first in ``03/04/2024`` (en-US and those that follow it).
_MONTH_FIRST_REGIONS = frozenset(("us", "ph", "um", "as", "gu", "mp", "pr", "vi"))
_LOCALE = regex.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?(?=$|[-_.@])", regex.IGNORECASE)


def day_first(locale: str | None) -> bool:
    """Whether a page in *locale* ("en-GB", "de", "fr_CA") writes ``03/04/2024``
    as 3 April: every language but English does, and English outside the US
    and the places that follow it. Unknown, or English with no region, reads
    month first, as most English pages on the web do."""
    m = _LOCALE.match(locale or "")
    if not m:
        return False
    language, region = m.group(1).lower(), (m.group(2) or "").lower()
    if language not in ("en", "eng"):
        return True
    return bool(region) and region not in _MONTH_FIRST_REGIONS


def find_date(text: str, *, day_first: bool = False) -> str | None:
    """The first plausible date in *text* as ``YYYY-MM-DD``, else None.

    ``03/04/2024`` is 4 March, or 3 April with *day_first*; a first number
    above 12 can only be a day (``25/03/2024``) either way.
    """
    for m in DATE_PATTERN.finditer(text[:300]):
        g = m.groupdict()
        try:
            if g["iso"]:
                y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
            elif g["y2"]:
                y, mo, d = int(g["y2"]), _MONTH_NUMBER[g["month"].lower()], int(g["d2"])
            elif g["y3"]:
                y, mo, d = int(g["y3"]), _MONTH_NUMBER[g["month3"].lower()], int(g["d3"])
            elif g["y4"]:
                first, second = int(g["a4"]), int(g["b4"])
                y, mo, d = int(g["y4"]), *((second, first) if day_first or first > 12 else (first, second))
            else:
                y, mo, d = int(g["y5"]), int(g["m5"]), int(g["d5"])
            return dt.date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
    return None
