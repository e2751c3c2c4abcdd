"""Metadata and markup that leaked into the text.

What it removes:
    Bare URLs ("https://www.ctpost.com/news/article/...php"), bare ISO
    timestamps, image file names ("mavic-mini.jpg"), and template or markup
    fragments ("{* #resendVerificationForm *}", "<img height="1" ...>").
What it keeps:
    Sentences that contain a URL or a file name among other words.
Why:
    Microdata, alt attributes and unrendered templates put these on lines of
    their own; no reader sees them on the page.
Examples:
    remove: "mavic-mini.jpg"
    remove: "{* #resendVerificationForm *}"
    keep: "The files are at https://example.org/data for anyone to check."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

_LEAK = regex.compile(
    r"""^\s*(?:
        (?:https?://|www\.)\S+
      | [\w.~%+-]{1,200}\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|mp4|webm|pdf)(?:\?\S*)?
      | (?:19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?
      | \{[{*%].{0,500}?[}*%]\}
      | <[a-zA-Z/!][^<>]{0,2000}>
      | (?:var|function|window\.|document\.|if\s*\(|\$\(|jQuery)\b.{0,2000}[;{}]
    )\s*$""",
    regex.VERBOSE,
)
_MAX_CHARS = 2500


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if len(block.text) <= _MAX_CHARS and _LEAK.match(block.text):
        return (block_finding(block, "URL, file name, timestamp or markup on its own"),)
    return ()


RULE = Rule(
    rule_id="meta.leak",
    strength=Strength.CERTAIN,
    detect=detect,
)
