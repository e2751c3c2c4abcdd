"""Bytes to text as a browser reads them, and output that is always valid Unicode.

A declared charset is looked up in the WHATWG Encoding Standard's table of labels
(https://encoding.spec.whatwg.org/#names-and-labels), never in Python's codec registry. Every
expected character and codec here is written from the standard, never taken from a run of the code.
"""

from __future__ import annotations

import codecs
import encodings.aliases
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanbody
from cleanbody.input.decode import codec_for

PARAGRAPHS = (
    "The council voted on Tuesday to rebuild the old bridge across the river, ending a debate that had run "
    "for more than ten years. Work will start in the spring and should take two years.",
    "Traders on the quay said the closure had cost them custom all summer, and that they would hold the "
    "council to its promise of a footpath on the east side before the end of the year.",
)


def _page(label: str | None, extra: str) -> str:
    """A small article page that declares *label* (None: no charset) and ends with the paragraph *extra*."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (*PARAGRAPHS, extra))
    meta = "" if label is None else f'<meta charset="{label}">'
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>Bridge</title></head>"
        f'<body><nav><a href="/">Home</a></nav><article><h1>Bridge</h1>{paragraphs}</article></body></html>'
    )


def _cp1252_page(label: str, extra: str) -> bytes:
    """The page in windows-1252 with a "café" in it: never valid UTF-8, so the declared label decides."""
    return _page(label, f"{extra} Coffee at the café is cheaper.").encode("cp1252")


def _utf8_json(result: cleanbody.CleanResult) -> bytes:
    """The result as JSON in UTF-8, which raises on a lone surrogate anywhere in it."""
    return json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


# Labels the standard maps to a superset --------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "written_in", "characters", "codec"),
    [
        # Pages labelled gb2312 are written in GBK, which browsers decode with the gb18030 decoder.
        ("gb2312", "gbk", "镕 喆", "gb18030"),
        ("euc-kr", "cp949", "똠", "cp949"),  # EUC-KR is windows-949 (Unified Hangul Code)
        ("shift_jis", "cp932", "①", "cp932"),  # Shift_JIS is windows-31j, with the NEC row
    ],
)
def test_east_asian_label_reads_as_a_browser_does(label: str, written_in: str, characters: str, codec: str) -> None:
    result = cleanbody.clean(_page(label, f"The sign read {characters} in gold.").encode(written_in))
    assert f"The sign read {characters} in gold." in result.text
    assert "\ufffd" not in result.text
    assert f"decoded bytes as {codec}" in result.notes


def test_iso_8859_9_reads_as_windows_1254() -> None:
    """ISO-8859-9 (latin5) is windows-1254 on the web: byte 0x80 is the euro sign, not a C1 control."""
    data = _page("iso-8859-9", "Tickets cost 5 @ each.").encode("ascii").replace(b"@", b"\x80")
    result = cleanbody.clean(data)
    assert "Tickets cost 5 € each." in result.text
    assert "decoded bytes as cp1254" in result.notes


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("latin1", "cp1252"),
        ("iso-8859-1", "cp1252"),
        ("ascii", "cp1252"),
        ("us-ascii", "cp1252"),
        ("iso-8859-9", "cp1254"),
        ("latin5", "cp1254"),
        ("iso-8859-11", "cp874"),
        ("tis-620", "cp874"),
        ("gb2312", "gb18030"),
        ("gbk", "gb18030"),
        ("x-gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("euc-kr", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("shift_jis", "cp932"),
        ("sjis", "cp932"),
        ("windows-31j", "cp932"),
        ("big5", "big5hkscs"),
        ("iso-8859-8-i", "iso8859-8"),
        ("koi8-ru", "koi8-u"),
        ("utf-16", "utf-16-le"),
        ("unicode", "utf-16-le"),
        ("utf-16be", "utf-16-be"),
        ("x-user-defined", "x-user-defined"),
        ("iso-2022-kr", "replacement"),
        ("hz-gb-2312", "replacement"),
        (" UTF-8\n", "utf-8"),  # ASCII case and surrounding ASCII whitespace do not matter
        ("Windows-1251", "cp1251"),
    ],
)
def test_label_maps_as_the_standard_says(label: str, codec: str) -> None:
    assert codec_for(label) == codec


@pytest.mark.parametrize(
    "label", ["utf-7", "unicode_escape", "latin-1", "utf-32", "base64", "hex", "rot13", "cp437", "utf8mb4"]
)
def test_label_the_standard_does_not_list_names_nothing(label: str) -> None:
    assert codec_for(label) is None


#: One label of each encoding of the standard, from its table.
ONE_LABEL_EACH = (
    "utf-8 ibm866 iso-8859-2 iso-8859-3 iso-8859-4 iso-8859-5 iso-8859-6 iso-8859-7 iso-8859-8 iso-8859-8-i "
    "iso-8859-10 iso-8859-13 iso-8859-14 iso-8859-15 iso-8859-16 koi8-r koi8-u macintosh windows-874 "
    "windows-1250 windows-1251 windows-1252 windows-1253 windows-1254 windows-1255 windows-1256 windows-1257 "
    "windows-1258 x-mac-cyrillic gbk gb18030 big5 euc-jp iso-2022-jp shift_jis euc-kr replacement utf-16be "
    "utf-16le x-user-defined"
).split()


@pytest.mark.parametrize("label", ONE_LABEL_EACH)
def test_every_encoding_of_the_standard_has_a_codec(label: str) -> None:
    """Named by Python's canonical name, so the "decoded bytes as" note is the same for every alias."""
    codec = codec_for(label)
    assert codec is not None
    if codec not in ("replacement", "x-user-defined"):
        assert codecs.lookup(codec).name == codec


