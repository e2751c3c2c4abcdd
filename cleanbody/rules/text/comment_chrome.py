"""The chrome of a comment section.

What it removes:
    "Leave a Reply Cancel reply", "14 comments", "Comments (3)", "Save my
    name, email, and website in this browser for the next time I comment.",
    "Your email address will not be published.", "%d bloggers like this:".
What it keeps:
    The comments' own text is not judged here (the main-text rule handles
    it), nor sentences that mention comments ("She declined to comment.").
Why:
    Comment forms and counters follow the article on blogs and news pages
    and their wording is fixed by the blog engine.
Examples:
    remove: "Leave a Reply Cancel reply"
    remove: "Save my name, email, and website in this browser for the next time I comment."
    keep: "She declined to comment on the report."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import certain_or_likely, made_of, word_set
from cleanbody.vocabulary import COMMENT_PHRASES

_VOCABULARY = word_set(COMMENT_PHRASES, ("a", "the", "your", "to", "on", "of", "this", "post", "article"))
_FIXED = regex.compile(
    r"^\W*(?:\d+\s+(?:comments?|replies|responses)|comments?\s*\(\d+\)|\d+\s+thoughts?\s+on\b.{0,120}"
    r"|save\s+my\s+name,?\s+email.{0,80}|your\s+email\s+address\s+will\s+not\s+be\s+published.{0,80}"
    r"|required\s+fields\s+are\s+marked.{0,10}|%d\s+bloggers\s+like\s+this.{0,5}|notify\s+me\s+of\s+(?:new|follow-up).{0,80}"
    r"|this\s+site\s+uses\s+akismet.{0,120}|comments\s+(?:are|have\s+been)\s+closed.{0,20}"
    r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment.{0,10}|(?:\d+\s+)?comments?\s+(?:on|for)\s+this\s+(?:article|story|post))\W*$",
    regex.IGNORECASE,
)
_STRONG = frozenset(("comment", "comments", "reply", "replies", "discussion", "conversation"))
_TRAILING_COUNT = regex.compile(r"\s\d+\s+comments?\s*$", regex.IGNORECASE)
_MAX_WORDS = 30


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.words(block.index)
    if _FIXED.match(block.text):
        return (block_finding(block, "comment form or counter"),)
    if made_of(words, _VOCABULARY, 6):
        return (block_finding(block, "comment form or counter", strength=certain_or_likely(words, _STRONG)),)
    if not ctx.in_main(block.index) and _TRAILING_COUNT.search(block.text):
        return (block_finding(block, "teaser with a comment count", strength=Strength.LIKELY),)
    return ()


RULE = Rule(
    rule_id="comment.chrome",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
    needs_main=True,
)
