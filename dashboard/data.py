"""Where the dashboard's data comes from, and the cached calls into the library.

Every heavy step is a library call behind a Streamlit cache keyed by small hashable values:
the corpus source (``Source``), the lexicon choice (``LexiconChoice``) and the filter
settings. Everything sits in ``st.cache_resource``, which hands back the same object on
every run: ``st.cache_data`` would pickle and unpickle a table on every access, seconds for
the millions of hits of a big corpus. So nothing returned here may be modified in place
(views and plots only read, or copy first). The corpus and the analysis are also cached on
disk (``dashboard.disk_cache``): the corpus, the analysis, and the slow derived tables
(scores, sentiment, events, term counts), so a big corpus opens again in seconds.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import background
from dashboard.filters import ArticleFilter, filter_articles
from dashboard.sources import BUNDLED_CORPUS, UPLOAD_DIR, Source  # noqa: F401  (the views name them through data)
from framing import compare, measure  # stage faces: scikit-learn, NLTK load when a view first needs them
from framing.corpus.chunks import ReadOptions
from framing.corpus.records import Corpus
from framing.errors import FramingError
from framing.lexicon import Lexicon, bundled_lexicons, parse_lexicon
from framing.measure import score
from framing.measure.analysis import Analysis
from framing.measure.cache import DiskCache, analysis_key, derived_key, source_key
from framing.measure.chunked import analyze_path, load_path
from framing.measure.engines import EngineSettings
from framing.measure.loaded import loaded_word_sentences, top_loaded_words
from framing.measure.saved import read_saved_table
from framing.measure.store import Store
from framing.settings import BootstrapSettings, ScoreSettings, Settings, TermSettings

N_BOOT = 1000
#: Streamlit's caches know an analysis by its key (hashing its tables would take seconds).
_HASH = {Analysis: lambda analysis: analysis.key}


def _cached(**options):
    """``st.cache_resource`` for functions of an ``Analysis``."""
    return st.cache_resource(hash_funcs=_HASH, **options)


def cache_dir() -> Path:
    """Where analyses are kept between runs: ``FRAMING_CACHE_DIR``, else the user cache."""
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "framing"


@dataclass(frozen=True)
class LexiconChoice:
    """Bundled lexicons by name, and the user's own as ``(name, YAML text)`` pairs."""

    bundled: tuple[str, ...]
    custom: tuple[tuple[str, str], ...] = ()


@st.cache_resource(max_entries=4, show_spinner="Loading the corpus (kept on disk for next time)…")
def get_corpus(source: Source) -> Corpus:
    """The corpus with each article's raw text and what cleaning removed (the analysis does not
    keep it): read on every CPU for a big corpus, then kept on disk."""
    store = Store(source.path)
    if store.exists():
        return store.corpus()
    read = ReadOptions(columns=source.columns, keep_raw=True)
    load = partial(load_path, read=read, engine=EngineSettings(workers=workers()))
    return DiskCache(cache_dir()).corpus(source.path, load, options=source.columns)


@st.cache_resource(max_entries=8, show_spinner=False)
def get_lexicons(choice: LexiconChoice) -> tuple[Lexicon, ...]:
    custom = tuple(parse_lexicon(text, source=name) for name, text in choice.custom)
    return tuple(bundled_lexicons(choice.bundled)) + custom if choice.bundled else custom


class EmptyCorpus(FramingError):
    """The source was read but gave no article (the load report says why)."""


def workers() -> int | None:
    """Processes for a first analysis: ``FRAMING_WORKERS``, else every CPU for a big corpus
    (started from a forkserver, never forked from Streamlit's threads: ``framing.measure.engines``)."""
    try:
        return max(1, int(os.environ["FRAMING_WORKERS"]))
    except (KeyError, ValueError):
        return None


