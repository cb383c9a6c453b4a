"""The dashboard through ``streamlit.testing.v1.AppTest``: every view runs without exception
and shows real content, widgets change what is shown, the URL carries the view, data-in
errors are messages, and article text is escaped. Upload handling is tested directly."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
from dashboard_apptest import APP, REPO, app, assert_clean, isolated_cache  # noqa: F401  (an autouse fixture)
from plotly_arrays import decoded
from streamlit.testing.v1 import AppTest

from dashboard.filters import ArticleFilter, date_bounds, filter_articles, parse_day
from dashboard.uploads import UploadError, extract_zip, safe_file_name, save_upload

XSS = Path(__file__).resolve().parent / "fixtures" / "xss"
DEMO_OUTLETS = ["Al-Monitor", "Intellectual Observer", "SouthFront", "The Crystal Eyes", "The Jerusalem Post"]


def spec(chart) -> dict:
    return json.loads(chart.proto.spec)


def shown_parts(value):
    """A plotly spec without ``customdata`` (data for clicks, never drawn as text)."""
    if isinstance(value, dict):
        return {k: shown_parts(v) for k, v in value.items() if k != "customdata"}
    if isinstance(value, list):
        return [shown_parts(v) for v in value]
    return value


def charts(at: AppTest) -> list[dict]:
    return [spec(c) for c in at.get("plotly_chart")]


def raw_html(at: AppTest) -> str:
    """Every Markdown element allowed to carry raw HTML: only highlight's output may be."""
    return "\n".join(m.value for m in at.markdown if m.proto.allow_html)


def html_blocks(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "framing-text" in m.value or "framing-diff" in m.value]


def switch(at: AppTest, view: str) -> AppTest:
    return at.sidebar.radio(key="view").set_value(view).run()


# ------------------------------------------------------------------------------ overview

def test_overview_opens_on_the_demo_corpus_with_heatmap_and_balance():
    at = app()
    assert_clean(at)
    assert at.title[0].value == "Overview"
    heat, balance = charts(at)
    trace = heat["data"][0]
    assert trace["type"] == "heatmap" and list(trace["y"]) == DEMO_OUTLETS
    assert any(x.startswith("legitimacy: ") for x in trace["x"])
    assert "no interval (1 article)" in json.dumps(heat["data"][2]["customdata"])  # one article per outlet
    assert balance["data"] and all(t["type"] == "scatter" for t in balance["data"])
    assert [m.value for m in at.metric][:2] == ["5", "5"]
    assert at.query_params["view"] == "overview" and at.query_params["voice"] == "all"


def test_outlet_map_from_frame_or_term_profiles():
    at = app()
    at.toggle(key="show_map").set_value(True).run()
    assert_clean(at)
    assert sorted(charts(at)[2]["data"][0]["text"]) == DEMO_OUTLETS
    before = charts(at)[2]["data"][0]
    at.radio(key="profile").set_value("terms").run()
    assert_clean(at)
    after = charts(at)[2]["data"][0]
    assert sorted(after["text"]) == DEMO_OUTLETS
    assert not np.allclose(decoded(after["x"]), decoded(before["x"]))


def test_voice_filter_changes_the_rates_and_the_url():
    at = app()
    before = decoded(charts(at)[0]["data"][0]["z"])
    at.selectbox(key="voice").select("author").run()
    assert_clean(at)
    heat = charts(at)[0]
    assert "the outlet's own words" in heat["layout"]["title"]["text"]
    after = decoded(heat["data"][0]["z"])
    assert after.shape == before.shape and (after <= before + 1e-9).all() and not np.allclose(after, before)
    assert at.query_params["voice"] == "author"


def test_evidence_lists_the_hits_behind_a_heatmap_cell():
    at = app(cell_outlet="SouthFront", cell_pole="legitimacy/illegitimate")
    assert_clean(at)
    lines = at.dataframe[0].value
    assert len(lines) >= 1 and set(lines["article_id"]) == {"002_63e0d81dc0e8eb47"}
    cells = charts(at)[0]["data"][2]
    cell = next(c for c in cells["customdata"] if c[:3] == ["SouthFront", "legitimacy", "illegitimate"])
    assert float(cell[5].split()[0]) == (~lines["negated"].astype(bool)).sum()  # the rate counts the non-negated hits listed
    at.selectbox(key="cell_outlet").select("Al-Monitor").run()
    assert_clean(at)
    assert set(at.dataframe[0].value["article_id"]) <= {"001_3e248339b541efbb"}


