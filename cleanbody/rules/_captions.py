"""Recognising a photo caption and splitting off its credit: shared by the
caption rules of both stages and by the headline rule, which skips captions."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from cleanbody.document import Block, CaptionFound, DocContext
from cleanbody.rules._shapes import word_set
from cleanbody.tokens import lower_words
from cleanbody.vocabulary import CREDIT_LABELS, PHOTO_AGENCIES, phrases

# Agencies are names: matched as written or in capitals, so "(ePA)" is no "EPA".
_AGENCY = "(?-i:" + phrases(PHOTO_AGENCIES, tuple(a.upper() for a in PHOTO_AGENCIES)) + ")"
_LABEL = phrases(CREDIT_LABELS)
_NAME = r"(?-i:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|da|di|la|le|del|bin)){0,4})"

# "(James Manning/PA)", "(Photo: Jane Doe/Reuters)", "(AP Photo/Evan Vucci)", "(Getty Images)"
_TRAILING_PAREN = regex.compile(
    rf"""\(\s*(?P<credit>
        (?:(?:{_LABEL})\s*(?::|by)\s*)?
        (?: (?-i:\p{{Lu}})[^()/\n]{{0,59}}/\s*(?-i:\p{{Lu}})[^()\n]{{0,59}}   # Name/Agency, Agency/Name
          | (?:{_AGENCY})(?:\s+[^()\n]{{0,40}})?    # an agency, maybe with a name
          | (?:{_LABEL})\s*(?::|by)\s*[^()\n]{{1,60}}   # Photo: Name
        ))\s*\)\s*$""",
    regex.IGNORECASE | regex.VERBOSE | regex.REVERSE,
)
# "Photo: John Locher, AP" / "Image credit: Getty" at the start of the block.
_LEADING_LABEL = regex.compile(rf"^\W*(?P<label>{_LABEL})\s*(?::|-|–|—|by\b)\s*(?P<rest>.+)$", regex.IGNORECASE)
# "... Photograph by Robyn Beck/AFP/Getty Images" / "... | Getty Images" at the end.
# The trailing blanks are taken whole (possessive): giving them back one by one to a credit part that
# ends in blanks ("[^\n]{1,80}", "\s+for") rescanned the run each time, n² on a run of n spaces.
_TRAILING_LABEL = regex.compile(
    rf"""(?:^|[\s.|–—-])(?P<credit>
        (?:(?:{_LABEL})\s*(?::|by)\s*|©\s*|\bcredit:\s*)[^\n]{{1,80}}
      | {_NAME}\s*/\s*(?:{_AGENCY})(?:\s*/\s*[\p{{L}} ]{{1,30}})*
      | (?:{_AGENCY})\s*/\s*{_NAME}
      | (?:Getty\s+Images|Shutterstock|Alamy|iStock(?:photo)?|AP\s+Photo)(?:\s+for\s+[\p{{L}} ]{{1,30}})?
    )\s*+$""",
    regex.IGNORECASE | regex.VERBOSE | regex.REVERSE,
)
# Cheap gate: every trailing credit has a slash, ©, colon or parenthesis, or
# names an agency or a credit label, in its last characters.
_TRIGGER_WORDS = word_set(PHOTO_AGENCIES, CREDIT_LABELS)
_CREDIT_MARKS = re.compile(r"[/©:)]")
_TAIL_CHARS = 160
# A leading credit label ("Photo: ...") starts with one of these words.
_LABEL_WORDS = word_set(CREDIT_LABELS)
_LABEL_CHARS = 30
_BARE_CREDIT = regex.compile(rf"^\W*(?:{_AGENCY})(?:\s*/\s*(?:{_AGENCY}|{_NAME}))*\W*$", regex.IGNORECASE)
# A line that opens with one of these is a copyright notice, not a caption.
_NOTICE_OPENINGS = ("©", "(c) ", "copyright")
_MAX_CREDIT_CHARS = 60
# A credit is a name or a label: it has a capital letter or ©, so "(2024/25)"
# or "(and/or)" is not one.
_CREDIT_LIKE = regex.compile(r"[^\n]*[\p{Lu}©]")


#: Longer blocks are never captions (the rules' word gate).
CAPTION_MAX_WORDS = 70


def split_caption(text: str, words: Sequence[str] = ()) -> CaptionFound | None:
    """The caption and its credit if *text* is a credited caption, else None.

    *words* may pass the text's lower-cased words when already known.
    """
    if len(text) > 700 or text.lstrip(" \t\"'[").lower().startswith(_NOTICE_OPENINGS):
        return None
    cut = max(0, len(text) - _TAIL_CHARS)
    if _CREDIT_MARKS.search(text, cut) or not _TRIGGER_WORDS.isdisjoint(words or lower_words(text[cut:])):
        for pattern in (_TRAILING_PAREN, _TRAILING_LABEL):
            m = pattern.search(text, cut)
            if m and _CREDIT_LIKE.match(m.group("credit")):
                credit = m.group("credit").strip()
                caption = text[: m.start()].strip(" \t|–—-:(")
                return CaptionFound(caption, credit)
        if _BARE_CREDIT.match(text):
            return CaptionFound("", text.strip())
    if not _LABEL_WORDS.isdisjoint(words[:1] or lower_words(text[:_LABEL_CHARS])[:1]):
        m = _LEADING_LABEL.match(text)
        if m:
            rest = m.group("rest").strip()
            return CaptionFound("", rest) if len(rest) <= _MAX_CREDIT_CHARS else CaptionFound(rest, None)
    return None


def block_caption(block: Block, ctx: DocContext) -> CaptionFound | None:
    """:func:`split_caption` of a block, computed once per document and block."""
    cache: dict[int, CaptionFound | None] = ctx.fact("caption.credit", dict)
    if block.index not in cache:
        short = ctx.stats[block.index].words <= CAPTION_MAX_WORDS
        cache[block.index] = split_caption(block.text, ctx.words(block.index)) if short else None
    return cache[block.index]
