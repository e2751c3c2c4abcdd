"""Newsletter, subscription, sign-in and paywall prompts.

What it removes:
    "Subscribe to our Newsletters", "Sign up for our daily briefing",
    "Login/Register", "To Read the Full Story", "No spam, we promise. You can
    unsubscribe at any time ...", and the states of a sign-up widget ("Thanks
    for signing up!", "There was an error processing your subscription.").
What it keeps:
    Prose that mentions subscribing ("Thousands of readers subscribed after
    the report ran."); a longer line is only removed where it sits outside
    the main text or is not prose.
Why:
    Sign-up boxes interrupt articles and close them; their copy is written to
    look like prose, so vocabulary, not shape, gives them away.
Examples:
    remove: "Subscribe to our Newsletters"
    remove: "No spam, we promise. You can unsubscribe at any time."
    keep: "Thousands of readers subscribed after the report ran."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import word_set
from cleanbody.tokens import lower_words
from cleanbody.vocabulary import NEWSLETTER_PHRASES, phrases

_PHRASE = phrases(NEWSLETTER_PHRASES)
_LEADING = regex.compile(rf"^\W*{_PHRASE}\b", regex.IGNORECASE)
_ANYWHERE = regex.compile(rf"\b{_PHRASE}\b", regex.IGNORECASE)
# A phrase can only match if the block has one of its words.
_KEY_WORDS = word_set(NEWSLETTER_PHRASES) - frozenset(
    "to the for our your a in at any we you are now there was an of get up out all set re is".split()
)
# A leading phrase can only match if the block starts with its first word.
_FIRST_WORDS = frozenset(lower_words(p)[0] for p in NEWSLETTER_PHRASES)
_MAX_LEADING_WORDS = 14
_MAX_LIKELY_WORDS = 45


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.stats[block.index].words
    first = ctx.words(block.index)[:1]
    if words <= _MAX_LEADING_WORDS and not _FIRST_WORDS.isdisjoint(first) and _LEADING.match(block.text):
        return (block_finding(block, "newsletter / sign-in prompt"),)
    if _KEY_WORDS.isdisjoint(ctx.words(block.index)):
        return ()
    hits = [m.group(0).lower() for m in _ANYWHERE.finditer(block.text)]
    if len(hits) >= 2 or (hits and words <= _MAX_LEADING_WORDS):
        return (block_finding(block, f"subscription copy ('{hits[0]}')", strength=Strength.LIKELY),)
    return ()


RULE = Rule(
    rule_id="promo.newsletter",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_LIKELY_WORDS,
)
