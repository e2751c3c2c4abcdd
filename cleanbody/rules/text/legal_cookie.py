"""Cookie banners and consent text.

What it removes:
    "This website uses cookies. By continuing to use our website ... you are
    agreeing to our use of cookies.", "Accept cookies", "Change Ad Consent",
    "Do Not Sell My Personal Information".
What it keeps:
    Articles about cookies or consent: a long prose block inside the main
    text needs the banner's own phrasing ("we use cookies", "by continuing")
    to go.
Why:
    Consent banners are the same on every page of a site and carry no article
    text; they read as prose, so word shape alone does not catch them.
Examples:
    remove: "This website uses cookies. By continuing to use our website you are agreeing to our use of cookies."
    remove: "Accept cookies"
    keep: "The bakery sold four thousand cookies on the first day of the fair."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.vocabulary import CONSENT_CONTROLS, COOKIE_WORDS, compile_line, phrases

_COOKIE = regex.compile(rf"\b{phrases(COOKIE_WORDS)}\b", regex.IGNORECASE)
_BANNER = regex.compile(
    r"\b(?:(?:we|this\s+(?:web)?site|our\s+(?:web)?site|site)\s+uses?\s+cookies|by\s+(?:continuing|using|clicking|browsing)"
    r"|(?:accept|allow|manage|reject|decline)\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences|consent|notice)"
    r"|use\s+of\s+cookies|consent\s+to|personal\s+(?:data|information)|privacy\s+policy)\b",
    regex.IGNORECASE,
)
_GATE = ("cookie", "gdpr", "consent", "ccpa", "sell my", "adchoices", "ad choices")
_CONTROL = compile_line(phrases(CONSENT_CONTROLS))
_MAX_SHORT_WORDS = 8
_MAX_WORDS = 120


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    lower = block.text.lower()
    if not any(w in lower for w in _GATE) or not _COOKIE.search(block.text):
        return ()
    if ("cookie" in lower and _BANNER.search(block.text)) or _CONTROL.match(block.text):
        return (block_finding(block, "cookie / consent banner or control"),)
    if ctx.stats[block.index].words <= _MAX_SHORT_WORDS:
        return (block_finding(block, "cookie / consent control", strength=Strength.LIKELY),)
    return ()


RULE = Rule(
    rule_id="legal.cookie",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
