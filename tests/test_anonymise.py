"""Outlets hidden as Outlet A, B...: no name left in any table a page could show."""
import numpy as np

from framing.corpus.load import load_corpus
from framing.corpus.records import Article, Corpus, LoadReport
from framing.measure.pipeline import analyze
from framing.present.anonymise import anonymise, make_masker, moved_offsets, outlet_aliases, outlet_labels


def every_text(analysis) -> str:
    return "\n".join(t.astype(str).to_csv() for t in (analysis.articles, analysis.hits, analysis.sentences))


def test_demo_outlets_are_hidden_everywhere_and_offsets_still_hold(demo_analysis):
    hidden = anonymise(demo_analysis, order=["The Crystal Eyes", "The Jerusalem Post"])
    assert hidden.labels["The Crystal Eyes"] == "Outlet A" and hidden.labels["The Jerusalem Post"] == "Outlet B"
    blob = every_text(hidden.analysis).lower()
    for outlet in hidden.labels:
        for alias in outlet_aliases(outlet, demo_analysis.articles["url"]):
            assert alias.lower() not in blob, alias
    assert "http" not in blob and hidden.analysis.corpus is None and hidden.analysis.report is None
    bodies = dict(zip(hidden.analysis.articles["article_id"], hidden.analysis.articles["body"]))
    hits = hidden.analysis.hits
    assert all(bodies[a][s:e] == m for a, s, e, m in zip(hits["article_id"], hits["start"], hits["end"], hits["matched"]))
    assert len(hits) == len(demo_analysis.hits)
    assert hidden.reveal()["Outlet B"] == "The Jerusalem Post"


def test_a_report_naming_another_outlet_or_itself_is_masked_and_offsets_move():
    text = ("Iran's envoy told Fox News that the occupation was illegal. The Jerusalem Post's reporter, "
            "writing for jpost.com, called it a legitimate presence.")
    articles = (
        Article(id="fox-1", outlet="Fox News", title="Fox News exclusive", date=None, date_precision="unknown",
                url="https://www.foxnews.com/world/a", raw_text=text, body=text),
        Article(id="jp-1", outlet="The Jerusalem Post", title="Talks", date=None, date_precision="unknown",
                url="https://www.jpost.com/b", raw_text=text, body=text),
    )
    analysis = analyze(Corpus(articles, LoadReport(seen=2, loaded=2)))
    hidden = anonymise(analysis)
    body = hidden.analysis.articles["body"].iloc[0]
    assert body.startswith("Iran's envoy told Outlet A that")
    assert "Outlet B's reporter, writing for Outlet B, called" in body
    assert list(hidden.analysis.articles["title"]) == ["Outlet A exclusive", "Talks"]
    assert list(hidden.analysis.articles["article_id"]) == ["text-1", "text-2"]  # ids may hold names
    for row in hidden.analysis.hits.itertuples():
        assert hidden.analysis.articles.set_index("article_id").loc[row.article_id, "body"][row.start:row.end] == row.matched
    assert {"occupation", "illegal", "legitimate"} <= set(hidden.analysis.hits["matched"].astype(str))
    assert "fox" not in every_text(hidden.analysis).lower() and "jpost" not in every_text(hidden.analysis).lower()


def test_hostile_outlet_names_are_replaced_not_escaped_later(tmp_path):
    analysis = analyze(load_corpus("tests/fixtures/xss"))
    hidden = anonymise(analysis)
    assert set(hidden.analysis.articles["outlet"]) == {"Outlet A", "Outlet B"}
    assert "alert('outlet')" not in every_text(hidden.analysis)


def test_labels_and_offsets():
    assert list(outlet_labels(f"o{i}" for i in range(28)).values())[25:] == ["Outlet Z", "Outlet AA", "Outlet AB"]
    masker = make_masker({"Fox News": "Outlet C"}, {"Fox News": ["Fox News", "foxnews.com"]})
    edits = masker.edits("He told Fox  News.")
    assert masker.mask("He told Fox  News.") == "He told Outlet C."
    # before, inside and after the name (8..17 -> 8..16)
    assert list(moved_offsets(np.array([3, 8, 10, 17]), edits, end=False)) == [3, 8, 8, 16]
    assert list(moved_offsets(np.array([3, 8, 10, 17]), edits, end=True)) == [3, 8, 16, 16]
    assert outlet_aliases("SouthFront", ["https://southfront.org/x"]) == \
        ["southfront.org", "South Front", "SouthFront", "southfront"]
