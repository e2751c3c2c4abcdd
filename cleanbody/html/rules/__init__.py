"""The registry of DOM rules, in the order they run.

To add one: write a module here with a ``find(root, page)`` generator and a
``RULE = DomRule(...)``, list it below, and add a fixture file under
``fixtures/dom/``.
"""

from __future__ import annotations

from cleanbody.html.rules import (
    caption_figure,
    comment_section,
    icon_svg_element,
    nav_landmark,
    promo_signup_form,
    share_widget,
    zone_hidden_element,
)
from cleanbody.html.rules._base import DomRule

DOM_RULES: tuple[DomRule, ...] = (
    icon_svg_element.RULE,
    zone_hidden_element.RULE,
    comment_section.RULE,
    caption_figure.RULE,
    share_widget.RULE,
    promo_signup_form.RULE,
    # Last: a share bar or sign-up box inside a sidebar is credited to its own rule.
    nav_landmark.RULE,
)
