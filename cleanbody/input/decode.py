"""Bytes to text without crashing: BOM, strict UTF-8, declared charset, detection.

Undecodable bytes become U+FFFD, which is not a word character, so a bad
byte can never add a word to the body. A declared charset is read the way
browsers read it: through the WHATWG Encoding Standard's table of labels,
never through Python's codec registry, which also knows transforms (base64,
zlib, rot13) and escape codecs (utf-7, unicode_escape) that would turn
harmless ASCII into hidden text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE)
#: Not Python codecs: the Encoding Standard's own decoders, see :func:`_read`.
_REPLACEMENT = "replacement"
_USER_DEFINED = "x-user-defined"
_UTF16 = ("utf-16-le", "utf-16-be")
#: Every encoding of the WHATWG Encoding Standard with all its labels, from its table
#: (https://encoding.spec.whatwg.org/#names-and-labels, the 2025-06 review draft), keyed by the
#: Python codec that decodes it as browsers do. A label not in this table names no encoding for a
#: browser, whatever Python's codec registry says.
_ENCODINGS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    # Legacy single-byte encodings.
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": (
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
        "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"
    ),
    "iso8859-7": (
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 "
        "iso_8859-7:1987 sun_eu_greek"
    ),
    # ISO-8859-8 and ISO-8859-8-I: one table; they differ only in the direction of the text.
    "iso8859-8": (
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 "
        "iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical"
    ),
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    # The standard's KOI8-U also has the Belarusian ў and Ў at 0xAE and 0xBE; Python's has box drawings.
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",  # macintosh
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    # Latin-1 and ASCII pages are written in windows-1252 in practice (€, œ, curly quotes).
    "cp1252": (
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
        "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"
    ),
    "cp1253": "cp1253 windows-1253 x-cp1253",
    # Likewise Latin-5 (ISO-8859-9) is read as windows-1254: 0x80 is €.
    "cp1254": (
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
        "windows-1254 x-cp1254"
    ),
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    # Legacy multi-byte encodings. The standard decodes GBK (gb2312 and its other labels) with its
    # gb18030 decoder: pages labelled gb2312 use GBK characters (镕, 喆) that gb2312 lacks.
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",  # Big5, with the Hong Kong characters
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",  # with the rows Windows added, see _jis0208_rows
    "iso2022_jp_ext": "csiso2022jp iso-2022-jp",  # with the half-width katakana the standard decodes
    # Shift_JIS and EUC-KR are read with Microsoft's extensions (①, 똠), as Windows wrote them.
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": (
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949"
    ),
    # Encodings that hide ASCII text in escape sequences: browsers decode them to one U+FFFD.
    _REPLACEMENT: "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    _USER_DEFINED: "x-user-defined",
}
_LABELS = {label: codec for codec, labels in _ENCODINGS.items() for label in labels.split()}
#: The error handler that completes a codec as browsers read it, by codec; see :func:`_read`.
_ERRORS = {"euc_jp": "cleanbody.jis0208-rows"}
#: The x-user-defined decoder: bytes 0x80-0xFF to U+F780-U+F7FF.
_USER_DEFINED_TABLE = {byte: 0xF700 + byte for byte in range(0x80, 0x100)}
_ASCII_WHITESPACE = "\t\n\f\r "
_DETECT_BYTES = 200_000
_MIN_DETECT_BYTES = 64
_WESTERN_LOOKALIKES = frozenset(
    (
        "cp1252",
        "cp1250",
        "cp1254",
        "cp1257",
        "mac-latin2",
        "mac-roman",
        "mac-turkish",
        "mac-iceland",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-9",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        # DOS code pages for Latin scripts: never seen on the web, often guessed.
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
    )
)
_BINARY_SAMPLE = 8_192
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text, the name of the encoding that read it, and why a declared label was not used."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def codec_for(label: str) -> str | None:
    """The codec that decodes what *label* names, as browsers do; None for a
    label the Encoding Standard does not list (browsers ignore those)."""
    return _LABELS.get(label.strip(_ASCII_WHITESPACE).lower())


def names_utf16(label: str | None) -> bool:
    """True when *label* names UTF-16, whose text is full of NUL bytes without being binary."""
    return label is not None and codec_for(label) in _UTF16


def replace_surrogates(text: str) -> str:
    """*text* as valid Unicode: a ``str`` can hold UTF-16 surrogates (from a
    JSON ``\\ud83d`` escape, a ``surrogateescape`` decode), which no UTF-8
    writer encodes. A pair becomes the character it encodes, a lone one U+FFFD."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other non-text bytes.

    Text in any encoding without a BOM has almost no NUL bytes and few C0
    control bytes; a file where they make up more than a tenth of a sample is
    not a document.
    """
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return (b"\x00" in sample[:1024] and controls > len(sample) // 100) or controls > len(sample) // 10


def decode(data: bytes, label: str | None = None) -> Decoded:
    """Read *data* as text; *label* is the charset the HTTP header declared.

    Browsers' order: a BOM, then the HTTP label, then the page's ``<meta>``
    label, then detection; except that strict UTF-8 comes before both labels:
    bytes that are valid UTF-8 are UTF-8 whatever a label says (a label that
    contradicts them is a server default or a copied template), and a label
    naming UTF-8 on bytes that are not is wrong, so detection decides. A
    UTF-16 HTTP label still comes first, as UTF-16 text of ASCII characters
    is valid UTF-8 too.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    notes: list[str] = []
    given = _known(label, "the encoding given", notes)
    if given is not None and given in _UTF16:
        return _read(data, given, notes)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(notes))
    except UnicodeDecodeError:
        pass
    codec = given if given not in (None, "utf-8") else _declared(data, notes)
    if codec is None or codec == "utf-8":
        codec = _detect(data)
    return _read(data, codec, notes)


