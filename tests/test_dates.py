"""Numeric dates read by the page's locale: 03/04/2024 is 4 March in the US, 3 April nearly everywhere else."""

from __future__ import annotations

import pytest

import cleanbody
from cleanbody.text.dates import day_first, find_date


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (None, False),
        ("", False),
        ("en", False),
        ("eng", False),
        ("en-US", False),
        ("en_us", False),
        ("en-GB", True),
        ("en_AU", True),
        ("en-GB-oxendict", True),
        ("de", True),
        ("fr_FR", True),
        ("es-419", True),
        ("english", False),
        ("not a locale", False),
    ],
)
def test_day_first_by_locale(locale: str | None, expected: bool) -> None:
    assert day_first(locale) is expected


def test_slash_date_month_first_unless_told() -> None:
    assert find_date("Posted 03/04/2024") == "2024-03-04"
    assert find_date("Posted 03/04/2024", day_first=True) == "2024-04-03"


def test_a_first_number_above_twelve_is_a_day_either_way() -> None:
    assert find_date("25/03/2024") == "2024-03-25"
    assert find_date("03/25/2024", day_first=True) is None


_STORY = "<p>" + "The council met on Monday to talk about the new river bridge and what it will cost. " * 5 + "</p>"


@pytest.mark.parametrize(("lang", "expected"), [("en-GB", "2024-04-03"), ("en-US", "2024-03-04"), ("fr", "2024-04-03")])
def test_page_locale_decides_the_reading(lang: str, expected: str) -> None:
    page = f'<html lang="{lang}"><body><article><p class="date">Posted 03/04/2024</p>{_STORY}</article></body></html>'
    assert cleanbody.clean(page).metadata.date == expected


def test_og_locale_when_html_has_no_lang() -> None:
    page = (
        '<html><head><meta property="og:locale" content="de_DE"></head><body><article>'
        f'<p class="date">Posted 03/04/2024</p>{_STORY}</article></body></html>'
    )
    assert cleanbody.clean(page).metadata.date == "2024-04-03"