def test_evidence_opens_on_the_busiest_cell_not_an_empty_one():
    at = app()
    assert_clean(at)
    lines = at.dataframe[0].value
    assert len(lines) >= 3, "the first evidence shown should not be an empty table"
    cells = charts(at)[0]["data"][2]["customdata"]
    most = max(float(c[5].split()[0]) for c in cells)
    outlet, pole = at.selectbox(key="cell_outlet").value, at.selectbox(key="cell_pole").value
    chosen = next(c for c in cells if c[0] == outlet and f"{c[1]}/{c[2]}" == pole)
    assert float(chosen[5].split()[0]) == most
    heat = charts(at)[0]
    assert heat["layout"]["yaxis"]["ticktext"][0] == "Al-Monitor (1 article)"


def test_evidence_lists_the_first_hits_and_offers_every_one_as_csv(monkeypatch):
    from dashboard.views import common

    monkeypatch.setattr(common, "LISTED_OCCURRENCES", 2)
    at = app()
    assert_clean(at)
    lines = at.dataframe[0].value
    assert len(lines) == 2 and lines["left"].str.len().gt(0).all() and lines["match"].str.len().gt(0).all()
    assert any("The first 2 of" in c.value and "the CSV holds every one" in c.value for c in at.caption)


def test_lexicon_choice_switches_the_heatmap_columns():
    at = app()
    assert "policy_frames" not in at.selectbox(key="lexicon_view").options, "its frames are topic, not framing"
    at.selectbox(key="lexicon_view").select("loaded").run()
    assert_clean(at)
    columns = charts(at)[0]["data"][0]["x"]
    assert "loaded_label" in columns and not any(c.startswith("legitimacy") for c in columns)


def test_the_overview_shows_framing_by_default_and_topic_and_attribution_one_click_away():
    at = app()
    assert at.radio(key="role").value == "framing"
    heat = charts(at)[0]
    assert heat["layout"]["title"]["text"].startswith("Framing words per 1,000 words")
    assert any("Framing: evaluative, loaded and (de)legitimising word choice" in c.value for c in at.caption)
    at.radio(key="role").set_value("attribution").run()
    assert_clean(at)
    at.selectbox(key="lexicon_view").select("epistemic").run()
    columns = charts(at)[0]["data"][0]["x"]
    assert "report_verbs" in columns and "doubt_markers" not in columns
    assert charts(at)[0]["layout"]["title"]["text"].startswith("Attribution words")
    assert at.query_params["role"] == "attribution"
    at.radio(key="role").set_value("topic").run()
    assert_clean(at)
    assert "policy_frames" in at.selectbox(key="lexicon_view").options


def test_date_filter_from_the_url_keeps_only_those_articles():
    at = app(date_from="2019-03-01", date_to="2019-03-31", undated="drop")
    assert_clean(at)
    assert at.metric[0].value == "2"  # The Crystal Eyes (March 2019) and The Jerusalem Post (18 March)
    assert list(charts(at)[0]["data"][0]["y"]) == ["The Crystal Eyes", "The Jerusalem Post"]


# --------------------------------------------------------------------------- side by side

def test_side_by_side_from_a_link_shows_two_highlighted_articles():
    at = app(view="side-by-side", outlets=["SouthFront", "The Jerusalem Post"])
    assert_clean(at)
    assert [s.value for s in at.subheader][:2] == ["SouthFront", "The Jerusalem Post"]
    blocks = html_blocks(at)
    assert len(blocks) == 2
    assert all('<span class="hit' in b for b in blocks)
    assert 'data-frame="legitimacy"' in "".join(blocks) or 'data-frame="threat"' in "".join(blocks)
    assert "voice: " in blocks[0] and "target: " in blocks[0]
    # each text opens with its headline: the headline is not printed a second time above it
    title = "Iranian Official Calls On U.S. To Withdraw From Syria"
    plain = [m.value.replace("\\", "") for m in at.markdown if "<span" not in m.value]  # markdown escapes the dots
    assert title in blocks[0] and not any(title in text for text in plain)


