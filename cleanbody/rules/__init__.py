"""The rule registry: every rule, listed explicitly.

To add a rule: write ``rules/<category>_<name>.py`` ending in
``RULE = Rule(rule_id="<category>.<name>", ...)``, add it to ``RULES``
below, and add ``fixtures/rules/<rule_id>.toml`` with remove/keep examples.
The order here does not change results (see ``cleanbody._decide``).
"""

from cleanbody.rules import (
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
from cleanbody.rules._base import Rule

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
    media_player.RULE,
    meta_leak.RULE,
    junk_shortcode.RULE,
    junk_symbols.RULE,
    dup_repeated_line.RULE,
    dup_doubled_line.RULE,
    zone_outside_main.RULE,
)

__all__ = ["RULES", "Rule"]