@st.cache_resource(max_entries=2, show_spinner="Analysing the corpus (kept on disk for next time)…")
def get_analysis(source: Source, choice: LexiconChoice) -> Analysis:
    """The analysis, with its load report; read back from disk without loading the corpus when
    this corpus was analysed with these lexicons before (the tables some views need besides, events
    and term counts, are computed in the background once the page is drawn:
    ``after_first_page``). Raises ``EmptyCorpus``."""
    lexicons = get_lexicons(choice)
    store = Store(source.path)
    if store.exists():  # a store made by `framing analyze`: its tables are read as the views need them
        return store.analysis(lexicons)
    key = analysis_key(source_key(source.path, source.columns), lexicons)

    def analyse() -> Analysis:
        bar = st.progress(0.0, text="Analysing the corpus…")
        progress = lambda done, share: bar.progress(min(1.0, share or 0.0), text=f"Analysing: {done:,} articles read")
        try:
            analysis = analyze_path(source.path, lexicons, read=ReadOptions(columns=source.columns),
                                    engine=EngineSettings(workers=workers()), progress=progress, key=key)
        finally:
            bar.empty()
        if not len(analysis.articles):
            raise EmptyCorpus(f"{source.label}: no article could be loaded; the Corpus view lists what was "
                              "skipped and why")
        return analysis.with_source(None, analysis.report)  # the views read the raw texts from get_corpus

    return DiskCache(cache_dir()).analysis(key, analyse, lexicons=lexicons, save=False)  # saved by after_first_page


def after_first_page(source: Source, analysis: Analysis) -> None:
    """What the page does once it is drawn, for the analysis as ``get_analysis`` gives it: keep
    a new analysis on disk (2.7 s on the 37,554 AllSides articles), then group a big corpus's
    articles into events and count their terms in the background (``dashboard.background``),
    unless they are on disk already. So the first page waits for none of them (the events and
    term counts took 18 and 17 s after the 52 s analysis), nor shares the CPUs with them."""
    store = Store(source.path)
    if store.exists():
        read_articles = partial(store.read_table, "articles")
    else:
        folder = DiskCache(cache_dir()).keep_analysis(analysis)
        read_articles = partial(read_saved_table, folder, "articles")
    if len(analysis.articles) < background.MIN_ARTICLES:
        return
    background.start(cache_dir(), _events_key(analysis),
                     partial(background.grouped_events, read_articles, SETTINGS.events))
    background.start(cache_dir(), article_terms_key(analysis, TERM_SETTINGS),
                     partial(background.counted_terms, read_articles, TERM_SETTINGS, workers()))


def _derived_key(analysis: Analysis, name: str, *settings) -> str:
    return derived_key(analysis.key, name, N_BOOT, *settings)


def _events_key(analysis: Analysis) -> str:
    """Where ``articles_with_events`` keeps the analysis's events (and the background puts them)."""
    return _derived_key(analysis, "events", SETTINGS.events)


def article_terms_key(analysis: Analysis, counting: TermSettings) -> str:
    """Where ``data_terms.article_terms`` keeps the term counts made with ``counting`` (and the
    background puts the default ones)."""
    return _derived_key(analysis, "article_terms", counting)


def kept(key: str, compute):
    """``compute()`` kept on disk under ``key`` (``DiskCache.table``), once any background job
    computing it has ended (``dashboard.background``)."""
    background.wait(key)
    return DiskCache(cache_dir()).table(key, compute)


def _stored(analysis: Analysis, name: str, *settings, compute):
    """``compute()`` kept on disk under the analysis and these settings (``kept``)."""
    return kept(_derived_key(analysis, name, *settings), compute)


@_cached(max_entries=4, show_spinner="Grouping articles into events…")
def articles_with_events(analysis: Analysis) -> pd.DataFrame:
    """The articles table with ``event_id`` filled by ``framing.compare.events.with_events``."""
    events = kept(_events_key(analysis), partial(background.grouped_events, lambda: analysis.articles, SETTINGS.events))
    out = analysis.articles.copy()
    out["event_id"] = events["event_id"].to_numpy()
    return out


def has_events(analysis) -> bool:
    """True when the source itself labelled every article with an event."""
    column = analysis.articles.get("event_id")
    return column is not None and bool(column.notna().all()) and len(column) > 0


@_cached(max_entries=16, show_spinner=False)
def filtered(analysis: Analysis, flt: ArticleFilter) -> Analysis:
    """The analysis of the articles the filter keeps (events grouped first when it names one)."""
    if flt.is_empty:
        return analysis
    articles = articles_with_events(analysis) if flt.event else analysis.articles
    return analysis.subset(filter_articles(articles, flt), label=repr(flt))


#: How the dashboard scores: every voice and every role in one bootstrap pass (views pick the
#: voice and the role they show, framing by default, so switching never recomputes), 1,000
#: resamples, seed 0, 95% intervals. The export
#: manifest records this object.
SCORE_SETTINGS = ScoreSettings(voice="each", roles="all", bootstrap=BootstrapSettings(n_boot=N_BOOT))