def test_side_by_side_shows_whose_words_for_the_legitimacy_contrast():
    """The classroom case: SouthFront quotes Velayati ("legitimately", "invitation"), the
    Intellectual Observer says "occupied" in its own voice."""
    at = app(view="side-by-side", outlets=["SouthFront", "Intellectual Observer"])
    assert_clean(at)
    blocks = html_blocks(at)
    assert 'data-frame="legitimacy"' in blocks[0] and 'data-frame="legitimacy"' in blocks[1]
    lexicons_drawn = set(re.findall(r"\((conflict|epistemic|policy_frames)\)", "".join(blocks)))
    assert lexicons_drawn == {"conflict"}, "one lexicon is highlighted by default, not all three"
    assert at.query_params["highlight"] == ["frame", "naming"]
    words = {df.value["words"].iloc[0] if False else i: df.value for i, df in enumerate(at.dataframe)}
    southfront, observer = words[0], words[1]
    said = dict(zip(southfront["words"], southfront["whose words"]))
    assert said["legitimately"] == "quoted: Velayati" and said["invitation"] == "quoted: Velayati"
    own = dict(zip(observer["words"], observer["whose words"]))
    assert own["occupied territory"] == "outlet's own words"
    assert at.radio(key="role").value == "framing"
    assert any("in the outlet's own words" in m.value for m in at.markdown)
    at.radio(key="colour_by").set_value("voice").run()
    assert_clean(at)
    assert "quoted or attributed speech" in raw_html(at)
    assert at.query_params["colour_by"] == "voice"
    at.selectbox(key="lexicon_view").set_value("(all lexicons)").run()
    assert_clean(at)
    assert "(epistemic)" in "".join(html_blocks(at))
    assert ">said<" not in "".join(html_blocks(at)), "'said' is attribution, not framing"
    at.radio(key="role").set_value("attribution").run()
    assert_clean(at)
    assert ">said<" in "".join(html_blocks(at)) and "data-frame=\"legitimacy\"" not in "".join(html_blocks(at))


def test_side_by_side_legend_names_both_poles_and_colours_differ():
    """Poles take the colour-blind-safe palette of the report (issue 13): the two poles of every
    axis in two hues, and every frame of one lexicon its own colours."""
    at = app(view="side-by-side", outlets=["SouthFront", "Intellectual Observer"], lexicon_view="conflict",
             highlight=["frame"])
    assert_clean(at)
    legend = next(m.value for m in at.markdown if "framing-legend" in m.value)
    assert "legitimacy: legitimate" in legend and "legitimacy: illegitimate" in legend
    assert "threat: threat" in legend
    colours = re.findall(r'data-frame="([^"]+)" data-pole="[^"]*" style="[^"]*?background-color:(#\w+)',
                         "".join(html_blocks(at)))
    by_frame = {}
    for frame, colour in colours:
        by_frame.setdefault(colour, set()).add(frame)
    shared = {c: f for c, f in by_frame.items() if len(f) > 1}
    assert not shared, f"frames sharing a colour: {shared}"
    from framing.lexicon import bundled_lexicons
    from framing.present.palette import frame_pole_colours, worst_case_difference
    poles = dict(re.findall(r'data-frame="legitimacy" data-pole="([^"]+)" style="[^"]*?background-color:(#\w+)',
                            "".join(html_blocks(at))))
    assert poles["legitimate"] != poles["illegitimate"]
    palette = frame_pole_colours(bundled_lexicons(["conflict"]))
    assert worst_case_difference(palette[("legitimacy", "legitimate")], palette[("legitimacy", "illegitimate")]) > 20
    assert "frame" in at.radio(key="colour_by").options[0]
    crowded = app(view="side-by-side", outlets=["SouthFront", "Intellectual Observer"], lexicon_view="(all lexicons)",
                  role="topic")  # the policy frames: more topics than the palette has colours
    assert any("share a colour" in c.value for c in crowded.caption), "say so when there are more names than colours"


def test_side_by_side_removed_toggle_and_third_outlet():
    at = app(view="side-by-side", side_mode="outlets")
    at.multiselect(key="outlets").set_value(["The Crystal Eyes", "Al-Monitor", "SouthFront"]).run()
    assert_clean(at)
    assert len(html_blocks(at)) == 3
    at.toggle(key="show_removed").set_value(True).run()
    assert_clean(at)
    removed = [m.value for m in at.markdown if 'class="removed"' in m.value]
    assert removed, "the Crystal Eyes page carries navigation and comments that cleaning removes"
    assert "removed: " in removed[0]
    assert at.query_params["outlets"] == ["The Crystal Eyes", "Al-Monitor", "SouthFront"]


def test_side_by_side_articles_of_one_event():
    at = app(view="side-by-side", side_mode="event")
    assert_clean(at)
    assert sorted(s.value for s in at.subheader[:2]) == ["The Crystal Eyes", "The Jerusalem Post"]
    blocks = html_blocks(at)
    assert len(blocks) == 2 and all('<span class="hit' in b for b in blocks)
    assert "Damascus" in blocks[0] and "Damascus" in blocks[1]


def test_unknown_outlet_in_a_link_is_dropped_not_an_error():
    at = app(view="side-by-side", outlets=["No Such Outlet", "SouthFront"])
    assert_clean(at)
    assert at.multiselect(key="outlets").value == ["SouthFront"]


# ------------------------------------------------------------------------ actors, naming

