"""Cleaning: per-seed expectations (docs/cleaning.md) and a table of varied page furniture."""
import pytest
from conftest import DEMO_CORPUS

from framing.corpus.clean import RULES, clean_text, repeated_paragraphs, split_lines
from framing.text.tokenize import sentences

TITLES = {
    "000": "Iran Request US to Leave Syria, while Damascus Threatens Its Ally",
    "001": "Iran rejects removing forces from Syria",
    "002": "Iranian Official Calls On U.S. To Withdraw From Syria",
    "003": "Syrian and Russian Chiefs of Staff call for US military to leave",
    "004": "Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria",
}

# Per seed: sentences the body must keep (first and last of the report, key quotes) and the
# furniture that must go, with the reason it is removed for. See docs/cleaning.md.
SEEDS = {
    "000": {
        "keep": [
            "On Monday, Iran and Syria appealed to the United States pull out its troops from Syria",
            "Iran’s armed forces chief of staff Major General Mohammad Baqeri stated that the three nations were “united against terrorism”",
            "Large areas of Syria have been brought under government control through “reconciliation agreements” that have typically been considered after the military defeat of rebel forces.",
        ],
        "gone": [
            ("Home / Iran / Iran Request US to Leave Syria", "navigation"),
            ("Check Also", "related"),
            ("Iran Plans To Ramp Up Oil Exports Despite American Sanctions", "related"),
            ("Iran has no intentions of backing under pressure from U.S., and is planning to ramp …", "related"),
            ("Leave a Reply", "comment-form"),
            ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ],
        "once": [TITLES["000"]],
        "reasons": {"navigation", "duplicate-headline", "related", "comment-form"},
    },
    "001": {
        "keep": [
            "Iran rejects removing forces from Syria",
            "Iranian officials have rejected the idea of pulling forces from Syria.",
            "A Syrian boy holds the Iranian flag as a truck carrying aid provided by Iran arrives",
            "On May 22, one day after US Secretary of State Mike Pompeo presented 12 demands for Iran",
            "that Iran withdraw all of its forces “from the entirety of Syria,”",
            "Entekhab website, which covered Peskov’s comments, asked whether Russia was “retreating from its previous position regarding the withdrawal of Iranian forces?”",
        ],
        "gone": [
            ("Skip to main content", "navigation"),
            ("Access the Middle East news and analysis you can trust", "subscription"),
            ("Join our community of Middle East readers", "subscription"),
            ("Subscribe", "subscription"),
            ("Only $100 per year.", "subscription"),
        ],
        "once": [],
        "reasons": {"navigation", "subscription"},
    },
    "002": {
        "keep": [
            "Iranian-backed forces massing around Deir Ezzor city",
            "On February 14, Ali Akbar Velayati, a top adviser to the Iranian supreme leader Ayatollah Ali Khamenei, called on the US to withdraw its troops from Syria saying that its presence there is illegal.",
            "“Iran is in Syria legitimately and based on the invitation of the Syrian government.",
            "Iran needs to withdraw its military, its militia from Syria",
            "However, this is hardly possible.",
        ],
        "gone": [
            ("0 $", "donation"), ("2,500 $", "donation"), ("5,000 $", "donation"), ("3,179 $", "donation"),
            ("Do you like this content? Consider helping us!", "donation"),
            # every reader comment, and every commenter's name
            ("• as", "comments"),
            ("Iranian and Syrian must understand that the harder part of it’s resistance", "comments"),
            ("Rouhani: We support a democratic Syria and Iraq free from the influence", "comments"),
            ("The US operation in Syria is a state terrorism.", "comments"),
            ("What is even the point of saying this openly–domestic consumption?", "comments"),
            ("• wwinsti", "comments"),
            ("If a rock in Syria rolls down a hill and scratches the paint", "comments"),
            ("As I said before US will be forced out one way or other.", "comments"),
            ("Russia is silent", "comments"),
            ("American citizens call on the US government to withdraw from Syria too.", "comments"),
            ("Assad should be the one shouting his lungs out", "comments"),
            ("They made Trump´s day.", "comments"),
        ],
        "once": [TITLES["002"]],
        "reasons": {"donation", "duplicate-headline", "comments"},
    },
    "003": {
        "keep": [
            "Syrian and Russian Chiefs of Staff call for US military to leave",
            "According to the al-Mayadeen news channel, the Russian and Syrian armies have called on the United States to withdraw their troops from Syria",
            "In stating that Daech was fought in Syria, U.S. President Donald Trump announced on December 19 his decision to withdraw his troops from that country.",
            "notes international affairs analyst Hadi Mohamadi.",
        ],
        "gone": [
            ("Leave a Reply", "comment-form"),
            ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ],
        "once": [],
        "reasons": {"comment-form"},
    },
    "004": {
        "keep": [
            "Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria",
            "Iranian Maj.-Gen. Mohammad Baqeri met with his Iraqi counterpart and Syrian Defense Minister Ali Abdullah Ayyoub to discuss opposition to the US role in Syria on Monday.",
            "“We have shown our unity in this war and fighting together against enemies,” Assad said, according to Iran’s Tasnim news.",
            "The goal is to “preserve national sovereignty and territorial integrity of Syria,”",
            "It also wants to pressure Iraq to call for US troops to leave Iraq.",
        ],
        "gone": [
            ("Syrian President Bashar Assad said, according to Iran’s Tasnim news.", "duplicate-quote"),
        ],
        # the quote and the caption appear once each in the body
        "once": ["We have shown our unity in this war and fighting together against enemies",
                 "President Bashar al-Assad (C) meeting with Iraq's Chief of Staff", "(photo credit: SANA/AFP)"],
        "reasons": {"duplicate-quote", "duplicate-caption"},
    },
}


