"""Side by side: two to four outlets (or the articles of one event) in columns, each article's
cleaned text with every lexicon hit highlighted in its frame's colour."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import articles_of, hits_of
from dashboard.views.common import available, md
from framing.highlight import frame_colours, highlight_html, legend_html, removed_html

MODES = {"outlets": "Compare outlets", "event": "Articles of one event"}
KINDS = {"frame": "frames", "naming": "naming labels", "actor": "actors"}


def render(ctx) -> None:
    mode = state.choice("Compare", "side_mode", list(MODES), format_func=MODES.get, draw=st.radio, horizontal=True)
    cols = st.columns([2, 1, 1])
    with cols[1]:
        kinds = st.multiselect("Highlight", list(KINDS), default=list(KINDS), format_func=KINDS.get, key="kinds")
    with cols[2]:
        show_removed = st.toggle("Show what cleaning removed", key="show_removed")
    with cols[0]:
        picks = _event_articles(ctx) if mode == "event" else _outlet_articles(ctx)
    if not picks:
        return
    colours = frame_colours(h for lex in ctx.analysis.lexicons for h in _frame_names(lex))
    colours.update({f.name: f.colour for lex in ctx.analysis.lexicons for f in lex.frames if getattr(f, "colour", "")})
    shown = {f for _, article_id in picks for f in hits_of(ctx.analysis.hits, article_id, kinds=("frame",))["frame"]}
    st.markdown(legend_html({k: v for k, v in colours.items() if k in shown}), unsafe_allow_html=True)
    axes = [f for lex in ctx.analysis.lexicons for f in lex.frames if len(f.poles) == 2 and f.name in shown]
    striped = {(f.name, f.poles[1].name) for f in axes}
    example = f" (e.g. {axes[0].name}: {axes[0].poles[1].name})" if axes else ""
    st.caption("Hover a highlighted word for its frame, pole, voice, speaker, target, negation and hedging. "
               f"Striped: the second pole of an axis{example}. Italics: quoted or distanced; struck through: "
               "negated; dashed box: naming label; underline: actor.")
    columns = st.columns(len(picks))
    for column, (heading, article_id) in zip(columns, picks):
        with column:
            _article(ctx, heading, article_id, tuple(kinds), colours, striped, show_removed)


def _frame_names(lexicon):
    yield from (f.name for f in lexicon.frames)
    yield from (n.name for n in lexicon.naming_sets)
    yield from (a.name for a in lexicon.actors)


def _outlet_articles(ctx) -> list[tuple[str, str]]:
    outlets = ctx.outlets
    chosen = state.choices("Outlets (2 to 4)", "outlets", outlets, default=outlets[:2], max_selections=4)
    if len(chosen) < 1:
        st.info("Pick two to four outlets to compare.")
        return []
    picks = []
    for i, outlet in enumerate(chosen):
        rows = articles_of(ctx.analysis.articles, outlet=outlet)
        picks.append((outlet, _pick_article(rows, key=f"article_{i}", label=f"{outlet}: article")))
    return picks


def _event_articles(ctx) -> list[tuple[str, str]]:
    if not available("events"):
        st.info("Event grouping is not available yet (framing.events).")
        return []
    articles = data.articles_with_events(ctx.analysis, ctx.key)
    from dashboard.filters import multi_outlet_events

    events = multi_outlet_events(articles)
    if not events:
        st.info("No event was reported by two or more outlets in this corpus.")
        return []
    labels = data.event_labels(ctx.analysis, ctx.key)
    event = state.choice("Event", "align_event", events, format_func=lambda e: labels.get(e, e))
    rows = articles_of(articles, event=event).head(4)
    return [(f"{r.outlet}", r.article_id) for r in rows.itertuples()]


def _pick_article(rows, *, key: str, label: str) -> str:
    ids = rows["article_id"].astype(str).tolist()
    titles = dict(zip(ids, rows["title"].astype(str)))
    dates = dict(zip(ids, rows["date"]))
    return st.selectbox(label, ids, key=key, label_visibility="collapsed",
                        format_func=lambda a: f"{dates.get(a) or 'undated'} · {titles.get(a, a)}"[:120])


def _article(ctx, heading: str, article_id: str, kinds, colours, striped, show_removed: bool) -> None:
    row = ctx.analysis.articles.set_index("article_id").loc[article_id]
    st.subheader(md(heading))
    st.markdown(f"**{md(row['title'])}**")
    st.caption(md(" · ".join(str(v) for v in (row["date"] or "undated", f"{int(row['n_words'])} words") if v)))
    if isinstance(row.get("url"), str) and row["url"].startswith(("http://", "https://")):
        st.caption(f"[source]({row['url'].replace(')', '%29').replace(' ', '%20')})")
    hits = hits_of(ctx.analysis.hits, article_id, kinds=kinds)
    st.markdown(highlight_html(str(row["body"]), hits, colours=colours, striped=striped), unsafe_allow_html=True)
    if show_removed:
        article = _corpus_article(ctx, article_id)
        with st.expander(f"What cleaning removed ({len(article.removed) if article else 0} segments)", expanded=True):
            if article is None:
                st.caption("The raw text is not available for this analysis.")
            elif not article.removed:
                st.caption("Nothing: the raw text was kept whole.")
            else:
                st.markdown(removed_html(article.raw_text, article.removed), unsafe_allow_html=True)


def _corpus_article(ctx, article_id: str):
    corpus = ctx.corpus
    return next((a for a in corpus if a.id == article_id), None)

