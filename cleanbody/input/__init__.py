"""The document as the pipeline reads it: bytes decoded (a str made valid
Unicode), over-long input cut, and HTML, Markdown and plain text told apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import AnyStr, Literal

from cleanbody.input.decode import decode, looks_binary, names_utf16, replace_surrogates
from cleanbody.input.markup import without_code
from cleanbody.input.sniff import looks_like_html, looks_like_markdown
from cleanbody.model import Kind

InputKind = Literal["auto", "html", "text", "markdown"]
# UTF-16 and UTF-32 text is full of NUL bytes; with a BOM (or a UTF-16 label) it is not binary.
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass(frozen=True, slots=True)
class Input:
    """The text to clean and what to clean it as; ``text`` is None when the
    input is no document at all (binary data), and the notes say why."""

    text: str | None
    kind: Kind
    notes: tuple[str, ...] = ()


def read_input(doc: str | bytes, kind: InputKind, max_chars: int | None, encoding: str | None = None) -> Input:
    """Decode *doc* (bytes in the charset label *encoding*, when given), cut it
    at *max_chars*, and decide whether it is HTML."""
    notes: tuple[str, ...] = ()
    if isinstance(doc, str):
        text = replace_surrogates(doc)
    else:
        data = bytes(doc)
        if max_chars is not None and len(data) > 4 * max_chars:  # no character takes more than 4 bytes
            data = data[: _cut(data, 4 * max_chars, b"\n")]
        if looks_binary(data) and not (data.startswith(_UTF16_32_BOMS) or names_utf16(encoding)):
            return Input(None, "text", ("the input looks binary (control bytes), not a document",))
        decoded = decode(data, encoding)
        text = decoded.text
        notes = (*decoded.notes, f"decoded bytes as {decoded.encoding}")
    html = kind == "html" or (kind == "auto" and looks_like_html(text))
    if max_chars is not None and len(text) > max_chars and html:
        text = without_code(text)
        notes = (*notes, f"the page is over {max_chars} characters (max_chars): its scripts and styles were emptied")
    if max_chars is not None and len(text) > max_chars:
        notes = (*notes, f"the input has {len(text)} characters; only the first {max_chars} were cleaned (max_chars)")
        text = text[: _cut(text, max_chars, "\n")]
    if html:
        return Input(text, "html", notes)
    markdown = kind == "markdown" or (kind == "auto" and looks_like_markdown(text))
    return Input(text, "markdown" if markdown else "text", notes)


def _cut(doc: AnyStr, limit: int, newline: AnyStr) -> int:
    """Where to cut *doc* to at most *limit* items: after its last line break
    before the limit, or at the limit when the head has no line break."""
    end = doc.rfind(newline, 0, limit)
    return end + 1 if end > 0 else limit
