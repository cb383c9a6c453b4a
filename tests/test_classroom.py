"""Classroom mode through ``AppTest``: each screen on the demo corpus and on another corpus,
no outlet named anywhere before the teacher reveals them (texts, tooltips, captions, options,
sidebar, URL), all of them after, and researcher links that cannot leak a name."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from dashboard_apptest import app, assert_clean, isolated_cache  # noqa: F401  (an autouse fixture)
from streamlit.testing.v1 import AppTest

from dashboard.state import CLASSROOM_URL
from framing.present.anonymise import outlet_aliases
from framing.present.glossary import devices

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"
DEMO_OUTLETS = ["Al-Monitor", "Intellectual Observer", "SouthFront", "The Crystal Eyes", "The Jerusalem Post"]


def demo_names() -> list[str]:
    """Every name a demo outlet goes by: its name, without "The", its web site and its stem."""
    with (REPO / "corpus" / "manifest.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return sorted({alias.lower() for outlet in DEMO_OUTLETS
                   for alias in outlet_aliases(outlet, [r["url"] for r in rows if r["outlet"] == outlet])})


NAMES = demo_names()


def page_text(at: AppTest) -> str:
    """Everything the page was sent: every element's message (text, Markdown and raw HTML with
    its attributes, options, help texts), sidebar included, and the URL query; lower case, with
    every backslash taken out so an escaped name is still found."""
    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    parts += [f"{k}={v}" for k, v in at.query_params.items()]
    return "\n".join(parts).replace("\\", "").lower()  # Markdown escapes ("Al\\-Monitor") taken out


def names_shown(at: AppTest) -> list[str]:
    text = page_text(at)
    return [name for name in NAMES if name in text]


def assert_hidden(at: AppTest) -> None:
    assert_clean(at)
    assert names_shown(at) == [], names_shown(at)
    assert set(at.query_params) <= set(CLASSROOM_URL), dict(at.query_params)


def plain(text: str) -> str:
    """Markdown as it reads: the escapes of ``views.common.md`` taken out."""
    return re.sub(r"\\(.)", r"\1", text)


def headings(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.subheader]


def html_blocks(at: AppTest, kind: str = "framing-text") -> list[str]:
    return [m.value for m in at.markdown if kind in m.value]


def test_classroom_mode_opens_on_the_damascus_meeting_with_outlets_hidden():
    at = app(mode="classroom")
    assert_hidden(at)
    assert at.title[0].value == "Start here"
    assert headings(at) == ["Outlet A", "Outlet B"]
    texts = html_blocks(at)
    assert len(texts) == 2 and all('class="hit hit-' in t for t in texts)
    assert all("voice-author" in t and "voice-quoted" in t for t in texts), "coloured by whose words"
    assert "18 March 2019" in " ".join(m.value for m in at.markdown)
    assert at.query_params["mode"] == "classroom" and at.query_params["screen"] == "start"


def test_reveal_names_every_outlet_and_hiding_again_hides_them():
    at = app(mode="classroom")
    at.sidebar.button(key="classroom_reveal").click().run()
    assert_clean(at)
    assert headings(at) == ["Outlet A (The Crystal Eyes)", "Outlet B (The Jerusalem Post)"]
    sidebar = plain(" ".join(m.value for m in at.sidebar.markdown))
    assert all(outlet in sidebar for outlet in DEMO_OUTLETS), sidebar
    assert {outlet.lower() for outlet in DEMO_OUTLETS} <= set(names_shown(at)), "the check would see a name"
    assert set(at.query_params) <= set(CLASSROOM_URL), "the reveal is never in a link"
    at.sidebar.button(key="classroom_hide").click().run()
    assert_hidden(at)


def test_a_researchers_link_opened_in_classroom_mode_shows_no_name_and_only_classroom_screens():
    """Classroom mode offers its own screens only: a link to another view, outlets or a clicked
    cell opens the lesson, and neither the page nor the URL keeps the names it carried."""
    at = app(mode="classroom", view="side-by-side", outlets=["SouthFront", "The Jerusalem Post"],
             cell_outlet="SouthFront", actor_outlet="Al-Monitor")
    assert_hidden(at)
    assert at.title[0].value == "Start here"
    assert [r.key for r in at.sidebar.radio] == ["screen"], "no way to a researcher's view while in class"
    at.sidebar.toggle(key="classroom_mode").set_value(False).run()
    assert_clean(at)
    assert at.title[0].value == "Side by side"
    assert at.query_params["outlets"] == ["SouthFront", "The Jerusalem Post"], "the researcher's settings come back"
    assert "screen" not in at.query_params and "mode" not in at.query_params
    at.sidebar.toggle(key="classroom_mode").set_value(True).run()
    assert_hidden(at)


def test_start_here_steps_show_the_word_diff_and_the_differences():
    at = app(mode="classroom", step="wordings")
    assert_hidden(at)
    diffs = html_blocks(at, "framing-diff")
    assert len(diffs) >= 2 and any('class="diff-a"' in d for d in diffs) and any('class="diff-b"' in d for d in diffs)
    assert any("only in Outlet A" in m.value for m in at.markdown)
    at.radio(key="step").set_value("differences").run()
    assert_hidden(at)
    table = next(m.value for m in at.markdown if "classroom-counts" in m.value)
    assert "<th>Outlet A</th><th>Outlet B</th>" in table and "legitimate" in table
    assert any("contrast **0.47**" in m.value for m in at.markdown)


def test_guess_who_wrote_a_paragraph_then_reveal_the_answer():
    at = app(mode="classroom", screen="guess")
    assert_hidden(at)
    marked = html_blocks(at)[0]
    assert marked.count('class="guess-word"') >= 3 and "title=" not in marked and "data-pole" not in marked
    assert any(m.value == "**Paragraph 1 of 14**" for m in at.markdown)
    at.button(key="classroom_answer").click().run()
    assert_clean(at)
    answer = plain(at.success[0].value)
    assert answer.startswith("Written by Outlet ") and answer.split(": ", 1)[1] in DEMO_OUTLETS
    at.button(key="guess_next").click().run()
    assert_hidden(at)
    assert any(m.value == "**Paragraph 2 of 14**" for m in at.markdown) and not at.success
    assert at.query_params["item"] == "2"


def test_guess_the_side_a_paragraph_takes():
    at = app(mode="classroom", screen="guess", guess="stance")
    assert_hidden(at)
    question = next(m.value for m in at.markdown if m.value.startswith("**Which side"))
    at.button(key="classroom_answer").click().run()
    assert_hidden(at)
    answer = plain(at.success[0].value)
    assert answer.startswith("It leans to “")
    leaning = answer.split("“")[1].split("”")[0]
    assert f"“{leaning}”" in question
    assert html_blocks(at) and "framing-legend" in " ".join(m.value for m in at.markdown)


def test_glossary_explains_every_device_with_examples_from_the_corpus():
    at = app(mode="classroom", screen="glossary")
    with_examples = 0
    for d in devices():
        at.selectbox(key="device").set_value(d.key).run()
        assert_hidden(at)
        assert plain(at.header[0].value) == d.name
        assert any(d.ask.split()[0] in i.value for i in at.info)
        with_examples += bool(html_blocks(at, "kwic-line"))
    assert len(devices()) == 8 and with_examples >= 7
    at.button(key="glossary_next").click().run()
    assert_clean(at)
    assert at.selectbox(key="device").value == devices()[0].key, "Next goes round to the first device"


def test_paste_two_texts_compares_them_at_once():
    at = app(mode="classroom", screen="paste")
    assert_clean(at)
    assert not html_blocks(at)
    at.button(key="paste_example").click().run()
    assert_clean(at)
    texts = html_blocks(at)
    assert len(texts) == 2 and all('class="hit hit-' in t for t in texts)
    assert "regime" in texts[1] and "claimed" in texts[1]
    assert len(html_blocks(at, "framing-diff")) == 2
    at.text_area(key="paste_a").input("Government forces took the town.").run()
    assert_clean(at)
    assert "Government" in html_blocks(at)[0]
    at.sidebar.radio(key="screen").set_value("start").run()
    at.sidebar.radio(key="screen").set_value("paste").run()
    assert at.text_area(key="paste_a").value == "Government forces took the town.", "kept across screens"


def test_classroom_mode_on_another_corpus_hides_its_outlets(tmp_path, monkeypatch):
    table = tmp_path / "news.csv"
    table.write_text(
        "outlet,title,date,url,text\n"
        "Daily Planet,Talks in Geneva,2021-05-03,https://dailyplanet.com/a,Officials met in Geneva on Monday to end "
        "the occupation of the border town. Daily Bugle sources said the regime refused.\n"
        "Daily Bugle,Talks in Geneva,2021-05-03,https://dailybugle.com/b,Officials met in Geneva on Monday to talk "
        "about the invited forces that bring stability to the border town.\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(table))
    at = app(mode="classroom")
    assert_clean(at)
    text = page_text(at)
    assert "planet" not in text and "bugle" not in text and "news.csv" not in text
    assert headings(at) == ["Outlet A", "Outlet B"]
    at.sidebar.button(key="classroom_reveal").click().run()
    assert {"Daily Planet", "Daily Bugle"} <= {h.split("(")[1].rstrip(")") for h in headings(at)}


def test_every_screen_on_a_hostile_corpus_shows_its_text_as_text(monkeypatch):
    monkeypatch.setenv("FRAMING_CORPUS", str(Path(__file__).resolve().parent / "fixtures" / "xss"))
    at = app(mode="classroom")
    shown = []
    for screen in ("start", "guess", "glossary", "paste"):
        at.sidebar.radio(key="screen").set_value(screen).run()
        assert_clean(at)
        raw = "\n".join(m.value for m in at.markdown if m.proto.allow_html)
        assert "<script" not in raw and "<img" not in raw, screen
        assert "alert('outlet')" not in page_text(at), "the hostile outlet name is hidden like any other"
        shown.append(raw)
    assert "&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;" in "".join(shown)
