"""The tune / check split of WCXB dev, by a hash of the page's domain.

Rules tuned on some pages of a site fit that site's template, so a page of the same site in the check
part would flatter them: every page of a domain falls in the same part. The hash is fixed (sha256, not
Python's salted ``hash``), so every script, test and run sees the same split without storing it.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["tune", "check"]
#: Percent of domains (not pages) in the tuning part.
TUNE_PERCENT = 70


def domain_key(domain: str) -> str:
    """The spelling the hash reads: lower case, no ``www.``, so two spellings of one site share a part."""
    key = domain.strip().lower()
    return key.removeprefix("www.")


def part(domain: str) -> Part:
    """``"tune"`` for about 70% of domains, ``"check"`` for the rest, the same on every machine."""
    digest = hashlib.sha256(domain_key(domain).encode("utf-8")).digest()
    return "tune" if int.from_bytes(digest[:8], "big") % 100 < TUNE_PERCENT else "check"
