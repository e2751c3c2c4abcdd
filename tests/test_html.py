"""The HTML path end to end: bytes in any encoding, metadata, DOM-stage records, odd input.

Every expected value is written here from the input page, never taken from
a run of the code. Pages are small but shaped like real ones (a nav, an
``<article>`` with an ``<h1>``, a footer) so trafilatura picks the article
as it would on a real page.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping

import pytest

import cleanbody

# Encodings ------------------------------------------------------------------------------------

# Three paragraphs of a French local news story: accents, œ, ß/ö/ü in a German
# quote, guillemets, curly apostrophes and the euro sign. Every character is in
# windows-1252, so the same page can be written in each Western encoding.
FR_PARAGRAPHS = (
    "Le café de la place du Marché a rouvert ses portes jeudi matin, après huit mois de travaux. "
    "« C’est une renaissance », a déclaré la propriétaire, Hélène Lefèvre, devant une trentaine d’habitués.",
    "La rénovation a coûté 240 000 €, financée en partie par la mairie. « Die Größe der Terrasse ist "
    "wirklich überraschend », a confié Jürgen Weiß, un touriste de Munich attablé près de la fenêtre.",
    "Le menu reste fidèle à la tradition : crème brûlée, œufs cocotte et un « petit noir » à 1,20 €. "
    "La propriétaire espère attirer à nouveau les étudiants du lycée voisin dès la rentrée de septembre.",
)
FR_BODY = "\n\n".join(FR_PARAGRAPHS)
FR_WORDS = ("café", "Marché", "Hélène", "Lefèvre", "Größe", "überraschend", "Weiß", "œufs", "brûlée", "€", "C’est")

# The same shape in Japanese, for Shift_JIS (a multi-byte encoding no Western
# fallback can read).
JA_PARAGRAPHS = (
    "京都市の老舗和菓子店「松風堂」は十五日、創業二百年を記念して新しい店舗を開いた。"
    "店主の山田花子さんは「多くの方に支えられてここまで来ました」と話した。",
    "新店舗では、季節の果物を使った生菓子や、職人が目の前で仕上げる練り切りを販売する。"
    "開店初日には約三百人が列を作り、午前中に完売した商品もあった。",
    "同店は今後、海外からの観光客向けに英語の説明書きを用意するほか、和菓子作りの体験教室も月に二回開く予定だという。",
)
JA_BODY = "\n\n".join(JA_PARAGRAPHS)
JA_WORDS = ("松風堂", "山田花子", "練り切り", "和菓子", "観光客")


def _page(head: str, lang: str, title: str, paragraphs: tuple[str, ...], nav: tuple[str, str], footer: str) -> str:
    """A small news page: nav, the article under its headline, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{head}
