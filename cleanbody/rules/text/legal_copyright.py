"""Copyright lines and legal footer links.

What it removes:
    "© 2004-2019 CBS Interactive. All Rights Reserved.", "copyright
    Inexhibit 2019 - ISSN: 2283-5474", and footer link rows made only of
    legal and corporate links ("Editorial Standards / Ethics Statement /
    Privacy Policy / Terms of Use", "Privacy Policy").
What it keeps:
    Prose about copyright ("The court said the copyright had expired in
    2004."): the line must carry ©, a "copyright <year>" notice or "all
    rights reserved", and be short or start with the notice. A single
    one-word link ("Privacy") may be a subheading, so it stays.
Why:
    Every page ends with these; they are about the site, not the article.
Examples:
    remove: "© 2004-2019 CBS Interactive. All Rights Reserved."
    remove: "Editorial Standards / Ethics Statement / Privacy Policy / Terms of Use"
    keep: "The court said the copyright had expired in 2004 and the book was free to print."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import split_items, word_set
from cleanbody.tokens import lower_words
from cleanbody.vocabulary import LEGAL_LINKS

_NOTICE = regex.compile(
    r"[©ⓒⒸ]|\(c\)\s*(?:19|20)\d\d|\bcopyright\b\s*(?:©\s*)?(?:\(c\)\s*)?(?:\p{L}+\s+){0,4}(?:19|20)\d\d"
    r"|\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b"
    r"|\btodos\s+los\s+derechos\s+reservados\b|\bcopyright\s+policy\b"
    r"|무단\s*전재|재배포\s*금지|無断転載|版权所有|\bfor\s+your\s+personal,?\s+non-?commercial\s+use\s+only\b",
    regex.IGNORECASE,
)
_LINKS = frozenset(" ".join(lower_words(p)) for p in LEGAL_LINKS)
_LINK_WORDS = word_set(LEGAL_LINKS)
_NOTICE_GATE = (
    "©",
    "ⓒ",
    "Ⓒ",
    "(c)",
    "copyright",
    "rights",
    "droits",
    "rechte",
    "derechos",
    "무단",
    "재배포",
    "無断",
    "版权",
    "non-commercial use",
    "noncommercial use",
)
_MAX_NOTICE_WORDS = 60
# Longer lines count only when the notice leads them.
_MAX_SHORT_NOTICE_WORDS = 16
_LEADS = regex.compile(
    r"^\W{0,3}(?:[©ⓒⒸ]|\(c\)|copyright\b|this\s+(?:copy|article)\s+is\s+for\s+your\s+personal)", regex.IGNORECASE
)
_MAX_LINK_WORDS = 24


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    lower = block.text.lower()
    words = ctx.stats[block.index].words
    short_or_leading = words <= _MAX_SHORT_NOTICE_WORDS or _LEADS.match(block.text)
    if any(w in lower for w in _NOTICE_GATE) and short_or_leading and _NOTICE.search(block.text):
        return (block_finding(block, "copyright notice"),)
    if words <= _MAX_LINK_WORDS and _LINK_WORDS.issuperset(ctx.words(block.index)):
        items = split_items(block.text)
        single_word = len(items) == 1 and " " not in items[0].strip()
        if items and not single_word and all(" ".join(lower_words(i)) in _LINKS for i in items):
            return (block_finding(block, "legal / corporate footer links"),)
    return ()


RULE = Rule(
    rule_id="legal.copyright",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_NOTICE_WORDS,
)