def test_actors_view_shows_target_heatmap_and_sentiment():
    at = app(view="actors")
    assert_clean(at)
    at.selectbox(key="actor").select("Iran").run()
    assert_clean(at)
    heat, sentiment = charts(at)
    assert "How each outlet frames Iran" in heat["layout"]["title"]["text"]
    # one panel per actor, one row per outlet
    assert set().union(*[set(t["y"]) for t in sentiment["data"]]) <= set(DEMO_OUTLETS) and sentiment["data"]
    assert "Iran" in {a["text"] for a in sentiment["layout"]["annotations"]}


def test_actors_heatmap_shows_one_lexicon_and_drills_down_to_the_hits_about_the_actor():
    at = app(view="actors", actor="Iran")
    assert_clean(at)
    columns = charts(at)[0]["data"][0]["x"]
    assert any(c.startswith("legitimacy: ") for c in columns)
    assert not any(c in ("report_verbs", "hedges", "economic") for c in columns), "conflict frames only by default"
    assert "threat: threat" in columns and "threat" not in columns, "a pole of an axis is named with its frame"
    lines = at.dataframe[0].value
    assert len(lines) >= 1 and set(lines["target"]) == {"Iran"}
    outlet, pole = at.selectbox(key="actor_outlet").value, at.selectbox(key="actor_pole").value
    cells = charts(at)[0]["data"][2]["customdata"]
    cell = next(c for c in cells if c[0] == outlet and f"{c[1]}/{c[2]}" == pole)
    assert float(cell[5].split()[0]) == (~lines["negated"].astype(bool)).sum() == max(float(c[5].split()[0]) for c in cells)
    at.selectbox(key="actor_pole").select("legitimacy/legitimate").run()
    at.selectbox(key="actor_outlet").select("SouthFront").run()
    assert_clean(at)
    lines = at.dataframe[0].value
    assert set(lines["match"]) >= {"legitimately", "invitation"} and set(lines["target"]) == {"Iran"}
    assert at.query_params["actor_pole"] == "legitimacy/legitimate"
    at.selectbox(key="lexicon_view").select("(all lexicons)").run()
    assert_clean(at)
    assert "report_verbs" not in charts(at)[0]["data"][0]["x"], "attribution is not framing"
    at.radio(key="role").set_value("attribution").run()
    assert_clean(at)
    assert "report_verbs" in charts(at)[0]["data"][0]["x"]


def test_loaded_language_view_rates_by_voice_top_words_and_their_sentences():
    at = app(view="loaded")
    assert_clean(at)
    fig = charts(at)[0]
    assert {t["name"] for t in fig["data"]} == {"all voices", "the outlet's own words", "quoted sources"}
    assert fig["layout"]["title"]["text"].startswith("Loaded language per 1,000 words")
    summary = at.dataframe[0].value
    assert list(summary["outlet"]) and set(summary["outlet"]) <= set(DEMO_OUTLETS)
    assert summary["per 1,000 words"].is_monotonic_decreasing
    assert "jihadists (2)" in summary.set_index("outlet").loc["Al-Monitor", "loaded words"]
    outlet, word = at.selectbox(key="loaded_outlet").value, at.selectbox(key="loaded_word").value
    lines = at.dataframe[1].value
    assert len(lines) >= 1 and (lines["loaded"] > 0).all()
    assert all(str(word).rstrip("*").lower()[:4] in m.lower() for m in lines["matched"])
    at.selectbox(key="loaded_outlet").select("SouthFront").run()
    assert_clean(at)
    assert at.query_params["loaded_outlet"] == "SouthFront" and outlet != "" and word != ""


def test_naming_view_shows_label_shares_for_the_chosen_set():
    at = app(view="naming")
    assert_clean(at)
    options = at.selectbox(key="naming_set").options
    assert len(options) >= 2
    at.selectbox(key="naming_set").select(options[1]).run()
    assert_clean(at)
    fig = charts(at)[0]
    assert fig["layout"]["barmode"] == "stack" or fig["layout"]["annotations"]
    assert at.query_params["naming_set"] == options[1]


def test_naming_view_explains_the_set_and_lists_the_sentences_behind_a_share():
    at = app(view="naming", naming_set="islamic_state")
    assert_clean(at)
    assert any("declared a caliphate" in m.value for m in at.markdown), "the naming set is described"
    fig = charts(at)[0]
    drawn = {y for trace in fig["data"] for y in trace["y"]}
    assert "SouthFront" not in drawn, "an outlet that never names the referent gets no empty bar"
    assert any("Never named by: SouthFront" in a["text"] for a in fig["layout"]["annotations"])
    daesh = next(t for t in fig["data"] if t["name"] == "Daesh")
    observer = daesh["customdata"][list(daesh["y"]).index("Intellectual Observer")]
    assert observer[0] == "3" and observer[4:6] == ["Intellectual Observer", "Daesh"] and "article" in observer[3]
    lines = at.dataframe[1].value  # opens on the most used label: the Observer's three "Daech"
    assert at.selectbox(key="naming_outlet").value == "Intellectual Observer"
    assert at.selectbox(key="naming_label").value == "Daesh"
    assert len(lines) == 3 and set(lines["match"]) == {"Daech"}
    at.selectbox(key="naming_outlet").select("The Jerusalem Post").run()
    at.selectbox(key="naming_label").select("ISIS").run()
    assert_clean(at)
    assert set(at.dataframe[1].value["match"]) == {"ISIS"}


