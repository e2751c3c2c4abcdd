"""The public API and the command line: types, config validation, decoding, results, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanbody
from cleanbody.rules import catalogue

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_0b0627ed010ec580.txt"
# The caption inside the article of SEED (its two headline captions sit before the main text).
SEED_CAPTION = (
    "A group of people thought to be migrants are brought into Dover, Kent, by a Border Force vessel "
    "following a small boat incident in the Channel (Gareth Fuller/PA)"
)
PROSE = (
    "The council opened the new bridge on Monday morning. Hundreds of people walked across it before noon.\n\n"
    "Engineers said the old wooden bridge had carried traffic for ninety years. It will be kept as a footpath."
)


# Types and arguments -------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [42, None, ["a", "b"]], ids=["int", "None", "list"])
def test_wrong_document_type_names_str_and_bytes(doc: object) -> None:
    with pytest.raises(TypeError, match=r"\bstr\b.*\bbytes\b"):
        cleanbody.clean(doc)  # type: ignore[arg-type]


def test_bad_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        cleanbody.clean("text", kind="pdf")  # type: ignore[arg-type]


def test_cleaner_rejects_unknown_rule_and_lists_known_ones() -> None:
    with pytest.raises(ValueError, match="no-such-rule") as err:
        cleanbody.Cleaner(cleanbody.Config(disable={"no-such-rule"}))
    for rule in catalogue():
        assert rule.rule_id in str(err.value)


def test_clean_rejects_unknown_enable() -> None:
    with pytest.raises(ValueError, match=r"caption\.nope"):
        cleanbody.clean("text", config=cleanbody.Config(enable={"caption.nope"}))


def test_config_is_plain_data() -> None:
    """Config checks types and ranges only: the rule ids are the Cleaner's to check."""
    assert cleanbody.Config(disable={"no-such-rule"}).disable == {"no-such-rule"}


def test_config_rejects_bad_favor_and_lists_choices() -> None:
    with pytest.raises(ValueError, match="speed") as err:
        cleanbody.Config(favor="speed")  # type: ignore[arg-type]
    for favor in ("precision", "balanced", "recall"):
        assert favor in str(err.value)


# Bytes ---------------------------------------------------------------------------------------

TEXT = "café – “quoted”"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),  # with a BOM
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_bytes_decode_to_the_right_text(data: bytes) -> None:
    assert cleanbody.clean(data).text == TEXT


@pytest.mark.parametrize("doc", ["Le café était fermé.", "El niño comió piña en la mañana."], ids=["fr", "es"])
def test_cp1252_prose_decodes(doc: str) -> None:
    assert cleanbody.clean(doc.encode("cp1252")).text == doc


def test_invalid_utf8_does_not_crash() -> None:
    result = cleanbody.clean(b"hello \xc3\x28 world \xa0\xa1 again \xff")
    for word in ("hello", "world", "again"):
        assert word in result.text
    assert any(note.startswith("decoded bytes as") for note in result.notes)


# Empty input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", ["", "   ", " \n\t\n  \r\n", b"", b" \n "])
def test_empty_and_blank_input_give_empty_text_and_a_note(doc: str | bytes) -> None:
    result = cleanbody.clean(doc)
    assert result.text == ""
    assert result.notes
    assert result.removed == ()


# Results -------------------------------------------------------------------------------------


def test_to_dict_is_json() -> None:
    result = cleanbody.clean(SEED.read_bytes())
    data = result.to_dict()
    assert {"text", "metadata", "captions", "removed", "notes"} <= data.keys()
    assert json.loads(json.dumps(data)) == data
    assert data["text"] == result.text
    assert len(data["removed"]) == len(result.removed) > 0


def test_explain_names_every_removal_rule() -> None:
    result = cleanbody.clean(SEED.read_bytes())
    report = result.explain()
    assert result.removed
    for removal in result.removed:
        assert removal.rule_id in report


def test_caption_rules_can_be_disabled() -> None:
    data = SEED.read_bytes()
    assert SEED_CAPTION in data.decode("utf-8")
    assert SEED_CAPTION not in cleanbody.clean(data).text
    assert SEED_CAPTION in cleanbody.clean(data, config=cleanbody.Config(disable={"caption"})).text


def test_cleaner_matches_clean() -> None:
    config = cleanbody.Config(disable={"caption"})
    data = SEED.read_bytes()
    assert cleanbody.Cleaner(config).clean(data) == cleanbody.clean(data, config=config)


# Kinds ---------------------------------------------------------------------------------------

HTML = "<html><body><p>The council opened the new bridge on Monday morning.</p></body></html>"


def test_html_is_sniffed() -> None:
    result = cleanbody.clean(HTML)
    assert result.kind == "html"
    assert "<p>" not in result.text


def test_kind_text_forces_text() -> None:
    result = cleanbody.clean(HTML, kind="text")
    assert result.kind == "text"
    assert "<p>" in result.text


def test_prose_mentioning_tags_is_text() -> None:
    doc = (
        "To centre a box, wrap the text in a <div> element and give it a class. A <p> element holds one "
        "paragraph of text, and browsers add space around it.\n\n"
        "Most editors close the tags for you, so the markup stays valid while you type the rest of the page."
    )
    result = cleanbody.clean(doc)
    assert result.kind == "text"
    assert result.text == doc


def test_clean_prose_is_unchanged() -> None:
    result = cleanbody.clean(PROSE)
    assert result.text == PROSE
    assert result.removed == ()


# Command line --------------------------------------------------------------------------------