#: How the dashboard counts and tests distinctive terms (self-reference removed, house style
#: not listed, within events when the corpus has event ids).
TERM_SETTINGS = TermSettings()

#: Every setting the dashboard's figures rest on, as the export manifest records them.
SETTINGS = Settings(score=SCORE_SETTINGS, terms=TERM_SETTINGS)


def score_settings(**changes) -> ScoreSettings:
    """``SCORE_SETTINGS`` with some fields changed (``kind="naming"``, ``by_target=True``)."""
    return replace(SCORE_SETTINGS, **changes)


@_cached(max_entries=32, show_spinner="Scoring…")
def frame_scores(analysis: Analysis, flt: ArticleFilter, *, kind: str = "frame", by_target: bool = False,
                 by: str = "outlet") -> pd.DataFrame:
    settings = score_settings(kind=kind, by_target=by_target, by=by)
    return _stored(analysis, "frame_rates", flt, settings,
                   compute=lambda: score.frame_rates(filtered(analysis, flt), settings))


@_cached(max_entries=32, show_spinner=False)
def actor_target_scores(analysis: Analysis, flt: ArticleFilter, actor: str, by: str = "outlet") -> pd.DataFrame:
    """The rows of the by-target frame rates whose target is ``actor`` (a view of one actor
    out of a table with every group x pole x target x voice)."""
    table = frame_scores(analysis, flt, by_target=True, by=by)
    return table[table["target"] == actor]


@_cached(max_entries=32, show_spinner="Scoring…")
def balance_scores(analysis: Analysis, flt: ArticleFilter, *, by: str = "outlet") -> pd.DataFrame:
    settings = score_settings(by=by)
    return _stored(analysis, "axis_balance", flt, settings,
                   compute=lambda: score.axis_balance(filtered(analysis, flt), settings))


@_cached(max_entries=32, show_spinner="Scoring…")
def share_scores(analysis: Analysis, flt: ArticleFilter, *, by: str = "outlet") -> pd.DataFrame:
    settings = score_settings(by=by)
    return _stored(analysis, "label_shares", flt, settings,
                   compute=lambda: score.label_shares(filtered(analysis, flt), settings))


@_cached(max_entries=32, show_spinner="Scoring sentiment…")
def sentiment_scores(analysis: Analysis, flt: ArticleFilter, *, by: str = "outlet") -> pd.DataFrame:
    settings = score_settings(by=by)
    return _stored(analysis, "actor_sentiment", flt, settings,
                   compute=lambda: score.actor_sentiment(filtered(analysis, flt), settings))


@_cached(max_entries=32, show_spinner="Scoring loaded language…")
def loaded_scores(analysis: Analysis, flt: ArticleFilter) -> pd.DataFrame:
    """Loaded language per 1,000 words per outlet and voice (``score.loaded_rates``)."""
    return _stored(analysis, "loaded_rates", flt, SCORE_SETTINGS,
                   compute=lambda: score.loaded_rates(filtered(analysis, flt), SCORE_SETTINGS))


#: Loaded words listed per outlet.
TOP_LOADED_WORDS = 10


@_cached(max_entries=32, show_spinner=False)
def loaded_words(analysis: Analysis, flt: ArticleFilter, voice: str) -> pd.DataFrame:
    """Each outlet's most loaded words in ``voice`` (``framing.measure.loaded.top_loaded_words``)."""
    return top_loaded_words(filtered(analysis, flt), voice=voice, top=TOP_LOADED_WORDS)


@_cached(max_entries=32, show_spinner=False)
def loaded_word_lines(analysis: Analysis, flt: ArticleFilter, outlet: str, term: str, voice: str) -> pd.DataFrame:
    """The sentences behind one outlet's loaded word (``loaded_word_sentences``)."""
    return loaded_word_sentences(filtered(analysis, flt), group=outlet, term=term, voice=voice)


@_cached(max_entries=8, show_spinner="Drawing hits to code…")
def validation_sample(analysis: Analysis, lexicon: str, per_term: int, seed: int) -> pd.DataFrame:
    """Hits to code by hand (``framing.measure.validation.sample_hits``)."""
    return measure.sample_hits(analysis, lexicon=lexicon, per_term=per_term, seed=seed)


