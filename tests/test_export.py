import datetime as dt
import html
import io
import json
import re
import shlex
import zipfile
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import pytest

from framing import __version__
from framing.corpus.records import Corpus, corpus_fingerprint
from framing.lexicon import Frame, Lexicon, Pole, Term, lexicon_fingerprint
from framing.present.export import export_bundle, figure_html, figure_png, manifest_json, reproducibility_manifest, table_csv


def small_lexicon(version="1.0"):
    legit = Pole("legitimate", (Term("legitimate", 1.0, 3),))
    occup = Pole("occupation", (Term("occupation", 1.0, 5), Term("occupied", 1.0, 6)))
    return Lexicon(name="conflict", version=version, description="test", sources=("Our own list. Licence: CC0.",),
                   frames=(Frame("legitimacy", "who may be there", (legit, occup)),))


def test_fingerprint_ignores_order_and_folder_but_not_text(demo_corpus):
    fp = corpus_fingerprint(demo_corpus)
    assert len(fp) == 64 and int(fp, 16)
    shuffled = Corpus(tuple(reversed(demo_corpus.articles)), demo_corpus.report, "/elsewhere")
    assert corpus_fingerprint(shuffled) == fp
    first = demo_corpus.articles[0]
    edited = (replace(first, raw_text=first.raw_text + " "),) + demo_corpus.articles[1:]
    assert corpus_fingerprint(edited) != fp
    renamed = (replace(first, outlet="Another outlet"),) + demo_corpus.articles[1:]
    assert corpus_fingerprint(renamed) != fp


def test_a_load_keeps_the_fingerprint_so_an_analysis_read_without_its_corpus_has_it(demo_corpus, tmp_path):
    from framing.lexicon import bundled_lexicons
    from framing.measure.pipeline import analyze
    from framing.measure.saved import load_analysis, save_analysis
    from framing.settings import Settings

    assert demo_corpus.report.fingerprint == corpus_fingerprint(demo_corpus)
    save_analysis(analyze(demo_corpus, bundled_lexicons(["conflict"])), tmp_path / "a")
    back = load_analysis(tmp_path / "a")
    assert back.corpus is None
    manifest = reproducibility_manifest(back, settings=Settings())
    assert manifest["corpus"]["fingerprint"] == corpus_fingerprint(demo_corpus)


def analysis_of(corpus, lexicons):
    from framing.measure.pipeline import analyze
    return analyze(corpus, lexicons)


def test_manifest_names_corpus_lexicons_settings_parameters_and_versions(demo_corpus):
    from framing.settings import BootstrapSettings, ScoreSettings, Settings
    lexicon = small_lexicon()
    when = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    settings = Settings(score=ScoreSettings(voice="each", bootstrap=BootstrapSettings(n_boot=200, seed=3)))
    analysis = analysis_of(demo_corpus, [lexicon])
    manifest = reproducibility_manifest(analysis, settings=settings, figure="frame heatmap",
                                        parameters={"voice": "author", "outlets": ("Al-Monitor", "SouthFront")},
                                        now=when)
    assert manifest["created"] == "2024-05-01T12:00:00+00:00"
    assert manifest["tool"]["version"] == __version__ and manifest["tool"]["packages"]["plotly"]
    assert manifest["corpus"]["fingerprint"] == corpus_fingerprint(demo_corpus)
    assert manifest["corpus"]["n_articles"] == 5 and manifest["corpus"]["n_outlets"] == 5
    assert manifest["lexicons"] == [{"name": "conflict", "version": "1.0", "fingerprint": lexicon_fingerprint(lexicon),
                                     "path": None, "sources": ["Our own list. Licence: CC0."]}]
    assert manifest["parameters"] == {"voice": "author", "outlets": ["Al-Monitor", "SouthFront"]}
    assert manifest["settings"]["score"]["bootstrap"] == {"n_boot": 200, "seed": 3, "level": 0.95, "min_articles": 5}
    assert manifest["settings"]["score"]["voice"] == "each" and manifest["analysis_key"] == analysis.key
    assert manifest["settings"]["events"]["window_days"] == settings.events.window_days
    parsed = json.loads(manifest_json(manifest))
    assert parsed == manifest
    other = reproducibility_manifest(analysis_of(demo_corpus, [small_lexicon("1.1")]), settings=settings, now=when)
    assert other["lexicons"][0]["fingerprint"] != manifest["lexicons"][0]["fingerprint"]


def test_table_csv_round_trips_with_text_that_needs_quoting():
    table = pd.DataFrame({"matched": ['"destabilizing"', "occupation, illegal"], "rate": [1.5, 0.0],
                          "parts": [("a", "b"), ("c",)]})
    back = pd.read_csv(io.BytesIO(table_csv(table)))
    assert back["matched"].tolist() == ['"destabilizing"', "occupation, illegal"]
    assert back["rate"].tolist() == [1.5, 0.0]
    assert back["parts"].tolist() == ['["a", "b"]', '["c"]']


