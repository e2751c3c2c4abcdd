"""Unrendered CMS shortcodes.

What it removes:
    Lines where a WordPress-style shortcode leaked into the page text
    unrendered: ``[button link="..." type="big"] Send us YOUR kit
    review[/button]``, ``[caption id="attachment_12" align="alignnone"]``,
    ``[/caption]``, ``[embed]https://...[/embed]``.
What it keeps:
    Square brackets in prose ("[sic]", "[1]", "the [redacted] memo"): a
    shortcode has a tag name followed by ``attribute=`` pairs, or a closing
    ``[/tag]``.
Why:
    A shortcode is an instruction to the CMS that failed to run; its text is
    a widget label, not the article.
Examples:
    remove: "[button link="http://example.com/submit/" type="big"] Send us YOUR review[/button]"
    keep: "The memo said the plan was [sic] final."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

_TAG = regex.compile(
    r"\[/?[a-z][a-z0-9_-]{1,30}(?:\s+[a-z_-]{1,30}\s*=\s*[\"'”“″]?[^\]\n]{0,300})?\]", regex.IGNORECASE
)
_SHORTCODE = regex.compile(r"\[[a-z][a-z0-9_-]{1,30}\s+[a-z_-]{1,30}\s*=|\[/[a-z][a-z0-9_-]{1,30}\]", regex.IGNORECASE)
_MAX_WORDS = 40
_MAX_OTHER_WORDS = 12


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    text = block.text
    if "[" not in text or not _SHORTCODE.search(text):
        return ()
    if len(_TAG.sub(" ", text).split()) > _MAX_OTHER_WORDS:
        return ()
    return (block_finding(block, "unrendered CMS shortcode"),)


RULE = Rule(
    rule_id="junk.shortcode",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
