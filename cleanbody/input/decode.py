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
_MIN_DETECT_BYTES = 64
_WESTERN_LOOKALIKES = frozenset(
    (
        "cp1252",
        "cp1250",
        "cp1254",
        "cp1257",
        "mac-latin2",
        "mac-roman",
        "mac-turkish",
        "mac-iceland",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-9",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        # DOS code pages for Latin scripts: never seen on the web, often guessed.
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
    )
)
_BINARY_SAMPLE = 8_192


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read pages labelled latin-1 or ascii as windows-1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other non-text bytes.

    Text in any encoding without a BOM has almost no NUL bytes and few C0
    control bytes; a file where they make up more than a tenth of a sample is
    not a document.
    """
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return (b"\x00" in sample[:1024] and controls > len(sample) // 100) or controls > len(sample) // 10


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
    codec = None
    if len(data) >= _MIN_DETECT_BYTES:
        guess = charset_normalizer.from_bytes(data[:_DETECT_BYTES]).best()
        codec = _codec(guess.encoding) if guess is not None else None
    # Like browsers: an undeclared Western page is windows-1252; detectors
    # confuse it with its single-byte look-alikes and, on little text, with
    # anything at all. Other families (Cyrillic, CJK, ...) keep the guess.
    if codec is None or codec in _WESTERN_LOOKALIKES:
        codec = "cp1252"
    return data.decode(codec, errors="replace"), codec