# ------------------------------------------------------------------------------- terms

def test_terms_view_scatter_bars_and_concordance_follow_the_term():
    at = app(view="terms")
    assert_clean(at)
    at.selectbox(key="focus").select("SouthFront").run()
    assert_clean(at)
    scatter, bars = charts(at)
    assert scatter["layout"]["title"]["text"].startswith("SouthFront vs rest")
    assert bars["data"][0]["type"] == "bar"
    at.text_input(key="term").input("withdraw").run()
    assert_clean(at)
    lines = at.dataframe[0].value
    assert len(lines) >= 1 and lines["match"].str.lower().str.contains("withdraw").all()
    assert at.query_params["term"] == "withdraw"


def test_terms_concordance_lists_the_first_lines_and_counts_them_all(monkeypatch):
    from dashboard.views import terms

    monkeypatch.setattr(terms, "LISTED_OCCURRENCES", 2)
    at = app(view="terms", term="Iran")
    assert_clean(at)
    lines = at.dataframe[0].value
    assert len(lines) == 2 and lines["match"].str.lower().eq("iran").all()
    assert (lines["left"].str.len() + lines["right"].str.len()).gt(0).all()  # their context was read
    counted = next(c.value for c in at.caption if "occurrences of" in c.value)
    total = int(counted.split()[0])
    assert total > 2 and any(f"The first 2 of {total}" in c.value for c in at.caption)


# ------------------------------------------------------------------------------ events

def test_events_view_shows_coverage_and_the_framing_diff_of_the_damascus_meeting():
    at = app(view="events")
    assert_clean(at)
    coverage = charts(at)[0]
    assert coverage["data"][0]["type"] == "heatmap"
    assert set(coverage["data"][0]["x"]) <= set(DEMO_OUTLETS)
    event = at.selectbox(key="align_event")
    assert "2 outlets" in event.format_func(event.value)  # the two reports of 18 March 2019
    diffs = [m.value for m in at.markdown if "framing-diff" in m.value]
    assert diffs and len(diffs) % 2 == 0
    assert any('<del class="diff-a"' in d for d in diffs) and any('<ins class="diff-b"' in d for d in diffs)
    outlets = {m.value.strip("*") for m in at.markdown if m.value.startswith("**")}
    assert {"The Crystal Eyes", "The Jerusalem Post"} <= outlets
    marked = re.findall(r'<mark class="diff-hit" data-frame="([^"]+)"[^>]*>([^<]+)</mark>', "".join(diffs))
    assert marked, "lexicon words in the aligned sentences are marked"
    assert any(frame == "security_and_defense" and "military" in words.lower() for frame, words in marked)
    articles = next(d.value for d in at.dataframe if "words" in d.value.columns)
    assert sorted(articles["outlet"]) == ["The Crystal Eyes", "The Jerusalem Post"]
    at.button(key="open_side_by_side").click().run()
    assert_clean(at)
    assert at.title[0].value == "Side by side"
    assert sorted(s.value for s in at.subheader[:2]) == ["The Crystal Eyes", "The Jerusalem Post"]
    assert at.query_params["side_mode"] == "event"


def test_event_labels_count_in_words():
    import pandas as pd

    from dashboard.filters import event_labels

    articles = pd.DataFrame({"event_id": ["E1", "E1", "E2"], "outlet": ["A", "B", "A"],
                             "title": ["Damascus meeting", "Tripartite meeting", "Aid convoy"]})
    labels = event_labels(articles)
    assert labels == {"E1": "E1 · 2 articles, 2 outlets · Damascus meeting", "E2": "E2 · 1 article, 1 outlet · Aid convoy"}


# ------------------------------------------------------------------------ corpus, data in

def test_corpus_view_shows_the_load_report():
    at = app(view="corpus")
    assert_clean(at)
    assert [m.value for m in at.metric] == ["5", "5", "0", "5"]
    assert at.dataframe[0].value["outlet"].tolist().count("SouthFront") == 1


