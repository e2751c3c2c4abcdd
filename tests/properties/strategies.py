"""Hypothesis strategies: clean prose in several languages, and noise lines by category.

Prose is built from small per-language word lists: a sentence is 8-25 words
ending in the language's full stop, a paragraph 2-5 distinct sentences, a
document 2-6 distinct paragraphs joined by blank lines. Words are ordinary
vocabulary (no "share", "subscribe", "cookies", ...), so any removal from a
prose document is a false positive.

Noise lines imitate the UI chrome that scrapers leave in article text, one
strategy per category, with names, numbers and networks drawn by hypothesis.
"""

from __future__ import annotations

import regex
from hypothesis import strategies as st

# --------------------------------------------------------------------------- prose


class Language:
    def __init__(self, code: str, words: str, stop: str, *, spaced: bool = True, cased: bool = True) -> None:
        self.code = code
        self.words = tuple(words.split())
        self.stop = stop
        #: Words and sentences are separated by spaces (not in Chinese/Japanese).
        self.spaced = spaced
        #: The script has upper case: a sentence starts with a capital.
        self.cased = cased


LANGUAGES = (
    Language(
        "en",
        "the a city council river bridge morning evening teacher students farmers market village "
        "was were had built opened closed walked talked found carried painted repaired planted "
        "old new small quiet busy green wooden narrow along across near behind under after before "
        "during with from into and but while because when slowly carefully again often together "
        "water bread garden road station harbour library winter summer people children neighbours",
        ".",
    ),
    Language(
        "de",
        "der die das ein eine Stadt Fluss Brücke Morgen Abend Lehrer Schüler Bauern Markt Dorf "
        "war waren hatte baute öffnete schloss ging sprach fand trug malte reparierte pflanzte "
        "alte neue kleine ruhige grüne hölzerne schmale entlang über neben hinter unter nach vor "
        "während mit von und aber weil als langsam sorgfältig wieder oft zusammen Wasser Brot Garten "
        "Straße Bahnhof Hafen Bibliothek Winter Sommer Menschen Kinder Nachbarn",
        ".",
    ),
    Language(
        "fr",
        "le la les un une ville rivière pont matin soir professeur élèves paysans marché village "
        "était étaient avait construit ouvert fermé marché parlé trouvé porté peint réparé planté "
        "vieux nouvelle petite calme verte étroite le long de près derrière sous après avant pendant "
        "avec depuis dans et mais parce que quand lentement soigneusement encore souvent ensemble "
        "eau pain jardin route gare port bibliothèque hiver été gens enfants voisins",
        ".",
    ),
    Language(
        "es",
        "el la los las un una ciudad río puente mañana tarde maestro alumnos campesinos mercado pueblo "
        "era eran había construyó abrió cerró caminó habló encontró llevó pintó reparó plantó "
        "viejo nueva pequeña tranquila verde estrecha junto cerca detrás bajo después antes durante "
        "con desde en y pero porque cuando despacio cuidadosamente otra vez a menudo juntos "
        "agua pan jardín camino estación puerto biblioteca invierno verano gente niños vecinos",
        ".",
    ),
    Language(
        "ru",
        "город река мост утро вечер учитель ученики крестьяне рынок деревня был были имел построил "
        "открыл закрыл шёл говорил нашёл нёс красил чинил сажал старый новая маленькая тихая зелёная "
        "узкая вдоль через возле позади под после перед во время с из в и но потому что когда "
        "медленно осторожно снова часто вместе вода хлеб сад дорога вокзал гавань библиотека зима "
        "лето люди дети соседи",
        ".",
    ),
    Language(
        "ja",
        "今日は 昨日 先生が 学生たちは 町の 川の 橋を 朝から 夕方まで 市場で 村の 図書館へ 駅前の "
        "小さな 静かな 新しい 古い 緑の 公園で 子供たちが 近所の 人々は ゆっくりと 丁寧に 何度も "
        "一緒に 歩いた 話した 見つけた 運んだ 直した 植えた 建てた 開いた 閉じた 水を パンを "
        "庭に 道を 港へ 冬の 夏の",
        "。",
        spaced=False,
        cased=False,
    ),
    Language(
        "zh",
        "今天 昨天 老师 学生们 城市 河流 大桥 早上 晚上 市场 村子 图书馆 车站 安静的 新的 旧的 "
        "绿色的 公园里 孩子们 邻居们 慢慢地 认真地 经常 一起 走过 谈论 发现 搬运 修理 种植 建造 "
        "打开 关闭 清水 面包 花园 道路 港口 冬天 夏天",
        "。",
        spaced=False,
        cased=False,
    ),
    Language(
        "ar",
        "المدينة النهر الجسر الصباح المساء المعلم الطلاب الفلاحون السوق القرية كان كانوا بنى فتح "
        "أغلق مشى تحدث وجد حمل رسم أصلح زرع القديم الجديدة الصغيرة الهادئة الخضراء الضيقة بجانب "
        "قرب خلف تحت بعد قبل أثناء مع من في و لكن لأن عندما ببطء بعناية مرة أخرى غالبا معا الماء "
        "الخبز الحديقة الطريق المحطة الميناء المكتبة الشتاء الصيف الناس الأطفال الجيران",
        ".",
        cased=False,
    ),
    Language(
        "he",
        "העיר הנהר הגשר הבוקר הערב המורה התלמידים האיכרים השוק הכפר היה היו בנה פתח סגר הלך דיבר "
        "מצא נשא צייר תיקן שתל הישן החדשה הקטנה השקטה הירוקה הצרה לאורך ליד מאחורי מתחת אחרי לפני "
        "במהלך עם מן אל ו אבל כי כאשר לאט בזהירות שוב לעתים קרובות יחד המים הלחם הגן הדרך התחנה "
        "הנמל הספרייה החורף הקיץ האנשים הילדים השכנים",
        ".",
        cased=False,
    ),
)
LANGUAGE_CODES = tuple(lang.code for lang in LANGUAGES)
_BY_CODE = {lang.code: lang for lang in LANGUAGES}

