"""Export: the hits and scores behind the current view as CSV, each figure as PNG and
self-contained HTML, and the reproducibility manifest that says how they were made."""
from __future__ import annotations

import streamlit as st

from dashboard import data, data_terms, state
from dashboard.filters import of_role
from dashboard.views.common import MAX_DEFAULT_OUTLETS, ROLE_TITLES, ROLE_VIEWS, filter_bar, lexicons_of_role, md, outlets_shown
from framing.measure.loaded import has_loaded_lexicon
from framing.present import plots
from framing.present.export import (
    export_bundle,
    figure_html,
    figure_manifest,
    figure_png,
    manifest_json,
    reproduce_commands,
    reproducibility_manifest,
    table_csv,
)
from framing.present.loaded_plot import loaded_rates_plot


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    tables = _tables(ctx, flt, voice)
    figures = _figures(ctx, flt, voice, tables)  # name -> (builder, options): drawn only when downloaded
    manifest = reproducibility_manifest(ctx.analysis, settings=data.SETTINGS, parameters=_parameters(ctx, flt, voice),
                                        fingerprint=data.corpus_fingerprint(ctx.source, ctx.report))
    options = {name: opts for name, (_, opts) in figures.items()}
    st.subheader("Everything in one file")
    st.download_button("Download ZIP (CSV tables, HTML figures, manifest)", key="download_bundle", on_click="ignore",
                       data=lambda: export_bundle(tables=tables, manifest=manifest, figure_options=options,
                                                  figures={name: build() for name, (build, _) in figures.items()}),
                       file_name="framing-export.zip", mime="application/zip")
    st.subheader("Tables (CSV)")
    for name, table in tables.items():
        cols = st.columns([3, 1])
        cols[0].markdown(f"**{md(name)}** · {len(table):,} rows · {len(table.columns)} columns")
        cols[1].download_button("CSV", data=lambda t=table: table_csv(t), key=f"csv_{name}", on_click="ignore",
                                file_name=f"{_stem(name)}.csv", mime="text/csv")
    st.subheader("Figures")
    st.caption("Each HTML figure carries its manifest below it: the corpus fingerprint, lexicon versions, the "
               "figure's settings and the dashboard link that draws it again.")
    for name, (build, opts) in figures.items():
        cols = st.columns([3, 1, 1])
        cols[0].markdown(f"**{md(name)}**")
        cols[1].download_button("PNG", data=lambda b=build: figure_png(b()), key=f"png_{name}", on_click="ignore",
                                file_name=f"{_stem(name)}.png", mime="image/png")
        cols[2].download_button("HTML", data=lambda b=build, n=name, o=opts: figure_html(
                                    b(), manifest=figure_manifest(manifest, n, o)),
                                key=f"html_{name}", on_click="ignore", file_name=f"{_stem(name)}.html",
                                mime="text/html")
    st.subheader("Reproducibility manifest")
    text = manifest_json(manifest)
    st.download_button("Download manifest.json", text.encode("utf-8"), file_name="manifest.json",
                       mime="application/json", key="download_manifest", on_click="ignore")
    st.code(text, language="json")


def _parameters(ctx, flt, voice) -> dict:
    """What the tables rest on, the link to this view, and (without a filter) the commands
    that print each table again."""
    parameters = {"voice": voice, "event": flt.event, "date_from": flt.date_from, "date_to": flt.date_to,
                  "keep_undated": flt.keep_undated, "corpus_source": ctx.source.label,
                  "dashboard_link": state.link(view="export")}
    if flt.is_empty:
        focus, versus = state.get("focus"), state.get("versus")
        terms = {"group": focus, "vs": versus if versus in ctx.outlets else None, "method": state.get("method")} \
            if focus in ctx.outlets else None
        parameters["reproduce"] = reproduce_commands(ctx.source.path or None, ctx.analysis.lexicons,
                                                     data.SCORE_SETTINGS, terms=terms)
    else:
        parameters["reproduce"] = ("the tables rest on the event or date filter above, which the command line "
                                   "does not have: open dashboard_link on the same corpus")
    return parameters