def _known(label: str | None, source: str, notes: list[str]) -> str | None:
    """The codec for *label*; a label the standard does not list gets a note naming its *source*."""
    if label is None:
        return None
    codec = codec_for(label)
    if codec is None:
        notes.append(f"{source} {label!r} is not a label of the Encoding Standard: ignored")
    return codec


def _declared(data: bytes, notes: list[str]) -> str | None:
    """The codec the page's ``<meta>`` charset names, as the HTML standard's
    prescan reads it: a page whose bytes a parser read as ASCII is not UTF-16
    (so it is UTF-8), and x-user-defined there means windows-1252."""
    declared = _DECLARED.search(data[:4096])
    if declared is None:
        return None
    codec = _known(declared.group(1).decode("ascii", "replace"), "the page's <meta> charset", notes)
    if codec in _UTF16:
        return "utf-8"
    return "cp1252" if codec == _USER_DEFINED else codec


def _detect(data: bytes) -> str:
    """The codec charset-normalizer guesses, Western guesses read as windows-1252."""
    codec = None
    if len(data) >= _MIN_DETECT_BYTES:
        guess = charset_normalizer.from_bytes(data[:_DETECT_BYTES]).best()
        codec = _python_codec(guess.encoding) if guess is not None else None
    # Like browsers: an undeclared Western page is windows-1252; detectors
    # confuse it with its single-byte look-alikes and, on little text, with
    # anything at all. Other families (Cyrillic, CJK, ...) keep the guess.
    if codec is None or codec in _WESTERN_LOOKALIKES:
        return "cp1252"
    return codec


def _python_codec(name: str) -> str | None:
    """The canonical name of the detector's guess (a Python codec name)."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _read(data: bytes, codec: str, notes: list[str]) -> Decoded:
    """Decode with *codec* or one of the standard's own decoders."""
    if codec == _REPLACEMENT:
        # Nothing of such a page can be read safely: the standard makes it one U+FFFD.
        notes.append("the declared encoding is one browsers refuse to read (the standard's replacement encoding)")
        return Decoded("\ufffd" if data else "", codec, tuple(notes))
    if codec == _USER_DEFINED:
        return Decoded(data.decode("latin-1").translate(_USER_DEFINED_TABLE), codec, tuple(notes))
    return Decoded(data.decode(codec, errors=_ERRORS.get(codec, "replace")), codec, tuple(notes))


def _jis0208_rows(err: UnicodeError) -> tuple[str, int]:
    """Read the EUC-JP codes Python's euc_jp lacks and browsers read: NEC's row
    13 (①, Ⅰ, ㍉) and the IBM kanji of rows 89-92 (﨑, 髙), common in names.
    The standard reads EUC-JP and Shift_JIS through one table of JIS X 0208
    cells, Microsoft's, so such a code reads as cp932 reads the Shift_JIS code
    of its cell. Anything else is U+FFFD, as with errors="replace"."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    pair = err.object[err.start : err.start + 2]
    if len(pair) < 2 or not (0xA1 <= pair[0] <= 0xFE and 0xA1 <= pair[1] <= 0xFE):
        return "\ufffd", err.end
    row, cell = divmod((pair[0] - 0xA1) * 94 + pair[1] - 0xA1, 188)
    shift_jis = bytes((row + (0x81 if row < 0x1F else 0xC1), cell + (0x40 if cell < 0x3F else 0x41)))
    return shift_jis.decode("cp932", errors="replace"), err.start + 2


codecs.register_error(_ERRORS["euc_jp"], _jis0208_rows)
