"""Patterns of page furniture, and tests of single lines, used by the rules of ``framing.corpus.clean``.

Each pattern names one kind of furniture. Patterns built with ``whole_line`` must match a
whole (stripped) line; the others are searched only in short lines, or after a cheap test for
one of their ``*_HINTS`` (``*_STARTS``: how the line begins). Case is ignored. The ``is_*``
functions test one line's text; ``repeated_paragraphs`` finds the furniture only a corpus shows
(an outlet's paragraphs repeated across its articles). docs/cleaning.md gives examples of each.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence


def whole_line(*alternatives: str) -> re.Pattern:
    """One of ``alternatives`` as a whole line, with trailing punctuation or arrows allowed."""
    return re.compile(r"(?:" + "|".join(alternatives) + r")[\s:.!?»›>|*]*", re.IGNORECASE)


SKIP_LINK = whole_line(r"skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)", r"jump to (?:navigation|content|main content)")
NAV_WORD = whole_line(r"menu", r"main menu", r"search", r"home", r"close", r"log ?in", r"log ?out", r"sign in", r"sign out",
                      r"my account", r"toggle navigation", r"navigation", r"back to top", r"top", r"next", r"previous",
                      r"next (?:article|post|story)", r"previous (?:article|post|story)", r"print", r"print this (?:page|article)",
                      r"font size", r"a\+? ?a-?", r"listen to (?:this )?article", r"\d+ min(?:ute)? read", r"photo", r"video", r"image",
                      r"slideshow(?: \(\d+ images?\))?", r"(?:next|prev|previous)? ?image \d+ of \d+", r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago",
                      r"updated", r"view (?:gallery|slideshow|comments)", r"expand", r"collapse", r"loading\.*", r"play video", r"watch video")
TAGS = whole_line(r"(?:tags?|topics?|filed under|categories|category|keywords)\s*:.*", r"tags?", r"topics")
SHARE_WORD = r"(?:share|tweet|post|e-?mail|print|comment|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|flipboard|pocket|youtube|instagram|messenger|sms|copy link)"
SHARE = whole_line(r"share this(?: article| story| post| page)?\s*(?:" + SHARE_WORD + r"\s*)*", r"(?:" + SHARE_WORD + r"[\s,|•·]*)+",
                   r"share on (?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram)", r"click to share on \w+.*", r"like this:?", r"share via",
                   r"[-•]?\s*(?:follow|like|join) (?:us|@?[\w.’']+(?: [\w.’']+){0,3}) on (?:twitter|facebook|instagram|youtube|telegram|linkedin|tiktok)\b.*",
                   r"[-•]?\s*follow @\w+.*", r"follow us")
PROMO = whole_line(r"click here (?:to|for) .{1,80}", r"(?:download|get) (?:the|our) .{0,40}\bapp\b.{0,40}",
                   r"visit .{1,40}(?:homepage|home page|website) for more .{1,30}")
AD = whole_line(r"advertisement", r"advertising", r"sponsored(?: content)?", r"ad", r"story continues below(?: advertisement)?",
                r"(?:advertisement\s*)?continue reading the main story", r"story continued below", r"story continues", r"article continues (?:below|after (?:the )?(?:advertisement|ad))",
                r"your browser does not support (?:the )?(?:video|audio)(?: tag| element)?",
                r"article continues below(?: advertisement)?", r"continue reading below", r"promoted(?: stories)?")
COMMENT_FORM = whole_line(
    r"leave a (?:reply|comment)", r"post a comment", r"add a comment", r"cancel reply", r"post comment",
    r"submit comment", r"your email address will not be published\.?(?: required fields are marked)?",
    r"required fields are marked", r"notify me of (?:follow-up comments|new posts|new comments).*",
    r"save my name,? email,? and website.*", r"you must be (?:logged in|registered) to post a comment.*",
    r"comments? are closed", r"comment", r"name", r"e-?mail(?: address)?", r"website", r"message")
COMMENT_HEADING = whole_line(r"\d+\s+(?:comments?|responses?|replies|thoughts? on\b.*)", r"comments?(?: \(\d+\))?", r"reader comments",
                             r"join the (?:discussion|conversation)", r"show comments", r"view comments", r"sort by(?: best| newest| oldest)?",
                             r"responses")
COMMENT_REPLY = re.compile(r"(?:reply|log in to reply|reply\s*↓|↓\s*reply|reply to this comment)\s*", re.IGNORECASE)
COMMENT_AUTHOR = re.compile(r"[\w .'\-]{1,40}\s+says\s*:?\s*", re.IGNORECASE)
COMMENT_STAMP = re.compile(r"(?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}|\d{4}-\d{2}-\d{2}) (?:at|@) \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
BULLET_NAME = re.compile(r"[•·▪◦●*\-–]\s*\S.{0,38}")

AMOUNT = r"(?:[$€£¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥₹]|usd|eur|gbp|dollars?|euros?))"
LONE_AMOUNT = re.compile(r"(?:(?:raised|goal|target|of|total)[:\s]*)?" + AMOUNT + r"(?:\s*(?:raised|goal|/\s*" + AMOUNT + r"))?", re.IGNORECASE)
PRICE = re.compile(r"\b(?:only|just|from|for)?\s*" + AMOUNT + r"\s*(?:/|per|a|an|each|every)\s*(?:year|yr|month|mo|week|day|issue)\b", re.IGNORECASE)
DONATION = re.compile(
    r"^donate[.!]?$|\bdonate (?:now|today|here|to us|to our)\b|\bmake a (?:donation|contribution)|\byour (?:donation|contribution|support) (?:helps|keeps|makes|today)"
    r"|(?:one-time|monthly|recurring) (?:donation|gift)|tax[- ]deductible|consider (?:helping|supporting|donating to) us"
    r"|help us (?:keep|continue|grow|fund|stay|remain)|support (?:us|our (?:work|journalism|reporting|mission|site))\b"
    r"|support (?:independent|quality) (?:journalism|media|news)|become a (?:patron|supporter|sustaining member)"
    r"|^support [\w’'.-]+(?:’s|'s) (?:\w+ )?(?:journalism|reporting|work)"
    r"|(?:via|with|through|on) (?:patreon|paypal)|patreon\.com|paypal\.me|buy me a coffee|ko-fi|chip in (?:\$|today|now)"
    r"|^(?:do you |did you )?(?:like|enjoy|enjoyed|value|appreciate) (?:this|our) (?:content|article|work|reporting|journalism)\b",
    re.IGNORECASE)
MONEY_HINTS = ("$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "dollar", "euro")
DONATION_HINTS = ("donat", "contribut", "tax", "help us", "support", "patron", "paypal", "coffee", "ko-fi", "chip in",
                   "like", "enjoy", "value", "appreciate", "consider")
SUBSCRIPTION_HINTS = ("subscri", "sign up", "register", "get started", "trial", "join", "newsletter", "already", "become a",
                       "unlimited", "premium", "continue reading", "log in", "cancel", "inbox", "sign-up", "signing up", "podcast")
SUBSCRIPTION = re.compile(
    r"^(?:subscribe|subscribe now|subscribe today|sign up|sign up now|sign up today|register now|get started|"
    r"start (?:your )?free trial|join now|join today)[.!]?$"
    r"|\bsubscribe (?:to (?:our|the|my) (?:\w+ )?(?:newsletter|channel|podcast|mailing list|feed)|now|today|for (?:free|only|just|\$))"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|a) (?:free )?(?:\w+ )?(?:newsletter|briefing|digest|alerts)"
    r"|\b(?:sign up|subscribe)\b[^.!?]{0,40}\bnewsletters?\b|\bnewsletters?\b[^.!?]{0,40}\b(?:sign up|subscribe|delivered)\b"
    r"|\balready (?:a )?(?:subscriber|member|have an account)|\bbecome a (?:subscriber|member|premium member)"
    r"|\bsubscribers? (?:only|get|can|enjoy)|\bunlimited (?:digital )?access|\bfree trial\b|\bpremium (?:content|members?|subscription)"
    r"|\bto continue reading\b|\blog in to (?:read|continue)|^join our (?:community|mailing list|newsletter)"
    r"|\bjoin our (?:facebook|twitter|telegram|whatsapp|reddit|discord|online|linkedin) (?:community|group|page|channel)"
    r"|\bcancel (?:at )?any ?time\b|\bsubscription (?:plans?|options?)\b|\b(?:in|to|into) your inbox\b", re.IGNORECASE)
#: A newsletter or podcast prompt on a line of its own (the lines around it are not swept with it).
SIGNUP_LINE = re.compile(
    r"\b(?:sign up|subscribe|register) (?:here |now |today )?(?:for|to) .{0,60}?\b(?:newsletter|briefing|digest|alerts|tip sheet|emails?|podcast)s?\b"
    r"|^sign up to receive\b|\bthank you for (?:signing up|subscribing)\b|\bnewsletter sign[- ]?up\b|\bnewsletter\b.{0,120}\bsign up here\b"
    r"|\b(?:subscribe|listen|follow)\b.{0,40}\b(?:on|via) (?:apple podcasts|itunes|spotify|stitcher|google podcasts|overcast|youtube)\b"
    r"|\bwherever you (?:get|listen to) (?:your )?podcasts\b|\b(?:on|to) our (?:\w+ ){0,3}podcast\b", re.IGNORECASE)
#: The fine print of a sign-up form: a line holding it is the form, however long (a country list can run to 400 words).
SIGNUP_FORM = re.compile(
    r"by signing up,? (?:you|i) (?:agree|are agreeing|acknowledge)|you (?:can|may) (?:unsubscribe|opt[- ]out)\b.{0,30}\bany ?time"
    r"|please verify you'?re not a robot|(?:please enter a |invalid )valid email address|invalid email address"
    r"|you must select a newsletter|protected by recaptcha|\bemail sign ?up\b|\bemail \(required\)|thank you for (?:subscribing|signing up)"
    r"|newsletter sign[- ]?up|we encountered an issue signing you up|choose your country", re.IGNORECASE)
SHORT_PROMPT_WORDS = 30
SIGNUP_HINTS = ("sign up", "signing up", "subscri", "newsletter", "podcast", "thank you for", "robot", "recaptcha", "email", "opt out")
#: A sign-up prompt opening a sentence: "Sign up for the Future Perfect newsletter.", "If you liked this story, sign up for ..."
SIGNUP_PROMPT = re.compile(
    r"(?:^|[.!?…]\s+)(?:(?:if you (?:liked|enjoyed|like) this (?:story|article|post),?\s*)?(?:sign up|subscribe)\b.{0,80}?"
    r"\b(?:newsletters?|inbox|emails?|briefing|alerts|updates|podcasts?|tip sheet)\b"
    r"|(?:get|want) (?:our|the) .{0,40}\b(?:newsletter|in your inbox)\b)", re.IGNORECASE)
RELATED_HEADING = whole_line(
    r"check (?:also|this out)", r"see also", r"also see", r"also read", r"read (?:more|also|next)", r"more", r"watch", r"listen",
    r"related(?: (?:articles?|posts?|stories|news|content|coverage|reading|topics|links))?",
    r"more (?:from|on|in) [\w\s'’-]{1,40}", r"more (?:stories|news|articles|headlines)", r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"recommended(?: for you| stories| articles)?", r"trending(?: now| stories)?", r"most (?:read|popular|viewed|shared)",
    r"popular (?:posts|stories|articles)", r"don'?t miss", r"editor'?s picks?", r"latest (?:news|stories|posts|articles)",
    r"further reading", r"top stories", r"what to read next", r"keep reading", r"in case you missed it")
RELATED_INLINE = re.compile(r"\(?\s*(?:read more|also read|see also|also see|related|read also|recommended|more|watch|listen|photos|videos?|gallery|full coverage|"
                            r"slideshow|pictures|in pictures)\s*:\s*\S", re.IGNORECASE)
#: A one-line link to other coverage: "Read more from The Hill:", "More On This... <headline>", "Related Coverage
#: <headline>", "Recommended <headline>", "Click for more from The Wall Street Journal.", "Full coverage of the outbreak".
RELATED_LINE = re.compile(
    r"\(?\s*read more (?:from|about|on|at|of) [^.!?]{1,80}?(?: here)?[:.]?\s*\)?|more on this\s*(?:\.\.\.|…)?.{0,150}"
    r"|related (?:coverage|video|content|stories|articles?|links?)\s+.{1,200}|(?:related|recommended)\s+(?-i:[A-Z])[^.!?]{0,150}"
    r"|full coverage(?:\s*:|\s+of\b)[^.!?]{1,80}|more here\.?|click (?:here )?for more (?:from|on|at|about) [^!?]{1,60}"
    r"|watch (?:the |our )?(?:full |latest )?(?:video|speech|interview|clip|segment|opinions videos)s?(?: below| here| above)?\s*:",
    re.IGNORECASE)
RELATED_STARTS = ("(", "read more", "more on this", "more here", "related", "recommended", "full coverage", "click", "watch")
TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more\s*[»›>]*|continue reading\s*[»›>→]*)$", re.IGNORECASE)
BREADCRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\||::|→)\s+")
BREADCRUMB_ROOT = re.compile(r"(?:home|homepage|start|main|news|front page)", re.IGNORECASE)
CREDIT = re.compile(
    r"\(?\s*(?:(?:photo|image|picture|video|graphic|illustration)s? ?(?:credit|courtesy|by|source)\s*:?|credits?\s*:|image copyright"
    r"|enlarge this image|toggle caption|image caption|media caption|getty images|shutterstock"
    r"|(?:photo|image|picture)\s*:(?=\s*\S+(?:\s+\S+){0,3}\s*\)?$))\s*[^()]{1,80}\)?", re.IGNORECASE)
#: A parenthesis ending a line that names a photo or a credit: "(photo credit: SANA/AFP)", "(AP Photo/Jane Doe)".
CREDIT_TAIL = re.compile(r"\s*\([^()]*\b(?:photo|image|picture|credit)s?\b[^()]*\)\s*$", re.IGNORECASE)
MARKUP = re.compile(r"(?:\[/?[a-z_-]+(?:\s[^\]]{0,80})?\]\s*)+")
COPYRIGHT = re.compile(r"(?:©|copyright ©|\(c\)|copyright \d{4}).{0,120}|.{0,100}\ball rights reserved\b.{0,40}", re.IGNORECASE)
WORDS = re.compile(r"\w+")
QUOTE = re.compile(r"[“\"]([^”\"]{25,}?)[”\"]")

# --- media widgets: embedded videos, photo galleries and their controls, photo credits -------------
#: An embedded video: its player controls and the title of the video (another piece, not the report).
VIDEO = whole_line(
    r"just watched\b.{1,250}?\breplay more videos\b.{0,300}",  # "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:24"
    r"media playback is (?:unsupported|not supported) on (?:your|this) device\b.{0,300}",  # "... Media caption <title>"
    r"play video(?: \d{1,2}:\d{2})?\b.{1,200}?[-–—]\s*video(?: explainer| profile| report| interview)?",
    r"now playing\s*:.{1,200}", r"must watch(?:\s.{0,200}?\s\d{1,2}:\d{2}(?::\d{2})?)?", r"more videos(?:\s*(?:\.\.\.|…))?", r"replay",
    r"watch the (?:latest|full) video at \S+", r"play (?:facebook|twitter)", r"embed(?: autoplay)*\s*copy this code.{0,60}",
    r"your browser does not support (?:the )?(?:video|audio|iframe)(?: tag| element)?.{0,40}")
VIDEO_STARTS = ("just watched", "media playback", "play ", "now playing", "must watch", "more videos", "replay",
                "watch the", "embed", "your browser")
#: A slide of a photo gallery: "Photos: <gallery> <caption> Hide Caption 3 of 17" (all slides of a
#: gallery can share one line), "Hide caption <caption> Previous Next <credit>", or a photo viewer
#: "Show caption Hide caption <caption cut short...> <caption> <credit>" (the caption twice).
GALLERY_SLIDE = re.compile(r"\bhide caption \d+ of \d+\b|^hide caption\b.{0,1500}\bprevious\s+next\b|^show caption hide caption\b", re.IGNORECASE)
#: The title line of a gallery whose first slide runs on to the next line.
GALLERY_TITLE = re.compile(r"(?:photos|gallery|slideshow|in pictures)\s*:", re.IGNORECASE)
GALLERY_STARTS = ("prev", "image", "photo", "picture", "slide", "view", "gallery", "open", "launch", "see", "hide", "show",
                  "click", "expand")
GALLERY_CONTROL = whole_line(
    r"(?:prev(?:ious)?\s+next\s+)?(?:image|photo|picture|slide)\s+\d+\s+of\s+\d+", r"prev(?:ious)?\s+next",
    r"(?:view gallery\s+)?gallery\s*:?\s*\d+ of \d+\b.{0,80}", r"previous next\b.{0,80}?\b\d+ of \d+\b.{0,10}view slideshow",
    r"(?:view|open|launch|see) (?:the )?(?:photo )?(?:gallery|slideshow)(?: \(\d+ (?:photos|images)\))?", r"photo gallery",
    r"hide caption", r"show caption", r"click (?:image|photo) to enlarge", r"expand image")
#: The label of a caption line, split off the caption (which stays): "Image copyright Getty Images Image caption ..."
CAPTION_HEAD = re.compile(r"(?:image copyright\b.{0,120}?\s)?image caption\b", re.IGNORECASE)
#: Picture agencies that end a credit line: "Getty Images", "AFP/Getty Images", "(Jane Doe/Reuters)", "(Pixabay)".
AGENCIES = ("getty", "getty images", "afp", "ap", "ap photo", "ap images", "reuters", "epa", "epa-efe", "efe", "bloomberg", "landov",
            "shutterstock", "pixabay", "istock", "istockphoto", "unsplash", "flickr", "wikimedia commons", "zuma press", "zuma wire",
            "sipa", "sipa usa", "upi", "corbis", "polaris", "redux", "pool", "staff", "xinhua", "tass", "anadolu agency", "nurphoto",
            "cq roll call", "cq-roll call", "alamy", "alamy stock photo")
#: A photo credit ending a caption line: "(Photo: Jane Doe/Getty Images)", "(Jane Doe/Reuters)", "Photograph: Jane
#: Doe/Getty Images", "Jane Doe/AFP/Getty Images", "| Jane Doe/Getty Images".
CREDIT_END = re.compile(
    r"(?:\s+\|)?\s+(\((?=[^()]*(?:\bphoto|\bimage|\bcredit|getty|/))[^()]{2,120}\)"
    r"|(?:photo(?:graph)?|image|credit)s?(?:\s+by)?\s*:\s*[^.!?:]{2,100}"
    r"|(?P<name>(?-i:(?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})\s?/\s?(?:[\w.'’&, -]{1,40}?\s?/\s?){0,3}(?:" + "|".join(AGENCIES) +
    r")(?: via (?:getty images|ap|reuters))?(?:,? (?:file|for [\w .'’-]{1,40}))?))[.\s]*$", re.IGNORECASE)
#: The head of a caption line that is the page's share buttons (The Guardian): "Facebook Twitter Pinterest <caption>".
SHARE_HEAD = re.compile(r"facebook twitter pinterest\b", re.IGNORECASE)
#: Image-widget labels with the credit: that label, or "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP" (NPR).
CAPTION_WIDGET = re.compile(r"(?:enlarge this image|toggle caption)\b.{0,400}|" + CAPTION_HEAD.pattern + r"[\s:]*", re.IGNORECASE)
PHOTO_AGENCY = re.compile(r"(?:^|[\s/(])(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\s*\)?\s*$", re.IGNORECASE)
#: "Photo: <credit>" and "(Reuters photo: Jane Doe)" lines whose rest reads as a credit.
PHOTO_LABEL = re.compile(r"\(?\s*(?:[\w’'-]+\s+){0,2}?(?:photo(?:graph(?:er)?)?|image|picture|illustration)s?(?:\s+(?:credit|courtesy|by|source))?\s*:", re.IGNORECASE)
#: A credit line that is only a name and an agency: "Jane Doe/Getty Images", "Story Hinckley/Staff".
NAME_SLASH = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*/")
CREDIT_CUE = re.compile(r"/|\bvia\b|\bcourtesy\b|\bfor (?:the )?[A-Z]|\(\s*[A-Z][\w .&]*\s*\)$|\bstaff\b|\bsource\b")


def is_photo_credit(text: str, low: str, words: int) -> bool:
    """A lone credit line (``low`` is ``text`` lowercased): "(photo credit: ...)", "Getty Images",
    "(Jane Doe/Reuters)", "Photo: Jane Doe/The Washington Post via Getty Images", "| Jane Doe/AP"."""
    text = text.lstrip("| ")
    if words <= 12 and (CREDIT.fullmatch(text) or (
            text.startswith("(") and ("photo" in low or "image" in low) and CREDIT_TAIL.fullmatch(text))):
        return True  # "(photo credit: Jane Doe)", "(AP Photo/Jane Doe)"
    label = PHOTO_LABEL.match(text)
    if label:  # "Photo: ..." with a credit after it
        rest = text[label.end():]
        return len(rest.split()) <= 5 or bool(CREDIT_CUE.search(rest) or PHOTO_AGENCY.search(rest))
    agency = PHOTO_AGENCY.search(text) if words <= 10 and low.rstrip(" )").endswith(AGENCIES) else None
    if not agency or agency.start() == 0:  # "Getty Images", "AFP/Getty Images"
        return bool(agency)
    return (text.startswith("(") and text.endswith(")")) or NAME_SLASH.match(text) is not None

# --- credit lines: who contributed to the report, wire credits --------------------------------
#: A word of a credit's list of names and places: a capitalised word ("Jane", "Doe,", "Va.", "CNN's",
#: "FoxNews.com's") or one of the few lowercase words such lists use ("and", "in", "staff writer").
_CREDIT_WORD = (r"(?:[A-Z0-9@][\w.’'&@/-]*|and|&|in|from|of|the|at|on|for|with|also|staff|writers?|reporters?|correspondents?"
                r"|producers?|editors?|photographers?|researchers?|contributors?|interns?|freelancers?|journalists?|librarians?"
                r"|videographers?|bureau|chief|radio|news|video|data|senior|national|political|investigative|special|associate"
                r"|assistant|deputy|managing|executive|digital|technology|science|economics|business|health|legal|medical"
                r"|sports|congressional|diplomatic|foreign|global|de|la|da|van|von|der|del|al|bin|el|du|le|y|via|wire"
                r"|services?|reports)[,;:]?")
_NAMES = rf"{_CREDIT_WORD}(?:\s+{_CREDIT_WORD}){{0,70}}"
#: One sentence of a credit line.
CREDIT_SENTENCE = re.compile(
    rf"(?:{_NAMES}\s+)?(?:also\s+)?contributed(?:\s+(?:reporting|research)(?:\s+and\s+research)?)?"
    rf"(?:\s+to\s+(?:this|the)\s+(?:report|story|article|post|investigation))?(?:\s+(?:from|in)\s+{_NAMES})?"
    rf"(?:,\s*(?:which (?:is|was) based (?:in part )?on [\w\s-]{{1,40}}|(?:which (?:was|has been) )?updated .{{1,40}}"
    rf"|along with {_NAMES}))?"
    rf"|(?i:(?:this|the) (?:story|report|article) was (?:reported|written|compiled) by)\s+{_NAMES}"
    rf"|(?i:(?:additional\s+)?(?:reporting|writing|editing|research|fact-checking|compiled|edited|produced)\s+by)\s+{_NAMES}"
    rf"|(?i:contributing(?:\s+writers?|\s+reporters?)?\s*:)\s*{_NAMES}"
    rf"|{_NAMES}\s+(?:reported|wrote|reported and wrote)(?:\s+this (?:story|report))?\s+from\s+{_NAMES}"
    rf"|(?i:(?:this|the) (?:article|report|story) (?:is based (?:in part )?on|contains material from|includes (?:material|reporting|information) from))\s+{_NAMES}"
    rf"|(?i:(?:compiled )?with (?:[a-z][\w.]* )?wire(?:s| services| reports))"
    rf"|(?i:write to)\s+{_NAMES}\s+at \S+@\S+|{_NAMES}\s+can be reached at \S+@\S+")
CREDIT_HINTS = ("contribut", "reporting by", "editing by", "writing by", "research by", "edited by", "compiled by", "reported from",
                "wrote from", "wire", "write to", "reached at")
_CREDIT_SPLIT = re.compile(r"(?<=[.;])\s+(?=[A-Z0-9“\"(•⦁—–-])")


def is_credit_line(text: str) -> bool:
    """A line made only of credit sentences ("The Associated Press contributed to this report.",
    "(Reporting by Jane Doe; Editing by John Roe)", "Doe reported from Denver."); pieces of names
    and places cut off by an abbreviation's period ("McLean, Va.") count with them."""
    parts = _CREDIT_SPLIT.split(text.strip(" \t\u200b•⦁·*—–-()?").rstrip("."))
    credits = 0
    for part in parts:
        part = part.strip(" ;.()")
        if CREDIT_SENTENCE.fullmatch(part):
            credits += 1
        elif not re.fullmatch(_NAMES, part):
            return False
    return credits > 0


