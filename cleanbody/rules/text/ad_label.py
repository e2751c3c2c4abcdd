"""Advertisement and sponsored-content labels.

What it removes:
    "Advertisement", "ADVERTISEMENT – Star Tours", "Story continues below
    advertisement", "Sponsored", "The Macallan BrandVoice | Paid Program".
What it keeps:
    Sentences about advertising ("Advertisement spending rose 4% last
    year."): the label must be the whole line or lead a short one.
Why:
    Ad slots leave their label in the text between paragraphs even when the
    ad itself is not scraped.
Examples:
    remove: "Advertisement"
    remove: "The Macallan BrandVoice | Paid Program"
    keep: "Advertisement spending rose 4% last year, the agency said."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.vocabulary import AD_LABELS, compile_line, phrases

_WHOLE = compile_line(phrases(AD_LABELS))
_LEADING = regex.compile(r"^\W*(?:advertisement|advertising|sponsored|anzeige|werbung)\s*[-–—:|]", regex.IGNORECASE)
_BRAND = regex.compile(r"\b(?:brandvoice|paid\s+program|paid\s+post|sponsored\s+(?:content|post))\b", regex.IGNORECASE)
# "Sponsored by Acme" is a label; "The fair was sponsored by the city." is not.
_SPONSORED_BY = regex.compile(
    r"^\W*(?:sponsored|presented|powered|brought\s+to\s+you)\s+by\b[^.!?]*$", regex.IGNORECASE
)
_MAX_WORDS = 8


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    text = block.text
    if _WHOLE.match(text) or _LEADING.match(text) or _BRAND.search(text) or _SPONSORED_BY.match(text):
        return (block_finding(block, "advertisement / sponsored label"),)
    return ()


RULE = Rule(
    rule_id="ad.label",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
