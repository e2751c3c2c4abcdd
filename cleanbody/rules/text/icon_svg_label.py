"""Accessible names of icons: SVG titles, aria labels and alt text of glyphs.

What it removes:
    Runs of icon descriptions ("Facebook An icon of the Facebook "f" mark.
    Email An icon of a paper envelope. ..."), terse icon names ("icon chevron
    up", "Twitter icon"), design-tool leftovers ("Fill 2 Copy 11 Created with
    Sketch.") and logo labels ("Large National Review Logo").
What it keeps:
    Prose that mentions icons ("The Eiffel Tower is an icon of Paris, ...")
    unless icon descriptions make up the block; long blocks with one mention.
Why:
    Screen-reader text and inline SVG titles are invisible on the page but
    land first in a text scrape, often as a wall of "An icon of ..." phrases.
Examples:
    remove: "Copy link A decentered black square over a white square. Email An icon of a paper envelope."
    remove: "icon chevron up"
    keep: "The lighthouse became an icon of the town, and its keeper an icon of patience."
"""

from __future__ import annotations

import regex

from cleanbody.document import Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding
from cleanbody.tokens import word_count

_DESCRIPTION = regex.compile(
    r"\b(?:an?\s+(?:\w+\s+){0,3}?(?:icon|logo|symbol|glyph)\b|an\s+icon\s+(?:of|representing|that|used|indicating|displaying)"
    r"|an?\s+(?:\w+\s+){0,2}(?:mark|arrow|spinner)\b|icon\s+(?:of|representing|used|indicating))",
    regex.IGNORECASE,
)
_TERSE = regex.compile(
    r"^\W*(?:(?:\w+[ -]){0,3}(?:icon|icons|glyph|sprite|svg|logo)(?:[ -]\w+){0,3}"
    r"|(?:(?:fill|path|shape|group|rectangle|oval|combined\sshape|copy|page|artboard)\s*\d*\s*){1,6}"
    r"(?:created\swith\ssketch\.?)?"
    r"|created with sketch\.?)\W*$",
    regex.IGNORECASE,
)
_SKETCH = regex.compile(r"created with sketch", regex.IGNORECASE)
# One description on its own: "Twitter An icon of the Twitter logo."
_SINGLE = regex.compile(
    r"^\W*(?-i:(?:\p{Lu}[\w'’-]*\s+){1,4}An?)\s+(?:\w+\s+){0,3}(?:icon|logo|symbol|glyph|mark)\b[^.!?]{0,100}[.!?]?\W*$"
    r"|^\W*(?-i:(?:\p{Lu}[\w'’-]*\s+){1,4}An)\s+icon\s+(?:of|representing|that|used|indicating|displaying)\b",
    regex.IGNORECASE,
)
_MAX_SINGLE_WORDS = 18
_SAMPLE_CHARS = 20_000
_MAX_TERSE_WORDS = 7


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    words = ctx.stats[block.index].words
    lower = block.text.lower()
    if words <= _MAX_TERSE_WORDS and _TERSE.match(block.text):
        logo_only = "logo" in lower and not _SKETCH.search(block.text)
        return (block_finding(block, "icon or logo name", strength=Strength.LIKELY if logo_only else None),)
    if words <= _MAX_SINGLE_WORDS and ("icon" in lower or "logo" in lower) and _SINGLE.match(block.text):
        return (block_finding(block, "an icon description (svg title / aria label)"),)
    if lower.count("icon") + lower.count("logo") + lower.count("mark") < 2:
        return ()
    sample = block.text[:_SAMPLE_CHARS]  # the density of a sample stands for a huge block
    mentions = sum(1 for _ in _DESCRIPTION.finditer(sample))
    if mentions >= 2 and mentions * 12 >= (words if sample is block.text else word_count(sample)):
        return (block_finding(block, f"{mentions} icon descriptions (svg titles / aria labels)"),)
    return ()


RULE = Rule(
    rule_id="icon.svg-label",
    strength=Strength.CERTAIN,
    detect=detect,
)
