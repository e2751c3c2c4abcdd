"""Measure blocks and find the main text: the stretch of the page where the
article is.

A naive scrape is mostly menus, teasers and footers around one dense run of
prose. Each block gets a weight, positive for prose (its word count) and
negative for everything else (more negative the longer a non-sentence is),
and the main text is the contiguous run of blocks with the largest total
weight (the maximum-subarray problem, solved in one linear pass). Short
sentences touching that run are pulled in, so a clean article's closing
one-liner is not cut off. The weights use only the block's own shape, never
what certain findings already took, never on likely ones.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import regex

from cleanbody.document import Block, BlockStats, DocContext, PageEvidence
from cleanbody.text.normalize import MarkdownLines, normalize
from cleanbody.text.segment import segment
from cleanbody.tokens import word_count

_TERMINAL = regex.compile(r"[.!?。！？…\"”’»]\W{0,3}$")
_LOWER_WORD = regex.compile(r"\b\p{Ll}{2,}")
_ASCII_LOWER_WORD = re.compile(r"\b[a-z]{2,}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

PROSE_MIN_WORDS = 12
LONG_BLOCK_WORDS = 25
FIRST_IN_RUN_COST = PROSE_MIN_WORDS - 1.0
MIN_PROSE_BEFORE_COMMENTS = 40
MIN_COMMENT_MARKERS = 2
# Comments after an article without a section header are cut only if the
# article weighs at least half as much as they do; a heavier thread is a
# forum's. plaintext-wild tune 0.714 -> 0.726 (forum 0.446 -> 0.595), the
# plain-text dev split 0.9278 -> 0.9304. Without the header exception the
# dev split lost 0.0016 (a blog's "34 responses to ..." thread).
THREAD_SHARE = 0.5
# A few long blocks (a comment, a bio) must not outweigh the many short
# lines that separate them from the article: prose weight is capped, and
# every non-prose line costs a fixed amount plus one per word (capped).
_SCORE_CAP = 60.0
_PENALTY = 6.0
_PENALTY_PER_WORD = 1.0
_PENALTY_WORDS_CAP = 20
# A run of prose lighter than two long paragraphs (2 x _SCORE_CAP) is not a
# whole article but one part of the content (a tutorial's section, a post,
# an item): then the sentence-shaped lines between such parts cost nothing.
# plaintext-wild tune 0.635 -> 0.657, its check part 0.672 -> 0.686; the
# plain-text dev split unchanged (0.9271); at 3 x _SCORE_CAP it lost 0.003.
# Costing nothing only next to prose (a section heading) gained 0.008 less.
LONE_ARTICLE_WEIGHT = 2 * _SCORE_CAP
# An article's heaviest run holds most of the page's prose; when it holds
# less than a third, the prose is spread over the page (a thread's posts, a
# listing's items, the sections of a documentation page) and the main text
# runs from the first prose block to the last. plaintext-wild tune 0.676 ->
# 0.715 (article 0.828 -> 0.862, documentation 0.689 -> 0.819), check 0.704
# -> 0.732; the plain-text dev split 0.9271 -> 0.9278. At 0.4 and 0.5 the
# dev split lost 0.0002 and 0.004.
MAIN_RUN_SHARE = 1 / 3


def _sentence_like(text: str) -> bool:
    """Has lower-case words (or CJK), i.e. is not a Title Case label."""
    if text.isascii():  # the stdlib is faster on the common case
        return _ASCII_LOWER_WORD.search(text) is not None
    return _LOWER_WORD.search(text) is not None or _CJK.search(text) is not None


# Comment-section chrome: a section's header ("34 responses to ...", "Leave
# a Reply") and each comment's own lines ("jdoe says:", "Reply"). "12
# replies" is a post's line: forums show it under the first post.
_COMMENTS_HEADER = regex.compile(
    r"""^\W*(?:\d+\s+(?:comments?|responses?|thoughts?|reactions?)(?:\s+(?:to|on)\b.{0,200})?
      | (?:reader\s+)?comments?(?:\s*\(\d+\))?
      | leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?
      | (?:post|add|write)\s+(?:a|your)\s+comment
      | join\s+the\s+(?:discussion|conversation)
      | (?:show|view|load)\s+(?:all\s+)?comments
    )\W*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_COMMENT_LINE = regex.compile(
    r"""^\W*(?:\d+\s+replies(?:\s+(?:to|on)\b.{0,200})?
      | [^\s:]{1,40}(?:\s+[^\s:]{1,40}){0,3}\s+(?:says|said|wrote):
      | reply | report(?:\s+abuse)? | \d+\s+likes?
    )\W*$""",
    regex.IGNORECASE | regex.VERBOSE,
)


