"""Newsletter and subscription sign-up boxes.

What it removes:
    Short elements named as sign-up boxes (``class="newsletter-signup"``,
    ``mc4wp-form``, ``subscribe-box``), and short forms that ask for an
    e-mail address, with every state of their text ("Thanks for signing
    up!", "There was an error processing your subscription.").
What it keeps:
    Anything long enough to be an article: a page about a newsletter.
Why:
    Sign-up copy is a promotion of the site, not part of the article.
Examples:
    remove: ``<div class="newsletter-signup">Get our morning briefing ...</div>``
    keep: an article paragraph that mentions a newsletter
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml.html import HtmlElement

from cleanbody.document import PageFacts
from cleanbody.rules._base import DomFinding, DomRule
from cleanbody.rules._elements import element_words, named_like

_NAMES = regex.compile(
    r"(?<![a-z])(?:newsletters?|subscribe|subscription|signup|sign-up|optin|opt-in|mc4wp|mailchimp|mc_embed_signup)"
    r"(?![a-z])"
)
_MAX_WORDS = 80
_CONSENT = regex.compile(r"cookie|consent|gdpr|privacy", regex.IGNORECASE)

_HINTS = ("newsletter", "subscri", "sign", "opt", "mc4wp", "mailchimp", "mc_embed")


def find(root: HtmlElement, page: PageFacts) -> Iterator[DomFinding]:
    for element in named_like(page, _NAMES):
        if _CONSENT.search(f"{element.get('class', '')} {element.get('id', '')}"):
            continue  # a cookie banner's "opt-in" is consent, not a newsletter
        if element_words(element) <= _MAX_WORDS:
            yield DomFinding(element, "newsletter / subscription sign-up box (named so in its class or id)")
    for form in root.iter("form"):
        if form.xpath(".//input[@type='email']") and element_words(form) <= _MAX_WORDS:
            yield DomFinding(form, "form asking for an e-mail address (sign-up)")


RULE = DomRule(
    rule_id="promo.signup-form",
    find=find,
    hints=_HINTS,
)
