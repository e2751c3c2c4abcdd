"""Phrase lists shared by the rules, grouped by concept.

Lists hold plain phrases, matched case-insensitively as whole words; the
helper :func:`phrases` escapes them and refuses an empty group, so a pattern
can never silently match everything.
"""

from __future__ import annotations

import regex

SOCIAL_NETWORKS = (
    "facebook", "twitter", "x", "linkedin", "linked in", "whatsapp", "pinterest",
    "reddit", "tumblr", "instagram", "youtube", "telegram", "messenger",
    "facebook messenger", "flipboard", "pocket", "mix", "email", "e-mail", "sms",
    "snapchat", "tiktok", "vk", "weibo", "wechat", "line", "threads", "bluesky",
    "mastodon", "google", "google+", "rss", "rss feed", "print", "copy", "copy link",
)

SHARE_VERBS = ("share", "tweet", "pin", "email", "e-mail", "post", "send", "print", "save")

# Agencies and photo services that appear as credits ("(James Manning/PA)").
PHOTO_AGENCIES = (
    "PA", "PA Wire", "PA Images", "AP", "AP Photo", "AFP", "Reuters", "Getty", "Getty Images",
    "EPA", "EPA-EFE", "Shutterstock", "Alamy", "iStock", "iStockphoto", "Bloomberg", "Xinhua",
    "ANP", "dpa", "Rex", "Rex Features", "REX/Shutterstock", "NurPhoto", "Sipa", "SIPA USA",
    "Anadolu", "Imago", "Corbis", "Press Association", "Associated Press", "Zuma", "ZUMA Press",
    "Wireimage", "Unsplash", "Pexels", "Flickr", "Wikimedia Commons", "Courtesy", "Handout",
    "TNS", "Polaris", "Kyodo", "Yonhap", "EFE", "ANSA", "Keystone", "Pool", "file photo",
)

CREDIT_LABELS = (
    "photo", "photos", "photograph", "photographs", "photo by", "photograph by", "photos by",
    "picture", "pictures", "pic", "image", "images", "image credit", "image source", "image by",
    "photo credit", "credit", "credits", "illustration", "illustration by", "graphic",
    "foto", "bild", "crédit photo", "video", "source image",
)

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
)

NEWSLETTER_PHRASES = (
    "subscribe", "subscribe now", "subscribe today", "subscribe to our newsletter",
    "subscribe to our newsletters", "sign up", "sign up now", "sign up for", "sign in",
    "sign-in", "sign out", "log in", "login", "log out", "logout", "login/register",
    "register", "create an account", "create account", "my account", "already a subscriber",
    "already have an account", "already registered", "newsletter", "newsletters",
    "get the newsletter", "our newsletter", "daily newsletter", "join our mailing list",
    "enter your email", "enter your e-mail", "your email address", "email address",
    "thanks for signing up", "thank you for signing up", "thanks for subscribing",
    "you're all set", "you are now subscribed", "unsubscribe at any time",
    "you can unsubscribe at any time", "no spam", "we respect your privacy",
    "to read the full story", "continue reading", "subscribers only", "subscriber exclusive",
    "become a member", "become a subscriber", "start your free trial", "free trial",
    "support our journalism", "get unlimited access", "unlimited digital access",
    "there was an error processing your subscription", "invalid email",
    "please enter a valid email", "privacy notice", "get our newsletter", "manage your subscription",
)

COOKIE_WORDS = ("cookie", "cookies", "gdpr", "consent", "ccpa", "do not sell my personal information",
                "do not sell my info", "ad choices", "adchoices", "change ad consent")

CONSENT_CONTROLS = (
    "do not sell my personal information", "do not sell my info", "do not sell or share my personal information",
    "ad choices", "adchoices", "change ad consent", "cookie settings", "cookie preferences", "manage cookies",
    "accept cookies", "accept all cookies", "reject all cookies", "cookie policy", "manage consent",
    "privacy settings", "your privacy choices", "manage preferences",
)

LEGAL_LINKS = (
    "privacy policy", "privacy", "privacy notice", "privacy statement", "cookie policy",
    "cookies policy", "cookie settings", "terms of use", "terms of service", "terms and conditions",
    "terms & conditions", "terms", "terms of sale", "copyright policy", "accessibility",
    "accessibility statement", "sitemap", "site map", "contact us", "contact", "about us",
    "about", "advertise", "advertise with us", "careers", "jobs", "imprint", "impressum",
    "datenschutz", "disclaimer", "editorial standards", "ethics statement", "code of conduct",
    "corrections", "help", "faq", "feedback", "legal", "legal notice", "licensing",
    "reprints", "permissions", "your privacy choices", "manage cookies", "community guidelines",
)

AD_LABELS = (
    "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
    "sponsored content", "sponsored by", "paid content", "paid post", "paid program",
    "paid partnership", "partner content", "promoted", "promoted content", "promoted stories",
    "brandvoice", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "реклама",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "advertisement - scroll to continue", "scroll to continue with content",
    "skip advertisement", "ad feedback", "report this ad", "affiliate links",
)