def _seed(prefix):
    path = next(DEMO_CORPUS.glob(f"{prefix}_*.txt"), None)
    assert path is not None, f"seed {prefix} is missing from {DEMO_CORPUS}"
    raw = path.read_text(encoding="utf-8")
    return raw, clean_text(raw, title=TITLES[prefix])


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_keeps_the_report(prefix):
    raw, cleaned = _seed(prefix)
    for text in SEEDS[prefix]["keep"]:
        assert text in raw, f"test expectation not in seed {prefix}: {text!r}"
        assert text in cleaned.body, f"seed {prefix}: cleaning lost {text!r}"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_furniture_goes_with_its_reason(prefix):
    raw, cleaned = _seed(prefix)
    body_lines = {line.strip() for line in cleaned.body.splitlines()}
    for text, reason in SEEDS[prefix]["gone"]:
        assert text in raw, f"test expectation not in seed {prefix}: {text!r}"
        assert text not in body_lines and not any(text in line for line in body_lines if len(text) > 12), \
            f"seed {prefix}: {text!r} is still in the body"
        assert any(text in seg.text and seg.reason == reason for seg in cleaned.removed), \
            f"seed {prefix}: {text!r} not recorded as removed for {reason!r}"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_repeats_kept_once(prefix):
    _, cleaned = _seed(prefix)
    for text in SEEDS[prefix]["once"]:
        assert cleaned.body.count(text) == 1, f"seed {prefix}: {text!r} appears {cleaned.body.count(text)} times"
    assert {seg.reason for seg in cleaned.removed} == SEEDS[prefix]["reasons"]


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_removed_segments_index_the_raw_text(prefix):
    raw, cleaned = _seed(prefix)
    for seg in cleaned.removed:
        assert raw[seg.start:seg.end] == seg.text and seg.text == seg.text.strip() and seg.text
    starts = [seg.start for seg in cleaned.removed]
    assert starts == sorted(starts)


def test_seed_002_body_ends_with_the_report_not_the_comments():
    _, cleaned = _seed("002")
    assert cleaned.body.endswith("However, this is hardly possible.")
    comments = [seg for seg in cleaned.removed if seg.reason == "comments"]
    assert len(comments) == 1 and comments[0].text.endswith("They made Trump´s day.")


