import html
import re

import pandas as pd

from framing.corpus.records import RemovedSegment
from framing.present.colours import frame_colours
from framing.present.highlight import (
    describe_hit,
    highlight_html,
    legend_html,
    removed_html,
    word_diff_html,
)

SEED = ("Washington has promised to contain what it calls Tehran\u2019s \u201cdestabilizing\u201d role in the region.\n\n"
        "Baqeri stated that the three nations were \u201cunited against terrorism\u201d.")


def hit(body, text, frame, pole=None, *, kind="frame", occurrence=0, **extra):
    start = [m.start() for m in re.finditer(re.escape(text), body)][occurrence]
    row = dict(article_id="a1", outlet="The Crystal Eyes", sentence_id=0, start=start, end=start + len(text),
               matched=text, term=text.lower(), lexicon="conflict", kind=kind, frame=frame,
               pole=pole or frame, weight=1.0, voice="author", speaker=None, negated=False, hedged=False,
               target=None)
    row.update(extra)
    return row


def visible_text(markup: str) -> str:
    """What a browser would show: tags dropped, <br> as newline, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br>", "\n")))


def test_every_hit_is_wrapped_and_text_is_kept():
    hits = pd.DataFrame([
        hit(SEED, "destabilizing", "threat", "threat", voice="distanced", target="Iran"),
        hit(SEED, "terrorism", "terrorism", voice="quoted", speaker="Baqeri"),
        hit(SEED, "Tehran", "Iran", kind="actor", target=None),
    ])
    out = highlight_html(SEED, hits)
    spans = re.findall(r'<span class="hit[^"]*" data-frame="([^"]+)"[^>]*>([^<]*)</span>', out)
    assert spans == [("Iran", "Tehran"), ("threat", "destabilizing"), ("terrorism", "terrorism")]
    assert visible_text(out) == SEED


def test_tooltip_names_frame_pole_voice_speaker_target_negation_hedging():
    hits = [hit(SEED, "terrorism", "terrorism", voice="quoted", speaker="Baqeri", target="Islamic State",
                hedged=True)]
    out = highlight_html(SEED, hits)
    title = html.unescape(re.search(r'title="([^"]*)"', out).group(1))
    assert "frame: terrorism" in title
    assert "voice: quoted (speaker: Baqeri)" in title
    assert "target: Islamic State" in title
    assert "negated: no · hedged: yes" in title


def test_axis_pole_shown_and_negation_struck_through():
    body = "The presence is not legitimate, officials said."
    out = highlight_html(body, [hit(body, "legitimate", "legitimacy", "legitimate", negated=True)])
    assert "pole: legitimate" in html.unescape(out)
    assert "line-through" in out


def test_overlapping_hits_do_not_nest_and_tooltip_lists_both():
    body = "They condemned the Assad regime again."
    hits = [hit(body, "Assad regime", "Syrian government", "Assad regime", kind="naming"),
            hit(body, "regime", "legitimacy", "illegitimate")]
    out = highlight_html(body, hits)
    assert "<span" not in re.sub(r"<span[^>]*>[^<]*</span>", "", out.split(">", 1)[1])
    assert visible_text(out) == body
    overlap = re.search(r'<span[^>]*title="([^"]*)"[^>]*>regime</span>', out)
    assert overlap, out
    title = html.unescape(overlap.group(1))
    assert "naming set: Syrian government" in title and "frame: legitimacy" in title
    # the frame hit decides the colour of the overlapping word
    assert 'data-frame="legitimacy"' in overlap.group(0)


def test_script_and_img_in_body_render_as_text():
    body = 'Intro <script>alert(1)</script> and <img src=x onerror=alert(1)> "quoted" & $5 terror.'
    out = highlight_html(body, [hit(body, "terror", "terrorism")])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert visible_text(out) == body


def test_untrusted_values_in_attributes_are_escaped():
    body = "The militia advanced."
    evil = '"><script>alert(1)</script>'
    out = highlight_html(body, [hit(body, "militia", evil, evil, speaker=evil, voice="quoted")])
    assert "<script" not in out
    assert out.count("<span") == out.count("</span>") == 1


def test_markup_is_one_html_block_without_blank_lines():
    out = highlight_html(SEED, [])
    assert "\n" not in out
    assert out.startswith('<div class="framing-text"') and out.endswith("</div>")
    assert out.count("<br>") == 2


def test_hits_outside_the_body_are_ignored():
    body = "short text"
    out = highlight_html(body, [dict(hit(body, "short", "x"), start=5, end=500)])
    assert "<span" not in out


def test_given_colours_win_and_others_are_assigned():
    body = "terror and threat"
    hits = [hit(body, "terror", "terrorism"), hit(body, "threat", "threat")]
    out = highlight_html(body, hits, colours={"terrorism": "#ffeeaa"})
    assert "background-color:#ffeeaa" in out
    assert frame_colours(["a", "b", "a"]) == {"a": "#8dd3c7", "b": "#ffffb3"}
    assert "&lt;b&gt;" in legend_html({"<b>": "#fff"})


def test_describe_actor_hit_has_no_target_line():
    text = describe_hit(dict(kind="actor", frame="United States", pole="United States", voice="author",
                             term="washington", lexicon="conflict"))
    assert text.startswith("actor: United States") and "target" not in text


def test_removed_segments_are_marked_with_reason_and_escaped():
    raw = "Home / Iran / News\nIran asks US to leave.\nLeave a Reply <b>now</b>"
    removed = [RemovedSegment(0, 18, raw[0:18], "navigation"),
               RemovedSegment(42, len(raw), raw[42:], "comments")]
    out = removed_html(raw, removed)
    assert out.count('class="removed"') == 2
    assert 'title="removed: navigation"' in out
    assert "&lt;b&gt;now&lt;/b&gt;" in out and "<b>" not in out
    assert "Iran asks US to leave." in out


def test_word_diff_marks_each_side():
    ops = [("equal", "the", "the"), ("replace", "Assad regime", "Syrian government"),
           ("equal", "said", "said"), ("insert", "", "<script>")]
    left, right = word_diff_html(ops)
    assert '<del class="diff-a"' in left and "Assad regime</del>" in left
    assert "Syrian government</ins>" in right and "&lt;script&gt;" in right and "<script" not in right
    assert "diff-b" not in left and "diff-a" not in right


def test_dark_lexicon_colours_are_lightened_for_reading():
    from framing.present.colours import luminance, readable_background

    light = readable_background("#1f77b4")
    assert light != "#1f77b4" and luminance([int(light[i:i + 2], 16) / 255 for i in (1, 3, 5)]) >= 0.55
    assert readable_background("#ffffb3") == "#ffffb3"
    assert readable_background("not a colour") == "not a colour"
    body = "terror"
    out = highlight_html(body, [hit(body, "terror", "terrorism")], colours={"terrorism": "#d62728"})
    assert "background-color:#d62728" not in out and "background-color:#" in out


def test_second_pole_of_an_axis_is_striped():
    body = "legitimate presence or illegal occupation"
    hits = [hit(body, "legitimate", "legitimacy", "legitimate"), hit(body, "illegal", "legitimacy", "illegitimate")]
    out = highlight_html(body, hits, striped={("legitimacy", "illegitimate")})
    legit, illegit = re.findall(r'<span class="hit[^>]*>', out)
    assert "repeating-linear-gradient" not in legit and "repeating-linear-gradient" in illegit


def test_lexicon_colours_that_look_alike_get_distinct_colours():
    # conflict's legitimacy and epistemic's factive verbs are both #2ca02c; threat and doubt both #d62728
    preferred = {"legitimacy": "#2ca02c", "threat": "#d62728", "factive_verbs": "#2ca02c", "doubt_markers": "#d62728",
                 "cooperation": "#1f77b4"}
    colours = frame_colours(["legitimacy", "threat", "factive_verbs", "doubt_markers", "cooperation"],
                            preferred=preferred)
    assert colours["legitimacy"] == "#2ca02c" and colours["threat"] == "#d62728"
    assert colours["cooperation"] == "#1f77b4", "a fallback must not take a later lexicon colour"
    assert len(set(colours.values())) == 5
    assert colours["factive_verbs"] not in ("#2ca02c", "#d62728") and colours["doubt_markers"] not in ("#2ca02c", "#d62728")


def test_colour_by_voice_tells_the_outlets_words_from_quoted_ones():
    body = ("Velayati said: \u201cIran is in Syria legitimately.\u201d The outlet calls it an occupation. "
            "Washington calls the role \u201cdestabilizing\u201d.")
    hits = [hit(body, "legitimately", "legitimacy", "legitimate", voice="quoted", speaker="Velayati"),
            hit(body, "occupation", "legitimacy", "illegitimate", voice="author"),
            hit(body, "destabilizing", "threat", "threat", voice="distanced")]
    out = highlight_html(body, hits, colour_by="voice")
    quoted, own, scare = re.findall(r'<span class="hit[^>]*>', out)
    from framing.present.colours import VOICE_COLOURS, readable_background

    assert f"background-color:{readable_background(VOICE_COLOURS['quoted'])}" in quoted
    assert f"background-color:{readable_background(VOICE_COLOURS['author'])}" in own
    assert f"background-color:{readable_background(VOICE_COLOURS['distanced'])}" in scare
    by_frame = highlight_html(body, hits)
    assert re.findall(r'background-color:(#\w+)', by_frame)[0] == re.findall(r'background-color:(#\w+)', by_frame)[1]
    import pytest

    with pytest.raises(ValueError, match="colour_by"):
        highlight_html(body, hits, colour_by="speaker")


def test_voice_legend_names_each_voice_for_a_reader():
    from framing.present.highlight import voice_legend_html

    legend = voice_legend_html()
    assert "the outlet&#x27;s own words" in legend and "quoted or attributed speech" in legend
    assert "scare quotes" in legend


def test_words_table_says_whose_words_each_hit_is_in():
    from framing.present.highlight import whose_words, words_table

    body = ("\u201cIran is in Syria legitimately and based on the invitation of the Syrian government,\u201d "
            "Velayati said. Damascus calls it the occupied territory of Syria.")
    hits = pd.DataFrame([
        hit(body, "occupied", "legitimacy", "illegitimate", voice="author", target="Syria"),
        hit(body, "legitimately", "legitimacy", "legitimate", voice="quoted", speaker="Velayati", target="Iran"),
        hit(body, "invitation", "legitimacy", "legitimate", voice="quoted", speaker=None),
        hit(body, "Syria", "Syria", kind="actor", occurrence=0),
    ])
    table = words_table(hits)
    assert list(table.columns) == ["words", "frame", "pole", "whose words", "target", "negated", "hedged"]
    assert table["words"].tolist() == ["Syria", "legitimately", "invitation", "occupied"]  # body order
    assert table["whose words"].tolist() == ["outlet's own words", "quoted: Velayati", "quoted: unnamed source",
                                             "outlet's own words"]
    assert table["pole"].tolist() == ["", "legitimate", "legitimate", "illegitimate"]
    assert table["target"].tolist() == ["", "Iran", "unclear", "Syria"]
    assert whose_words("distanced") == "scare quotes"
    assert words_table(hits.iloc[:0]).empty


def test_legend_draws_the_second_pole_striped():
    legend = legend_html({"legitimacy: legitimate": "#2ca02c", "legitimacy: illegitimate": "#2ca02c"},
                         striped=["legitimacy: illegitimate"])
    first, second = re.findall(r"<span[^>]*>", legend)
    assert "repeating-linear-gradient" not in first and "repeating-linear-gradient" in second


def test_word_diff_marks_lexicon_words_inside_the_changes():
    from framing.compare.align import word_diff

    a = "The Damascus government intimidated Washington's Kurdish allies."
    b = "Threats are also aimed at the Syrian Democratic Forces, the main US partner."
    ops = word_diff(a, b)
    hits_a = [hit(a, "intimidated", "cooperation", "confrontation"), hit(a, "allies", "cooperation", "cooperation")]
    hits_b = [hit(b, "Threats", "threat", "threat", voice="quoted", speaker="Ayyoub")]
    left, right = word_diff_html(ops, hits_a=hits_a, hits_b=hits_b, colours={"cooperation": "#1f77b4"})
    marked = re.findall(r'<mark class="diff-hit" data-frame="([^"]+)"[^>]*>([^<]+)</mark>', left)
    assert marked == [("cooperation", "intimidated"), ("cooperation", "allies")]
    assert "border-bottom:3px solid #1f77b4" in left
    assert re.search(r'<mark[^>]*title="[^"]*speaker: Ayyoub[^"]*"[^>]*>Threats</mark>', right)
    assert visible_text(left).split() == a.split() and visible_text(right).split() == b.split()
    plain_left, _ = word_diff_html(ops)
    assert "<mark" not in plain_left
