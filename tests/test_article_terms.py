"""Each article's term counts, counted once (``count_article_terms``) and summed per group by
``build_term_matrix(..., counted=...)``: the same matrix, self-reference report included, as
counting the articles of that grouping and subset from their texts (here, where no outlet's
address names another outlet of the corpus: self-reference is told by the outlets counted);
and the same counts whether the texts are read in this process, in worker processes or on Dask."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.corpus.load import load_corpus
from framing.errors import SettingsError
from framing.measure.engines import EngineSettings
from framing.measure.tables import corpus_frame
from framing.measure.term_matrix import TermMatrix, build_term_matrix, count_article_terms
from framing.measure.terms import distinctive_terms
from framing.settings import TermSettings

REPO = Path(__file__).resolve().parent.parent
ONE_PROCESS = EngineSettings(workers=1)


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    """The bundled articles and the two sides fixtures (outlets, events, sides; the three-sides
    articles name their outlets: self-reference to remove)."""
    paths = ("corpus", "tests/fixtures/sides/articles.jsonl", "tests/fixtures/three_sides/articles.csv")
    table = pd.concat([corpus_frame(load_corpus(REPO / path)) for path in paths], ignore_index=True)
    table["side"] = table["allsides_side"].fillna("demo")
    return table


def assert_same_matrix(got: TermMatrix, expected: TermMatrix) -> None:
    assert got.groups == expected.groups
    assert got.terms.tolist() == expected.terms.tolist()
    assert (got.counts != expected.counts).nnz == 0 and (got.article_counts != expected.article_counts).nnz == 0
    assert (got.totals == expected.totals).all() and (got.n_articles == expected.n_articles).all()
    assert np.allclose(got.moments.squares.toarray(), expected.moments.squares.toarray())
    assert (got.removed is None) == (expected.removed is None)
    if got.removed is not None:
        assert got.removed.lines() == expected.removed.lines() and got.removed.removed


@pytest.mark.parametrize("by", ["outlet", "side"])
@pytest.mark.parametrize("keep", [False, True])
def test_summing_counted_articles_is_counting_them(articles, by, keep):
    settings = TermSettings(by=by, keep_self_reference=keep, within_events=False, min_count=2)
    counted = count_article_terms(articles, settings, engine=ONE_PROCESS)
    assert_same_matrix(build_term_matrix(articles, settings, counted=counted),
                       build_term_matrix(articles, settings, engine=ONE_PROCESS))


def test_a_subset_drops_the_terms_it_uses_too_rarely(articles):
    settings = TermSettings(by="outlet", within_events=False, min_count=3)
    counted = count_article_terms(articles, settings, engine=ONE_PROCESS)
    some = articles[articles["outlet"].isin(articles["outlet"].unique()[-4:])]  # three-sides outlets
    got = build_term_matrix(some, settings, counted=counted)
    assert_same_matrix(got, build_term_matrix(some, settings, engine=ONE_PROCESS))
    assert len(got.terms) < len(counted.counts.terms)  # terms frequent only elsewhere are gone
    # a higher min_count than counted reads the same counts
    stricter = TermSettings(by="outlet", within_events=False, min_count=6)
    assert_same_matrix(build_term_matrix(some, stricter, counted=counted),
                       build_term_matrix(some, stricter, engine=ONE_PROCESS))


def test_within_events_and_the_statistics_read_the_same(articles):
    settings = TermSettings(by="side", min_count=2)
    counted = count_article_terms(articles, settings, engine=ONE_PROCESS)
    summed = build_term_matrix(articles, settings, counted=counted)
    assert summed.strata is not None
    pd.testing.assert_frame_equal(distinctive_terms(summed, settings),
                                  distinctive_terms(build_term_matrix(articles, settings, engine=ONE_PROCESS), settings))


def test_worker_processes_count_what_one_process_counts(articles):
    settings = TermSettings(min_count=2)
    alone = count_article_terms(articles, settings, engine=ONE_PROCESS, chunk_texts=7)
    shared = count_article_terms(articles, settings, engine=EngineSettings(workers=2), chunk_texts=7)
    assert len(articles) // 7 >= 4  # enough chunks that the workers start
    assert shared.counts.terms.tolist() == alone.counts.terms.tolist()
    assert (shared.counts.per_article != alone.counts.per_article).nnz == 0
    assert (shared.counts.totals == alone.counts.totals).all()
    assert shared.removals == alone.removals and any(alone.removals)
    assert shared.article_ids.tolist() == articles["article_id"].astype(str).tolist()


def test_counts_of_other_settings_or_articles_are_refused(articles):
    counted = count_article_terms(articles, TermSettings(min_count=3), engine=ONE_PROCESS)
    with pytest.raises(SettingsError, match="keep_self_reference"):
        build_term_matrix(articles, TermSettings(keep_self_reference=True), counted=counted)
    with pytest.raises(SettingsError, match="min_count=2"):
        build_term_matrix(articles, TermSettings(min_count=2), counted=counted)
    stranger = articles.head(2).assign(article_id=["not-counted", "x"])
    with pytest.raises(SettingsError, match="not-counted"):
        build_term_matrix(stranger, TermSettings(min_count=3), counted=counted)


def test_the_terms_command_reads_on_the_workers_asked_for(capsys, monkeypatch):
    from framing.cli import main
    from framing.measure import term_matrix

    engines = []
    counted = term_matrix.count_article_terms
    monkeypatch.setattr(term_matrix, "count_article_terms",
                        lambda *a, **k: engines.append(k.get("engine")) or counted(*a, **k))
    fixture = str(REPO / "tests/fixtures/three_sides/articles.csv")
    outputs = []
    for workers in ("1", "2"):
        assert main(["terms", fixture, "--by", "allsides_side", "--min-count", "2", "--format", "csv",
                     "--workers", workers]) == 0
        outputs.append(capsys.readouterr().out)
    assert [engine.workers for engine in engines] == [1, 2]
    assert outputs[0] == outputs[1] and "group,vs" in outputs[0]


def test_dask_workers_count_what_one_process_counts(articles):
    """On a LocalCluster; chunks with equal parts (no addresses: every chunk's urls the same list)
    once shared one key on the cluster and were lost."""
    plain = articles.drop(columns=["url"], errors="ignore")
    settings = TermSettings(min_count=2)
    alone = count_article_terms(plain, settings, engine=ONE_PROCESS, chunk_texts=7)
    on_dask = count_article_terms(plain, settings, engine=EngineSettings(engine="dask", workers=2), chunk_texts=7)
    assert on_dask.counts.terms.tolist() == alone.counts.terms.tolist()
    assert (on_dask.counts.per_article != alone.counts.per_article).nnz == 0
    assert on_dask.removals == alone.removals


def test_counts_summed_need_article_ids(articles):
    counted = count_article_terms(articles, TermSettings(min_count=3), engine=ONE_PROCESS)
    with pytest.raises(SettingsError, match="article_id"):
        build_term_matrix(articles.drop(columns=["article_id"]), TermSettings(min_count=3), counted=counted)