<title>{title}</title></head>
<body><header><nav><a href="/">{nav[0]}</a> <a href="/ville">{nav[1]}</a></nav></header>
<main><article>
<h1>{title}</h1>
{body}
</article></main>
<footer><p>{footer}</p></footer>
</body></html>
"""


def _fr_page(head: str) -> str:
    return _page(
        head, "fr", "Le café du Marché rouvre ses portes", FR_PARAGRAPHS, ("Accueil", "Ville"), "Le Petit Quartier"
    )


def _ja_page(head: str) -> str:
    return _page(head, "ja", "老舗和菓子店が新店舗を開店", JA_PARAGRAPHS, ("ホーム", "地域"), "京都地域新聞")


# (id, bytes, expected body, words that must survive, encoding named in the note)
EN_PARAGRAPHS = [
    "The council voted on Tuesday to rebuild the old bridge across the river, ending a debate that had run "
    "for more than ten years. Work will start in the spring and should take two years.",
    "Traders on the quay said the closure had cost them custom all summer. The café by the steps now sells "
    "coffee for €5 a cup, twice what it charged before the works began.",
    "The mayor said the new bridge would carry buses as well as cars, and that a footpath on its east side "
    "would open first, before the end of the year.",
]
EN_PAGE = "<!DOCTYPE html><html><head><title>Bridge</title></head><body><article>"
EN_PARAGRAPHS.append("Another stall on the quay sells the Café's cakes, at €5 a slice.")
EN_PAGE += "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS) + "</article></body></html>"
EN_BODY = "\n\n".join(EN_PARAGRAPHS)

ENCODED = [
    ("utf-8", _fr_page('<meta charset="utf-8">').encode("utf-8"), FR_BODY, FR_WORDS, "utf-8"),
    ("utf-8-bom", _fr_page('<meta charset="utf-8">').encode("utf-8-sig"), FR_BODY, FR_WORDS, "utf-8-sig"),
    (
        "cp1252-meta-charset",
        _fr_page('<meta charset="windows-1252">').encode("cp1252"),
        FR_BODY,
        FR_WORDS,
        "cp1252",
    ),
    # Pages labelled latin-1 are written in windows-1252 in practice (€, œ and
    # curly quotes are not in latin-1), and browsers read them so.
    (
        "iso-8859-1-http-equiv",
        _fr_page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252"),
        FR_BODY,
        FR_WORDS,
        "cp1252",
    ),
    ("utf-16-bom", _fr_page('<meta charset="utf-16">').encode("utf-16"), FR_BODY, FR_WORDS, "utf-16"),
    (
        "shift_jis-meta-charset",
        _ja_page('<meta charset="shift_jis">').encode("shift_jis"),
        JA_BODY,
        JA_WORDS,
        "cp932",  # as browsers read Shift_JIS: with Microsoft's extensions
    ),
    ("cp1252-undeclared", _fr_page("").encode("cp1252"), FR_BODY, FR_WORDS, "cp1252"),
    # English with a few accents: charset-normalizer guesses a DOS code page (cp775).
    ("cp1252-undeclared-english", EN_PAGE.encode("cp1252"), EN_BODY, ("café", "€5"), "cp1252"),
]


@pytest.mark.parametrize(("data", "body"), [pytest.param(data, body, id=name) for name, data, body, _, _ in ENCODED])
def test_encoded_page_gives_exactly_the_article(data: bytes, body: str) -> None:
    """Decoding must not cost a character, and the headline and chrome still go."""
    result = cleanbody.clean(data)
    assert result.kind == "html"
    assert result.text == body


@pytest.mark.parametrize(
    ("data", "words", "encoding"),
    [pytest.param(data, words, enc, id=name) for name, data, _, words, enc in ENCODED],
)
def test_encoded_page_keeps_non_ascii_words(data: bytes, words: tuple[str, ...], encoding: str) -> None:
    """Each accented or CJK word comes through intact, and no byte became U+FFFD."""
    result = cleanbody.clean(data)
    for word in words:
        assert word in result.text
    assert "\ufffd" not in result.text
    assert f"decoded bytes as {encoding}" in result.notes


# Metadata -------------------------------------------------------------------------------------

RAIL_PARAGRAPHS = (
    "The county council approved a plan on Tuesday to reopen the old railway line between the two market "
    "towns, closed to passengers since 1964.",
    "Councillors voted by 31 to 12 in favour of spending the first two million pounds on a study of the track "
    "bed, the bridges and the stations that still stand.",
    "Opponents said the money would be better spent on buses, which carry far more people in the county than "
    "the trains ever did.",
)
RAIL_TITLE = "Council backs railway reopening plan"


def _rail_page(
    head: str = "", before: str = "", html_attrs: str = ' lang="en"', titled: bool = True, after: str = ""
) -> str:
    """The railway story; *head* goes in <head>, *before* above the first paragraph, *after* below the last."""
    title = f"<title>{RAIL_TITLE}</title>" if titled else ""
    h1 = f"<h1>{RAIL_TITLE}</h1>" if titled else ""
    body = "".join(f"<p>{p}</p>" for p in RAIL_PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html{html_attrs}><head>{head}{title}</head>"
        f'<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<main><article>{h1}{before}{body}{after}</article></main></body></html>"
    )


def _jsonld(data: Mapping[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


NEWS_ARTICLE: dict[str, object] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": RAIL_TITLE,
    "author": [{"@type": "Person", "name": "Amal Baker"}, {"@type": "Person", "name": "Chris Dunn"}],
    "datePublished": "2019-11-19T08:57:40+01:00",
    "publisher": {"@type": "Organization", "name": "The County Courier"},
}


def test_jsonld_news_article() -> None:
    """Two Person authors stay two names; the date is the publisher's local day, not converted to UTC."""
    meta = cleanbody.clean(_rail_page(_jsonld(NEWS_ARTICLE))).metadata
    assert meta.authors == ("Amal Baker", "Chris Dunn")
    assert meta.date == "2019-11-19"
    assert meta.sitename == "The County Courier"
    assert meta.title == RAIL_TITLE


