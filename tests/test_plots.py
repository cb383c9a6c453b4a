"""Figures from hand-built tables with the columns of docs/data-model.md; each test reads the
figure back through ``fig.to_dict()``."""
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly_arrays import decoded

from framing.errors import SettingsError
from framing.present import plots


def score_rows():
    rows = []
    for outlet, legit, occup, n in (("Al-Monitor", 0.0, 2.5, 12), ("SouthFront", 1.2, 0.4, 3)):
        for pole, rate in (("legitimate", legit), ("occupation", occup)):
            for voice, factor in (("all", 1.0), ("author", 0.5)):
                rows.append(dict(group=outlet, lexicon="conflict", frame="legitimacy", pole=pole, voice=voice,
                                 hits=rate * factor * 2, words=2000, rate=rate * factor, ci_low=rate * factor * 0.5,
                                 ci_high=rate * factor * 1.5, n_articles=n, low_support=n < 5))
        rows.append(dict(group=outlet, lexicon="conflict", frame="terrorism", pole="terrorism", voice="all",
                         hits=4.0, words=2000, rate=2.0, ci_low=1.0, ci_high=3.0, n_articles=n, low_support=n < 5))
    return pd.DataFrame(rows)


def test_heatmap_is_outlet_by_frame_pole_with_interval_in_hover():
    fig = plots.frame_heatmap(score_rows(), voice="all")
    spec = fig.to_dict()
    heat = spec["data"][0]
    assert heat["type"] == "heatmap"
    assert list(heat["x"]) == ["legitimacy: legitimate", "legitimacy: occupation", "terrorism"]
    assert list(heat["y"]) == ["Al-Monitor", "SouthFront"]
    z, veil = decoded(heat["z"]), decoded(spec["data"][1]["z"])
    assert z[0].tolist() == [0.0, 2.5, 2.0] and z[1].tolist() == [1.2, 0.4, 2.0]
    # SouthFront rests on 3 articles (fewer than 5): plain grey cells cover its colours, numbers grey with their count
    assert veil[1].tolist() == [1.0, 1.0, 1.0] and np.isnan(veil[0]).all()
    assert spec["data"][1]["colorscale"][0][1] == plots.frames.WEAK_CELL
    assert list(spec["data"][1]["text"][1]) == ["1.2<br>2.4 hits", "0.4<br>0.8 hits", "2.0<br>4 hits"]
    assert heat["zmax"] == 2.5  # the scale tops out at the largest well-supported rate
    cells = spec["data"][2]  # invisible markers: the hover and the click target of each cell
    assert cells["type"] == "scatter" and cells["marker"]["opacity"] == 0
    assert "customdata[6]" in cells["hovertemplate"] and "click" in cells["hovertemplate"]
    by_cell = {(y, x): c for x, y, c in zip(cells["x"], cells["y"], cells["customdata"])}
    assert by_cell[("Al-Monitor", "legitimacy: occupation")][:7] == [
        "Al-Monitor", "legitimacy", "occupation", "2.50", "95% CI 1.25 – 3.75", "5 hits", "12 articles"]
    assert "not enough evidence" in by_cell[("SouthFront", "terrorism")][7]
    assert any("not enough evidence" in a["text"] for a in spec["layout"]["annotations"])


def test_a_rate_on_one_or_two_hits_is_grey_and_does_not_set_the_scale_however_many_articles():
    rows = []
    for outlet, hits, rate, low, high in (("National Review", 1, 0.9, 0.0, 0.85), ("Fox News", 40, 0.5, 0.35, 0.65),
                                          ("CNN", 0, 0.0, 0.0, 0.0)):
        rows.append(dict(group=outlet, lexicon="conflict", frame="threat", pole="threat", voice="all", hits=hits,
                         rate=rate, ci_low=low, ci_high=high, n_articles=63, low_support=False))
    spec = plots.frame_heatmap(pd.DataFrame(rows), voice="all").to_dict()
    veil = decoded(spec["data"][1]["z"])
    order = list(spec["data"][0]["y"])
    assert veil[order.index("National Review")].tolist() == [1.0]  # 1 hit in 63 articles: grey, not the darkest cell
    assert np.isnan(veil[order.index("Fox News")]).all() and np.isnan(veil[order.index("CNN")]).all()
    assert spec["data"][0]["zmax"] == 0.5
    assert any("1 to 2 hits" in a["text"] for a in spec["layout"]["annotations"])


