"""The page type from the markup's evidence, and a forum thread cleaned as one: its posts are the content."""

from __future__ import annotations

import pytest

import cleanbody
from cleanbody.html.pagetype import page_type

POSTS = [
    "I replaced the pump on my boiler last week and the pressure still drops overnight, any ideas what to check next?",
    "Check the expansion vessel first: if it has lost its charge the pressure falls as the water cools down at night.",
    "Also look at the pressure relief valve outlet outside, a dripping pipe there means the valve is letting by.",
]


QUESTION = (
    "My combi boiler loses pressure every night: it is at 1.5 bar when I go to bed and under 0.5 bar in the "
    "morning, so the heating will not start. There are no visible leaks on the radiators or under the boiler, "
    "the filling loop is closed, and the system was bled last month. What should I check first, and can I do "
    "it myself or do I need an engineer?"
)


def _thread(declared: str) -> str:
    """A question and its replies; the replies sit in a comment section, as thread templates put them."""
    posts = "".join(
        f'<div class="comment"><span class="author">user{i}</span>'
        f'<time datetime="2025-03-0{i + 1}">March {i + 1}</time><p>{text}</p></div>'
        for i, text in enumerate(POSTS)
    )
    return (
        f"<html><head><title>Boiler pressure drops</title>{declared}</head><body><nav><a href='/'>Home</a></nav>"
        f'<main><h1>Boiler pressure drops overnight</h1><div class="post"><span class="author">asker</span>'
        f'<time datetime="2025-03-01">March 1</time><p>{QUESTION}</p></div>'
        f'<section id="comments">{posts}</section></main></body></html>'
    )


FORUM_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DiscussionForumPosting"}</script>'
)
ARTICLE_LD = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle"}</script>'


@pytest.mark.parametrize(
    ("types", "og", "url", "expected"),
    [
        ({"discussionforumposting", "breadcrumblist"}, None, None, "forum"),
        ({"qapage"}, "website", None, "forum"),
        ({"product", "offer"}, None, None, "product"),
        (set(), "product", None, "product"),
        ({"newsarticle", "product"}, None, None, "article"),  # a review that names a product is an article
        ({"techarticle"}, None, None, "documentation"),
        (set(), None, "https://example.com/docs/install", "documentation"),
        ({"collectionpage"}, None, None, "collection"),
        ({"itemlist"}, None, None, "listing"),
        (set(), "article", None, "article"),
        ({"faqpage", "organization"}, "website", "https://example.com/pricing", None),
    ],
)
def test_page_type_from_declared_evidence(
    types: set[str], og: str | None, url: str | None, expected: str | None
) -> None:
    assert page_type(frozenset(types), og, url) == expected


def test_a_forum_thread_keeps_its_posts() -> None:
    result = cleanbody.clean(_thread(FORUM_LD), url="https://forum.example/t/boiler-pressure")
    assert result.metadata.page_type == "forum"
    assert all(post in result.text for post in POSTS)


def test_a_thread_that_declares_nothing_is_told_by_its_posts() -> None:
    """Posts with an author and a time hold most of the page: a thread, so its comment section stays
    in the page (what trafilatura then extracts of it is trafilatura's choice)."""
    result = cleanbody.clean(_thread(""), url="https://forum.example/t/boiler-pressure")
    assert result.metadata.page_type == "forum"
    assert not [r for r in result.removed if r.rule_id == "comment.section"]


def test_comments_under_an_article_still_go() -> None:
    article = " ".join(["The council voted on Tuesday to rebuild the bridge, closed since the flood."] * 8)
    html = _thread(ARTICLE_LD).replace("<section", f"<article><p>{article}</p></article><section")
    result = cleanbody.clean(html, url="https://news.example/2025/03/bridge")
    assert result.metadata.page_type == "article"
    assert not any(post in result.text for post in POSTS)
