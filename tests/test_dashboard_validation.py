"""The Coding and Lexicon precision views, and the terms view's paired words and toggles
(Streamlit AppTest on the demo corpus)."""
from dashboard_apptest import app, assert_clean, isolated_cache  # noqa: F401  (an autouse fixture)
from streamlit.testing.v1 import AppTest


def open_view(view: str) -> AppTest:
    return app(view=view)


def test_coding_one_hit_at_a_time_and_precision_from_the_session():
    at = open_view("coding")
    assert_clean(at)
    at.selectbox(key="coding_lexicon").select("conflict").run()
    at.button(key="coding_draw").click().run()
    assert_clean(at)
    sample = at.session_state["coding_sample"]
    assert len(sample) > 5 and (sample["lexicon"] == "conflict").all()
    assert "0 of" in at.get("progress")[0].proto.text
    first = sample.iloc[0]
    assert any("coding-hit" in m.value and first["matched"] in m.value for m in at.markdown)
    at.button(key="coding_yes").click().run()
    at.button(key="coding_no").click().run()
    assert_clean(at)
    coded = at.session_state["coding_sample"]
    assert coded["correct"].tolist()[:3] == ["yes", "no", ""]
    assert "2 of" in at.get("progress")[0].proto.text
    at.button(key="coding_back").click().run()
    assert at.session_state["coding_position"] == 1
    at.query_params["view"] = "precision"
    at.sidebar.radio(key="view").set_value("precision").run()
    assert_clean(at)
    measured = at.dataframe[0].value
    coded_terms = measured[measured["hits_coded"].notna()]
    assert len(coded_terms) >= 1 and set(coded_terms["precision"]) <= {0.0, 1.0}


def test_terms_view_toggles_and_paired_words():
    at = open_view("terms")
    assert_clean(at)
    paired = at.dataframe[-1].value
    assert {"word_a", "word_b", "side_a", "side_b", "n_events"} <= set(paired.columns)
    assert ("Damascus government", "Syrian government") in set(zip(paired["word_a"], paired["word_b"]))
    left_out = "\n".join(t.value for t in at.text)
    assert "house-style terms tested but not listed" in left_out and "attribution" in left_out
    at.toggle(key="terms_within").set_value(True).run()
    assert_clean(at)
    assert any("Within events" in c.value for c in at.caption)


def test_on_a_large_corpus_paired_words_wait_for_the_button(monkeypatch):
    """Paired words align every shared event's sentences (28 minutes on 37,554 articles): above
    the threshold the terms view opens without them and finds them when asked."""
    import dashboard.views.terms as terms_view

    monkeypatch.setattr(terms_view, "PAIRED_AT_ONCE_UP_TO", 2)
    at = open_view("terms")
    assert_clean(at)
    assert any("takes many minutes" in c.value for c in at.caption)
    assert not any({"word_a", "word_b"} <= set(frame.value.columns) for frame in at.dataframe)
    at.button(key="paired_button").click().run()
    assert_clean(at)
    paired = at.dataframe[-1].value
    assert ("Damascus government", "Syrian government") in set(zip(paired["word_a"], paired["word_b"]))