def test_every_sentence_of_the_report_survives():
    """Each sentence of each report paragraph (lines of 25+ words) stays in the body."""
    for prefix in SEEDS:
        raw, cleaned = _seed(prefix)
        report = [line for line in raw.splitlines() if len(line.split()) >= 25 and not line.startswith(" ")]
        for paragraph in report:
            for sentence in sentences(paragraph):
                assert sentence in cleaned.body, f"seed {prefix} lost: {sentence!r}"


def test_seed_004_caption_credit_goes_when_asked():
    raw = next(DEMO_CORPUS.glob("004_*.txt")).read_text(encoding="utf-8")
    cleaned = clean_text(raw, title=TITLES["004"], caption_credits=True)
    assert "(photo credit: SANA/AFP)" not in cleaned.body
    assert cleaned.body.count("President Bashar al-Assad (C) meeting with Iraq's Chief of Staff") == 1
    assert {seg.reason for seg in cleaned.removed} == {"duplicate-quote", "duplicate-caption", "photo-credit"}


# --- varied cases of page furniture, none taken from the seeds --------------------------------
REPORT = "The minister said on Tuesday that talks would resume next week in Geneva, officials confirmed."
REPORT2 = "Opposition leaders rejected the plan, calling it a delay tactic that ignored the refugees."


@pytest.mark.parametrize("text_in, expected, reason", [
    (f"Skip to content\n{REPORT}", REPORT, "navigation"),
    (f"Jump to navigation\n\n{REPORT}", REPORT, "navigation"),
    (f"News » World » Europe\n{REPORT}", REPORT, "navigation"),
    (f"Home > Politics > Talks resume in Geneva\n{REPORT}", REPORT, "navigation"),
    (f"World | Business | Sport | Culture\n{REPORT}", REPORT, "navigation"),
    (f"Menu\nSearch\n{REPORT}", REPORT, "navigation"),
    (f"{REPORT}\nTags: Geneva, talks, diplomacy", REPORT, "navigation"),
    (f"{REPORT}\nShare this:\nTwitter\nFacebook", REPORT, "share"),
    (f"{REPORT}\nADVERTISEMENT\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", "advertisement"),
    (f"{REPORT}\nStory continues below advertisement\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", "advertisement"),
    (f"{REPORT}\n\nLeave a comment\nCancel reply\nComment\nName *\nEmail *\nWebsite\nPost Comment", REPORT, "comment-form"),
    (f"{REPORT}\nYou must be logged in to post a comment.", REPORT, "comment-form"),
    (f"{REPORT}\nComments are closed.", REPORT, "comment-form"),
    (f"{REPORT}\n\nSupport independent journalism. Donate now.", REPORT, "donation"),
    (f"{REPORT}\n\nHelp us keep reporting: make a donation today!", REPORT, "donation"),
    (f"$1,200 raised\n$5,000 goal\n{REPORT}", REPORT, "donation"),
    (f"{REPORT}\n\nBecome a patron on Patreon", REPORT, "donation"),
    (f"{REPORT}\n\nSign up for our free daily newsletter\nGet the best stories in your inbox.", REPORT, "subscription"),
    (f"{REPORT}\n\nAlready a subscriber? Log in\nUnlimited digital access\n$9.99/month", REPORT, "subscription"),
    (f"{REPORT}\n\nIndependent news you deserve\n\nSubscribe now\n\nJust £5 a month. Cancel anytime.", REPORT, "subscription"),
    (f"{REPORT}\n\nRead more: Talks collapse as delegates walk out", REPORT, "related"),
    (f"{REPORT}\n\nRelated Articles\nTalks collapse as delegates walk out\nWhy Geneva matters …\nEU sends envoy", REPORT, "related"),
    (f"{REPORT}\n\nYou may also like\n\nThe envoy who never gave up\nA profile of the man behind the talks...", REPORT, "related"),
    (f"Talks resume in Geneva\n\nTalks resume in Geneva\n\n{REPORT}", f"Talks resume in Geneva\n\n{REPORT}", "duplicate-headline"),
    (f"{REPORT}\nDelegates arrive in Geneva on Monday. (Photo: Reuters)\nDelegates arrive in Geneva on Monday.\nPhoto: Reuters\n{REPORT2}",
     f"{REPORT}\nDelegates arrive in Geneva on Monday. (Photo: Reuters)\n\n{REPORT2}", "duplicate-caption"),
    (f"{REPORT}\n{REPORT2}\n{REPORT2}", f"{REPORT}\n{REPORT2}", "duplicate-text"),
    (f"“We will not give up on peace in this region,” the minister said.\n{REPORT} “We will not give up on peace in this region,” he added, before leaving the hall.",
     f"{REPORT} “We will not give up on peace in this region,” he added, before leaving the hall.", "duplicate-quote"),
    (f"{REPORT}\nImage credit: AFP/Getty Images", REPORT, "photo-credit"),
])
def test_furniture_cases(text_in, expected, reason):
    cleaned = clean_text(text_in)
    assert cleaned.body == expected
    assert reason in {seg.reason for seg in cleaned.removed}