def test_a_path_that_does_not_exist_is_an_error_message_not_a_traceback(tmp_path):
    at = app()
    at.sidebar.radio(key="source_kind").set_value("path").run()
    at.sidebar.text_input(key="corpus_path").input(str(tmp_path / "missing")).run()
    at.sidebar.button(key="load_path").click().run()
    assert not at.exception
    assert at.error and "missing" in at.error[0].value
    at.sidebar.radio(key="source_kind").set_value("bundled").run()
    at.sidebar.button(key="open_bundled").click().run()
    assert_clean(at)
    assert at.metric[0].value == "5"


def test_loading_a_csv_path_switches_the_corpus(tmp_path):
    csv = tmp_path / "tiny.csv"
    csv.write_text("outlet,title,date,text\nA,One,2020-01-02,The occupation must end now say officials.\n"
                   "B,Two,2020-01-03,The invited forces bring stability say officials.\n"
                   "C,Three,2020-01-04,Terrorists threaten the region say officials.\n", encoding="utf-8")
    at = app(view="corpus")
    at.sidebar.radio(key="source_kind").set_value("path").run()
    at.sidebar.text_input(key="corpus_path").input(str(csv)).run()
    at.sidebar.button(key="load_path").click().run()
    assert_clean(at)
    assert [m.value for m in at.metric] == ["3", "3", "0", "3"]


def test_a_table_whose_columns_the_loader_does_not_know_loads_once_they_are_named(tmp_path):
    csv = tmp_path / "odd.csv"
    csv.write_text("paper,headline,story_text\nA,One,The occupation must end now say officials.\n"
                   "B,Two,The invited forces bring stability say officials.\n", encoding="utf-8")
    at = app(view="corpus")
    at.sidebar.radio(key="source_kind").set_value("path").run()
    at.sidebar.text_input(key="corpus_path").input(str(csv)).run()
    at.sidebar.button(key="load_path").click().run()
    assert not at.exception
    assert "no text column" in at.error[0].value and "story_text" in at.error[0].value
    assert "type the column's name in Text column" in at.error[0].value
    at.sidebar.text_input(key="text_column").input("story_text").run()
    assert not at.exception
    error = at.error[0].value  # the outlet column is still unknown: said at once (issue 10), not row by row
    assert "no outlet column" in error and "paper" in error and "Outlet column" in error
    at.sidebar.text_input(key="outlet_column").input("paper").run()
    assert_clean(at)
    assert [m.value for m in at.metric] == ["2", "2", "0", "2"]
    assert "2 articles loaded from 2 inputs" in " ".join(c.value for c in at.sidebar.caption)


def test_hostile_corpus_renders_as_text_in_every_view(monkeypatch):
    monkeypatch.setenv("FRAMING_CORPUS", str(XSS))
    at = app(view="side-by-side")
    assert_clean(at)
    everything = raw_html(at)
    assert "&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;" in everything
    assert "&lt;img src=x onerror=alert(&#x27;img&#x27;)&gt;" in everything
    assert "<script" not in everything and "<img" not in everything
    for view in ("overview", "actors", "naming", "terms", "events", "corpus", "export"):
        switch(at, view)
        assert_clean(at)
        for chart in charts(at):
            dumped = json.dumps(shown_parts(chart))
            assert "<script" not in dumped and "<img" not in dumped, view
        assert "<script" not in raw_html(at) and "<img" not in raw_html(at), view


# ------------------------------------------------------------------------------ lexicons

def test_lexicon_editor_validates_and_adds_the_users_lexicon():
    at = app(view="lexicons")
    assert_clean(at)
    assert "conflict" in at.dataframe[0].value["lexicon"].tolist()
    at.selectbox(key="lexicon_start").select("(blank template)").run()
    text = at.text_area(key="lexicon_text").value
    assert at.success and "Valid" in at.success[0].value
    broken = text.replace("poles:", "polez:")
    at.text_area(key="lexicon_text").input(broken).run()
    assert not at.exception
    assert at.error and "problem" in at.error[0].value
    assert "polez" in at.code[0].value
    at.text_area(key="lexicon_text").input(text.replace("my_lexicon", "classroom")).run()
    at.button(key="use_edited").click().run()
    assert_clean(at)
    assert "classroom" in at.dataframe[0].value["lexicon"].tolist()
    assert any("classroom" in c.value for c in at.sidebar.caption)


# -------------------------------------------------------------------------------- export

