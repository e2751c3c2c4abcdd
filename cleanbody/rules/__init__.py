"""The rule registry: every rule of both stages, listed explicitly.

To add a text rule: write ``rules/text/<category>_<name>.py`` whose docstring
has the sections What it removes / What it keeps / Why / Examples (its first
sentence is the rule's summary) and which ends in ``RULE = Rule(rule_id=
"<category>.<name>", ...)``; add it to ``RULES`` below, and add
``fixtures/rules/<rule_id>.toml`` with remove/keep examples. A DOM rule is the
same under ``rules/dom/`` with ``RULE = DomRule(...)``, listed in
``DOM_RULES``. Recognisers that several rules use go in ``_shapes``,
``_bylines``, ``_captions`` or ``_elements``: a rule module never imports
another rule module.

The order of ``RULES`` does not change results (see
:mod:`cleanbody.pipeline.decide`); ``DOM_RULES`` run in their order, each on
what the ones before it left.
"""

from cleanbody.rules._base import DomFinding, DomRule, Rule, RuleInfo
from cleanbody.rules.dom import (
    caption_figure,
    comment_section,
    icon_svg_element,
    nav_landmark,
    promo_signup_form,
    share_widget,
    zone_hidden_element,
)
from cleanbody.rules.text import (
    ad_label,
    byline_author,
    byline_credits,
    byline_dateline,
    caption_credit,
    caption_image_title,
    comment_chrome,
    dup_doubled_line,
    dup_repeated_line,
    icon_svg_label,
    junk_shortcode,
    junk_symbols,
    legal_cookie,
    legal_copyright,
    legal_disclosure,
    markup_link_target,
    media_image,
    media_placeholder,
    media_player,
    meta_leak,
    nav_link_list,
    nav_menu,
    nav_read_more,
    nav_skip_search,
    promo_newsletter,
    share_prompt,
    title_headline,
    title_standfirst,
    zone_outside_main,
)

RULES: tuple[Rule, ...] = (
    icon_svg_label.RULE,
    caption_credit.RULE,
    caption_image_title.RULE,
    byline_author.RULE,
    byline_credits.RULE,
    byline_dateline.RULE,
    title_headline.RULE,
    title_standfirst.RULE,
    share_prompt.RULE,
    promo_newsletter.RULE,
    legal_cookie.RULE,
    legal_disclosure.RULE,
    legal_copyright.RULE,
    ad_label.RULE,
    nav_read_more.RULE,
    nav_link_list.RULE,
    nav_menu.RULE,
    nav_skip_search.RULE,
    comment_chrome.RULE,
    media_image.RULE,
    markup_link_target.RULE,
    media_placeholder.RULE,
    media_player.RULE,
    meta_leak.RULE,
    junk_shortcode.RULE,
    junk_symbols.RULE,
    dup_repeated_line.RULE,
    dup_doubled_line.RULE,
    zone_outside_main.RULE,
)

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


def catalogue() -> tuple[RuleInfo, ...]:
    """Every rule of both stages, by id: what the CLI, ``RULES.md`` and the
    meta-tests list."""
    return tuple(sorted((*RULES, *DOM_RULES), key=lambda r: r.rule_id))


__all__ = ["DOM_RULES", "RULES", "DomFinding", "DomRule", "Rule", "RuleInfo", "catalogue"]
