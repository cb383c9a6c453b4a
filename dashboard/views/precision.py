"""Lexicon precision: each term's measured precision from coded files (one per coder), the
coders' agreement, and candidate terms the lexicon lacks (words over-represented near its hits)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.views.common import md
from framing.errors import FramingError
from framing.lexicon import lexicon_terms
from framing.measure.validation import validation_report
from framing.present.encoding import plural


def render(ctx) -> None:
    st.caption("Open the coded files of the Coding view (or of `framing validate sample`), one per coder. "
               "Precision is the share of a term's coded hits that coders marked correct, with a 95% Wilson "
               "interval; terms nobody coded show no precision.")
    uploads = st.file_uploader("Coded files (CSV)", type=["csv"], accept_multiple_files=True, key="precision_files")
    files = [(u.name, u.getvalue()) for u in uploads or []]
    coded = st.session_state.get("coding_sample")
    if not files and coded is not None and (coded["correct"] != "").any():
        files = [("this session's coding.csv", coded.to_csv(index=False).encode("utf-8"))]
        st.caption("Showing the hits coded in this session (Coding view).")
    report = None
    if files:
        try:
            report = validation_report(files)
        except FramingError as exc:
            st.error(str(exc))
    _term_table(ctx, report)
    if report is not None:
        _agreement(report)
    _candidates(ctx)


def _term_table(ctx, report) -> None:
    st.subheader("Terms and their measured precision")
    terms = lexicon_terms(ctx.analysis.lexicons)[["lexicon", "kind", "frame", "pole", "term"]]
    if report is not None:
        measured = report.terms[["lexicon", "kind", "frame", "pole", "term", "hits_coded", "precision", "low", "high"]]
        terms = terms.merge(measured, on=["lexicon", "kind", "frame", "pole", "term"], how="left")
        terms = terms.sort_values(["precision", "lexicon", "frame", "term"], na_position="last", kind="stable")
        st.caption(f"{int(terms['precision'].notna().sum())} of {len(terms)} terms measured; "
                   f"{plural(report.n_uncoded, 'hit')} of the files not coded yet.")
    else:
        st.caption("No coded file open yet: the precision of each term appears here once you open one, or once "
                   "you code hits in the Coding view.")
    st.dataframe(terms, hide_index=True, width="stretch", column_config={
        "precision": st.column_config.ProgressColumn("precision", min_value=0.0, max_value=1.0, format="%.2f"),
        "low": st.column_config.NumberColumn("95% low", format="%.2f"),
        "high": st.column_config.NumberColumn("95% high", format="%.2f")})


def _agreement(report) -> None:
    st.subheader("Agreement between coders")
    table = report.agreement
    if (table["coders"] < 2).all():
        st.caption("One coder: open two coded files of the same sample to measure agreement.")
        return
    st.dataframe(table, hide_index=True)
    st.caption("Krippendorff's alpha (nominal) over the hits at least two coders judged; 1 is perfect agreement, "
               "0 is chance. 0.8 or more is the usual bar for relying on a coding (Krippendorff 2004).")


def _candidates(ctx) -> None:
    st.subheader("Candidate terms")
    frames = sorted(set(ctx.analysis.hits.loc[ctx.analysis.hits["kind"] == "frame", "frame"].astype(str)))
    if not frames:
        st.caption("No frame hit in this corpus.")
        return
    frame = st.selectbox("Frame", frames, key="precision_frame",
                         help="Words over-represented in the sentences holding a hit of this frame, compared with "
                              "the other sentences, that the lexicon does not have yet. Code a sample of them before "
                              "adding any.")
    table = data.candidate_table(ctx.analysis, frame)
    if table.empty:
        st.caption("No candidate: no word is used more near this frame's hits than elsewhere.")
        return
    shown = pd.DataFrame({"term": table["term"], "uses near hits": table["count"], "uses elsewhere": table["count_vs"],
                          "z": table["z"].round(2)})
    st.dataframe(shown, hide_index=True, width="stretch")
    st.caption(f"Near the hits of {md(frame)}: the {len(shown)} most over-represented terms the lexicon lacks.")
