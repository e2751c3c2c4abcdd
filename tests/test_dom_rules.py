"""DOM rules judged on the elements they find, where trafilatura would hide the answer in the text.

trafilatura drops some short elements by itself (a "caption" or "rating" class), so whether a rule
kept one cannot be read from the body; these tests read the rule's findings instead.
"""

from __future__ import annotations

from lxml.html import fromstring

from cleanbody.html.prune import page_facts
from cleanbody.rules.dom import caption_figure, zone_hidden_element


def _found(html: str) -> list[str]:
    root = fromstring(f"<html><body>{html}</body></html>")
    body = root.find("body")
    facts = page_facts(body, caption_figure.RULE.hints)
    return [" ".join(f.element.text_content().split()) for f in caption_figure.RULE.find(root, facts)]


def test_caption_box_beside_a_picture_is_found() -> None:
    html = '<div class="photo"><img src="a.jpg"><p class="wp-caption-text">Swimmers at a protest last summer</p></div>'
    assert _found(html) == ["Swimmers at a protest last summer"]


def test_caption_class_with_no_picture_is_not_a_caption() -> None:
    # A type size ("fs-caption") or a rating's label, repeated on every card of a listing.
    cards = "".join(
        f'<div class="card"><h3>Question {i}</h3><p class="fs-caption">Asked by {i} people</p></div>' for i in range(5)
    )
    assert _found(cards) == []


def test_figure_with_text_and_no_figcaption_is_a_card() -> None:
    html = '<figure class="stat"><img src="icon.png" alt=""><p>Removes up to 99% of allergens</p></figure>'
    assert _found(html) == []


def test_figure_with_a_figcaption_is_found() -> None:
    html = "<figure><img src='r.jpg'><figcaption>The river at dawn (Jane Doe/PA)</figcaption></figure>"
    assert _found(html) == ["The river at dawn (Jane Doe/PA)"]


def _hidden_found(html: str) -> list[str]:
    root = fromstring(f"<html><body>{html}<p>{'The rest of the page says a good deal more. ' * 30}</p></body></html>")
    facts = page_facts(root.find("body"), zone_hidden_element.RULE.hints)
    return [" ".join(f.element.text_content().split()) for f in zone_hidden_element.RULE.find(root, facts)]


def test_hidden_element_is_found() -> None:
    assert _hidden_found("<div hidden>Thanks for signing up!</div>") == ["Thanks for signing up!"]


def test_accordion_panel_is_kept() -> None:
    html = '<button aria-controls="a1">Do you ship abroad?</button><div id="a1" hidden>Yes, to 30 countries.</div>'
    assert _hidden_found(html) == []


def test_tab_panel_is_kept() -> None:
    html = '<div role="tabpanel" style="display: none"><pre>pip install cleanbody</pre></div>'
    assert _hidden_found(html) == []


def test_panel_inside_an_overlay_still_goes() -> None:
    html = (
        '<button aria-controls="m1">Menu</button>'
        '<div role="dialog"><div id="m1" hidden>Sign in to see your saved items</div></div>'
    )
    assert _hidden_found(html) == ["Sign in to see your saved items"]