def test_jsonld_in_a_graph() -> None:
    """Yoast and similar plugins wrap the article in ``@graph`` next to WebSite and Organization nodes."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Courier Online"},
            {
                "@type": "NewsArticle",
                "author": {"@type": "Person", "name": "Amal Baker"},
                "datePublished": "2019-11-19",
            },
        ],
    }
    meta = cleanbody.clean(_rail_page(_jsonld(graph))).metadata
    assert meta.authors == ("Amal Baker",)
    assert meta.date == "2019-11-19"


def test_og_site_name_wins_over_jsonld_publisher() -> None:
    head = '<meta property="og:site_name" content="Courier Online">' + _jsonld(NEWS_ARTICLE)
    assert cleanbody.clean(_rail_page(head)).metadata.sitename == "Courier Online"


def test_meta_author_with_two_names() -> None:
    meta = cleanbody.clean(_rail_page('<meta name="author" content="Jane Doe and John Roe">')).metadata
    assert meta.authors == ("Jane Doe", "John Roe")


def test_meta_author_by_prefix_is_dropped() -> None:
    meta = cleanbody.clean(_rail_page('<meta name="author" content="By Jane Doe">')).metadata
    assert meta.authors == ("Jane Doe",)


def test_rel_author_link() -> None:
    byline = '<p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a></p>'
    result = cleanbody.clean(_rail_page(before=byline))
    assert result.metadata.authors == ("Jane Doe",)
    assert result.text == "\n\n".join(RAIL_PARAGRAPHS)


def test_jsonld_author_string_with_two_names() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": "Jane Doe and John Roe"}
    assert cleanbody.clean(_rail_page(_jsonld(data))).metadata.authors == ("Jane Doe", "John Roe")


def test_article_published_time() -> None:
    head = '<meta property="article:published_time" content="2022-06-30T17:05:00Z">'
    assert cleanbody.clean(_rail_page(head)).metadata.date == "2022-06-30"


def test_time_datetime_fallback() -> None:
    dateline = '<p class="dateline">Published <time datetime="2020-02-29T10:00:00Z">29 February 2020</time></p>'
    assert cleanbody.clean(_rail_page(before=dateline)).metadata.date == "2020-02-29"


def test_date_from_url_argument() -> None:
    result = cleanbody.clean(_rail_page(), url="https://courier.example/news/2021/03/04/railway-plan/")
    assert result.metadata.date == "2021-03-04"


def test_date_from_canonical_url() -> None:
    head = '<link rel="canonical" href="https://courier.example/news/2021/03/04/railway-plan/">'
    assert cleanbody.clean(_rail_page(head)).metadata.date == "2021-03-04"


def test_declared_date_wins_over_url_date() -> None:
    head = '<meta property="article:published_time" content="2022-06-30T17:05:00Z">'
    result = cleanbody.clean(_rail_page(head), url="https://courier.example/news/2021/03/04/railway-plan/")
    assert result.metadata.date == "2022-06-30"


def test_date_searched_when_none_is_declared() -> None:
    # No date markup or date-named element: only a search of the page's text finds it.
    result = cleanbody.clean(_rail_page(before="<p>The board met on 14.05.2023 and again in June.</p>"))
    assert result.metadata.date == "2023-05-14"


def test_declared_date_is_not_searched_past() -> None:
    head = '<meta property="article:published_time" content="2022-06-30T17:05:00Z">'
    result = cleanbody.clean(_rail_page(head, before="<p>The board met on 14.05.2023 and again in June.</p>"))
    assert result.metadata.date == "2022-06-30"


def test_html_lang_region_is_dropped() -> None:
    assert cleanbody.clean(_rail_page(html_attrs=' lang="de-DE"')).metadata.language == "de"


def test_og_locale_when_html_has_no_lang() -> None:
    head = '<meta property="og:locale" content="fr_FR">'
    assert cleanbody.clean(_rail_page(head, html_attrs="")).metadata.language == "fr"


def test_canonical_link_is_the_url() -> None:
    head = '<link rel="canonical" href="https://courier.example/news/railway-plan">'
    assert cleanbody.clean(_rail_page(head)).metadata.url == "https://courier.example/news/railway-plan"


def test_url_argument_wins_over_canonical() -> None:
    head = '<link rel="canonical" href="https://courier.example/news/railway-plan">'
    result = cleanbody.clean(_rail_page(head), url="https://mirror.example.org/a")
    assert result.metadata.url == "https://mirror.example.org/a"


def test_og_description() -> None:
    head = '<meta property="og:description" content="Councillors vote to study reopening the line closed in 1964.">'
    meta = cleanbody.clean(_rail_page(head)).metadata
    assert meta.description == "Councillors vote to study reopening the line closed in 1964."


def test_page_that_declares_nothing() -> None:
    """No title, no lang, no meta: nothing is invented. The language is still
    guessed from the body (English stop words), which is the documented fallback."""
    result = cleanbody.clean(_rail_page(html_attrs="", titled=False))
    meta = result.metadata
    assert (meta.title, meta.date, meta.sitename, meta.url, meta.description) == (None, None, None, None, None)
    assert meta.authors == ()
    assert meta.language == "en"
    assert result.text == "\n\n".join(RAIL_PARAGRAPHS)


# DOM stage ------------------------------------------------------------------------------------

SVG_SHARE = (
    '<a class="fb" href="https://facebook.example/sharer"><svg viewBox="0 0 24 24" role="img">'
    "<title>Facebook logo</title><desc>A blue square with a white letter f</desc>"
    '<path d="M0 0h24v24H0z"/></svg></a>'
)
FIGURE = (
    '<figure><img src="/img/platform.jpg" alt="">'
    "<figcaption>Campaigners on the disused platform at Elmford station (James Manning/PA)</figcaption></figure>"
)
HIDDEN = '<div aria-hidden="true">Thanks for signing up to the morning briefing</div>'
RAIL_BODY = "\n\n".join(RAIL_PARAGRAPHS)


def _with(fragment: str) -> str:
    """The railway story with *fragment* between its first and second paragraphs."""
    first, *rest = RAIL_PARAGRAPHS
    body = f"<p>{first}</p>{fragment}" + "".join(f"<p>{p}</p>" for p in rest)
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{RAIL_TITLE}</title></head>'
        f'<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<main><article><h1>{RAIL_TITLE}</h1>{body}</article></main></body></html>"
    )


def _dom(result: cleanbody.CleanResult, rule_id: str) -> list[cleanbody.Removal]:
    return [r for r in result.removed if r.rule_id == rule_id]


def test_inline_svg_is_removed_and_recorded() -> None:
    result = cleanbody.clean(_with(SVG_SHARE))
    assert result.text == RAIL_BODY
    (removal,) = _dom(result, "icon.svg-element")
    assert removal.stage == "dom"
    assert removal.start is None and removal.end is None
    assert removal.where is not None and "svg" in removal.where
    assert "Facebook logo" in removal.text
    assert "A blue square with a white letter f" in removal.text


def test_disabling_icon_records_no_svg_removal() -> None:
    result = cleanbody.clean(_with(SVG_SHARE), config=cleanbody.Config(disable={"icon"}))
    assert _dom(result, "icon.svg-element") == []
    assert result.text == RAIL_BODY


def test_figure_caption_and_credit_go_to_captions() -> None:
    result = cleanbody.clean(_with(FIGURE))
    assert result.captions == (
        cleanbody.Caption("Campaigners on the disused platform at Elmford station", "James Manning/PA"),
    )
    assert "Campaigners" not in result.text
    assert "James Manning" not in result.text
    assert result.text == RAIL_BODY
    (removal,) = _dom(result, "caption.figure")
    assert removal.stage == "dom"
    assert removal.where is not None and "figure" in removal.where


def test_aria_hidden_text_is_not_in_the_body() -> None:
    result = cleanbody.clean(_with(HIDDEN))
    assert "signing up" not in result.text
    assert result.text == RAIL_BODY
    (removal,) = _dom(result, "zone.hidden-element")
    assert removal.stage == "dom"
    assert "Thanks for signing up" in removal.text


# Complianz, a common WordPress consent plugin, marks its banner with the consent type ("optin").
COOKIE_BANNER = (
    '<div class="cmplz-cookiebanner banner-1 optin" role="dialog"><div class="cmplz-title">Manage Cookie Consent</div>'
    "<p>To provide the best experiences, we use technologies like cookies to store and/or access device "
    "information.</p><button>Accept</button><button>Deny</button></div>"
)


def test_cookie_banner_is_not_explained_as_a_signup_box() -> None:
    result = cleanbody.clean(_with("").replace("<body>", "<body>" + COOKIE_BANNER))
    assert "cookies" not in result.text
    assert result.text == RAIL_BODY
    assert not [r for r in _dom(result, "promo.signup-form") if "cookies" in r.text]


def test_to_dict_and_explain_with_dom_removals() -> None:
    result = cleanbody.clean(_with(SVG_SHARE + FIGURE + HIDDEN))
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    dom = [r for r in data["removed"] if r["stage"] == "dom"]
    # the page's <nav> ("Home News") goes too
    expected_rules = {"icon.svg-element", "caption.figure", "zone.hidden-element", "nav.landmark"}
    assert {r["rule_id"] for r in dom} == expected_rules
    assert all(r["start"] is None and r["end"] is None and r["where"] for r in dom)
    assert data["captions"] == [
        {"text": "Campaigners on the disused platform at Elmford station", "credit": "James Manning/PA"}
    ]
    report = result.explain()
    dom_lines = [line for line in report.splitlines() if line.split()[:1] == ["dom"]]
    assert len(dom_lines) == 4
    for rule_id in expected_rules:
        assert any(rule_id in line for line in dom_lines)
    assert "credit: James Manning/PA" in report


# Robustness -----------------------------------------------------------------------------------

FRAGMENT = "<p>Just one paragraph of text here.</p>"


def test_fragment_forced_as_html_does_not_raise() -> None:
    result = cleanbody.clean(FRAGMENT, kind="html")
    assert isinstance(result, cleanbody.CleanResult)
    assert result.kind == "html"
    assert "<p>" not in result.text


def test_fragment_forced_as_html_keeps_its_paragraph() -> None:
    assert cleanbody.clean(FRAGMENT, kind="html").text == "Just one paragraph of text here."


def test_fragment_of_several_paragraphs() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in RAIL_PARAGRAPHS)
    assert cleanbody.clean(fragment, kind="html").text == RAIL_BODY


def test_short_paragraphs_of_similar_length_stay_apart() -> None:
    # Three paragraphs of about 100 characters, one per line in trafilatura's
    # output, once looked like one paragraph hard-wrapped at that width.
    paragraphs = [
        "The council opened the new river bridge on Monday morning, two months ahead of schedule, officials said.",
        "Hundreds of residents walked across the span before noon, and the mayor cut a ribbon at the east end.",
        "Work on the approach roads will continue until the end of the year, the council said in a statement.",
    ]
    page = (
        "<html><body><article><h1>Bridge opens</h1>"
        f"<p>{paragraphs[0]}</p>"
        "<figure><img src='a.jpg'><figcaption>The bridge at dawn (Jane Smith/PA)</figcaption></figure>"
        + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
        + "</article></body></html>"
    )
    assert cleanbody.clean(page).text == "\n\n".join(paragraphs)


@pytest.mark.parametrize("doc", ["<html></html>", "<html><body></body></html>"])
def test_empty_page(doc: str) -> None:
    result = cleanbody.clean(doc)
    assert result.kind == "html"
    assert result.text == ""
    assert "the input has no text" in result.notes


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    ],
    ids=["random-bytes", "png-header"],
)
@pytest.mark.parametrize("kind", ["auto", "html"])
def test_binary_junk_gives_empty_text(data: bytes, kind: str) -> None:
    result = cleanbody.clean(data, kind=kind)  # type: ignore[arg-type]
    assert result.text == ""
    assert any("binary" in note for note in result.notes)


def _nested(depth: int) -> str:
    inner = "".join(f"<p>{p}</p>" for p in RAIL_PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Railway</title></head>'
        '<body><nav><a href="/">Home</a></nav>' + "<div>" * depth + inner + "</div>" * depth + "</body></html>"
    )


def test_deeply_nested_article() -> None:
    assert cleanbody.clean(_nested(50)).text == RAIL_BODY


@pytest.mark.parametrize("depth", [300, 100_000])
def test_nesting_past_the_parser_depth_limit(depth: int) -> None:
    # libxml2 stops reading below about 255 levels; the article must still come out, with a note
    result = cleanbody.clean(_nested(depth))
    assert result.text == RAIL_BODY
    assert any("deeper than the HTML parser reads" in note for note in result.notes)


_LINKED_LINES = (
    '<p><a href="/a">Who will make the Rock Hall in 2020?</a></p>'
    '<p><a href="/b">Dave Matthews Band takes over Rock Hall Fan Vote</a></p>'
    '<p><a href="/c">Doobie Brothers perform with Santana at Blossom Music Center</a></p>'
)


def test_a_run_of_links_goes_on_an_article_page() -> None:
    page = _rail_page('<meta property="og:type" content="article">', after=_LINKED_LINES)
    result = cleanbody.clean(page)
    assert "Dave Matthews Band takes over Rock Hall Fan Vote" not in result.text
    assert "nav.link-list" in {r.rule_id for r in result.removed}


@pytest.mark.parametrize("head", ["", '<meta property="og:type" content="website">'])
def test_a_run_of_links_stays_on_a_page_of_no_known_type(head: str) -> None:
    # On an index, a listing or a page that does not say what it is, linked lines may be its items.
    result = cleanbody.clean(_rail_page(head, after=_LINKED_LINES))
    assert "nav.link-list" not in {r.rule_id for r in result.removed}
