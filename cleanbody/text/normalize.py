"""Make the working text: one newline convention, no control characters.

Only characters that carry no words change, so every word of the input is
still in the working text, in order, and offsets stay easy to reason about.
"""

from __future__ import annotations

import re

# Plain character classes: the stdlib substitutes them fastest, and this runs
# over every whole document.
# C0/C1 controls except tab and newline, plus zero-width marks that scrapers
# leave between words; each becomes a space so words never fuse.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalize(text: str) -> str:
    """Return *text* with ``\\n`` line ends and control characters blanked."""
    text = _NEWLINES.sub("\n", text)
    return _CONTROL.sub(" ", text)


def squash(text: str | None) -> str:
    """Whitespace runs to one space, trimmed: how a value read from markup
    (an attribute, an element's text) compares with text from elsewhere."""
    return " ".join((text or "").split())
