"""``framing report``: one self-contained, safe HTML file."""
import base64
import hashlib
import re

import pytest

from framing.cli import main
from framing.corpus.load import load_corpus
from framing.measure.pipeline import analyze
from framing.present.report import ReportSettings, build_report
from framing.present.report_page import plotly_js

OUTLETS = ("The Crystal Eyes", "The Jerusalem Post", "SouthFront", "Al-Monitor", "Intellectual Observer")
FEW = ReportSettings(top_events=1, pairs=3, examples=2)


@pytest.fixture(scope="module")
def report(demo_analysis):
    return build_report(demo_analysis, FEW, corpus_label="demo")


@pytest.fixture(scope="module")
def classroom(demo_analysis):
    return build_report(demo_analysis, ReportSettings(top_events=1, pairs=3, examples=2, classroom=True))


def scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, re.S)


def test_everything_is_inside_the_file_and_plotly_is_there_once(report):
    assert report.count(plotly_js()[:300]) == 1
    markup = re.sub(r"<script>.*?</script>", "", report, flags=re.S)  # plotly.js names addresses it never opens
    assert not re.search(r"""<(?:link|img|iframe)\b|\b(?:src|href)\s*=\s*["']?(?:https?:|//)""", markup)
    assert len(report) < 15_000_000
    for section in ("corpus", "start", "overview", "naming", "diff", "glossary", "methods"):
        assert f'<section id="{section}"' in report
    assert "Event E0003" in report and "conflict 1.2" in report and "loaded" in report


def test_only_the_pages_own_scripts_may_run(report):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report)[1]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split(";")[1]
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    found = scripts(report)
    assert len(found) == 1 + report.count('class="figure"')
    assert {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in found} == allowed


def test_the_start_here_event_is_side_by_side_with_framing_words_marked(report):
    start = report[report.index('<section id="start"'):report.index('<section id="overview"')]
    assert start.index("The Crystal Eyes") < start.index("The Jerusalem Post")
    words = set(re.findall(r'<span class="hit[^>]*>([^<]+)</span>', start))
    assert {"destabilizing", "uninvited", "what it calls", "terrorists", "sovereignty"} <= words
    assert "said" not in words and "military" not in words  # attribution and topic words are not framing


def test_classroom_report_names_no_outlet_before_the_key(classroom):
    before, key = re.sub(r"<script>.*?</script>", "", classroom, flags=re.S).split('<section id="key"')
    for outlet in OUTLETS:
        assert outlet not in before and outlet.lower() not in before.lower()
    assert "jpost" not in before.lower() and "southfront" not in before.lower()
    assert not re.search(r"https?://(?:www\.)?(?:jpost|thecrystaleyes|southfront|al-monitor|intellectualobserver)", before)
    for outlet in ("The Crystal Eyes", "The Jerusalem Post"):
        assert outlet in key
    assert "Outlet A" in before and 'class="classroom"' in before


def test_hostile_corpus_text_titles_and_outlet_names_stay_text():
    hostile = analyze(load_corpus("tests/fixtures/xss"))
    for classroom in (False, True):
        html = build_report(hostile, ReportSettings(top_events=1, classroom=classroom), corpus_label="<b>x</b>")
        assert len(scripts(html)) == 1 + html.count('class="figure"')
        for script in scripts(html)[1:]:
            assert "<" not in script
        assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert" not in html.replace(
            "onerror=alert(&#x27;", "")
        if not classroom:
            assert "&lt;script&gt;alert(&#x27;outlet&#x27;)" in html


def test_cli_writes_the_report_and_refuses_other_names(tmp_path, demo_corpus_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(demo_corpus_path), "--out", str(out), "--cache-dir", str(tmp_path / "c"),
                 "--top-events", "1", "--boot", "200", "--classroom"]) == 0
    assert "Outlet A" in out.read_text(encoding="utf-8")
    assert main(["report", str(demo_corpus_path), "--out", str(tmp_path / "r.pdf")]) == 2
    assert "ending in .html" in capsys.readouterr().err
    assert main(["report", str(demo_corpus_path), "--out", str(out), "--no-cache", "--event", "E0001"]) == 2
    assert "one outlet only" in capsys.readouterr().err