def is_signup_form(text: str, words: int) -> bool:
    """A newsletter sign-up box: a line with a form's fine print, at most 60 words of other text
    before and after it; or a line of at most 60 words with a sign-up prompt (on its own, or
    opening a sentence: "Sign up for the Future Perfect newsletter. Twice a week, ...")."""
    prompt = SIGNUP_LINE.search(text) if words <= SHORT_PROMPT_WORDS else None
    if prompt and not _in_quotes(text, prompt.start()):
        return True
    first = SIGNUP_FORM.search(text)
    if first:
        last = first
        for last in SIGNUP_FORM.finditer(text, first.end()):  # noqa: B007 - the last match is wanted
            pass
        return len(text[:first.start()].split()) <= 60 and len(text[last.end():].split()) <= 60
    prompt = SIGNUP_PROMPT.search(text) if words <= 60 else None
    return prompt is not None and not _in_quotes(text, prompt.start())


def _in_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation (a site's words quoted by the report)?"""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# --- tests of single lines, used by the rules of ``framing.corpus.clean`` -------------------------------
#: Lines of at most this many words without closing punctuation read as headings or links.
HEADING_WORDS = 14
_CLOSING = tuple(".!?:;”\"’)…")


def has_hint(low: str, hints: tuple[str, ...]) -> bool:
    """A cheap test before a costly pattern: does the lowercased line hold one of ``hints``?
    (A plain loop: four times faster than ``any`` over a generator, and called for every line.)"""
    for hint in hints:  # noqa: SIM110 - a plain loop: any() over a generator is four times slower here
        if hint in low:
            return True
    return False


def is_heading_like(text: str, words: int) -> bool:
    """A short line with no closing punctuation: a heading, a link or a tagline."""
    return 0 < words <= HEADING_WORDS and not text.endswith(_CLOSING)


def is_link_or_teaser(text: str, words: int) -> bool:
    """A linked headline, or a teaser cut off with "…" or "Read more"."""
    return is_heading_like(text, words) or (words <= 50 and TEASER_END.search(text) is not None)


def is_subscription_prompt(text: str, low: str, words: int) -> bool:
    """"Subscribe now", "Already a subscriber? Log in", or a price line ("Only $5 a month")."""
    if has_hint(low, SUBSCRIPTION_HINTS) and SUBSCRIPTION.search(text):
        return True
    price = PRICE.search(text) if words <= 12 and has_hint(low, MONEY_HINTS) else None
    return price is not None and (words <= 8 or price.group().lstrip()[:1].isalpha())  # "Only $5 a month"


def line_key(text: str) -> str:
    """The text of a line for comparison: case, spacing, end punctuation and a trailing credit ignored."""
    if text.endswith(")"):
        head, tail = text[:-100], text[-100:]
        text = head + CREDIT_TAIL.sub("", tail)
    text = text.casefold()
    if "  " in text or "\t" in text or "\xa0" in text:
        text = " ".join(text.split())
    return text.strip(" .,;:!?\"'“”‘’")


def is_one_sentence(text: str, words: int) -> bool:
    return words <= 60 and len(re.findall(r"[.!?][”\"’]?\s+[“\"A-Z]", text)) == 0


def repeats(short: str, short_words: int, longer: str, longer_words: int) -> bool:
    """True when ``longer`` is a longer paragraph (not a caption) holding nearly every word of ``short``."""
    if longer_words < short_words * 1.5 or is_caption(longer):
        return False
    mine = WORDS.findall(short.lower())
    theirs = set(WORDS.findall(longer.lower()))
    return sum(word in theirs for word in mine) >= 0.85 * len(mine)


def is_caption(text: str) -> bool:
    return bool(CREDIT_TAIL.search(text[-100:])) or text.lower().startswith(("file -", "file--", "file photo"))


# --- furniture seen only across pages: an outlet's repeated paragraphs ---------------------------
def repeated_paragraphs(articles: Sequence[tuple[str, str]], *, min_articles: int = 5, min_words: int = 20,
                        max_overlap: float = 0.5) -> dict[str, frozenset[str]]:
    """Per outlet, the paragraphs (stripped lines of ``min_words`` or more) found verbatim in at
    least ``min_articles`` of its ``(outlet, raw text)`` articles: template text (author notes,
    sign-up boxes, disclaimers) and stale sidebars a crawler captured with every page. A paragraph
    shared by versions of one story is not boilerplate: the articles holding it must have at most
    ``max_overlap`` of their long paragraphs in common (median Jaccard index of up to 10 of them).
    Pass an outlet's set to ``framing.corpus.clean.clean_text(raw, boilerplate=...)``."""
    counts: Counter = Counter()
    keys = []
    for outlet, raw in articles:
        mine = frozenset(hash(p) for p in _long_paragraphs(raw, min_words))
        keys.append(mine)
        counts.update((outlet, h) for h in mine)
    holders: dict[tuple[str, int], list[int]] = {}
    for n, ((outlet, _), mine) in enumerate(zip(articles, keys)):
        for h in mine:
            if counts[outlet, h] >= min_articles:
                holders.setdefault((outlet, h), []).append(n)
    chosen = {key for key, members in holders.items() if _median_overlap([keys[n] for n in members[:10]]) <= max_overlap}
    found: dict[str, set[str]] = {}
    for outlet, raw in articles:
        for p in _long_paragraphs(raw, min_words):
            if (outlet, hash(p)) in chosen:
                found.setdefault(outlet, set()).add(p)
    return {outlet: frozenset(texts) for outlet, texts in found.items()}


def _long_paragraphs(raw: str, min_words: int) -> list[str]:
    return [p for p in (line.strip() for line in raw.splitlines()) if p.count(" ") >= min_words - 1]


def _median_overlap(sets: list[frozenset]) -> float:
    overlaps = sorted(len(a & b) / len(a | b) for k, a in enumerate(sets) for b in sets[k + 1:])
    return overlaps[len(overlaps) // 2] if overlaps else 0.0


def caption_pieces(text: str, *, credits: bool = False) -> list[tuple[int, int]]:
    """Spans of a stripped line: the whole line, or a caption cut from its widget label ("Image
    copyright X Image caption", "Facebook Twitter Pinterest") and (``credits``) from a photo
    credit ending it."""
    spans = [(0, len(text))]
    head = None
    if text[:1] in ("I", "i", "F", "f"):
        head = CAPTION_HEAD.match(text) or SHARE_HEAD.match(text)
    if head and text[head.end():].strip():
        spans = [(0, head.end()), (len(text) - len(text[head.end():].lstrip()), len(text))]
    start, end = spans[-1]
    tail = text[max(start, end - 160):end]
    if credits and ("/" in tail or "hoto" in tail or "redit" in tail) and "aption" not in text:  # not a gallery slide
        credit = CREDIT_END.search(text, max(start, end - 160), end)
        before = text[start:credit.start()].rstrip(" |") if credit else ""
        named = credit is not None and credit.group("name") is not None  # "Jane Doe/Getty Images" ends a sentence
        if credit and len(before.split()) >= 3 and (not named or before.endswith((".", "!", "?", "”", '"', "’", ")"))):
            rest = text[start + len(before):end]
            spans[-1:] = [(start, start + len(before)), (end - len(rest.lstrip()), end)]  # "| Jane Doe/AP" goes whole
    return spans
