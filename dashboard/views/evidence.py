"""The sentences behind a heatmap cell: a click on a cell (or two pickers) chooses an outlet
and a frame pole, and every hit behind that number is listed with its context. Shared by the
overview (frame rates) and the actors view (frame rates of hits about one actor)."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.views.common import md, occurrence_list
from framing.present.encoding import plural

EVIDENCE_COLUMNS = ("left", "match", "right", "voice", "speaker", "negated", "hedged", "target", "title", "article_id")


def poles_of(ctx, lexicon: str | None, role: str | None = None) -> list[str]:
    """``frame/pole`` for each pole of the lexicon's frames (every lexicon's when None; only
    frames of ``role`` when given)."""
    return [f"{f.name}/{p.name}" for lex in ctx.analysis.lexicons if lexicon in (None, lex.name)
            for f in lex.frames if role in (None, f.role) for p in f.poles]


def follow_cell_click(event, ctx, *, outlet_key: str, pole_key: str) -> None:
    """A click on a heatmap cell picks that outlet and pole for the evidence below (once per
    click: a later rerun keeps what the user picked since)."""
    points = getattr(getattr(event, "selection", None), "points", None) or \
        ((event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else [])
    custom = next((p.get("customdata") for p in points if p.get("customdata")), None)
    cell = tuple(custom[:3]) if custom else None
    memory = f"_clicked_{outlet_key}"
    if cell and st.session_state.get(memory) != cell and cell[0] in ctx.groups:
        state.put(outlet_key, cell[0])
        state.put(pole_key, f"{cell[1]}/{cell[2]}")
    st.session_state[memory] = cell


def evidence(ctx, flt, *, poles: list[str], voice: str, busiest: tuple[str, str] | None, outlet_key: str,
             pole_key: str, target: str | None = None) -> None:
    """Every hit behind one heatmap cell (of ``target``, when given), with its context: click
    a cell or pick it here (the cell with the most hits until then)."""
    st.subheader("The sentences behind a number")
    cols = st.columns(2)
    with cols[0]:
        outlet = state.choice(ctx.noun.capitalize() if ctx.grouped else "Outlet", outlet_key, ctx.groups,
                              default=busiest[0] if busiest else None)
    with cols[1]:
        pole = state.choice("Frame: pole", pole_key, poles, default=busiest[1] if busiest else None)
    lines = data.occurrence_rows(ctx.analysis, flt, pole, kind="pole", outlets=ctx.outlets_of(outlet))
    about = ""
    if target is not None:
        lines = lines[lines["target"] == target]
        about = f" about {md(target)}"
    counted = lines if voice == "all" else lines[lines["voice"] == voice]
    inside = f" ({plural(len(ctx.outlets_of(outlet)), 'outlet')})" if ctx.grouped else ""
    st.caption(f"{plural(len(lines), 'hit')} of {md(pole)}{about} in {md(outlet)}{inside} ({len(counted):,} in the "
               "chosen voice; negated hits are listed but not counted in the rate). Click a heatmap cell to show its "
               "hits here.")
    columns = (["outlet"] if ctx.grouped else []) + [c for c in EVIDENCE_COLUMNS if c in lines]
    occurrence_list(ctx, lines, columns, key=f"evidence_{outlet_key}")
