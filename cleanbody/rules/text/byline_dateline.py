"""Datelines and timestamps: lines that only say when, moved to metadata.

What it removes:
    "November 19, 2019 at 10:13 am", "Published: Tuesday, Sept. 3, 2019",
    "2019-11-19T08:57:40+01:00", "Updated 2 hours ago", "5 min read",
    "Chris Davies - Nov 19, 2019, 10:31 pm CST" (a name and a date). The
    first date goes to ``metadata.date``.
What it keeps:
    Sentences with a date in them ("On November 19, 2019 the court ruled
    that ..."): more than a few words besides the date mean prose. Every
    dateline of a document with more than three: those are the dates of a
    listing's, a feed's or an event calendar's items, part of each item.
Why:
    Publication times belong to metadata; in the body they break the first
    paragraph off from the headline and pollute every text metric.
Examples:
    remove: "November 19, 2019 at 10:13 am"
    remove: "Updated 2 hours ago"
    keep: "On November 19, 2019 the court ruled that the contract was void."
"""

from __future__ import annotations

from cleanbody.document import Block, Date, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.rules._bylines import is_dateline
from cleanbody.text.dates import find_date

_MAX_WORDS = 16
# More datelines than this are a listing's or a feed's item dates, not the article's dateline. On the
# WCXB tuning part: listing 0.565 -> 0.575, all pages 0.8184 -> 0.8194 (6: 0.8193); trafilatura-eval
# 0.9272 -> 0.9274, Zyte unchanged, the plain-text dev split 0.9272 -> 0.9269.
_MAX_DATELINES = 3


def _too_many(ctx: DocContext) -> bool:
    """Whether the document has more than ``_MAX_DATELINES`` datelines. Asked only once a block is
    one, and counted no further than the limit: most documents never need the count."""
    found = 0
    for b, st in zip(ctx.blocks, ctx.stats, strict=True):
        if st.words <= _MAX_WORDS and is_dateline(b.text):
            found += 1
            if found > _MAX_DATELINES:
                return True
    return False


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if not is_dateline(block.text) or ctx.fact("byline.dateline", lambda: _too_many(ctx)):
        return ()
    date = find_date(block.text, day_first=ctx.page is not None and ctx.page.day_first)
    reason = f"dateline ({date})" if date else "timestamp or reading time"
    return (block_finding(block, reason, harvest=(Date(date),) if date else ()),)


RULE = Rule(
    rule_id="byline.dateline",
    strength=Strength.CERTAIN,
    detect=detect,
    reach="near",
    max_words=_MAX_WORDS,
)
