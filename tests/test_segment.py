"""Blocks from plain text: hard-wrapped paragraphs are joined, other lines stay apart."""

from __future__ import annotations

import textwrap

from cleanbody.text.segment import segment

LONG = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, and after a long "
    "debate the members agreed to raise the library's funding by a tenth while cutting the road budget."
)
TWO_LINES = "Alternatively, the residents may send their comments by post to the town hall before May."
HEADING = "Installation"
SENTENCE = "Install the package with the usual tools."


def _wrapped(paragraph: str, width: int = 70, indent: str = "   ") -> str:
    return textwrap.fill(paragraph, width, initial_indent=indent, subsequent_indent=indent)


def test_two_line_paragraph_is_joined_at_the_documents_wrap_width() -> None:
    # A text browser wraps every paragraph at one width; a paragraph of two lines cannot show
    # that width alone, the document's longer paragraphs do.
    doc = "\n\n".join([_wrapped(LONG), _wrapped(TWO_LINES)])
    assert len(_wrapped(TWO_LINES).split("\n")) == 2
    assert [b.text for b in segment(doc)] == [LONG, TWO_LINES]


def test_heading_over_a_short_sentence_stays_two_blocks() -> None:
    doc = "\n\n".join([_wrapped(LONG), f"{HEADING}\n{SENTENCE}"])
    assert [b.text for b in segment(doc)][1:] == [HEADING, SENTENCE]


def test_text_without_wrapping_keeps_its_lines() -> None:
    doc = f"{TWO_LINES}\n{SENTENCE}"
    assert [b.text for b in segment(doc)] == [TWO_LINES, SENTENCE]


def test_unwrap_off_keeps_every_line() -> None:
    doc = "\n\n".join([_wrapped(LONG), _wrapped(TWO_LINES)])
    assert len(segment(doc, unwrap=False)) == len(doc.replace("\n\n", "\n").split("\n"))


def test_sentence_broken_at_inline_elements_is_one_block() -> None:
    # BeautifulSoup's get_text("\n"): every text node on its own line, the blanks around a link kept.
    doc = (
        "you may need to set the \nSECURE_PROXY_SSL_HEADER\n setting for this.\n"
        "A promise is said to be\nsettled\nif it is either fulfilled or rejected."
    )
    assert [b.text for b in segment(doc)] == [
        "you may need to set the SECURE_PROXY_SSL_HEADER setting for this.",
        "A promise is said to be settled if it is either fulfilled or rejected.",
    ]


def test_menu_items_of_one_shape_stay_apart() -> None:
    doc = "visit the World section\nvisit the Sports section\nvisit the Travel section"
    assert len(segment(doc)) == 3


def test_list_item_after_an_open_line_stays_apart() -> None:
    doc = "The kit holds the following \n- a map\n- water"
    assert [b.text for b in segment(doc)] == ["The kit holds the following", "- a map", "- water"]


def test_rules_read_a_markdown_links_text_and_the_body_keeps_that_text() -> None:
    import cleanbody

    target = "(https://example.org/budget_(2026)/full-report.pdf)"
    line = f"Read the [council's budget]{target} before the vote."
    (block,) = segment(line)
    assert block.text == "Read the council's budget before the vote."
    assert line[block.start : block.end] == line
    result = cleanbody.clean(f"{LONG}\n\n{line}", kind="text")
    assert result.text.endswith("Read the council's budget before the vote.")
    assert [(r.rule_id, r.text) for r in result.removed] == [
        ("markup.link-target", "["),
        ("markup.link-target", f"]{target}"),
    ]


def test_an_image_inside_a_link_shows_nothing() -> None:
    (block,) = segment("* [![A flooded street in the town centre](/img/flood.jpg)](/news/flood)")
    assert block.text == "*"


def test_a_link_target_wrapped_after_a_hyphen_is_still_a_target() -> None:
    # html2text breaks a long target where it has a hyphen
    (block,) = segment("See the [flood map](https://maps.example-\nregion.org/flood-2024.png) for your street.")
    assert block.text == "See the flood map for your street."


def test_an_images_alt_text_goes_to_the_captions_and_out_of_the_body() -> None:
    import cleanbody

    image = "![Workers clear a flooded street in the town centre](https://example.org/img/flood.jpg)"
    result = cleanbody.clean(f"{LONG}\n\n{image}\n\n{LONG}", kind="text")
    assert "flood.jpg" not in result.text
    assert [c.text for c in result.captions] == ["Workers clear a flooded street in the town centre"]
    label = cleanbody.clean(f"{LONG}\n\n![logo](/img/logo.png)\n\n{LONG}", kind="text")
    assert label.captions == ()


def test_a_markdown_scrapes_title_is_its_level_one_heading_as_plain_text() -> None:
    import cleanbody

    doc = (
        "[Skip to content](#main)\n\n* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n\n"
        "# **Council approves** £40m plan \\- for city roads\n\n"
        "[Share](https://example.com/share) [Print](https://example.com/print)\n\n"
        "* [Transport](/news/transport)\n* [Local](/news/local)\n\n"
        f"## What the plan covers\n\n{LONG}\n\n"
        "Residents who spoke at the meeting were divided. Some welcomed the plan as long overdue, while "
        "others said the council had ignored neighbourhoods on the edge of the city for years."
    )
    result = cleanbody.clean(doc, kind="text")
    assert result.metadata.title == "Council approves £40m plan - for city roads"
    assert "Council approves" not in result.text


def test_a_link_wrapped_over_lines_is_one_block() -> None:
    # html2text wraps a list of links at 78 columns; the lines of one link read as its text.
    # Capitals, so no other rule joins the lines (a lower-case line goes on a sentence).
    doc = '* [Budget\nCommittee](https://example.com/people/budget-\nCommittee "The Budget\nCommittee")\n* [Transport](/t)'
    assert [b.text for b in segment(doc)] == ["* Budget Committee", "* Transport"]
