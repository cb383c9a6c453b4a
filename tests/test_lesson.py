"""The lesson behind classroom mode: the start-here pick in letters, the key of every outlet,
paragraphs to guess from, and marks that give nothing away."""
from __future__ import annotations

import pytest

from framing.compare.events import with_events
from framing.corpus.records import Article, Corpus, LoadReport
from framing.measure.pipeline import analyze
from framing.present.anonymise import outlet_aliases
from framing.present.highlight import plain_marks_html
from framing.present.lesson import guess_paragraphs, paragraph_hits, prepare_lesson, stance_paragraphs

DEMO_OUTLETS = {"Al-Monitor", "Intellectual Observer", "SouthFront", "The Crystal Eyes", "The Jerusalem Post"}


@pytest.fixture(scope="module")
def lesson(demo_analysis):
    return prepare_lesson(demo_analysis.with_articles(with_events(demo_analysis.articles), label="events"))


def every_text(analysis) -> str:
    return "\n".join(t.astype(str).to_csv() for t in (analysis.articles, analysis.hits, analysis.sentences)).lower()


def test_the_demo_lesson_starts_on_the_damascus_meeting_with_every_outlet_in_the_key(lesson, demo_analysis):
    pick = lesson.picks[0]
    assert (pick.event_id, pick.outlet_a, pick.outlet_b) == ("E0003", "Outlet A", "Outlet B")
    assert lesson.key() == {"Outlet A": "The Crystal Eyes", "Outlet B": "The Jerusalem Post", "Outlet C": "Al-Monitor",
                            "Outlet D": "Intellectual Observer", "Outlet E": "SouthFront"}
    dates = set(lesson.analysis.articles.set_index("article_id").loc[[pick.article_a, pick.article_b], "date"])
    assert dates == {"2019-03", "2019-03-18"}
    assert (lesson.n_outlets, lesson.n_articles, lesson.n_events) == (5, 5, 1)
    blob = every_text(lesson.analysis)
    for outlet in DEMO_OUTLETS:
        for alias in outlet_aliases(outlet, demo_analysis.articles["url"]):
            assert alias.lower() not in blob, alias
    assert round(pick.contrast, 3) == 0.469  # the same contrast as on the named corpus


def _article(article_id: str, outlet: str, url: str, text: str, date: str = "2021-05-03") -> Article:
    return Article(id=article_id, outlet=outlet, title=text.split(".")[0], date=date, date_precision="day", url=url,
                   raw_text=text, body=text)


def test_a_large_corpus_gives_a_lesson_of_few_articles_with_the_letters_of_all():
    """Outlets outside the lesson's articles keep their letters in the key, and are masked
    where a lesson's text names them."""
    met = "Officials met in Geneva on Monday to discuss the occupation of the border town and the ceasefire."
    articles = [_article("a1", "Daily Planet", "https://dailyplanet.com/1", met + " Daily Bugle sources called it a regime."),
                _article("b1", "Daily Bugle", "https://dailybugle.com/1", met + " The invited forces bring stability.")]
    articles += [_article(f"c{i}", "Gazette", "https://gazette.org/x", f"Story {i} about the harvest festival in town.",
                          date=f"2020-0{i}-01") for i in range(1, 6)]
    analysis = analyze(Corpus(tuple(articles), LoadReport(seen=7, loaded=7)))
    lesson = prepare_lesson(analysis.with_articles(with_events(analysis.articles), label="events"), guess_outlets=2)
    assert set(lesson.key().values()) == {"Daily Planet", "Daily Bugle", "Gazette"}
    assert len(lesson.analysis.articles) < len(analysis.articles)
    assert "bugle" not in every_text(lesson.analysis) and "planet" not in every_text(lesson.analysis)
    assert {lesson.picks[0].outlet_a, lesson.picks[0].outlet_b} == {"Outlet A", "Outlet B"}


def test_paragraphs_to_guess_come_from_each_outlet_in_turn_with_their_stance(lesson):
    paragraphs = guess_paragraphs(lesson.analysis)
    assert len(paragraphs) >= 10 and (paragraphs["n_framing"] >= 3).all() and (paragraphs["n_words"] <= 160).all()
    assert set(paragraphs["outlet"].head(5)) == set(lesson.key())  # one from each outlet before a second from any
    for row in paragraphs.itertuples(index=False):
        if isinstance(row.leans, str):
            assert row.leans == (row.pole_a if row.weight_a > row.weight_b else row.pole_b)
    stances = stance_paragraphs(paragraphs)
    margins = (stances["weight_a"] - stances["weight_b"]).abs().tolist()
    assert margins == sorted(margins, reverse=True) and min(stances["weight_a"] + stances["weight_b"]) >= 2
    text, hits = paragraph_hits(lesson.analysis, stances.iloc[0])
    assert all(text[s:e] == m for s, e, m in zip(hits["start"], hits["end"], hits["matched"].astype(str)))
    assert "\n" not in text and len(hits) >= 3


def test_plain_marks_say_nothing_about_the_words_and_escape_the_text():
    hits = [{"start": 4, "end": 12, "frame": "legitimacy", "pole": "illegitimate", "voice": "author"}]
    html = plain_marks_html("The occupied <b>zone</b>", hits)
    assert '<mark class="guess-word"' in html and ">occupied</mark>" in html
    assert "title=" not in html and "illegitimate" not in html and "legitimacy" not in html
    assert "&lt;b&gt;zone&lt;/b&gt;" in html