# Labels Python knows and browsers do not --------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["base64", "hex", "zlib", "rot13", "bz2", "uu", "quopri", "idna", "undefined", "punycode"]
)
def test_transform_and_odd_codec_labels_are_ignored_without_raising(label: str) -> None:
    """These raised LookupError or UnicodeError: they name byte transforms, not text encodings."""
    result = cleanbody.clean(_cp1252_page(label, "The end."))
    assert PARAGRAPHS[0] in result.text
    assert "Coffee at the café is cheaper." in result.text
    assert f"the page's <meta> charset {label!r} is not a label of the Encoding Standard: ignored" in result.notes


@pytest.mark.parametrize(
    ("label", "hidden"),
    [("utf-7", "+AFMARQBDAFIARQBU-"), ("unicode_escape", "\\u0053\\u0045\\u0043\\u0052\\u0045\\u0054")],
)
def test_escape_codecs_do_not_turn_ascii_into_hidden_text(label: str, hidden: str) -> None:
    """Both spell "SECRET" in ASCII escapes; a browser shows the escapes, and so must the body."""
    result = cleanbody.clean(_cp1252_page(label, f"The code is {hidden} today."))
    assert f"The code is {hidden} today." in result.text
    assert "SECRET" not in result.text


@pytest.mark.parametrize("label", ["iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "replacement"])
def test_replacement_encoding_reads_nothing_and_does_not_raise(label: str) -> None:
    """The standard decodes a page in these (ASCII bytes that escape into other characters) as one U+FFFD."""
    result = cleanbody.clean(_cp1252_page(label, "The end."))
    assert result.text == ""
    assert "decoded bytes as replacement" in result.notes


@pytest.mark.parametrize("label", ["utf-16", "utf-16le", "utf-16be", "x-user-defined"])
def test_meta_label_is_read_as_the_html_prescan_reads_it(label: str) -> None:
    """A page whose <meta> a parser could read is not UTF-16 (it is then taken as UTF-8, here not
    valid, so detection decides); x-user-defined in a <meta> means windows-1252."""
    result = cleanbody.clean(_cp1252_page(label, "The end."))
    assert "Coffee at the café is cheaper." in result.text
    assert "decoded bytes as cp1252" in result.notes


# The HTTP charset: encoding= ---------------------------------------------------------------------

RUSSIAN = "Мост через реку откроют весной."


def test_http_charset_decodes_an_undeclared_page() -> None:
    data = _page(None, RUSSIAN).encode("cp1251")
    result = cleanbody.clean(data, encoding="windows-1251")
    assert RUSSIAN in result.text
    assert "decoded bytes as cp1251" in result.notes


def test_http_charset_comes_before_the_meta_charset() -> None:
    result = cleanbody.clean(_page("iso-8859-1", RUSSIAN).encode("cp1251"), encoding="cp1251")
    assert RUSSIAN in result.text


def test_http_charset_goes_through_the_same_table() -> None:
    result = cleanbody.clean(_page(None, "The sign read 镕 喆 in gold.").encode("gbk"), encoding="GB2312")
    assert "The sign read 镕 喆 in gold." in result.text
    assert "decoded bytes as gb18030" in result.notes


def test_a_bom_comes_before_the_http_charset() -> None:
    result = cleanbody.clean(_page(None, RUSSIAN).encode("utf-8-sig"), encoding="windows-1251")
    assert RUSSIAN in result.text
    assert "decoded bytes as utf-8-sig" in result.notes


def test_valid_utf8_comes_before_the_http_charset() -> None:
    """A server that says iso-8859-1 for a UTF-8 page (a common default) does not turn é into Ã©."""
    result = cleanbody.clean(_page(None, "Coffee at the café.").encode("utf-8"), encoding="iso-8859-1")
    assert "Coffee at the café." in result.text


@pytest.mark.parametrize(
    ("label", "codec"), [("utf-16", "utf-16-le"), ("utf-16le", "utf-16-le"), ("utf-16be", "utf-16-be")]
)
def test_utf16_http_charset_reads_a_page_without_a_bom(label: str, codec: str) -> None:
    """UTF-16 without a BOM is full of NUL bytes (not binary, with this label) and often valid UTF-8 too."""
    result = cleanbody.clean(_page(None, RUSSIAN).encode(codec), encoding=label)
    assert result.kind == "html"
    assert RUSSIAN in result.text
    assert f"decoded bytes as {codec}" in result.notes


@pytest.mark.parametrize("label", ["utf-7", "base64", "idna", "no-such-charset"])
def test_unknown_http_charset_is_ignored_with_a_note(label: str) -> None:
    """The page's <meta> charset and detection then decide, as without one."""
    result = cleanbody.clean(_page("windows-1251", RUSSIAN).encode("cp1251"), encoding=label)
    assert RUSSIAN in result.text
    assert f"the encoding given {label!r} is not a label of the Encoding Standard: ignored" in result.notes


def test_http_charset_is_ignored_for_str() -> None:
    page = _page(None, RUSSIAN)
    assert cleanbody.clean(page, encoding="utf-16be").to_dict() == cleanbody.clean(page).to_dict()


@pytest.mark.parametrize("encoding", [b"utf-8", 1252, ["utf-8"]], ids=["bytes", "int", "list"])
def test_http_charset_of_the_wrong_type_raises_type_error(encoding: object) -> None:
    with pytest.raises(TypeError, match="encoding"):
        cleanbody.clean(b"<p>x</p>", encoding=encoding)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="encoding"):
        cleanbody.Cleaner().clean(b"<p>x</p>", encoding=encoding)  # type: ignore[arg-type]


# Decoding never raises -------------------------------------------------------------------------

PYTHON_CODEC_NAMES = sorted(
    {*encodings.aliases.aliases, *encodings.aliases.aliases.values(), "unicode_escape", "raw_unicode_escape"}
    | {"idna", "punycode", "undefined", "utf_7", "charmap", "mbcs", "oem"}
)
LABELS = st.sampled_from(sorted({*PYTHON_CODEC_NAMES, *ONE_LABEL_EACH}))


@settings(max_examples=300, deadline=None)
@given(LABELS, st.none() | LABELS, st.binary(max_size=400))
def test_any_bytes_with_any_declared_label_give_utf8_encodable_output(
    label: str, http_label: str | None, data: bytes
) -> None:
    """In the page's <meta>, and as the HTTP charset."""
    page = b'<html><head><meta charset="' + label.encode("ascii") + b'"></head><body><p>' + data
    assert _utf8_json(cleanbody.clean(page, encoding=http_label))


# Output is valid Unicode -------------------------------------------------------------------------


def _any_str(max_size: int) -> st.SearchStrategy[str]:
    """Any str, lone UTF-16 surrogates included (a str can hold them, UTF-8 cannot); joined from a
    list, as st.text() drops the surrogates of a mixed alphabet."""
    return st.lists(st.characters() | st.characters(categories=("Cs",)), max_size=max_size).map("".join)


def test_lone_surrogate_in_str_input_becomes_u_fffd() -> None:
    result = cleanbody.clean("x\n\nBad \ud800 char.")
    assert result.text == "Bad \ufffd char."
    assert result.working_text == "x\n\nBad \ufffd char."
    assert _utf8_json(result)


def test_removal_offsets_point_into_the_repaired_working_text() -> None:
    result = cleanbody.clean("Share on Facebook\n\nBad \udfff char in a sentence that stays \ud800.\n\nCopy link")
    assert result.replay() == result.text
    for removal in result.removed:
        assert result.working_text[removal.start : removal.end] == removal.text
    assert _utf8_json(result)


def test_surrogate_pair_in_str_input_becomes_its_character() -> None:
    assert cleanbody.clean("Smile \ud83d\ude00 please.").text == "Smile \U0001f600 please."


def _jsonld_page(data: object) -> str:
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return _page(None, "The end.").replace("<title>", f"{script}<title>")


def test_escaped_lone_surrogate_in_json_ld_becomes_u_fffd() -> None:
    """json.loads turns the escape "\\ud83d" with no partner into a lone surrogate."""
    article = {
        "@type": "NewsArticle",
        "headline": "Bad \ud83d headline",
        "author": [{"@type": "Person", "name": "Ann \udc00 Lee"}],
        "publisher": {"@type": "Organization", "name": "The \ud800 Courier"},
    }
    result = cleanbody.clean(_jsonld_page({"@graph": [article]}))
    assert result.metadata.title == "Bad \ufffd headline"
    assert result.metadata.authors == ("Ann \ufffd Lee",)
    assert result.metadata.sitename == "The \ufffd Courier"
    assert _utf8_json(result)


def test_escaped_surrogate_pair_in_json_ld_stays_its_character() -> None:
    result = cleanbody.clean(_jsonld_page({"@type": "NewsArticle", "headline": "Smile \U0001f600 please"}))
    assert result.metadata.title == "Smile \U0001f600 please"


def test_lone_surrogate_in_url_becomes_u_fffd() -> None:
    result = cleanbody.clean(_page(None, "The end."), url="https://example.com/\udcff")
    assert result.metadata.url == "https://example.com/\ufffd"


def test_character_reference_to_a_surrogate_becomes_u_fffd() -> None:
    """HTML reads &#xD800; as U+FFFD; the parser must keep doing so."""
    result = cleanbody.clean(_page(None, "A bad &#xD800; reference &#55357; here."))
    assert "A bad \ufffd reference \ufffd here." in result.text


@settings(max_examples=200, deadline=None)
@given(_any_str(300), st.sampled_from(("auto", "text", "html")))
def test_any_str_gives_utf8_encodable_output(doc: str, kind: str) -> None:
    assert _utf8_json(cleanbody.clean(doc, kind=kind))  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(_any_str(40), _any_str(40))
def test_any_json_ld_strings_give_utf8_encodable_metadata(headline: str, author: str) -> None:
    result = cleanbody.clean(_jsonld_page({"@type": "NewsArticle", "headline": headline, "author": author}))
    assert _utf8_json(result)


@pytest.mark.parametrize(
    "jsonld",
    [
        "[" * 100_000,
        '{"@type": "NewsArticle", "author": ' + "[" * 900 + '"Ann Lee"' + "]" * 900 + "}",
        '{"@type": "NewsArticle", "publisher": ' + "[" * 900 + '{"name": "The Courier"}' + "]" * 900 + "}",
    ],
    ids=["deeper-than-the-parser", "deep-author", "deep-publisher"],
)
def test_deeply_nested_json_ld_does_not_raise(jsonld: str) -> None:
    """These raised RecursionError: from json.loads, and from reading names out of nested lists."""
    script = f'<script type="application/ld+json">{jsonld}</script>'
    result = cleanbody.clean(_page(None, "The end.").replace("<title>", f"{script}<title>"))
    assert PARAGRAPHS[0] in result.text


def test_euc_jp_reads_the_rows_windows_added_as_a_browser_does() -> None:
    """The standard's EUC-JP has NEC's row 13 and the IBM kanji of rows 89-92, which Python's euc_jp
    lacks: ① is row 13 cell 1 (0xADA1), 﨑 row 89 cell 85 (0xF9F5), 髙 row 92 cell 66 (0xFCE2)."""
    page = _page("euc-jp", "東京の@@さんと@@さんは@@番に来た。").encode("euc_jp")
    for code in (b"\xf9\xf5", b"\xfc\xe2", b"\xad\xa1"):
        page = page.replace(b"@@", code, 1)
    result = cleanbody.clean(page)
    assert "東京の﨑さんと髙さんは①番に来た。" in result.text
    assert "decoded bytes as euc_jp" in result.notes