@pytest.mark.parametrize("comments", [
    # bullet, commenter's name, indented comment
    "  • Jane D\n\n    I disagree with this article.\n\n  • Bob\n\n    Fake news as usual.\n",
    # "Name says:" with time stamps and reply links
    "Mark says:\nMarch 3, 2019 at 5:12 pm\nThis is the best analysis so far.\nReply\nAnna says:\nMarch 4, 2019 at 9:01 am\nNo, it is not.\nReply\n",
    # a heading with a count, then names, relative times and reply links (Disqus style)
    "12 Comments\n\nSort by Best\n\nJaneD\n2 years ago\nGreat piece, thank you.\nReply\nMarkus\n2 years ago\nTotally one-sided.\nReply\n",
])
def test_comment_sections_are_removed_whole(comments):
    cleaned = clean_text(f"{REPORT}\n\n{REPORT2}\n\n{comments}")
    assert cleaned.body == f"{REPORT}\n\n{REPORT2}"
    assert [seg.reason for seg in cleaned.removed] == ["comments"]


@pytest.mark.parametrize("text", [
    # a report paragraph that names donations, subscriptions and prices is the report
    "The charity said donations rose sharply after the earthquake, and it will support the families for a year.",
    "Subscribers to the streaming service will pay $15.49 a month from January, the company said on Friday.",
    "He urged his supporters to join our community of voters, a phrase he used in every rally that spring.",
    # short lines of the report that look like furniture but are not
    "Menu prices rose 4% in May.",
    "Related parties were named in the filing.",
    "“Read more books,” the minister told pupils.",
    # advice in a report's list is not a donation prompt
    "How to help:\nDonate blood\nDonate to organizations that support local journalists",
    # a headline followed by a different line
    "Talks resume\n\nTalks resume after three weeks of silence, the ministry said on Monday.",
    # a bulleted list in a report is not a comment section
    "The plan has three parts:\n- a ceasefire from Monday;\n- the exchange of prisoners;\n- elections within a year.",
    # two different quotes
    "“We will stay,” he said. “We will not stay,” she replied.",
    # attributions introducing quotes are not comment authors
    "The BBC says:\n\n\"The demonstrations have spread to other areas.\"\n\nAnthony says: \"Police tried to clear the district.\"",
    "What the President said:\n\n\"Congress should vote.\"\n\nIts prospects:\n\nThe vote is unlikely this year.",
    # a date and time in a report, and a line that merely starts with a comment word
    "The vote was held on March 3, 2019 at 5:12 pm, the clerk said.\nComments from the minister followed on Tuesday.",
])
def test_report_text_is_kept(text):
    cleaned = clean_text(text)
    assert cleaned.body == text.strip()
    assert cleaned.removed == ()


def test_title_marks_the_repeated_headline():
    cleaned = clean_text(f"Talks resume\n{REPORT}\nTalks resume", title="Talks Resume")
    assert cleaned.body == f"Talks resume\n{REPORT}"
    assert cleaned.removed[0].reason == "duplicate-headline"


def test_empty_and_blank_text():
    assert clean_text("").body == "" and clean_text("").removed == ()
    assert clean_text("\n  \n").body == ""