def test_heatmap_voice_selects_rows_and_missing_voice_says_so():
    fig = plots.frame_heatmap(score_rows(), voice="author")
    heat = fig.to_dict()["data"][0]
    assert list(heat["x"]) == ["legitimacy: legitimate", "legitimacy: occupation"]
    assert decoded(heat["z"])[0].tolist() == [0.0, 1.25]
    empty = plots.frame_heatmap(score_rows(), voice="quoted").to_dict()
    assert empty["data"] == [] and "No scores for voice 'quoted'" in empty["layout"]["annotations"][0]["text"]


def test_heatmap_escapes_outlet_names_and_rejects_wrong_tables():
    rows = score_rows()
    rows["group"] = rows["group"].replace("SouthFront", "<img src=x onerror=alert(1)>")
    heat = plots.frame_heatmap(rows).to_dict()["data"][0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in heat["y"]
    with pytest.raises(SettingsError, match="lacks column"):
        plots.frame_heatmap(pd.DataFrame({"outlet": ["x"]}))


def balance_rows():
    return pd.DataFrame([
        dict(group="Al-Monitor", lexicon="conflict", frame="legitimacy", pole_a="legitimate", pole_b="occupation",
             voice="all", balance=-1.0, ci_low=-1.0, ci_high=-0.6, n_articles=12, low_support=False),
        dict(group="SouthFront", lexicon="conflict", frame="legitimacy", pole_a="legitimate", pole_b="occupation",
             voice="all", balance=0.5, ci_low=0.1, ci_high=0.9, n_articles=3, low_support=True),
        dict(group="SouthFront", lexicon="conflict", frame="threat", pole_a="threat", pole_b="stability",
             voice="all", balance=0.2, ci_low=-0.3, ci_high=0.6, n_articles=3, low_support=True),
    ])


def test_axis_balance_one_panel_per_axis_with_asymmetric_error_bars():
    spec = plots.axis_balance_plot(balance_rows()).to_dict()
    assert [t["name"] for t in spec["data"]][:2] == ["balance with its 95% interval", "not enough evidence (faded)"]
    strong, faded = spec["data"][0], spec["data"][1]
    # Al-Monitor: a narrow interval on 12 articles; SouthFront: 3 articles, faded and labelled
    assert list(strong["y"]) == ["Al-Monitor"] and list(faded["y"]) == ["SouthFront"]
    assert decoded(strong["x"]).tolist() == [-1.0] and decoded(faded["x"]).tolist() == [0.5]
    assert decoded(strong["error_x"]["array"]) == pytest.approx([0.4])
    assert decoded(faded["error_x"]["arrayminus"]) == pytest.approx([0.4])
    assert strong["marker"]["symbol"] == "circle" and faded["marker"]["symbol"] == "circle-open"
    assert list(faded["text"]) == ["not enough evidence"] and "rgba" in faded["marker"]["color"]
    assert faded["name"].startswith("not enough evidence") and "not enough evidence" in faded["hovertext"][0]
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert any("occupation" in t and "legitimate" in t for t in titles)
    assert spec["layout"]["xaxis"]["range"] == [-1.08, 1.08]


def test_label_shares_stack_to_one_per_outlet():
    shares = pd.DataFrame([
        dict(group="The Jerusalem Post", naming_set="Syrian government", label="Assad regime", count=3, share=0.75),
        dict(group="The Jerusalem Post", naming_set="Syrian government", label="Syrian government", count=1, share=0.25),
        dict(group="SouthFront", naming_set="Syrian government", label="Syrian government", count=4, share=1.0),
        dict(group="SouthFront", naming_set="SDF", label="US-backed militia", count=2, share=1.0),
    ])
    spec = plots.label_shares_plot(shares, naming_set="Syrian government").to_dict()
    assert spec["layout"]["barmode"] == "stack"
    assert [t["name"] for t in spec["data"]] == ["Assad regime", "Syrian government"]
    assert list(spec["data"][0]["y"]) == ["SouthFront", "The Jerusalem Post"]
    total = sum(decoded(t["x"]) for t in spec["data"])
    assert total.tolist() == [1.0, 1.0]
    assert "Labels used for SDF" in plots.label_shares_plot(shares, naming_set="SDF").to_dict()["layout"]["title"]["text"]


def test_actor_sentiment_dot_per_outlet_and_actor():
    sent = pd.DataFrame([
        dict(group="Al-Monitor", actor="Iran", sentiment=-0.3, ci_low=-0.5, ci_high=-0.1, n_sentences=14, n_articles=1),
        dict(group="SouthFront", actor="Iran", sentiment=0.2, ci_low=0.0, ci_high=0.4, n_sentences=6, n_articles=1),
        dict(group="SouthFront", actor="United States", sentiment=-0.6, ci_low=-0.8, ci_high=-0.4, n_sentences=9,
             n_articles=1),
    ])
    spec = plots.actor_sentiment_plot(sent).to_dict()
    # one panel per actor, one row per outlet (no colour per outlet: a hundred outlets stay readable)
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert "Iran" in titles and "United States" in titles
    iran = [t for t in spec["data"] if t.get("xaxis", "x") == "x"]
    assert sorted(y for t in iran for y in t["y"]) == ["Al-Monitor", "SouthFront"]
    us = [t for t in spec["data"] if t.get("xaxis") == "x2"]
    assert [y for t in us for y in t["y"]] == ["SouthFront"] and decoded(us[0]["x"]).tolist() == [-0.6]
    # one article each: faded, labelled in the hover
    assert all("not enough evidence" in h for t in spec["data"] for h in t["hovertext"])


def test_actor_frame_heatmap_keeps_only_that_target():
    rows = score_rows()
    rows["target"] = np.where(rows["pole"] == "occupation", "United States", "Iran")
    data = plots.actor_frame_heatmap(rows, actor="United States").to_dict()["data"]
    assert list(data[0]["x"]) == ["legitimacy: occupation"]
    assert decoded(data[0]["z"]).tolist() == [[2.5], [0.4]] and decoded(data[1]["z"])[1].tolist() == [1.0]


def terms_table():
    return pd.DataFrame(dict(
        group="SouthFront", vs="rest",
        term=["occupation", "regime", "said", "terrorists", "syrian government"],
        z=[4.1, 2.5, 0.1, -3.2, -2.2], count=[30, 12, 200, 25, 9], count_vs=[3, 4, 180, 40, 20],
        n_articles=[2, 2, 5, 1, 1], significant=pd.array([True, False, False, True, pd.NA], dtype="boolean")))


def test_terms_scatter_labels_a_cluster_of_terms_once_not_on_top_of_each_other():
    cluster = [f"term{i}" for i in range(8)]
    table = pd.DataFrame(dict(group="A", vs="rest", term=["apart", *cluster],
                              z=[3.0, *[-0.60 - i * 0.001 for i in range(8)]], count=[50, *[5] * 8],
                              count_vs=[0] * 9, n_articles=[5] * 9, significant=[True] + [False] * 8))
    labels = plots.terms_scatter(table).to_dict()["data"][-1]["text"]
    assert "apart" in labels and len([t for t in labels if t.startswith("term")]) == 1


def test_terms_scatter_splits_significant_and_labels_extremes():
    spec = plots.terms_scatter(terms_table(), label_top=1).to_dict()
    names = [t.get("name") for t in spec["data"]]
    assert names[:2] == ["not significant", "significant after correction"]
    assert [row[0] for row in spec["data"][1]["customdata"]] == ["occupation", "terrorists"]
    assert decoded(spec["data"][1]["x"]).tolist() == [33, 65]  # uses in the group and the rest
    assert sorted(spec["data"][2]["text"]) == ["occupation", "terrorists"]
    assert spec["layout"]["xaxis"]["type"] == "log"
    assert spec["layout"]["title"]["text"].startswith("SouthFront vs rest")


def test_terms_plots_fall_back_to_tfidf_score():
    table = terms_table().assign(z=np.nan, score=[0.5, 0.4, 0.1, 0.3, 0.2])
    spec = plots.terms_scatter(table).to_dict()
    assert decoded(spec["data"][0]["y"]).tolist() == [0.4, 0.1, 0.2]  # not significant (NA counts as not)
    assert "TF-IDF" in spec["layout"]["yaxis"]["title"]["text"]
    bar = plots.terms_bars(table, top=2).to_dict()["data"][0]
    assert list(bar["y"]) == ["regime", "occupation"]


def test_terms_bars_top_each_side_sorted_by_z():
    bar = plots.terms_bars(terms_table(), top=2).to_dict()["data"][0]
    assert list(bar["y"]) == ["terrorists", "syrian government", "regime", "occupation"]
    assert [row[0] for row in bar["customdata"]] == ["terrorists", "syrian government", "regime", "occupation"]
    uses = plots.terms_bars(terms_table(), top=2).to_dict()["data"][1]
    # each bar's uses on the side it is distinctive of, across zero from the bar (its row's empty side)
    assert list(uses["text"]) == ["40 uses", "20 uses", "12 uses", "30 uses"]
    assert list(uses["textposition"]) == ["middle right", "middle right", "middle left", "middle left"]


def test_outlet_map_and_event_coverage():
    points = pd.DataFrame(dict(outlet=["Al-Monitor", "SouthFront"], x=[0.1, -0.4], y=[0.3, 0.0]))
    scatter = plots.outlet_map_plot(points).to_dict()["data"][0]
    assert list(scatter["text"]) == ["Al-Monitor", "SouthFront"] and scatter["mode"] == "markers+text"
    coverage = pd.DataFrame(dict(event_id=["e1", "e1", "e2"], outlet=["A", "B", "A"], n_articles=[1, 2, 1]))
    heat = plots.event_coverage_plot(coverage).to_dict()["data"][0]
    assert list(heat["y"]) == ["e1", "e2"] and list(heat["x"]) == ["A", "B"]
    named = plots.event_coverage_plot(coverage, labels={"e1": "e1 · Damascus <meeting>"}).to_dict()["data"][0]
    assert list(named["y"]) == ["e1 · Damascus &lt;meeting&gt;", "e2"]
    assert decoded(heat["z"]).tolist() == [[1, 2], [1, 0]]


def test_outlet_map_of_many_outlets_prints_the_names_that_fit_and_hovers_them_all():
    rng = np.random.default_rng(0)
    names = [f"Outlet number {i}" for i in range(60)]
    points = pd.DataFrame(dict(outlet=names, x=rng.normal(0, 0.1, 60), y=rng.normal(0, 0.1, 60)))
    points.loc[59, ["x", "y"]] = [2.0, 2.0]  # one outlet that stands apart
    fig = plots.outlet_map_plot(points).to_dict()
    scatter = fig["data"][0]
    printed = [t for t in scatter["text"] if t]
    assert list(scatter["customdata"]) == names and "%{customdata}" in scatter["hovertemplate"]
    assert "Outlet number 59" in printed and 3 <= len(printed) < 60
    assert any(f"{60 - len(printed)} of 60 names are not printed" in a["text"].replace("<br>", " ")
               for a in fig["layout"]["annotations"])


def test_every_figure_handles_an_empty_table():
    empty_figs = [
        plots.frame_heatmap(score_rows().iloc[0:0]),
        plots.axis_balance_plot(balance_rows().iloc[0:0]),
        plots.terms_scatter(terms_table().iloc[0:0]),
        plots.terms_bars(terms_table().iloc[0:0]),
    ]
    for fig in empty_figs:
        assert isinstance(fig, go.Figure) and fig.to_dict()["layout"]["annotations"]


def test_heatmap_hover_says_when_there_is_no_interval():
    rows = score_rows()
    rows.loc[rows["group"] == "SouthFront", ["ci_low", "ci_high"]] = np.nan
    rows.loc[rows["group"] == "SouthFront", "n_articles"] = 1
    cells = plots.frame_heatmap(rows).to_dict()["data"][2]
    south = [c for c in cells["customdata"] if c[0] == "SouthFront"]
    assert south and all(c[4] == "no interval (1 article)" for c in south)


def test_terms_scatter_draws_at_most_max_points_most_distinctive():
    table = terms_table()
    spec = plots.terms_scatter(table, max_points=2).to_dict()
    drawn = [row[0] for trace in spec["data"][:2] for row in trace["customdata"]]
    assert sorted(drawn) == ["occupation", "terrorists"]
    assert "2 most distinctive" in spec["layout"]["title"]["text"]


def test_group_choice_limits_every_outlet_figure():
    sent = pd.DataFrame([
        dict(group=g, actor="Iran", sentiment=0.1, ci_low=0.0, ci_high=0.2, n_sentences=3, n_articles=3)
        for g in ("A", "B", "C")])
    assert [y for t in plots.actor_sentiment_plot(sent, groups=["B"]).to_dict()["data"] for y in t["y"]] == ["B"]
    shares = pd.DataFrame([dict(group=g, naming_set="SDF", label="SDF", count=1, share=1.0) for g in ("A", "B")])
    assert list(plots.label_shares_plot(shares, groups=["A"]).to_dict()["data"][0]["y"]) == ["A"]


def test_heatmap_names_both_poles_of_an_axis_even_the_one_named_like_its_frame():
    rows = score_rows()
    threat = rows[rows["frame"] == "terrorism"].assign(frame="threat", pole="threat")
    stability = threat.assign(pole="stability")
    fig = plots.frame_heatmap(pd.concat([rows, threat, stability]), voice="all")
    columns = list(fig.to_dict()["data"][0]["x"])
    assert "threat: threat" in columns and "threat: stability" in columns
    assert "terrorism" in columns, "a one-pole frame keeps its bare name"
    assert plots.frame_label("threat", "threat") == "threat"
    assert plots.frame_label("threat", "threat", axis=True) == "threat: threat"


def test_heatmap_rows_name_how_many_articles_each_outlet_has():
    spec = plots.frame_heatmap(score_rows(), voice="all").to_dict()
    yaxis = spec["layout"]["yaxis"]
    assert list(yaxis["tickvals"]) == ["Al-Monitor", "SouthFront"]
    assert list(yaxis["ticktext"]) == ["Al-Monitor (12 articles)", "SouthFront (3 articles)"]
    assert list(spec["data"][0]["y"]) == ["Al-Monitor", "SouthFront"], "the data keep the bare names (clicks)"
    one = score_rows().assign(n_articles=1)
    assert plots.frame_heatmap(one, voice="all").to_dict()["layout"]["yaxis"]["ticktext"][0] == "Al-Monitor (1 article)"


def test_titles_name_the_voice_in_words_and_footnotes_clear_the_ticks():
    quoted = plots.frame_heatmap(score_rows(), voice="author").to_dict()["layout"]["title"]["text"]
    assert quoted == "Frame rates per 1,000 words (the outlet's own words)"
    assert plots.voice_name("quoted") == "quoted sources"
    fig = plots.axis_balance_plot(balance_rows(), voice=None).to_dict()
    note = next(a for a in fig["layout"]["annotations"] if "not enough evidence" in a["text"])
    assert note["yshift"] <= -25 and fig["layout"]["margin"]["b"] >= 70
    assert plots.FONT["size"] >= 14


def test_label_shares_leave_out_outlets_that_never_name_the_referent_and_hover_the_interval():
    rows = []
    for outlet, counts in (("A", {"Daesh": 3, "ISIS": 1}), ("B", {"Daesh": 0, "ISIS": 0})):
        total = sum(counts.values())
        for label, count in counts.items():
            rows.append(dict(group=outlet, naming_set="islamic_state", label=label, voice="all", count=count,
                             total=total, share=count / total if total else np.nan, ci_low=0.4, ci_high=0.9,
                             n_articles=6 if total else 0, low_support=False))
    spec = plots.label_shares_plot(pd.DataFrame(rows)).to_dict()
    assert all(list(t["y"]) == ["A"] for t in spec["data"])
    assert any(a["text"] == "Never named by: B" for a in spec["layout"]["annotations"])
    daesh = spec["data"][0]
    assert daesh["customdata"][0] == ["3", "4", "95% CI 40% – 90%", "6 articles", "A", "Daesh", ""]
    assert list(daesh["text"]) == ["75% · 3"]  # the count beside the share
    assert spec["layout"]["yaxis"]["ticktext"] == ["A (4 mentions)"]
    assert "customdata[2]" in daesh["hovertemplate"] and "customdata[3]" in daesh["hovertemplate"]


def test_terms_scatter_log_axis_ticks_read_as_whole_numbers():
    table = terms_table()
    layout = plots.terms_scatter(table).to_dict()["layout"]
    ticks = list(layout["xaxis"]["tickvals"])
    assert ticks[:4] == [1, 2, 5, 10] and ticks[-1] >= (table["count"] + table["count_vs"]).max()
    assert list(layout["xaxis"]["ticktext"])[:4] == ["1", "2", "5", "10"]
    assert plots.terms._log_ticks(120) == [1, 2, 5, 10, 20, 50, 100, 200]