# Cheap gate: every form above has one of these.
_COMMENT_WORDS = re.compile(
    r"comment|respons|repl|thought|reaction|discussion|conversation|s(?:ay|ai)d?s?:|wrote:|report|like", re.IGNORECASE
)


def opens_comments(block: Block) -> bool:
    return (
        len(block.text) < 300
        and _COMMENT_WORDS.search(block.text) is not None
        and (_COMMENTS_HEADER.match(block.text) is not None or _COMMENT_LINE.match(block.text) is not None)
    )


class CommentMarks(NamedTuple):
    """The non-prose blocks with comment-section chrome, in order, and those
    of them that head a comment section: a header the page shows once (a
    Q&A page's "Add a comment" under every answer is a post's line)."""

    stops: tuple[int, ...] = ()
    headers: frozenset[int] = frozenset()


NO_COMMENTS = CommentMarks()


def comment_marks(ctx: DocContext) -> CommentMarks:
    """See :class:`CommentMarks` and :func:`main_span`."""
    stops = tuple(b.index for b in ctx.blocks if not ctx.stats[b.index].prose and opens_comments(b))
    shown = Counter(ctx.blocks[i].text for i in stops)
    headers = frozenset(
        i for i in stops if shown[ctx.blocks[i].text] == 1 and _COMMENTS_HEADER.match(ctx.blocks[i].text)
    )
    return CommentMarks(stops, headers)


def block_stats(block: Block) -> BlockStats:
    text = block.text
    words = word_count(text)
    terminal = _TERMINAL.search(text[-8:]) is not None
    sentence = _sentence_like(text)
    prose = sentence and ((words >= PROSE_MIN_WORDS and terminal) or words >= LONG_BLOCK_WORDS)
    if prose:
        score = min(words, _SCORE_CAP)
    elif terminal and sentence and 4 <= words <= PROSE_MIN_WORDS:
        score = -1.0
    else:
        score = -(_PENALTY + _PENALTY_PER_WORD * min(words, _PENALTY_WORDS_CAP))
    return BlockStats(words=words, terminal=terminal, prose=prose, score=score, sentence=sentence)


def markdown_structure(ctx: DocContext) -> frozenset[int]:
    """Blocks that are code between fences or rows of a table with a delimiter row: the content's
    own structure, which page chrome does not take (a menu is a list, not a table with a header
    rule; a code fence is written by the author). See ``neutral`` in :func:`main_span`."""
    text = ctx.text
    if "```" not in text and "~~~" not in text and "|" not in text:
        return frozenset()
    reader = MarkdownLines()
    # Every line is read, in order: the reader follows the fences and tables through the text.
    return frozenset(
        {block.index for block in ctx.blocks for start, end in block.lines if reader.kind(text[start:end])}
    )


