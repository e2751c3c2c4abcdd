"""Share, follow and copy-link prompts.

What it removes:
    Lines made only of sharing words and network names ("Share on WhatsApp",
    "Facebook Twitter Email", "Copy link", "Messenger Share on Messenger"),
    follow prompts ("Like us on Facebook to see similar stories", "Follow us
    on Twitter"), and "Click To Tweet" glued to a quoted sentence (only those
    three words go).
What it keeps:
    Sentences about social networks ("Facebook said it would share the
    data with regulators."): any word outside the sharing vocabulary keeps
    a short line.
Why:
    Share bars repeat at the top and bottom of every article and between
    its paragraphs; they are page chrome, never content.
Examples:
    remove: "Share on WhatsApp"
    remove: "Like us on Facebook to see similar stories"
    keep: "Facebook said it would share the data with regulators."
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._shapes import made_of, word_set
from cleanbody.text.normalize import fold, unfolder
from cleanbody.vocabulary import NOT_MID_WHITESPACE, SHARE_PHRASES, SHARE_VERBS, SOCIAL_NETWORKS, phrases

_VOCABULARY = word_set(
    SHARE_PHRASES,
    SHARE_VERBS,
    SOCIAL_NETWORKS,
    (
        "on",
        "via",
        "to",
        "us",
        "this",
        "the",
        "with",
        "by",
        "a",
        "an",
        "article",
        "story",
        "post",
        "page",
        "link",
        "links",
        "url",
        "options",
        "opens",
        "in",
        "new",
        "window",
        "tab",
        "friend",
        "friends",
        "social",
        "media",
        "networks",
        "icon",
        "button",
        "teilen",
        "partager",
        "compartir",
        "condividi",
        "compartilhe",
        "compartilhar",
        "delen",
        "udostępnij",
        "поделиться",
    ),
)
_NETWORKS = phrases(SOCIAL_NETWORKS)
_FOLLOW = regex.compile(
    # "Follow The New York Times Opinion section on Facebook": only "follow"
    # takes a long object; "Like many people on Twitter, ..." is a sentence.
    rf"^\W*(?:follow\s+(?:[\w'’.&@-]+\s+){{1,7}}|(?:like|join|find|connect\s+with|subscribe\s+to)\s+(?:us|@\w+|\w+)\s+)"
    rf"(?:on|at)\s+{_NETWORKS}\b",
    regex.IGNORECASE,
)
_CLICK_TO_TWEET = regex.compile(rf"{NOT_MID_WHITESPACE}\s*\bclick\s+to\s+tweet\b\W*", regex.IGNORECASE)
_MAX_WORDS = 10
_MAX_FOLLOW_WORDS = 24


def _click_to_tweet(text: str, line: tuple[int, int]) -> Iterator[Finding]:
    """The button's words inside one line of *text*, found in the line as a reader sees it (folded)."""
    start, end = line
    raw = text[start:end]
    at = unfolder(raw)
    for m in _CLICK_TO_TWEET.finditer(fold(raw)):
        yield Finding(start + at(m.start()), start + at(m.end()), "'Click To Tweet' button text")


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.stats[block.index].words
    if words <= _MAX_WORDS and made_of(ctx.words(block.index), _VOCABULARY, _MAX_WORDS):
        return (block_finding(block, "share / social buttons"),)
    if words <= _MAX_FOLLOW_WORDS and _FOLLOW.match(block.text):
        return (block_finding(block, "follow prompt"),)
    if "tweet" not in block.text.lower():
        return ()
    return tuple(finding for line in block.lines for finding in _click_to_tweet(ctx.text, line))


RULE = Rule(
    rule_id="share.prompt",
    strength=Strength.CERTAIN,
    detect=detect,
)