@_cached(max_entries=8, show_spinner="Looking for candidate terms…")
def candidate_table(analysis: Analysis, frame: str) -> pd.DataFrame:
    """Terms over-represented near a frame's hits that its lexicon lacks."""
    return _stored(analysis, "candidate_terms", frame, compute=lambda: measure.candidate_terms(analysis, frame))


@_cached(max_entries=16, show_spinner="Placing outlets…")
def outlet_points(analysis: Analysis, flt: ArticleFilter, *, voice: str, profile: str,
                  role: str = "framing") -> pd.DataFrame | None:
    """2-D outlet map from frame profiles (rates of every pole of the frames of ``role``) or
    term profiles (TF-IDF); None with fewer than three outlets."""
    if profile == "terms":
        from dashboard.data_terms import term_matrix  # (that module builds on this one)

        matrix = term_matrix(analysis, flt)
        if len(matrix.groups) < 3:
            return None
        return compare.outlet_map(matrix)
    scores = frame_scores(analysis, flt)
    profiles = compare.frame_profiles(scores[(scores["role"] == role).to_numpy()], voice=voice)
    return compare.outlet_map(profiles) if len(profiles) >= 3 else None


@_cached(max_entries=16, show_spinner=False)
def concordance_table(analysis: Analysis, flt: ArticleFilter, query: str, *, kind: str = "phrase",
                      outlets: tuple[str, ...] = ()) -> pd.DataFrame:
    return _stored(analysis, "concordance", flt, query, kind, outlets, compute=lambda: compare.concordance(
        filtered(analysis, flt), query, kind=kind, outlets=list(outlets) or None))


@_cached(max_entries=16, show_spinner=False)
def occurrence_rows(analysis: Analysis, flt: ArticleFilter, query: str, *, kind: str,
                    outlets: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every hit of a lexicon pole or label in some outlets, without its context
    (``framing.compare.occurrences``): views add the context of the rows they list."""
    return _stored(analysis, "occurrences", flt, query, kind, outlets, compute=lambda: compare.occurrences(
        filtered(analysis, flt), query, kind=kind, outlets=list(outlets) or None))


@_cached(max_entries=16, show_spinner="Searching the texts…")
def first_occurrences(analysis: Analysis, flt: ArticleFilter, query: str, *, kind: str = "phrase",
                      limit: int) -> compare.Occurrences:
    """The first ``limit`` occurrences of a term or phrase and how many there are
    (``framing.compare.find_occurrences``: the voice of the others is never read)."""
    return _stored(analysis, "first_occurrences", flt, query, kind, limit, compute=lambda: compare.find_occurrences(
        filtered(analysis, flt), query, kind=kind, limit=limit))


def with_context(analysis: Analysis, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` of ``occurrence_rows`` with their left context, match and right context."""
    return compare.add_context(rows, analysis.articles)


@_cached(max_entries=16, show_spinner="Aligning sentences…")
def aligned_pairs(analysis: Analysis, event: str) -> pd.DataFrame:
    """Sentence pairs of one event across outlets, with their word diff (``framing.compare.align``)."""
    with_events_ = analysis.with_articles(articles_with_events(analysis), label="events")
    return _stored(analysis, "align_event", event, compute=lambda: compare.align_event(with_events_, event))


@_cached(max_entries=4, show_spinner=False)
def event_labels(analysis: Analysis) -> dict[str, str]:
    """A one-line label for every event (see ``filters.event_labels``)."""
    from dashboard.filters import event_labels as labels

    return labels(articles_with_events(analysis))


@_cached(max_entries=4, show_spinner=False)
def coverage_table(analysis: Analysis) -> pd.DataFrame:
    """Which outlet covered which event (``framing.compare.coverage.event_coverage``)."""
    from framing.compare.coverage import event_coverage

    return event_coverage(articles_with_events(analysis))


def corpus_fingerprint(source: Source, report) -> str:
    """The corpus fingerprint its load report kept while loading, else (a report made before
    fingerprints were kept) ``corpus_fingerprint_of(source)``."""
    if report is not None and report.fingerprint:
        return report.fingerprint
    return corpus_fingerprint_of(source)


@st.cache_resource(max_entries=4, show_spinner="Fingerprinting the corpus…")
def corpus_fingerprint_of(source: Source) -> str:
    """``framing.corpus.records.corpus_fingerprint`` of the source's corpus, once (it loads the corpus)."""
    from framing.corpus.records import corpus_fingerprint as fingerprint

    return fingerprint(get_corpus(source))
