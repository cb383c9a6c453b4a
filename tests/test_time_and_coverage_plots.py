"""Figures of framing over time and of coverage by group, and the honest-encoding helpers they
share (framing.present.encoding, time_plots, coverage_plots)."""
import numpy as np
import pytest
from conftest import FIXTURES
from plotly_arrays import decoded

from framing.compare.coverage import event_blindspots, event_coverage, group_coverage
from framing.corpus.load import load_corpus
from framing.errors import SettingsError
from framing.measure.pipeline import analyze
from framing.measure.score import frame_rates
from framing.present.coverage_plots import blindspot_counts_plot, group_coverage_plot, outlet_coverage_plot
from framing.present.encoding import colour_range, group_colours, group_order, many_groups, plural, weak_evidence
from framing.present.time_plots import over_time_plot, rates_over_time_plot
from framing.settings import BootstrapSettings, ScoreSettings

SIDES = FIXTURES / "sides" / "articles.jsonl"


@pytest.fixture(scope="module")
def sides():
    return analyze(load_corpus(SIDES))


def test_plural_and_evidence():
    assert [plural(1, "hit"), plural(2, "hit"), plural(0, "frame"), plural(1204, "article")] == \
        ["1 hit", "2 hits", "0 frames", "1,204 articles"]
    assert plural(1, "alias", "aliases") == "1 alias" and plural(2.5, "hit") == "2.5 hits"
    # 4 articles; no interval; an interval spanning most of -1..+1; a narrow one on 40 articles
    weak = weak_evidence([0.1, np.nan, -0.9, 0.2], [0.3, np.nan, 0.8, 0.4], [4, 1, 40, 40], scale_range=2.0)
    assert weak.tolist() == [True, True, True, False]


def test_colour_range_is_set_by_figures_with_evidence():
    # one hit in a short article gives a rate of 30; the well-supported cells top out at 3
    assert colour_range([0.5, 3.0, 30.0], strong=[True, True, False]) == (0.0, 3.0)
    assert colour_range([0.5, 3.0, 30.0]) == (0.0, 30.0)
    assert colour_range([np.nan]) == (0.0, 1.0)


def test_one_order_and_colours_for_groups():
    assert group_order(["right", "Center", "left", "lean left"]) == ["left", "lean left", "Center", "right"]
    assert group_order(["b", "A", "c"]) == ["A", "b", "c"]
    assert group_order(["right / 2021-05", "left / 2021-06", "left / 2021-05"]) == \
        ["left / 2021-05", "left / 2021-06", "right / 2021-05"]
    colours = group_colours(["left", "center", "right", "BBC"])
    assert colours["left"] != colours["right"] and len(set(colours.values())) == 4
    outlets = [f"outlet {i}" for i in range(30)]
    assert many_groups(outlets) and not many_groups(outlets[:15])
    assert len(set(group_colours(outlets[:15]).values())) == 15


def test_rates_over_time_one_line_per_side_with_gaps_and_faded_points(sides):
    rates = frame_rates(sides, ScoreSettings(by="allsides_side", period="month", frames=("threat",),
                                             bootstrap=BootstrapSettings(n_boot=100)))
    fig = rates_over_time_plot(rates, frame="threat", pole="threat")
    lines = [t for t in fig.data if t.mode == "lines"]
    assert [t.name for t in lines] == ["left", "center", "right"]
    left = lines[0]
    assert len(decoded(left.y)) == 7 and np.nanmax(decoded(left.y)) > 20  # the left's threat wording
    assert "threat: hits per 1,000 words per month" in fig.layout.title.text
    points = [t for t in fig.data if t.mode == "markers"]
    assert any("hits in" in text and "articles" in text for t in points for text in t.text)
    assert [a.text for a in fig.layout.annotations if a.text in ("left", "center", "right")] != []
    # a month in which a side has no article is a gap, not a zero
    thin = rates[~((rates["allsides_side"] == "right") & (rates["period"] == "2021-06"))]
    gap = [t for t in rates_over_time_plot(thin, frame="threat", pole="threat").data if t.mode == "lines"][2]
    assert np.isnan(decoded(gap.y)[2])
    # a single article per point: every point faded, and the note says what fading means
    few = rates.assign(n_articles=1, ci_low=np.nan, ci_high=np.nan)
    faded = rates_over_time_plot(few, frame="threat", pole="threat")
    assert all(t.marker.symbol == "circle-open" for t in faded.data if t.mode == "markers")
    assert any("not enough evidence" in (a.text or "") for a in faded.layout.annotations)


def test_over_time_refuses_tables_without_periods(sides):
    plain = frame_rates(sides, ScoreSettings(by="allsides_side", bootstrap=BootstrapSettings(n_boot=10)))
    with pytest.raises(SettingsError, match="score with a period"):
        over_time_plot(plain)
    with pytest.raises(SettingsError, match="no frame 'nothing'"):
        rates_over_time_plot(frame_rates(sides, ScoreSettings(period="month", bootstrap=BootstrapSettings(n_boot=10))),
                             frame="nothing")


def test_over_time_draws_at_most_max_groups(sides):
    rates = frame_rates(sides, ScoreSettings(by="outlet", period="month", frames=("threat",),
                                             bootstrap=BootstrapSettings(n_boot=10)))
    fig = rates_over_time_plot(rates, frame="threat", pole="threat", max_groups=8)
    assert len([t for t in fig.data if t.mode == "lines"]) == 8
    assert "the 8 of 60 groups with the most articles" in fig.layout.title.text
    assert fig.layout.showlegend is False  # labelled at the line ends instead
    assert len([a for a in fig.layout.annotations if a.text.startswith("The ")]) == 8


def test_coverage_figures_scale_to_many_events_and_outlets(sides):
    articles = sides.articles
    coverage = group_coverage(articles, "allsides_side")
    spots = event_blindspots(articles, "allsides_side")
    fig = group_coverage_plot(coverage, events=list(spots["event_id"]), top=20, by="allsides_side")
    assert [t.name for t in fig.data] == ["left", "center", "right"]
    assert len(fig.data[0].y) == 20 and "20 of 100 events shown" in fig.layout.title.text
    hover = [c[3] for t in fig.data for c in t.customdata if c[3]]
    assert any(name.startswith("The ") for name in hover)  # the outlets stay visible inside a group
    counts = blindspot_counts_plot(spots, by="allsides_side")
    only = next(t for t in counts.data if t.name == "covered only by it")
    assert sum(decoded(only.x)) == 7
    grid = outlet_coverage_plot(event_coverage(articles), top_outlets=12, top_events=30,
                                outlet_groups=dict(zip(articles["outlet"], articles["allsides_side"])))
    heat = grid.data[0]
    assert len(heat.x) == 13 and heat.x[-1] == "other 48 outlets"
    assert "30 of 100 events; 12 of 60 outlets" in grid.layout.title.text
    assert {a.text for a in grid.layout.annotations} >= {"<b>left</b>", "<b>center</b>", "<b>right</b>"}
