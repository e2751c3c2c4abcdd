"""A text browser's stand-ins for what it cannot show: ``IFRAME: url``, ``[photo.jpg]``, ``[IMG]``.

What it removes:
    The line a text browser (lynx, links) writes for an inline frame
    ("IFRAME: https://widgets.example.com/feed?id=7", its URL wrapped over
    lines or missing), an image shown by its file name ("[divider.gif]",
    "[team-photo-2024.jpg]", wrapped or not), and the browser's own markers
    "[IMG]", "[INLINE]", "[LINK]", "[EMBED]" and "(BUTTON)", wherever they
    sit. A line left with nothing but bullets and marks goes whole.
What it keeps:
    The words beside a marker (a button's label, the text after an image),
    a bracketed file name that is a Markdown link's text
    ("[chart.png](/files/chart.png)") or an image's alt text, and a line
    that only starts with "IFRAME:" and goes on in words.
Why:
    The browser writes these, not the page's author: a frame's address and
    an image's file name are read by nobody who sees the page, yet in a
    dump they weigh as words.
Examples:
    remove: "IFRAME: https://widgets.example.com/feed?id=7&size=468x60"
    remove: "[divider.gif]"
    keep: "See the [turnout-chart.png](/files/turnout-chart.png) for every ward."
"""

from __future__ import annotations

import regex

from cleanbody.document import BULLET_AND_MARKS, Block, DocContext, Finding, Strength
from cleanbody.rules._base import Rule, block_finding

# A file name may be wrapped once or more by the browser (a line break inside it, never a space);
# the length bound keeps a scan from each "[" short.
_IMAGE_FILE = regex.compile(
    r"(?<![!\]])\[(?:[^\[\]\s]|\n(?=[^\[\]\s])){1,300}?\.(?:gif|png|jpe?g|svg|webp|avif|bmp|ico)\](?!\()",
    regex.IGNORECASE,
)
_MARKERS = regex.compile(r"\[(?:IMG|INLINE|LINK|EMBED)\](?!\()|\(BUTTON\)")
_FRAME = "IFRAME:"


def _is_frame(block: Block) -> bool:
    """A block that is a frame's line: "IFRAME:" and an address, which has no blanks of its own, so
    it is at most one word per line the browser wrapped it over."""
    text = block.text.strip()
    return text.startswith(_FRAME) and len(text[len(_FRAME) :].split()) <= len(block.lines)


def detect(block: Block, ctx: DocContext) -> tuple[Finding, ...]:
    if _is_frame(block):
        return (block_finding(block, "a text browser's placeholder for an inline frame"),)
    span = ctx.text[block.start : block.end]
    if "[" not in span and "(BUTTON)" not in span:
        return ()
    found = [
        Finding(m.start(), m.end(), "a text browser's placeholder for an image or a control")
        for pattern in (_IMAGE_FILE, _MARKERS)
        for m in pattern.finditer(ctx.text, block.start, block.end)
    ]
    if not found:
        return ()
    rest = _IMAGE_FILE.sub("", _MARKERS.sub("", span))
    if not rest.strip(BULLET_AND_MARKS + "*+"):
        return (block_finding(block, "a text browser's placeholders and nothing else"),)
    return tuple(sorted(found, key=lambda f: f.start))


RULE = Rule(
    rule_id="media.placeholder",
    strength=Strength.CERTAIN,
    detect=detect,
    # A clean text dump of an article has its images too: they do not show page chrome.
    shows_chrome=False,
    reach="everywhere",
)