def _tables(ctx, flt, voice) -> dict:
    """The tables behind the views, compared as the views compare them (``ctx.by``; loaded
    language per outlet, as its view shows it)."""
    kept = data.filtered(ctx.analysis, flt)
    articles, hits = kept.articles, kept.hits
    tables = {
        "hits": hits,
        "frame rates": data.frame_scores(ctx.analysis, flt, by=ctx.by),
        "frame rates by target": data.frame_scores(ctx.analysis, flt, by_target=True, by=ctx.by),
        "axis balance": data.balance_scores(ctx.analysis, flt, by=ctx.by),
        "label shares": data.share_scores(ctx.analysis, flt, by=ctx.by),
        "actor sentiment": data.sentiment_scores(ctx.analysis, flt, by=ctx.by),
        "articles": articles.drop(columns=["body"], errors="ignore"),
    }
    if has_loaded_lexicon(ctx.analysis.lexicons):
        tables["loaded language"] = data.loaded_scores(ctx.analysis, flt)
    focus = state.get("focus")
    if focus in set(articles["outlet"]):
        versus = state.get("versus")
        vs = versus if versus in set(articles["outlet"]) and versus != focus else None
        tables[f"distinctive terms {focus}"] = data_terms.term_table(ctx.analysis, flt, group=focus, vs=vs,
                                                                     method=state.get("method") or "logodds")
    return tables


def _figures(ctx, flt, voice, tables) -> dict:
    """Each figure of the current settings: name -> (function that draws it, its options,
    with the dashboard link that shows it)."""
    figures = {}
    shown = outlets_shown(ctx, tables["articles"]) if len(ctx.outlets) > MAX_DEFAULT_OUTLETS else None
    outlets = list(shown) if shown else "all"
    role = state.get("role") if state.get("role") in ROLE_VIEWS else "framing"
    lexicons = lexicons_of_role(ctx, role)
    members = ctx.members()
    lexicon = state.get("lexicon_view") if state.get("lexicon_view") in lexicons else (lexicons[0] if lexicons else None)
    if lexicon:
        overview = {"view": "overview", "lexicon": lexicon, "role": role, "outlets": outlets, "by": ctx.by,
                    "dashboard_link": state.link(view="overview", lexicon_view=lexicon, role=role)}
        figures["frame rates"] = (lambda: plots.frame_heatmap(
            of_role(tables["frame rates"], role), voice=voice, lexicon=lexicon, groups=shown, members=members,
            title=f"{ROLE_TITLES[role]} per 1,000 words ({plots.voice_name(voice)})"), overview)
        figures["axis balance"] = (lambda: plots.axis_balance_plot(of_role(tables["axis balance"], role), voice=voice,
                                                                   lexicon=lexicon, groups=shown, members=members),
                                   overview)
    if "loaded language" in tables:
        figures["loaded language"] = (lambda: loaded_rates_plot(tables["loaded language"], groups=shown),
                                      {"view": "loaded", "outlets": outlets, "dashboard_link": state.link(view="loaded")})
    shares = tables["label shares"]
    if len(shares):
        sets = list(dict.fromkeys(shares["naming_set"]))
        naming_set = state.get("naming_set") if state.get("naming_set") in sets else sets[0]
        figures[f"label shares {naming_set}"] = (
            lambda: plots.label_shares_plot(shares, naming_set=naming_set, voice=voice, groups=shown),
            {"view": "naming", "naming_set": naming_set, "outlets": outlets,
             "dashboard_link": state.link(view="naming", naming_set=naming_set)})
    actor = state.get("actor")
    actors = {"view": "actors", "actor": actor, "outlets": outlets, "by": ctx.by, "dashboard_link": state.link(view="actors")}
    if actor:
        figures[f"frames about {actor}"] = (lambda: plots.actor_frame_heatmap(
            tables["frame rates by target"], actor=actor, voice=voice, groups=shown), actors)
    if len(tables["actor sentiment"]):
        figures["actor sentiment"] = (lambda: plots.actor_sentiment_plot(tables["actor sentiment"], voice=voice,
                                                                         groups=shown), actors)
    for name, table in tables.items():
        if name.startswith("distinctive terms"):
            terms = {"view": "terms", "focus": state.get("focus"), "versus": state.get("versus"),
                     "method": state.get("method") or "logodds", "dashboard_link": state.link(view="terms")}
            figures[name] = (lambda t=table: plots.terms_scatter(t), terms)
            figures[f"top {name}"] = (lambda t=table: plots.terms_bars(t), terms)
    return figures


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name).strip("_") or "export"