def bar_figure():
    return go.Figure(go.Bar(x=["Al-Monitor", "SouthFront"], y=[2.5, 0.4]), layout=dict(title="occupation"))


def test_figure_html_is_self_contained_and_carries_escaped_manifest():
    manifest = {"parameters": {"outlet": "</pre><script>alert(1)</script>"}}
    page = figure_html(bar_figure(), manifest=manifest)
    assert "<script src=" not in page and len(page) > 1_000_000  # plotly.js inlined, opens offline
    assert "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_figure_png_renders_through_kaleido():
    png = figure_png(bar_figure(), scale=1, width=500, height=300)
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "kaleido needs Debian's chromium: apt-get install chromium"
    assert int.from_bytes(png[16:20], "big") == 500 and int.from_bytes(png[20:24], "big") == 300


def test_bundle_holds_manifest_tables_and_figures():
    data = export_bundle(tables={"frame rates": pd.DataFrame({"group": ["A"], "rate": [1.0]})},
                         manifest={"schema": "framing-manifest/1", "parameters": {"voice": "all"}},
                         figures={"heatmap": bar_figure()},
                         figure_options={"heatmap": {"lexicon": "conflict", "dashboard_link": "?view=overview"}})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["frame_rates.csv", "heatmap.html", "manifest.json"]
        assert archive.read("frame_rates.csv").decode().splitlines() == ["group,rate", "A,1.0"]
        assert json.loads(archive.read("manifest.json")) == {
            "schema": "framing-manifest/1", "parameters": {"voice": "all"},
            "figures": {"heatmap": {"lexicon": "conflict", "dashboard_link": "?view=overview"}}}
        page = archive.read("heatmap.html").decode()
    shown = json.loads(html.unescape(re.search(r'<pre class="framing-manifest">(.*?)</pre>', page, re.S).group(1)))
    assert shown["figure"] == "heatmap"
    assert shown["parameters"] == {"voice": "all", "lexicon": "conflict", "dashboard_link": "?view=overview"}


def test_reproduce_commands_print_the_dashboards_tables_again(demo_corpus_path, tmp_path, capsys):
    """Each command in the manifest, run through the CLI, prints the table the dashboard exports."""
    from framing.cli import main
    from framing.corpus.load import load_corpus
    from framing.measure.pipeline import analyze
    from framing.measure.score import axis_balance, frame_rates
    from framing.present.export import reproduce_commands
    from framing.settings import BootstrapSettings, ScoreSettings

    corpus = load_corpus(demo_corpus_path)
    analysis = analyze(corpus)
    settings = ScoreSettings(voice="each", bootstrap=BootstrapSettings(n_boot=200))
    commands = reproduce_commands(str(demo_corpus_path), analysis.lexicons, settings,
                                  terms={"group": "SouthFront", "vs": None, "method": "logodds"})
    assert set(commands) >= {"hits", "frame rates", "axis balance", "label shares", "actor sentiment",
                             "frame rates by target", "distinctive terms SouthFront"}
    assert "--lexicon conflict --lexicon epistemic --lexicon loaded --lexicon policy_frames" in commands["frame rates"]
    expected = {  # the calls dashboard/data.py makes
        "frame rates": frame_rates(analysis, settings),
        "axis balance": axis_balance(analysis, settings),
    }
    for name, table in expected.items():
        argv = shlex.split(commands[name])
        assert argv[0] == "framing"
        capsys.readouterr()
        assert main(argv[1:]) == 0
        printed = pd.read_csv(io.StringIO(capsys.readouterr().out))
        mine = pd.read_csv(io.BytesIO(table_csv(table)))
        keys = [c for c in ("group", "lexicon", "frame", "pole", "voice") if c in mine]
        pd.testing.assert_frame_equal(printed.sort_values(keys).reset_index(drop=True),
                                      mine.sort_values(keys).reset_index(drop=True), check_dtype=False)
    assert main(shlex.split(commands["distinctive terms SouthFront"])[1:]) == 0
    assert "term" in capsys.readouterr().out.splitlines()[0]


def test_reproduce_commands_name_a_lexicon_without_a_file_by_its_yaml(demo_corpus_path):
    from framing.lexicon import bundled_lexicons
    from framing.present.export import reproduce_commands

    edited = replace(bundled_lexicons(["conflict"])[0], name="classroom", path="")
    from framing.settings import ScoreSettings
    commands = reproduce_commands("/data/my corpus", [edited], ScoreSettings())
    assert commands["hits"] == "framing hits '/data/my corpus' --lexicon classroom.yaml --format csv"


@pytest.mark.parametrize("name", ["heatmap"])
def test_bundle_without_figures(name):
    data = export_bundle(tables={}, manifest={})
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["manifest.json"]