def test_export_view_offers_tables_figures_and_manifest():
    at = app(view="export")
    assert_clean(at)
    manifest = json.loads(at.code[-1].value)
    assert manifest["corpus"]["n_articles"] == 5 and len(manifest["corpus"]["fingerprint"]) == 64
    assert {lex["name"] for lex in manifest["lexicons"]} == {"conflict", "epistemic", "loaded", "policy_frames"}
    assert manifest["parameters"]["voice"] == "all"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("CSV") >= 6 and labels.count("PNG") >= 3 and labels.count("HTML") == labels.count("PNG")
    link = manifest["parameters"]["dashboard_link"]
    assert link.startswith("?view=export") and "voice=all" in link
    commands = manifest["parameters"]["reproduce"]
    assert commands["frame rates"].startswith("framing score ") and "--table rates" in commands["frame rates"]
    assert "--voice each --negated exclude --boot 1000 --seed 0 --level 0.95 --min-articles 5" in commands["frame rates"]
    assert manifest["settings"]["score"]["bootstrap"]["n_boot"] == 1000
    assert str(REPO / "corpus") in commands["hits"]


def test_export_with_an_event_filter_says_the_command_line_cannot_redo_it():
    at = app(view="export", event="E0003")
    assert_clean(at)
    manifest = json.loads(at.code[-1].value)
    assert manifest["parameters"]["event"] == "E0003"
    assert "does not have" in manifest["parameters"]["reproduce"]
    assert "event=E0003" in manifest["parameters"]["dashboard_link"]


# ---------------------------------------------------------------------- filters, uploads

def test_filters_keep_partial_dates_that_overlap_the_range(demo_corpus):
    from framing.measure.tables import corpus_frame

    articles = corpus_frame(demo_corpus)
    kept = filter_articles(articles, ArticleFilter(date_from="2019-03-15", date_to="2019-12-31", keep_undated=False))
    assert sorted(kept["outlet"]) == ["The Crystal Eyes", "The Jerusalem Post"]
    with_undated = filter_articles(articles, ArticleFilter(date_from="2019-03-15"))
    assert "Intellectual Observer" in set(with_undated["outlet"])
    lo, hi = date_bounds(articles)
    assert (lo.isoformat(), hi.isoformat()) == ("2018-02-01", "2019-03-31")
    assert parse_day("2019-03-18").day == 18 and parse_day("2019-03") is None and parse_day("nonsense") is None


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_upload_unpacks_to_the_folder_with_the_manifest(tmp_path, demo_corpus_path):
    members = {f"corpus/{p.name}": p.read_bytes() for p in demo_corpus_path.iterdir() if p.is_file()}
    folder = extract_zip("demo.zip", zip_bytes(members), tmp_path)
    assert (folder / "manifest.csv").is_file() and folder.name == "corpus"
    from framing.corpus.load import load_corpus

    assert len(load_corpus(folder)) == 5


@pytest.mark.parametrize("name, problem", [
    ("../evil.txt", "'..'"), ("/etc/evil.txt", "absolute"), ("a/../../evil.txt", "'..'"), ("C:/evil.txt", "absolute"),
])
def test_zip_with_unsafe_paths_is_refused(tmp_path, name, problem):
    with pytest.raises(UploadError, match=problem):
        extract_zip("bad.zip", zip_bytes({"manifest.csv": b"file,outlet\n", name: b"x"}), tmp_path)
    assert not any(tmp_path.rglob("evil.txt")) and not Path("/etc/evil.txt").exists()


def test_zip_too_large_or_not_a_zip_is_refused(tmp_path):
    with pytest.raises(UploadError, match="unpacks to 0.0 MiB, more than the 0.0 MiB allowed"):
        extract_zip("big.zip", zip_bytes({"a.txt": b"x" * 10_000}), tmp_path, max_bytes=1000)
    with pytest.raises(UploadError, match="files, more than"):
        extract_zip("many.zip", zip_bytes({f"{i}.txt": b"x" for i in range(5)}), tmp_path, max_files=3)
    with pytest.raises(UploadError, match="not a readable ZIP"):
        extract_zip("fake.zip", b"not a zip", tmp_path)


def test_table_upload_is_saved_by_content_under_a_safe_name(tmp_path):
    path = save_upload("../../my corpus.csv", b"outlet,text\nA,hello\n", tmp_path)
    assert path.parent.parent == tmp_path and path.name == "my_corpus.csv"
    assert save_upload("../../my corpus.csv", b"outlet,text\nA,hello\n", tmp_path) == path
    assert safe_file_name("..\\..\\x.jsonl.gz") == "x.jsonl.gz"
    with pytest.raises(UploadError, match="not a corpus table"):
        save_upload("notes.docx", b"x", tmp_path)


# --------------------------------------------------------------------------------- CLI

