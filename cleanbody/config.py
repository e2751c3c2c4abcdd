"""Configuration: one frozen value, its types and ranges checked when it is made.

Rule ids are checked against the catalogue by :class:`cleanbody.Cleaner`,
so this module knows nothing of the rules it configures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Favor = Literal["precision", "balanced", "recall"]
_FAVORS = ("precision", "balanced", "recall")


@dataclass(frozen=True)
class Config:
    """How :func:`cleanbody.clean` behaves.

    ``disable`` and ``enable`` take rule ids (``"caption.credit"``) or whole
    categories (``"caption"``); ``enable`` wins over ``disable`` so a single
    rule can be kept while its category is off; an id or category no rule
    has raises ``ValueError`` when a :class:`~cleanbody.Cleaner` (or
    :func:`~cleanbody.clean`) is given the config. ``favor`` trades recall for
    precision: ``"precision"`` removes every likely finding, ``"balanced"``
    asks likely findings for support from context, ``"recall"`` never
    removes sentence-shaped prose on a likely finding.

    ``max_chars`` caps the input: a longer document is cut at the last line
    break before the cap, cleaned, and a note says so. ``timeout`` (seconds)
    bounds the work: when it runs out, the rules stop, what they found so
    far is applied, the rest of the text is kept as it is, and a note says
    so. ``None`` turns either limit off. A stage already under way when the
    time runs out finishes first (parsing, trafilatura's extraction), so a
    result can come a little after the timeout.
    """

    disable: frozenset[str] = field(default_factory=frozenset)
    enable: frozenset[str] = field(default_factory=frozenset)
    favor: Favor = "balanced"
    #: 20 million characters: far above any article (and most books).
    max_chars: int | None = 20_000_000
    timeout: float | None = 60.0

    def __post_init__(self) -> None:
        for name in ("disable", "enable"):
            object.__setattr__(self, name, _id_set(name, getattr(self, name)))
        if self.favor not in _FAVORS:
            raise ValueError(f"Config.favor must be one of {', '.join(_FAVORS)}, got {self.favor!r}")
        if self.max_chars is not None and (
            isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 1
        ):
            raise ValueError(f"Config.max_chars must be a positive int or None, got {self.max_chars!r}")
        if self.timeout is not None and (
            isinstance(self.timeout, bool) or not isinstance(self.timeout, (int, float)) or not self.timeout > 0
        ):
            raise ValueError(f"Config.timeout must be a positive number of seconds or None, got {self.timeout!r}")

    def is_enabled(self, rule_id: str) -> bool:
        category = rule_id.split(".", 1)[0]
        if rule_id in self.enable:
            return True
        if rule_id in self.disable:
            return False
        if category in self.enable:
            return True
        return category not in self.disable


def _id_set(name: str, value: object) -> frozenset[str]:
    """*value* as a set of ids, read once: a generator is a fine way to pass them."""
    wrong = TypeError(f"Config.{name} must be a set of rule ids or categories, got {value!r}")
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise wrong
    try:
        ids = frozenset(value)
    except TypeError:  # an unhashable item
        raise wrong from None
    if not all(isinstance(v, str) for v in ids):
        raise wrong
    return ids
