""" "Read more", related-story and "Also on" teasers.

What it removes:
    Lines led by a teaser label ("Read more: Alibaba poised to launch ...",
    "RELATED: ...", "See also: ..."), and section labels of teaser lists
    ("Most Read", "More in MoneyWatch", "Related coverage from ...:",
    "You may also like").
What it keeps:
    Sentences that start with the same words ("More than 2,500 migrants
    have arrived ..."): a label must end the line or be followed by a colon
    or dash.
Why:
    Teasers for other stories sit inside and after the article and read like
    headlines; the label in front of them is the reliable tell.
Examples:
    remove: "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing"
    remove: "Most Read"
    keep: "More than 2,500 migrants have arrived in the UK so far this year."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.vocabulary import RELATED_LEADS, compile_line, phrases

_LEADS = phrases(RELATED_LEADS)
_WHOLE = compile_line(_LEADS)
_LABELLED = regex.compile(rf"^\W*{_LEADS}\s*(?::|\||»|›|>|–|—|-\s)", regex.IGNORECASE)
_MORE_FROM = regex.compile(
    r"^\W*(?:more|latest)\s+(?:in|from|on|about|stories|news|articles|videos)\b(?:\s+\S+){0,5}\W*$"
    r"|^\W*(?:top|best|popular|trending)\s+(?:stories|news|articles|videos|reads)\b(?:\s+\S+){0,3}\W*$"
    r"|^\W*(?:also\s+on|related\s+(?:coverage|stories|articles|content|topics|reading)|recommended\s+for\s+you)\b.{0,80}$"
    r"|^\W*(?:you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in))\b",
    regex.IGNORECASE,
)
_MAX_WORDS = 30
_MAX_LABEL_WORDS = 8


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    text = block.text
    if _LABELLED.match(text):
        return (block_finding(block, "labelled teaser for another story"),)
    if ctx.stats[block.index].words <= _MAX_LABEL_WORDS and (_WHOLE.match(text) or _MORE_FROM.match(text)):
        return (block_finding(block, "related / more-stories label"),)
    return ()


RULE = Rule(
    rule_id="nav.read-more",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
