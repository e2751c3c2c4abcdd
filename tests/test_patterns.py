"""Every regular expression of the package runs in linear time.

The reproducers: inputs that once took 6-32 s in one pattern, cleaned end to end.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import cleanbody

PROSE = (
    "The council voted on Tuesday to rebuild the old bridge across the river, ending a debate that had run "
    "for more than ten years. Work will start in the spring and should take two years, the mayor said."
)
NO_LIMITS = cleanbody.Config(timeout=None, max_chars=None)  # the limits must not be what saves us


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Bridge</title>{head}</head><body><article>{body}</article></body></html>"


def _cpu_seconds(call: Callable[[], object]) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


# Reproducers -----------------------------------------------------------------------------------

#: Each took 6.6-32 s before its pattern was fixed, and well under a second after (2 shared cores).
REPRODUCER_SECONDS = 3.0


def _clean(doc: str, kind: str) -> cleanbody.CleanResult:
    return cleanbody.clean(doc, kind=kind, config=NO_LIMITS)  # type: ignore[arg-type]


def test_byline_with_a_long_run_of_spaces_is_fast() -> None:
    """The byline's names were split on ``\\s*(?:,|&|and...)\\s*``: each space rescanned the run (12 s)."""
    doc = "By John" + " " * 8000 + "Smith\n\n" + PROSE
    seconds = _cpu_seconds(lambda: _clean(doc, "text"))
    assert seconds < REPRODUCER_SECONDS, f"{seconds:.1f} s"


def test_json_ld_author_with_a_long_run_of_spaces_is_fast() -> None:
    """The authors of the page's metadata were split the same way (32 s)."""
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "author": "A' + " " * 30000 + 'B"}</script>'
    doc = _page(f"<p>{PROSE}</p>", head=ld)
    seconds = _cpu_seconds(lambda: _clean(doc, "html"))
    assert seconds < REPRODUCER_SECONDS, f"{seconds:.1f} s"


def test_rel_author_link_with_a_long_run_of_spaces_is_fast() -> None:
    doc = _page(f'<p>{PROSE}</p><p><a rel="author" href="/jane">Jane{" " * 30000}Doe</a></p>')
    seconds = _cpu_seconds(lambda: _clean(doc, "html"))
    assert seconds < REPRODUCER_SECONDS, f"{seconds:.1f} s"


def test_contact_line_with_a_long_address_is_fast() -> None:
    """An e-mail pattern searched from each letter of a 40,000-letter local part (8-20 s)."""
    doc = f"{PROSE}\n\nReach the author at {'a' * 40000}@x\n\n{PROSE}"
    seconds = _cpu_seconds(lambda: _clean(doc, "text"))
    assert seconds < REPRODUCER_SECONDS, f"{seconds:.1f} s"


def test_long_caption_class_names_are_fast() -> None:
    """``(?:\\w+-)?caption`` scanned each class name from each of its characters (17-20 s)."""
    spans = "".join(f'<span class="{"1" * 990} caption">Photo {i}</span>' for i in range(4000))
    doc = _page(f"<p>{PROSE}</p>{spans}<p>{PROSE}</p>")
    seconds = _cpu_seconds(lambda: _clean(doc, "html"))
    assert seconds < REPRODUCER_SECONDS, f"{seconds:.1f} s"