def test_cli_builds_the_streamlit_command_and_checks_the_path(demo_corpus_path, capsys):
    from framing.cli import build_parser, main
    from framing.cli.dashboard import streamlit_command

    args = build_parser().parse_args(["dashboard", str(demo_corpus_path), "--port", "8600", "--headless"])
    command = streamlit_command(args)
    assert command[1:4] == ["-m", "streamlit", "run"] and Path(command[4]) == APP
    assert command[command.index("--server.port") + 1] == "8600" and "--server.headless" in command
    assert command[-3:] == ["--", "--corpus", str(demo_corpus_path.resolve())]
    default = streamlit_command(build_parser().parse_args(["dashboard"]))
    assert "--corpus" not in default and default[default.index("--server.address") + 1] == "127.0.0.1"
    assert main(["dashboard", "/no/such/corpus"]) == 2
    assert "/no/such/corpus: no such file or folder" in capsys.readouterr().err


def test_many_outlets_overview_shows_the_largest_and_a_choice(tmp_path, monkeypatch):
    rows = ["outlet,title,date,text"]
    sentences = ["The occupation of the region must end, officials said.",
                 "The invited forces bring stability and security.", "Terrorists threaten the fragile ceasefire."]
    for i in range(35):
        for j in range(1 + (i < 3)):  # outlets 00-02 have two articles
            rows.append(f"Outlet {i:02d},Title {i}-{j},2020-01-{j + 1:02d},\"{sentences[(i + j) % 3]} Report {i} {j}.\"")
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(path))
    at = app()
    assert_clean(at)
    shown = at.multiselect(key="overview_outlets")
    assert len(shown.value) == 30 and shown.value[:3] == ["Outlet 00", "Outlet 01", "Outlet 02"]
    assert len(charts(at)[0]["data"][0]["y"]) == 30
    shown.set_value(["Outlet 05", "Outlet 33"]).run()
    assert_clean(at)
    assert list(charts(at)[0]["data"][0]["y"]) == ["Outlet 05", "Outlet 33"]
    assert at.query_params["overview_outlets"] == ["Outlet 05", "Outlet 33"]


def test_a_corpus_with_no_article_says_why_in_the_corpus_view(tmp_path, monkeypatch):
    empty = tmp_path / "empty.csv"
    empty.write_text("outlet,title,text\nA,One,\nB,Two,   \n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(empty))
    at = app()
    assert not at.exception
    assert at.error and "no article could be loaded" in at.error[0].value
    switch(at, "corpus")
    assert not at.exception
    assert [m.value for m in at.metric][:3] == ["2", "0", "2"]
    assert set(at.dataframe[0].value["reason"]) == {"empty text"}


def test_a_path_outside_the_data_root_is_refused_in_the_browser(tmp_path, monkeypatch, demo_corpus_path):
    monkeypatch.setenv("FRAMING_DATA_ROOT", str(tmp_path))
    at = app(view="corpus")
    for outside in ("/etc/passwd", str(tmp_path / ".." / ".."), str(demo_corpus_path)):
        at.sidebar.radio(key="source_kind").set_value("path").run()
        at.sidebar.text_input(key="corpus_path").input(outside).run()
        at.sidebar.button(key="load_path").click().run()
        assert not at.exception
        assert "outside the folder this dashboard may read" in at.error[0].value
        assert at.metric[0].value == "5", "the demo corpus stays open"
    (tmp_path / "link").symlink_to("/etc", target_is_directory=True)
    at.sidebar.text_input(key="corpus_path").input(str(tmp_path / "link" / "passwd")).run()
    at.sidebar.button(key="load_path").click().run()
    assert "outside the folder this dashboard may read" in at.error[0].value


def test_without_a_data_root_no_browser_path_is_opened(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_DATA_ROOT")
    csv = tmp_path / "tiny.csv"
    csv.write_text("outlet,text\nA,The occupation must end now say officials.\n", encoding="utf-8")
    at = app(view="corpus")
    at.sidebar.radio(key="source_kind").set_value("path").run()
    at.sidebar.text_input(key="corpus_path").input(str(csv)).run()
    at.sidebar.button(key="load_path").click().run()
    assert "opening a path from the browser is off" in at.error[0].value
    assert at.metric[0].value == "5"


@pytest.mark.parametrize("view", ["overview", "side-by-side", "actors", "naming", "terms", "events", "corpus",
                                  "export"])
def test_every_view_opens_a_store_made_by_framing_analyze(tmp_path_factory, monkeypatch, view):
    """A store (framing analyze) opens like a corpus: every view runs without an error, on its 5 articles."""
    from framing.measure.store import analyze_into_store

    store = tmp_path_factory.getbasetemp() / "demo.store"
    if not (store / "manifest.json").exists():
        analyze_into_store(REPO / "corpus", store)
    monkeypatch.setenv("FRAMING_CORPUS", str(store))
    at = app(view=view)
    assert_clean(at)
    assert "5 articles loaded from 5 inputs" in " ".join(str(c.value) for c in at.sidebar.caption)
