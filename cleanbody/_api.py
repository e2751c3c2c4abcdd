"""The public entry points: :func:`clean` and :class:`Cleaner`."""

from __future__ import annotations

from typing import AnyStr, Literal

from cleanbody._pipeline import Deadline, clean_text
from cleanbody.config import Config
from cleanbody.decode import decode, looks_binary
from cleanbody.html.rules import DOM_RULES
from cleanbody.model import CleanResult
from cleanbody.rules import RULES
from cleanbody.sniff import looks_like_html

Kind = Literal["auto", "html", "text"]
# UTF-16 and UTF-32 text is full of NUL bytes; with a BOM it is not binary.
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_KINDS = ("auto", "html", "text")


class Cleaner:
    """A configured cleaner: the config is checked and rules chosen once.

    Cleaners hold no state that changes between calls, so one can be shared
    across threads or pickled to worker processes.
    """

    def __init__(self, config: Config | None = None) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            raise TypeError(f"config must be a cleanbody.Config or None, got {type(config).__name__}")
        self.config = config
        self.rules = tuple(r for r in RULES if config.is_enabled(r.rule_id))
        self.dom_rules = tuple(r for r in DOM_RULES if config.is_enabled(r.rule_id))

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(self, doc: str | bytes, *, url: str | None = None, kind: Kind = "auto") -> CleanResult:
        """Clean one document; see :func:`cleanbody.clean`."""
        deadline = Deadline.after(self.config.timeout)
        limit = self.config.max_chars
        notes: tuple[str, ...] = ()
        if isinstance(doc, (bytes, bytearray, memoryview)):
            data = bytes(doc)
            if limit is not None and len(data) > 4 * limit:  # no character takes more than 4 bytes
                data = data[: _cut(data, 4 * limit, b"\n")]
            if looks_binary(data) and not data.startswith(_UTF16_32_BOMS):
                return CleanResult(text="", notes=("the input looks binary (control bytes), not a document",))
            text, encoding = decode(data)
            notes = (f"decoded bytes as {encoding}",)
        elif isinstance(doc, str):
            text = doc
        else:
            raise TypeError(
                f"clean() takes the document as str or bytes (HTML or plain text), got {type(doc).__name__}"
            )
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url must be a str or None, got {type(url).__name__}")
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {', '.join(_KINDS)}, got {kind!r}")
        if limit is not None and len(text) > limit:
            notes = (*notes, f"the input has {len(text)} characters; only the first {limit} were cleaned (max_chars)")
            text = text[: _cut(text, limit, "\n")]
        if kind == "html" or (kind == "auto" and looks_like_html(text)):
            from cleanbody.html.page import clean_html

            return clean_html(text, self.rules, self.dom_rules, self.config, url=url, notes=notes, deadline=deadline)
        return clean_text(text, self.rules, self.config, url=url, notes=notes, deadline=deadline)

    __call__ = clean


def _cut(doc: AnyStr, limit: int, newline: AnyStr) -> int:
    """Where to cut *doc* to at most *limit* items: after its last line break
    before the limit, or at the limit when the head has no line break."""
    end = doc.rfind(newline, 0, limit)
    return end + 1 if end > 0 else limit


# Immutable, so one shared instance is safe; made once at import.
_DEFAULT = Cleaner()


def clean(
    doc: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    kind: Kind = "auto",
) -> CleanResult:
    """Return the article body of *doc*, its metadata, and what was removed.

    *doc* is an HTML page or already-extracted plain text, as ``str`` or
    ``bytes`` (decoded with charset detection); *kind* forces ``"html"`` or
    ``"text"`` when sniffing should not decide.
    """
    cleaner = _DEFAULT if config is None else Cleaner(config)
    return cleaner.clean(doc, url=url, kind=kind)
