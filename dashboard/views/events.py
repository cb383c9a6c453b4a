"""Events: which outlet covered which event, and the framing diff of aligned sentences."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import articles_of, multi_outlet_events, sentence_hits, tables_of_articles
from dashboard.views.common import figure, md
from framing.present import plots
from framing.present.colours import lexicon_colours
from framing.present.highlight import word_diff_html


def render(ctx) -> None:
    articles = data.articles_with_events(ctx.analysis)
    coverage = data.coverage_table(ctx.analysis)
    cols = st.columns(3)
    cols[0].metric("Events", f"{coverage['event_id'].nunique():,}")
    shared = multi_outlet_events(articles)
    cols[1].metric("Reported by 2+ outlets", f"{len(shared):,}")
    cols[2].metric("Articles", f"{len(articles):,}")
    figure(plots.event_coverage_plot(coverage, labels=data.event_labels(ctx.analysis)), key="events_coverage")
    st.subheader("Framing diff")
    if not shared:
        st.info("No event was reported by two or more outlets, so there is nothing to align.")
        return
    labels = data.event_labels(ctx.analysis)
    event = state.choice("Event", "align_event", shared, format_func=lambda e: labels.get(e, e))
    _event_articles(ctx, articles, event)
    _aligned_pairs(ctx, event)


def _open_side_by_side(event: str) -> None:
    state.put("view", "side-by-side")
    state.put("side_mode", "event")
    state.put("align_event", event)


def _event_articles(ctx, articles, event: str) -> None:
    """The event's articles (outlet, date, title) and a way to read them side by side."""
    rows = articles_of(articles, event=event)
    st.dataframe(rows[["outlet", "date", "title", "n_words"]].rename(columns={"n_words": "words"}),
                 hide_index=True, width="stretch", key="event_articles")
    st.button("Read these articles side by side, highlighted", key="open_side_by_side", on_click=_open_side_by_side,
              args=(event,))


def _aligned_pairs(ctx, event: str) -> None:
    pairs = data.aligned_pairs(ctx.analysis, event)
    if pairs.empty:
        st.info("No sentence of one outlet reports the same fact as a sentence of another in this event.")
        return
    st.caption(f"{len(pairs)} pairs of sentences that report the same thing in two outlets, those whose changed "
               "words hold lexicon words first. Blue and struck through (left): words only in the left outlet's "
               "sentence; orange and underlined (right): only in the right one's. Bold and underlined: lexicon "
               "words; hover one for its frame, pole and whose words it is in.")
    shown = pairs.head(25)
    hits, sentences = tables_of_articles(ctx.analysis.hits, ctx.analysis.sentences,
                                         [*shown["article_a"], *shown["article_b"]])
    colours = lexicon_colours(ctx.analysis.lexicons, shown=set(hits["frame"]))
    for row in shown.itertuples():
        left, right = word_diff_html(row.ops, colours=colours,
                                     hits_a=sentence_hits(hits, sentences, row.article_a, row.sentence_a),
                                     hits_b=sentence_hits(hits, sentences, row.article_b, row.sentence_b))
        cols = st.columns(2)
        for col, outlet, html, terms in ((cols[0], row.outlet_a, left, row.lexicon_terms_a),
                                         (cols[1], row.outlet_b, right, row.lexicon_terms_b)):
            with col:
                st.markdown(f"**{md(outlet)}**")
                st.markdown(html, unsafe_allow_html=True)
                if terms:
                    st.caption(md("lexicon words in the changes: " + ", ".join(map(str, terms))))
        st.caption(f"similarity {row.similarity:.2f} (cosine of TF-IDF vectors) · {row.changed_words} words differ")
        st.divider()
