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
    | \b(?P<m4>[01]?\d)/(?P<d4>[0-3]?\d)/(?P<y4>(?:19|20)\d\d)\b
    | \b(?P<d5>[0-3]?\d)\.(?P<m5>[01]?\d)\.(?P<y5>(?:19|20)\d\d)\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)


def find_date(text: str) -> str | None:
    """The first plausible date in *text* as ``YYYY-MM-DD``, else None."""
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
                y, mo, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
            else:
                y, mo, d = int(g["y5"]), int(g["m5"]), int(g["d5"])
            return dt.date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
    return None
