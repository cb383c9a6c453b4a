"""Events: every event, searchable and paged; which outlet (or group) covered which; within one
event, the framing diff of aligned sentences and what one outlet reported that the others did not."""
from __future__ import annotations

import streamlit as st

from dashboard import data, data_groups, state
from dashboard.filters import articles_of, multi_outlet_events, sentence_hits, tables_of_articles
from dashboard.views.common import figure, md
from framing.compare.align import DEFAULT_THRESHOLD, MATCH_LABELS, SAME_FACT_THRESHOLD
from framing.compare.coverage import search_events
from framing.present.colours import lexicon_colours
from framing.present.coverage_plots import group_coverage_plot, outlet_coverage_plot
from framing.present.encoding import plural
from framing.present.highlight import word_diff_html


def render(ctx) -> None:
    articles = data.articles_with_events(ctx.analysis)
    events = data_groups.event_list(ctx.analysis, ctx.by if ctx.grouped else None)
    cols = st.columns(3)
    cols[0].metric("Events", f"{len(events):,}")
    shared = multi_outlet_events(articles)
    cols[1].metric("Reported by 2+ outlets", f"{len(shared):,}")
    cols[2].metric("Articles", f"{len(articles):,}")
    shown = _event_list(events)
    titles = dict(zip(events["event_id"], events["title"].astype(str)))
    if ctx.grouped:
        figure(group_coverage_plot(data_groups.group_coverage_table(ctx.analysis, ctx.by), events=shown, labels=titles,
                                   top=PAGE, by=ctx.by), key="events_coverage")
    else:
        groups = {}
        figure(outlet_coverage_plot(data.coverage_table(ctx.analysis), events=shown, labels=titles, top_events=PAGE,
                                    outlet_groups=groups), key="events_coverage")
    st.subheader("Framing diff and omissions")
    if not shared:
        st.info("No event was reported by two or more outlets, so there is nothing to align.")
        return
    labels = data.event_labels(ctx.analysis)
    event = state.choice("Event (type to search)", "align_event", shared, format_func=lambda e: labels.get(e, e))
    _event_articles(ctx, articles, event)
    pairs = data.aligned_pairs(ctx.analysis, event)
    left, right = st.columns([3, 2])
    with left:
        _aligned_pairs(ctx, pairs)
    with right:
        _omissions(ctx, articles, event, pairs)


PAGE = 40


def _event_list(events) -> list[str]:
    """Every event, searchable, sortable (click a column) and paged; the ids of the page shown."""
    query = state.text("Search events (words of the title, an outlet, an id)", "event_search")
    found = search_events(events, query)
    pages = max(1, -(-len(found) // PAGE))
    cols = st.columns([3, 1])
    with cols[1]:
        page = int(st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1, key="events_page")) - 1
    with cols[0]:
        st.caption(f"{len(found):,} of {len(events):,} events" + (f" match “{md(query)}”" if query.strip() else "")
                   + f"; {PAGE} a page, most covered first. Click a column heading to sort the page.")
    rows = found.iloc[page * PAGE:(page + 1) * PAGE]
    st.dataframe(rows.rename(columns={"n_articles": "articles", "n_outlets": "outlets", "outlets": "outlet names"}),
                 hide_index=True, width="stretch", key="events_table",
                 column_config={"title": st.column_config.TextColumn(width="large")})
    return list(rows["event_id"])


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


def _aligned_pairs(ctx, pairs) -> None:
    st.markdown("**Aligned sentences**")
    if pairs.empty:
        st.info("No sentence of one outlet reports the same fact as a sentence of another in this event.")
        return
    same = int((pairs["match"] == MATCH_LABELS[0]).sum())
    st.caption(f"{plural(len(pairs), 'pair')} of sentences in two outlets: {same:,} “same fact” (similarity "
               f"{SAME_FACT_THRESHOLD} or more: 91% of such pairs reported the same fact when checked by hand on the "
               "AllSides roundups), the others “related” (same story, often a different fact). Similarity is the "
               "cosine of the sentences' TF-IDF vectors. Pairs whose changed words hold lexicon words come first. "
               "Blue struck through (left): words only in the left sentence; orange underlined (right): only in "
               "the right one; bold: lexicon words, hover for frame, pole and voice.")
    shown = pairs.head(15)
    hits, sentences = tables_of_articles(ctx.analysis.hits, ctx.analysis.sentences,
                                         [*shown["article_a"], *shown["article_b"]])
    colours = lexicon_colours(ctx.analysis.lexicons, shown=set(hits["frame"]))
    for row in shown.itertuples():
        left, right = word_diff_html(row.ops, colours=colours,
                                     hits_a=sentence_hits(hits, sentences, row.article_a, row.sentence_a),
                                     hits_b=sentence_hits(hits, sentences, row.article_b, row.sentence_b))
        st.markdown(f"**{md(row.match)}** · similarity {row.similarity:.2f} · {plural(row.changed_words, 'word')} differ")
        cols = st.columns(2)
        for col, outlet, html, terms in ((cols[0], row.outlet_a, left, row.lexicon_terms_a),
                                         (cols[1], row.outlet_b, right, row.lexicon_terms_b)):
            with col:
                st.markdown(f"**{md(outlet)}**")
                st.markdown(html, unsafe_allow_html=True)
                if terms:
                    st.caption(md("lexicon words in the changes: " + ", ".join(map(str, terms))))
        st.divider()


def _omissions(ctx, articles, event: str, pairs) -> None:
    """One outlet's sentences with no counterpart in the other outlets of the event."""
    st.markdown("**What one outlet reported that the others did not**")
    outlets = sorted(articles_of(articles, event=event)["outlet"].astype(str).unique())
    outlet = state.choice("Outlet", "omission_outlet", outlets)
    missing = data_groups.omissions(ctx.analysis, event)
    mine = missing[missing["outlet"].astype(str) == outlet]
    paired = 0 if pairs.empty else int(((pairs["outlet_a"] == outlet) | (pairs["outlet_b"] == outlet)).sum())
    st.caption(f"{plural(len(mine), 'sentence')} of {md(outlet)} with no sentence of the other "
               f"{plural(len(outlets) - 1, 'outlet')} reaching similarity {DEFAULT_THRESHOLD} ({paired:,} of its "
               "sentences are in the aligned pairs). With excerpts, what looks left out may lie past an excerpt's end.")
    table = mine[["text", "best_similarity", "best_outlet", "best_text", "lexicon_terms"]].rename(
        columns={"text": "sentence", "best_similarity": "closest similarity", "best_outlet": "closest in",
                 "best_text": "closest sentence", "lexicon_terms": "lexicon words"})
    table["lexicon words"] = [", ".join(map(str, t)) for t in table["lexicon words"]]
    st.dataframe(table.round({"closest similarity": 2}), hide_index=True, width="stretch", key="omission_table",
                 column_config={"sentence": st.column_config.TextColumn(width="large")})
