"""Bytes to text without crashing: BOM, strict UTF-8, declared charset, detection.

Undecodable bytes become U+FFFD, which is not a word character, so a bad
byte can never add a word to the body.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE)
_DETECT_BYTES = 200_000


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read pages labelled latin-1 or ascii as windows-1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode(data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding used to read it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:4096])
    if declared:
        codec = _codec(declared.group(1).decode("ascii", "replace"))
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            return data.decode(codec, errors="replace"), codec
    guess = charset_normalizer.from_bytes(data[:_DETECT_BYTES]).best()
    codec = _codec(guess.encoding) if guess is not None else None
    codec = codec or "cp1252"
    return data.decode(codec, errors="replace"), codec