RELATED_LEADS = (
    "read more", "read also", "also read", "read next", "read this next", "see also",
    "related", "related articles", "related stories", "related content", "related coverage",
    "related posts", "related news", "more from", "more in", "more on", "more stories",
    "more news", "more like this", "most read", "most popular", "most viewed", "most shared",
    "trending", "trending now", "top stories", "latest news", "latest stories", "latest",
    "recommended", "recommended for you", "recommended stories", "you may also like",
    "you might also like", "you may be interested in", "also on", "don't miss", "editor's picks",
    "editors' picks", "popular", "what to read next", "up next", "next article",
    "previous article", "next post", "previous post", "next story", "previous story",
    "story timeline", "in other news", "around the web", "from the web", "more stories from",
    "also see", "see more", "view more", "show more", "load more", "more", "must read",
    "further reading", "keep reading", "lesen sie auch", "mehr zum thema", "das könnte sie auch interessieren",
    "leia também", "leia mais", "lire aussi", "à lire aussi", "leggi anche", "lee también",
    "você pode gostar", "você também pode gostar", "veja também", "veja mais", "saiba mais",
    "vous aimerez aussi", "à voir aussi", "sur le même sujet", "ti potrebbe interessare",
    "potrebbe interessarti", "te puede interesar", "también te puede interesar", "lea también",
    "weitere artikel", "auch interessant", "читайте также", "смотрите также", "похожие статьи",
)

SHARE_PHRASES = (
    "share", "share this", "share this article", "share this story", "share this post",
    "share article", "share story", "share on", "share via", "share with", "share options",
    "share page", "share the story", "share this page", "sharing options", "tweet", "tweet this",
    "click to tweet", "pin it", "pin", "copy link", "copy the link", "link copied", "copied",
    "copy url", "email this", "email this article", "e-mail this", "print", "print this",
    "print this article", "print this page", "follow us", "follow us on", "follow", "like us on",
    "like us on facebook", "join us on", "find us on", "connect with us", "comment",
    "save", "save article", "save for later", "bookmark", "gift this article", "gift article",
    "send", "reddit", "whatsapp", "flipboard", "text size", "font size", "listen",
    "listen to this article", "reprints", "reprint", "permissions",
)

SKIP_PHRASES = (
    "skip to content", "skip to main content", "skip to main", "skip to navigation",
    "skip to footer", "skip to search", "skip navigation", "jump to content",
    "jump to navigation", "back to top", "go to top", "scroll to top", "top", "menu",
    "main menu", "open menu", "close menu", "toggle menu", "toggle navigation",
    "toggle mobile menu", "open the menu", "open navigation", "navigation", "search",
    "search for", "search site", "search this site", "submit search", "close", "close search",
    "open search", "expand", "collapse", "home", "homepage", "sections", "all sections",
    "more sections", "edition", "choose edition", "select language", "language", "loading",
    "loading...", "please wait", "javascript is disabled", "enable javascript",
    "please enable javascript", "your browser does not support", "dismiss", "ok", "got it",
    "accept", "accept all", "reject all", "next", "previous", "prev", "back", "go",
)

COMMENT_PHRASES = (
    "leave a reply", "leave a comment", "cancel reply", "post a comment", "post comment",
    "add a comment", "add comment", "write a comment", "comments", "comment", "view comments",
    "show comments", "hide comments", "join the conversation", "join the discussion",
    "reply", "replies", "report", "report abuse", "report comment", "flag", "sort by",
    "newest", "oldest", "best", "most liked", "you must be logged in to post a comment",
    "be the first to comment", "no comments yet", "comments are closed", "discussion",
    "commenting is disabled", "view discussion", "conversation",
)

MEDIA_PLAYER = (
    "play", "pause", "replay", "mute", "unmute", "fullscreen", "full screen", "exit fullscreen",
    "play video", "watch video", "watch", "watch now", "video", "now playing", "up next",
    "current time", "duration", "remaining time", "stream type", "live", "seek to live",
    "playback rate", "chapters", "descriptions", "captions", "subtitles", "audio track",
    "captions settings", "captions off", "subtitles off", "end of dialog window",
    "beginning of dialog window", "this is a modal window", "media player", "video player",
    "autoplay", "loaded", "progress", "picture-in-picture", "quality", "settings",
    "close modal dialog", "skip ad", "skip", "cc",
)


def phrases(*groups: tuple[str, ...]) -> str:
    """Join phrase groups into one regex alternation, longest first.

    Spaces in a phrase match any run of spaces; ``-`` and ``/`` match
    themselves. Refuses an empty result so no pattern matches everything.
    """
    words = sorted({p for group in groups for p in group}, key=len, reverse=True)
    if not words:
        raise ValueError("phrases() needs at least one non-empty group")
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def compile_line(body: str) -> regex.Pattern[str]:
    """Compile a pattern that must match a whole (stripped) line, ignoring case."""
    return regex.compile(rf"^\W*(?:{body})\W*$", regex.IGNORECASE)