def test_windows_line_breaks_keep_offsets():
    raw = f"Skip to content\r\n\r\n{REPORT}\r\nSubscribe\r\n"
    cleaned = clean_text(raw)
    assert cleaned.body == REPORT
    assert [raw[s.start:s.end] for s in cleaned.removed] == ["Skip to content", "Subscribe"]


def test_rules_can_be_chosen():
    raw = f"Skip to content\n{REPORT}"
    assert clean_text(raw, rules=()).body == raw
    assert clean_text(raw, rules=RULES[:1]).body == REPORT


def test_split_lines_offsets():
    raw = "a\r\n  b\n\nc"
    lines = split_lines(raw)
    assert [(raw[line.start:line.end].strip(), line.indent) for line in lines] == [("a", 0), ("b", 2), ("", 0), ("c", 0)]


def test_comment_heading_without_comments_goes_alone():
    text = f"{REPORT}\n\nJoin the discussion\n\n{REPORT2}"
    cleaned = clean_text(text)
    assert cleaned.body == f"{REPORT}\n\n{REPORT2}"
    assert [seg.reason for seg in cleaned.removed] == ["comments"]


def test_social_community_prompt_is_removed_with_its_heading():
    text = (f"{REPORT}\n\nJoin the conversation\n\nAre you interested in more discussions around this policy? "
            f"Join our Facebook community for conversation and updates.")
    cleaned = clean_text(text)
    assert cleaned.body == REPORT


