"""Affiliate and sponsorship disclosures.

What it removes:
    Short notices that say the site earns money from the page: "If you buy
    something through this post, IGN may get a share of the sale.", "This
    post contains affiliate links.", "We may earn a commission from links
    on this page.", "This shop has been compensated by Collective Bias,
    Inc. and its advertiser."
What it keeps:
    Reporting about commissions and sponsorship ("The agency earned a
    commission of 4% on every sale, the filing shows."): the notice shapes
    need the site's own voice (this post, our links, we/you) and a short
    line.
Why:
    Disclosures are legal boilerplate the publisher adds to the page, not
    part of what the author wrote.
Examples:
    remove: "This post contains affiliate links."
    keep: "The agency earned a commission of 4% on every sale, the filing shows."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

_DISCLOSURE = regex.compile(
    r"""\b(?:
        (?:this|the)\s+(?:post|article|page|story|shop|review)\s+(?:may\s+)?(?:contains?|includes?|has\s+been\s+compensated)
            (?:\s+\w+){0,3}?\s*(?:affiliate|sponsored|by\b)
      | if\s+you\s+(?:buy|purchase|click)\s+(?:something|anything|a\s+product)?\s*
            (?:through|via|from)\s+(?:this|our|one\s+of\s+our|these|the)\b
      | (?:we|(?-i:\p{Lu}[\w.&]*))\s+(?:may|might|will|could)\s+(?:earn|get|receive|make)\s+(?:a\s+|an\s+|small\s+)*
            (?:small\s+)?(?:affiliate\s+)?(?:commission|share\s+of\s+(?:the\s+)?(?:sale|revenue)|compensation)
      | (?:contains?|uses?|includes?)\s+affiliate\s+links
      | affiliate\s+links?\s+(?:are|is)\s+used
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
_HINTS = ("affiliate", "commission", "compensat", "share of the sale", "buy something", "purchase")
_MAX_WORDS = 45


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    lower = block.text.lower()
    if not any(h in lower for h in _HINTS) or not _DISCLOSURE.search(block.text):
        return ()
    return (block_finding(block, "affiliate / sponsorship disclosure"),)


RULE = Rule(
    rule_id="legal.disclosure",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
