"""The public entry points: :func:`clean` and :class:`Cleaner`."""

from __future__ import annotations

from cleanbody.config import Config
from cleanbody.input import InputKind, replace_surrogates
from cleanbody.model import CleanResult
from cleanbody.pipeline import run
from cleanbody.rules import DOM_RULES, RULES, catalogue

_KINDS = ("auto", "html", "text", "markdown")


class Cleaner:
    """A configured cleaner: the config is checked against the rule catalogue
    and the rules are chosen once.

    Cleaners hold no state that changes between calls, so one can be shared
    across threads or pickled to worker processes.
    """

    def __init__(self, config: Config | None = None) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            raise TypeError(f"config must be a cleanbody.Config or None, got {type(config).__name__}")
        every = catalogue()
        known = {r.rule_id for r in every} | {r.category for r in every}
        unknown = sorted((config.disable | config.enable) - known)
        if unknown:
            raise ValueError(f"unknown rule or category {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        self.config = config
        self.rules = tuple(r for r in RULES if config.is_enabled(r.rule_id))
        self.dom_rules = tuple(r for r in DOM_RULES if config.is_enabled(r.rule_id))

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(
        self, doc: str | bytes, *, url: str | None = None, kind: InputKind = "auto", encoding: str | None = None
    ) -> CleanResult:
        """Clean one document; see :func:`cleanbody.clean`."""
        if not isinstance(doc, (str, bytes, bytearray, memoryview)):
            raise TypeError(
                f"clean() takes the document as str or bytes (HTML or plain text), got {type(doc).__name__}"
            )
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url must be a str or None, got {type(url).__name__}")
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {', '.join(_KINDS)}, got {kind!r}")
        if encoding is not None and not isinstance(encoding, str):
            raise TypeError(f"encoding must be a str (a charset label) or None, got {type(encoding).__name__}")
        if url is not None:
            url = replace_surrogates(url)  # it becomes metadata.url, which must encode as UTF-8
        return run(doc, self.rules, self.dom_rules, self.config, url=url, kind=kind, encoding=encoding)

    __call__ = clean


# Immutable, so one shared instance is safe; made once at import.
_DEFAULT = Cleaner()


def clean(
    doc: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    kind: InputKind = "auto",
    encoding: str | None = None,
) -> CleanResult:
    """Return the article body of *doc*, its metadata, and what was removed.

    *doc* is an HTML page or already-extracted plain text, as ``str`` or
    ``bytes`` (decoded with charset detection); *kind* forces ``"html"`` or
    ``"text"`` when sniffing should not decide.

    *encoding* is the charset the HTTP response declared (``"iso-8859-1"``),
    a label of the WHATWG Encoding Standard: it comes before the page's own
    ``<meta>`` charset, as in browsers, and a BOM comes before it. Bytes that
    are valid UTF-8 are read as UTF-8 whatever it says, unless it names
    UTF-16. A label the standard does not list is ignored with a note. It
    only applies to bytes: a ``str`` is already text, and *encoding* is
    ignored for it.
    """
    cleaner = _DEFAULT if config is None else Cleaner(config)
    return cleaner.clean(doc, url=url, kind=kind, encoding=encoding)