# --- media widgets: videos, galleries, photo credits (patterns seen on CNN, NPR, BBC, Guardian pages) ---
CAPTION = "Delegates arrive in Geneva on Monday"
MEDIA_CASES = [
    (f"{REPORT}\nJUST WATCHED Talks resume in Geneva Replay More Videos ... MUST WATCH Talks resume in Geneva 02:24\n{REPORT2}",
     f"{REPORT}\n\n{REPORT2}", {"video"}),
    (f"Media playback is unsupported on your device Media caption The envoy explains the plan\n\n{REPORT}", REPORT, {"video"}),
    (f"{REPORT}\n\nPlay Video 1:19 Delegates arrive in Geneva – video", REPORT, {"video"}),
    (f"{REPORT}\n\nNow playing: Watch this: How the Geneva talks work", REPORT, {"video"}),
    (f"{REPORT}\nPhotos: Talks in Geneva {CAPTION}. Hide Caption 1 of 3 Photos: Talks in Geneva The envoy speaks. Hide Caption 2 of 3\n"
     f"{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"gallery"}),
    # a gallery title on its own line, its first slide on the next
    (f"{REPORT}\n\nPhotos: Talks in Geneva The envoy speaks to reporters.\n\nA delegate leaves. Hide Caption 1 of 2\n\n{REPORT2}",
     f"{REPORT}\n\n{REPORT2}", {"gallery"}),
    (f"{REPORT}\n\nHide caption {CAPTION}. Previous Next Jane Doe/AP\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"gallery"}),
    (f"{REPORT}\nprev next Image 2 of 13\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"gallery"}),
    (f"Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP\n\n{REPORT}", REPORT, {"photo-credit"}),
    (f"{REPORT}\n\nGetty Images\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"photo-credit"}),
    (f"{REPORT}\n\n(Jane Doe/Reuters)\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"photo-credit"}),
    (f"{REPORT}\n\n(Reuters photo: Jane Doe)\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}", {"photo-credit"}),
    (f"{REPORT}\n\nPhoto: Jane Doe/The Washington Post via Getty Images", REPORT, {"photo-credit"}),
    (f"{REPORT}\n\nPhotographer: Jane Doe/Bloomberg Photographer: Jane Doe/Bloomberg", REPORT, {"photo-credit"}),
    # the caption stays, its label goes
    (f"{REPORT}\n\nImage copyright Getty Images Image caption {CAPTION}\n\n{REPORT2}",
     f"{REPORT}\n\n{CAPTION}\n\n{REPORT2}", {"photo-credit"}),
]


@pytest.mark.parametrize("text_in, expected, reasons", MEDIA_CASES)
def test_media_widgets(text_in, expected, reasons):
    cleaned = clean_text(text_in)
    assert cleaned.body == expected
    assert {seg.reason for seg in cleaned.removed} == reasons
    for seg in cleaned.removed:
        assert text_in[seg.start:seg.end] == seg.text


@pytest.mark.parametrize("text", [
    # a tweet quoted in a report, and a source that "told Fox News": reporting, not a widget
    "“Just watched the replay of the debate. Terrible!” the president wrote, and an aide told Fox News he stood by it.",
    "Replay the tape and the foul is obvious, the coach said.",
    "Up next: the budget vote on Thursday, where the speaker needs every Republican.",
    "Photos of the delegates were published by Reuters on Monday.",
    "Image is everything in politics, the strategist said.",
    "2 of 3 voters back the plan, the poll found.",
    "White House Chief of Staff",
    "The envoy, pictured in Geneva in 2019 (left), has denied the claims (AP).",
])
def test_media_near_misses_are_kept(text):
    cleaned = clean_text(text)
    assert cleaned.body == text and cleaned.removed == ()


def test_split_caption_label_keeps_offsets_and_can_be_switched_off():
    raw = f"  Image copyright AFP Image caption {CAPTION}\n{REPORT}"
    assert clean_text(raw, rules=()).body == raw.strip()
    cleaned = clean_text(raw)
    assert cleaned.body == f"{CAPTION}\n{REPORT}"
    assert [(s.text, s.reason) for s in cleaned.removed] == [("Image copyright AFP Image caption", "photo-credit")]
    assert raw[cleaned.removed[0].start:cleaned.removed[0].end] == "Image copyright AFP Image caption"


# --- credit lines: who contributed, wire credits (the outlet's sign-off, not its report) ---
@pytest.mark.parametrize("credit", [
    "The Associated Press contributed to this report.",
    "Fox News' Jane Doe and The Associated Press contributed to this report.",
    "• John Roe contributed to this article, which is based in part on wire service reports.",
    "Doe reported from Denver. Associated Press writers Ann Lee in Washington and Bo Kim in Seoul, South Korea, contributed to this report.",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Additional reporting by Ann Lee in Paris and Bo Kim in Berlin",
    "Contributing: The Associated Press",
    "Doe reported from Anchorage, Alaska; Roe from McLean, Va.",
    "Jane Doe contributed to this report, which was updated at 12:19 p.m.",
    "With Post wires",
    "⦁ This article is based in part on wire service reports.",
    "Write to Jane Doe at jane.doe@example.com",
])
def test_credit_lines_go(credit):
    cleaned = clean_text(f"{REPORT}\n\n{REPORT2}\n\n{credit}")
    assert cleaned.body == f"{REPORT}\n\n{REPORT2}"
    assert [(seg.text, seg.reason) for seg in cleaned.removed] == [(credit, "credit")]


@pytest.mark.parametrize("text", [
    # reporting that mentions contributing, reporting from somewhere, or Fox News
    "Many donors contributed to the campaign, and Doe told Fox News the money was legal.",
    "“I’d say 50-50 we get a deal,” Mr. Shelby told Fox.",
    "Reporting by journalists scores slightly better with the public, the survey found.",
    "Smith, who reported from Iraq for a decade, said the war was lost.",
    "The Associated Press contributed to the confusion by reporting the wrong date.",
    # a credit glued to the end of a report paragraph is inside the report's line: kept whole
    f"{REPORT} The Associated Press contributed to this report.",
])
def test_credit_near_misses_are_kept(text):
    cleaned = clean_text(f"{REPORT2}\n\n{text}")
    assert cleaned.body == f"{REPORT2}\n\n{text}" and cleaned.removed == ()


def test_credit_lines_are_looked_for_where_reports_sign_off():
    credit = "The Associated Press contributed to this report."
    report = "\n\n".join([credit] + [f"In week {k}, {REPORT[0].lower()}{REPORT[1:]}" for k in range(10)])
    assert clean_text(report).removed == ()  # ten report paragraphs after it: not a sign-off
    assert clean_text(f"{report}\n\n{credit}").body == report


# --- newsletter sign-up boxes and podcast prompts ---
FORM = ("Morning Report newsletter Your guide to the talks, weekday mornings, in your inbox. Email Sign Up By signing up you "
        "agree to receive email newsletters or alerts from Example News. You can unsubscribe at any time.")


@pytest.mark.parametrize("prompt", [
    FORM,
    "Newsletter Sign-up",
    "Sign up for the US morning briefing",
    "Thank you for signing up. For more from Example News, check out our latest issue",
    "Subscribe on Apple Podcasts, Spotify, Overcast, or wherever you listen to podcasts.",
    "Catch up on the campaign with our reporters on our weekly politics podcast, “Ground Game.”",
    "If you liked this story, sign up for the weekly features newsletter, called “The Essential List”. A handpicked selection "
    "of stories from our desks, delivered to your inbox every Friday, with the best of our culture, science and travel writing.",
    # a form with a 400-word country list is still the form
    "Get The Brief. Sign up to receive the top stories you need to know right now. Choose your country "
    + "Albania Algeria Andorra Angola " * 100 + "Please enter a valid email address. Sign Up Now",
])
def test_signup_boxes_go(prompt):
    cleaned = clean_text(f"{REPORT}\n\n{prompt}\n\n{REPORT2}")
    assert cleaned.body == f"{REPORT}\n\n{REPORT2}"
    assert [(seg.text, seg.reason) for seg in cleaned.removed] == [(prompt, "subscription")]


def test_signup_box_takes_no_neighbours():
    """A subheading of the report right after a sign-up box stays."""
    text = f"{REPORT}\n\n{FORM}\n\nTalks resume in Geneva\n\n{REPORT2}"
    assert clean_text(text).body == f"{REPORT}\n\nTalks resume in Geneva\n\n{REPORT2}"


@pytest.mark.parametrize("text", [
    # a site's sign-up prompt quoted by the report, and reporting on sign-ups and newsletters
    "Visitors were told: “Online enrollment is coming soon! Sign up to receive an email notification when it's available.”",
    "More than 2 million people signed up for the newsletter in its first year, the company said in its annual report.",
    "Subscribers to the newsletter fell by a third after the paywall went up, according to figures seen by Reuters.",
])
def test_signup_near_misses_are_kept(text):
    cleaned = clean_text(f"{REPORT}\n\n{text}")
    assert cleaned.body == f"{REPORT}\n\n{text}" and cleaned.removed == ()


# --- one-line links to other coverage ---
@pytest.mark.parametrize("text_in, expected", [
    (f"{REPORT}\n\nClick for more from The Wall Street Journal.", REPORT),
    (f"{REPORT}\n\nMore On This... Talks collapse as delegates walk out\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}"),
    (f"{REPORT}\n\nRelated Coverage Talks collapse as delegates walk out\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}"),
    (f"{REPORT}\n\nRecommended Why Geneva matters\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}"),
    (f"{REPORT}\n\nRead more about the talks here.", REPORT),
    (f"{REPORT}\n\nFull coverage of the Geneva talks", REPORT),
    (f"{REPORT}\n\nWatch the video below:\n\n{REPORT2}", f"{REPORT}\n\n{REPORT2}"),
    # a "Read more from X:" heading takes the linked headlines under it
    (f"{REPORT}\n\nRead more from The Daily Example:\n\nTalks collapse as delegates walk out\n\nEU sends envoy", REPORT),
])
def test_related_link_lines(text_in, expected):
    cleaned = clean_text(text_in)
    assert cleaned.body == expected
    assert {seg.reason for seg in cleaned.removed} == {"related"}


@pytest.mark.parametrize("text", [
    "More than 40 world leaders joined the march on Sunday.",
    "Full coverage under the plan costs $500 a year, the insurer said.",
    "Watch the video, the senator told reporters, and you will see what happened.",
    "Recommended doses were cut by half in March.",
    "Read more books, the minister told pupils: reading is the best teacher.",
])
def test_related_near_misses_are_kept(text):
    cleaned = clean_text(f"{REPORT}\n\n{text}")
    assert cleaned.body == f"{REPORT}\n\n{text}" and cleaned.removed == ()


# --- boilerplate: paragraphs an outlet repeats across its articles (corpus level) ---
BIO = ("Jane Doe is a senior fellow at the Example Institute and the author of a book on the history of the "
       "Geneva talks, published by Example Press in 2019.")


def _story(k):
    return (f"In week {k} the delegates met again in Geneva, officials said, and talks on the ceasefire plan went on "
            f"for {k + 3} hours before the envoys left the hall without a statement on the next round.")


def test_repeated_paragraphs_are_the_outlets_boilerplate():
    articles = [("Example", f"{_story(k)}\n\n{BIO}") for k in range(5)] + [("Other", f"{_story(9)}\n\n{BIO}")]
    boilerplate = repeated_paragraphs(articles)
    assert boilerplate == {"Example": frozenset({BIO})}  # in 5 Example articles; once at Other
    cleaned = clean_text(articles[0][1], boilerplate=boilerplate["Example"])
    assert cleaned.body == _story(0)
    assert [(seg.text, seg.reason) for seg in cleaned.removed] == [(BIO, "boilerplate")]
    assert clean_text(articles[5][1], boilerplate=boilerplate.get("Other", frozenset())).body == articles[5][1]


def test_paragraphs_of_one_story_printed_in_several_versions_are_not_boilerplate():
    """Five updates of one story share their paragraphs: that is the story, not a template."""
    versions = [("Example", f"{_story(1)}\n\n{_story(2)}\n\n{BIO}\n\nUpdated at {k} p.m.") for k in range(1, 6)]
    assert repeated_paragraphs(versions) == {}
    assert repeated_paragraphs(versions[:4] + [("Example", f"{_story(7)}\n\n{BIO}")], min_articles=6) == {}


# --- a photo credit ending a caption line: the credit goes, the caption stays ---
@pytest.mark.parametrize("credit", [
    "(Jane Doe/Reuters)", "(AP Photo/Jane Doe, File)", "(Photo: Jane Doe, AFP/Getty Images)", "Photograph: Jane Doe/AP",
    "Photo: Jane Doe for The Daily Example", "Jane Doe/AFP via Getty Images", "| Jane Doe/Getty Images",
])
def test_caption_credit_goes_and_caption_stays(credit):
    text = f"{REPORT}\n\n{CAPTION}. {credit}\n\n{REPORT2}"
    assert clean_text(text).body == text  # off by default
    cleaned = clean_text(text, caption_credits=True)
    assert cleaned.body == f"{REPORT}\n\n{CAPTION}.\n\n{REPORT2}"
    assert [(seg.text, seg.reason) for seg in cleaned.removed] == [(credit, "photo-credit")]


def test_share_buttons_heading_a_caption_go():
    text = f"{REPORT}\n\nFacebook Twitter Pinterest {CAPTION}. Photograph: Jane Doe/AP\n\n{REPORT2}"
    assert clean_text(text).body == f"{REPORT}\n\n{CAPTION}. Photograph: Jane Doe/AP\n\n{REPORT2}"
    cleaned = clean_text(text, caption_credits=True)
    assert cleaned.body == f"{REPORT}\n\n{CAPTION}.\n\n{REPORT2}"
    assert [seg.reason for seg in cleaned.removed] == ["share", "photo-credit"]


@pytest.mark.parametrize("text", [
    "The poll of 1,000 adults was conducted by Ipsos/Reuters",  # a name/agency not after a sentence: reporting
    "The vote split along party lines 52/48 (Senate/House)",
    "He posted a photo of the crowd (with the caption “Thank you, Ohio!”) on Monday.",
])
def test_caption_credit_near_misses_are_kept(text):
    cleaned = clean_text(f"{REPORT}\n\n{text}", caption_credits=True)
    assert cleaned.body == f"{REPORT}\n\n{text}" and cleaned.removed == ()