def _weights(stats: tuple[BlockStats, ...], noise: frozenset[int]) -> list[float]:
    """Block weights for the search.

    Blocks in *noise* (wholly taken by a certain finding) weigh at most zero:
    an icon wall or a cookie banner is prose-shaped but must not pull the
    main text towards it. An article is interrupted by single lines (a
    subheading, a caption, an ad label) while chrome comes in runs, so the
    first non-prose block after prose costs at most ``FIRST_IN_RUN_COST``:
    less than the lightest prose block weighs, so one line between two
    paragraphs can never cut the article.
    """
    weights = []
    previous_prose = False
    for i, s in enumerate(stats):
        weight = min(s.score, 0.0) if i in noise else s.score
        if weight < 0 and previous_prose:
            weight = max(weight, -FIRST_IN_RUN_COST)
        previous_prose = s.prose and i not in noise
        weights.append(weight)
    return weights


def _heaviest_run(weights: list[float], end: int) -> tuple[int, int] | None:
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i in range(end):
        score = weights[i]
        if run <= 0:
            run, run_start = score, i
        else:
            run += score
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def main_span(
    stats: tuple[BlockStats, ...],
    noise: frozenset[int] = frozenset(),
    comments: CommentMarks = NO_COMMENTS,
    neutral: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """Indices (first, last) of the main text, or None without prose.

    *comments* marks the blocks with comment-section chrome (a header, a
    "jdoe says:" line). Comments follow the article, so where a mark opens
    a thread (at least two such blocks from it to the end of the main
    text) after some prose, the main text ends before it, and the search is
    repeated on what comes before. One stray "Comments" line does not cut,
    nor does a thread that weighs more than twice the prose before it and
    has no section header: that is a forum, whose posts are the content.
    When the heaviest run is light (see ``LONE_ARTICLE_WEIGHT``), the search
    is made again with sentence-shaped lines costing nothing, so the parts of
    content that is not one article join; menus and labels still separate.
    When even that run holds little of the page's prose (``MAIN_RUN_SHARE``),
    the main text spans all of it. Blocks in *neutral* (a Markdown table or
    code block: :func:`markdown_structure`) cost nothing, so a tutorial's
    code between two paragraphs does not cut it.
    """
    weights = _weights(stats, noise)
    for i in neutral:
        weights[i] = max(weights[i], 0.0)
    span = _heaviest_run(weights, len(weights))
    if span is None:
        return None
    if sum(weights[span[0] : span[1] + 1]) < LONE_ARTICLE_WEIGHT:
        weights = [0.0 if w < 0 and s.sentence else w for w, s in zip(weights, stats, strict=True)]
        span = _heaviest_run(weights, len(weights)) or span
    prose = [i for i, w in enumerate(weights) if w > 0]
    if sum(weights[i] for i in prose if span[0] <= i <= span[1]) < MAIN_RUN_SHARE * sum(weights[i] for i in prose):
        span = prose[0], prose[-1]
    inside = [s for s in comments.stops if span[0] < s <= span[1]]
    if len(inside) >= MIN_COMMENT_MARKERS:
        stop = inside[0]
        prose_before = sum(s.words for s in stats[span[0] : stop] if s.prose)
        prose_after = sum(s.words for s in stats[stop : span[1] + 1] if s.prose)
        article = stop in comments.headers or prose_before >= THREAD_SHARE * prose_after
        if prose_before >= MIN_PROSE_BEFORE_COMMENTS and article:
            span = _heaviest_run(weights, stop) or span
    first, last = span
    while first > 0 and first - 1 not in noise and _touching_sentence(stats[first - 1]):
        first -= 1
    while last + 1 < len(stats) and last + 1 not in noise and _touching_sentence(stats[last + 1]):
        last += 1
    return first, last


def _touching_sentence(s: BlockStats) -> bool:
    return s.terminal and s.score >= -1.0


def analyze(text: str, page: PageEvidence | None = None, *, unwrap: bool = True) -> DocContext:
    """Working text, blocks and their stats; the main text is not known yet.

    *page* is given on the HTML path only (see ``DocContext.page``); *unwrap*
    joins hard-wrapped lines (see :func:`~cleanbody.text.segment.segment`).
    """
    working = normalize(text)
    blocks = segment(working, unwrap=unwrap)
    return DocContext(working, blocks, tuple(block_stats(b) for b in blocks), None, page=page)
