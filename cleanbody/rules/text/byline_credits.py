"""Credit and contact lines at the end of a story.

What it removes:
    Lines that credit other reporters or say how to reach the writer:
    "Keith Bradsher contributed reporting from Hong Kong.", "Contributing:
    Kristine Phillips", "(Reporting by Will Dunham; Editing by Tom Brown)",
    "Additional reporting by Saqib Iqbal Ahmed", "With Post wires", "Write
    to Al Root at allen.root@dowjones.com", "Email Tariq Malik at
    tmalik@space.com or follow him @tariqjmalik", a bare e-mail address.
What it keeps:
    Sentences that mention reporting or writing as part of the story ("She
    contributed to the fund for ten years, records show."): the credit
    shapes need a person's name and few other words.
Why:
    Credits and contact details are about the article, not in it; readers
    of the text do not need them, and they read as stray sentences.
Examples:
    remove: "Keith Bradsher contributed reporting from Hong Kong."
    remove: "Write to Al Root at allen.root@dowjones.com"
    keep: "She contributed to the fund for ten years, records show."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

# Case-sensitive inside the case-insensitive patterns: a name is capitalised.
_NAME = r"(?-i:\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|van|von|da|di|la|le|del|bin)){0,4})"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,12}},?"
_ORG = r"(?-i:(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.&-]*\s+){0,5})"
_CREDIT = regex.compile(
    rf"""^\W{{0,3}}(?:
        (?:{_ORG}(?:writers?|reporters?|correspondents?|staff)\s+)?{_NAMES}\s+(?:also\s+)?contributed
            (?:\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article)))?(?:\s+from\s+{_NAMES})?
      | (?:contributing|contributors?)\s*:\s*{_NAMES}
      | (?:additional\s+)?(?:reporting|writing|editing)\s+by\s+{_NAMES}
            (?:\s*(?:;|,|and)\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+{_NAMES}){{0,4}}
            (?:\s+in\s+{_NAMES})?
      | with\s+(?:{_ORG})?wires?
    )\W{{0,3}}$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Starts where its run of address characters starts: searched from each letter of a 40,000-letter
# run before an "@" with no domain after it, it rescanned the run (20 s). Possessive, as "@" and "."
# end the runs before them.
_EMAIL = r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]+)+"
_HANDLE = r"@\w{2,30}"
_CONTACT = regex.compile(
    rf"""^\W{{0,3}}(?:
        (?:write|e-?mail|reach|contact)\s+(?:to\s+)?(?:the\s+(?:author|reporters?|writers?)|{_NAMES}|him|her|them|us|me)
            (?:\s+(?:at|on|via)\s+\S.*)
      | (?:{_EMAIL}|(?:https?://)?(?:www\.)?twitter\.com/\w+|{_HANDLE})
    )$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_CONTACT_MARK = regex.compile(rf"{_EMAIL}|{_HANDLE}|twitter\.com/")
_HINTS = ("contribut", "reporting", "writing", "editing", "wire", "@", "twitter.com")
_MAX_WORDS = 40


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    text = block.text.strip()
    lowered = text.lower()
    if not any(h in lowered for h in _HINTS):
        return ()
    if _CREDIT.match(text):
        return (block_finding(block, "credit line (who else reported or edited)"),)
    if _CONTACT_MARK.search(text) and _CONTACT.match(text):
        return (block_finding(block, "how to contact the writer"),)
    return ()


RULE = Rule(
    rule_id="byline.credits",
    strength=Strength.CERTAIN,
    detect=detect,
    max_words=_MAX_WORDS,
)