_NON_WORD = regex.compile(r"\W+")


def _dup_key(text: str) -> str:
    """Two paragraphs with the same key read as one repeated line."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


@st.composite
def sentences(draw: st.DrawFn, lang: Language) -> str:
    words = draw(st.lists(st.sampled_from(lang.words), min_size=8, max_size=25))
    if lang.cased:
        words[0] = words[0][:1].upper() + words[0][1:]
    return (" " if lang.spaced else "").join(words) + lang.stop


def paragraphs(lang: Language) -> st.SearchStrategy[str]:
    return st.lists(sentences(lang), min_size=2, max_size=5, unique=True).map(
        lambda ss: (" " if lang.spaced else "").join(ss)
    )


def paragraph_lists(lang: Language, min_size: int = 2, max_size: int = 6) -> st.SearchStrategy[list[str]]:
    """Distinct paragraphs of one language (a repeated paragraph is legitimately noise)."""
    return st.lists(paragraphs(lang), min_size=min_size, max_size=max_size, unique_by=_dup_key)


def languages() -> st.SearchStrategy[Language]:
    return st.sampled_from(LANGUAGES)


def language(code: str) -> Language:
    return _BY_CODE[code]


def prose_paragraph_lists(min_size: int = 2, max_size: int = 6) -> st.SearchStrategy[list[str]]:
    """Paragraphs of a clean document in any one language."""
    return languages().flatmap(lambda lang: paragraph_lists(lang, min_size, max_size))


def prose_documents(min_size: int = 2, max_size: int = 6) -> st.SearchStrategy[str]:
    return prose_paragraph_lists(min_size, max_size).map("\n\n".join)


# --------------------------------------------------------------------------- noise

FIRST_NAMES = ("James", "Maria", "Chris", "Aisha", "Lukas", "Sofia", "Kenji", "Olga", "Daniel", "Emma", "Omar", "Lisa")
SURNAMES = (
    "Manning",
    "Fuller",
    "Davies",
    "Khan",
    "Schmidt",
    "Rossi",
    "Tanaka",
    "Ivanova",
    "Cooper",
    "Tucker",
    "Locher",
    "Mascaro",
)
AGENCIES = ("PA", "AP", "AFP", "Reuters", "Getty Images", "EPA", "Shutterstock", "Alamy", "Bloomberg")
NETWORKS = ("Facebook", "Twitter", "WhatsApp", "LinkedIn", "Pinterest", "Reddit", "Telegram", "Email", "Instagram")
COMPANIES = ("CBS Interactive", "Guardian News & Media Limited", "The Daily Courier", "Acme Media Group", "Axel Verlag")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
CAPTION_SUBJECTS = (
    "Home Secretary",
    "Prime Minister",
    "Police officers at the scene near",
    "A view of the harbour in",
    "Protesters gather outside the office of",
    "Fans celebrate with",
    "Firefighters and",
)
HEADLINE_WORDS = (
    "Council",
    "Approves",
    "New",
    "Bridge",
    "Plan",
    "After",
    "Long",
    "Debate",
    "Storm",
    "Hits",
    "Coast",
    "Village",
    "Market",
    "Reopens",
    "Minister",
    "Defends",
    "Budget",
    "Record",
    "Heat",
    "Wave",
    "Sweeps",
    "Europe",
)

_names = st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES))
_networks = st.sampled_from(NETWORKS)
_years = st.integers(1995, 2030)


def _f(template: str, **parts: st.SearchStrategy[object]) -> st.SearchStrategy[str]:
    """``template.format(**drawn parts)``."""
    return st.fixed_dictionaries(parts).map(lambda d: template.format(**d))


_headlines = st.lists(st.sampled_from(HEADLINE_WORDS), min_size=3, max_size=10).map(" ".join)
_clock = st.builds(
    lambda h, m, ap: f"{h}:{m:02d} {ap}", st.integers(1, 12), st.integers(0, 59), st.sampled_from(("am", "pm"))
)
_date = st.builds(lambda mo, d, y: f"{mo} {d}, {y}", st.sampled_from(MONTHS), st.integers(1, 28), _years)

NOISE: dict[str, st.SearchStrategy[str]] = {
    "icon": st.one_of(
        _f("{n} An icon of the {n} logo.", n=_networks),
        _f("icon chevron {d}", d=st.sampled_from(("up", "down", "left", "right"))),
        _f("{n} icon", n=_networks),
    ),
    "caption": st.one_of(
        _f(
            "{s} {name} ({credit}/{agency})",
            s=st.sampled_from(CAPTION_SUBJECTS),
            name=_names,
            credit=_names,
            agency=st.sampled_from(AGENCIES),
        ),
        _f("Photo: {name}/{agency}", name=_names, agency=st.sampled_from(AGENCIES)),
    ),
    "byline": st.one_of(
        _f("By {a} and {b}", a=_names.map(str.upper), b=_names.map(str.upper)),
        _f("By {a}", a=_names),
    ),
    "dateline": st.one_of(
        _f("{date} at {clock}", date=_date, clock=_clock),
        _f("Updated {n} {unit} ago", n=st.integers(2, 59), unit=st.sampled_from(("hours", "minutes", "days"))),
        _f("Published {date}", date=_date),
    ),
    "share": st.one_of(
        _f("Share on {n}", n=_networks),
        st.just("Copy link"),
        st.just("Share this article"),
        st.lists(_networks, min_size=2, max_size=5, unique=True).map(" ".join),
    ),
    "newsletter": st.sampled_from(
        ("Subscribe to our newsletter", "Sign in", "Sign up", "Subscribe now", "Log in", "Already a subscriber?")
    ),
    "cookie": st.sampled_from(
        (
            "This website uses cookies. By continuing to use our website you are agreeing to our use of cookies.",
            "We use cookies to improve your experience on our site.",
            "Accept cookies",
            "Do Not Sell My Personal Information",
        )
    ),
    "ad": st.sampled_from(("Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored")),
    "read_more": _f(
        "{lead}: {h}", lead=st.sampled_from(("Read more", "READ MORE", "Related", "See also")), h=_headlines
    ),
    "skip": st.sampled_from(("Skip to main content", "Skip to content", "Back to top", "Search", "Toggle navigation")),
    "copyright": st.one_of(
        _f("© {y} {c}. All rights reserved.", y=_years, c=st.sampled_from(COMPANIES)),
        _f("Copyright {y} {c}", y=_years, c=st.sampled_from(COMPANIES)),
    ),
    "comment": st.one_of(
        st.just("Leave a Reply Cancel reply"),
        _f("{n} comments", n=st.integers(2, 999)),
        _f("Comments ({n})", n=st.integers(0, 999)),
    ),
    "symbols": st.sampled_from(("☰", "|", "‹ › ×", "•", "* * *", "»")),
    "media": st.one_of(
        _f("Current Time {m}:{s:02d}", m=st.integers(0, 59), s=st.integers(0, 59)),
        _f("Duration {m}:{s:02d}", m=st.integers(0, 59), s=st.integers(0, 59)),
        st.sampled_from(("Play Video", "Replay", "End of dialog window.")),
    ),
}
NOISE_CATEGORIES = tuple(NOISE)


def noise_lines() -> st.SearchStrategy[str]:
    """One noise line of any category."""
    return st.one_of(*NOISE.values())


@st.composite
def noisy_documents(draw: st.DrawFn, noise: st.SearchStrategy[str] | None = None) -> str:
    """Prose paragraphs with 1-6 noise lines (from *noise*, default any) inserted anywhere, each its own paragraph."""
    lines = noise_lines() if noise is None else noise
    blocks = list(draw(prose_paragraph_lists()))
    for _ in range(draw(st.integers(1, 6))):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(lines))
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- tag soup

_TAG_NAMES = (
    "html",
    "head",
    "body",
    "div",
    "p",
    "span",
    "a",
    "br",
    "li",
    "ul",
    "table",
    "td",
    "script",
    "style",
    "meta",
    "nav",
    "article",
    "h1",
    "img",
    "figure",
    "figcaption",
    "svg",
    "title",
    "!--",
    "![CDATA[",
)
_tags = st.builds(
    lambda close, name, attr, end: f"<{close}{name}{attr}{end}",
    st.sampled_from(("", "/")),
    st.sampled_from(_TAG_NAMES),
    st.sampled_from(("", ' class="x"', " href='/a?b=1&c=2'", ' charset="utf-8"', " alt=", ' content="<p>"')),
    st.sampled_from((">", "/>", "", "-->", "]]>")),
)
_entities = st.sampled_from(("&amp;", "&lt;", "&nbsp;", "&#8212;", "&#x1F600;", "&eacute;", "&bogus;", "&#0;", "&"))


def tag_soup() -> st.SearchStrategy[str]:
    """Unbalanced, malformed markup mixed with arbitrary text and entities."""
    text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
    return st.lists(st.one_of(_tags, _entities, text), max_size=40).map("".join)


@st.composite
def documents_with_repeats(draw: st.DrawFn) -> str:
    """Prose with one of its paragraphs, or a short sentence, repeated 2-4 times, and 0-3 noise lines."""
    lang = draw(languages())
    blocks = list(draw(paragraph_lists(lang)))
    line = draw(st.one_of(st.sampled_from(blocks), sentences(lang)))
    for _ in range(draw(st.integers(2, 4))):
        blocks.insert(draw(st.integers(0, len(blocks))), line)
    for _ in range(draw(st.integers(0, 3))):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(noise_lines()))
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- news pages

_CHROME_WRAPPERS = (
    '<nav class="menu"><ul>{items}</ul></nav>',
    "<footer><p>{line}</p><ul>{items}</ul></footer>",
    '<aside class="related"><h3>{line}</h3><ul>{items}</ul></aside>',
    '<div class="share-bar"><a href="/s">{line}</a></div>',
    '<div class="newsletter-signup"><p>{line}</p><form><input type="email"></form></div>',
    "<p>{line}</p>",
    '<figure><img src="/a.jpg" alt="{line}"><figcaption>{line}</figcaption></figure>',
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@st.composite
def _chrome(draw: st.DrawFn) -> str:
    line = _escape(draw(noise_lines()))
    items = "".join(
        f'<li><a href="/{i}">{_escape(h)}</a></li>' for i, h in enumerate(draw(st.lists(_headlines, max_size=6)))
    )
    return draw(st.sampled_from(_CHROME_WRAPPERS)).format(line=line, items=items)


@st.composite
def _article_part(draw: st.DrawFn, lang: Language) -> str:
    kind = draw(st.sampled_from(("p", "p", "p", "list", "table", "h2")))
    if kind == "list":
        return (
            "<ul>"
            + "".join(f"<li>{_escape(s)}</li>" for s in draw(st.lists(sentences(lang), min_size=1, max_size=5)))
            + "</ul>"
        )
    if kind == "table":
        rows = draw(st.lists(st.tuples(_headlines, st.integers(0, 999)), min_size=1, max_size=5))
        return "<table>" + "".join(f"<tr><td>{_escape(h)}</td><td>{n}</td></tr>" for h, n in rows) + "</table>"
    if kind == "h2":
        return f"<h2>{_escape(draw(_headlines))}</h2>"
    return f"<p>{_escape(draw(paragraphs(lang)))}</p>"


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A news page: a headline, an article of paragraphs (sometimes a list, a
    table or a subheading) in any language, and page chrome of every
    category around and inside it (menus, footers, share bars, sign-up
    boxes, figures, stray noise paragraphs)."""
    lang = draw(languages())
    title = _escape(draw(_headlines))
    parts = draw(st.lists(_article_part(lang), min_size=2, max_size=8))
    for _ in range(draw(st.integers(0, 3))):
        parts.insert(draw(st.integers(0, len(parts))), draw(_chrome()))
    before = "".join(draw(st.lists(_chrome(), max_size=3)))
    after = "".join(draw(st.lists(_chrome(), max_size=3)))
    return (
        f'<!DOCTYPE html><html lang="{lang.code}"><head><meta charset="utf-8"><title>{title} | The Courier</title>'
        f"</head><body>{before}<article><h1>{title}</h1>{''.join(parts)}</article>{after}</body></html>"
    )


@st.composite
def short_line_pages(draw: st.DrawFn) -> str:
    """A headline and a few short paragraphs of about one length: trafilatura
    writes each on its own line, and lines that alike look hard-wrapped, so
    the report replays only if the result says how its text was segmented."""
    width = draw(st.integers(40, 90))
    paragraphs = []
    for _ in range(draw(st.integers(3, 8))):
        words = draw(st.lists(st.sampled_from(HEADLINE_WORDS), min_size=30, max_size=30))
        line = ""
        for word in words:
            if len(line) + len(word) + 1 > width:
                break
            line = f"{line} {word}".strip()
        paragraphs.append(f"<p>{_escape(line.capitalize())}.</p>")
    title = _escape(draw(_headlines))
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{''.join(paragraphs)}</article></body></html>"
