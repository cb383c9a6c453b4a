"""Coding: check lexicon hits by hand, one at a time, with keyboard shortcuts; download the
coded file for ``framing validate report`` or the Lexicon precision view."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.views.common import md
from framing.errors import FramingError
from framing.measure.validation import SAMPLE_COLUMNS, coding_progress, record_judgement, write_sample
from framing.present.highlight import escape_text

SAMPLE = "coding_sample"
POSITION = "coding_position"


def render(ctx) -> None:
    st.caption("Draw a sample of lexicon hits and mark each one right or wrong: the precision of every term "
               "is then measured, not assumed (Grimmer & Stewart 2013). Two coders coding the same file "
               "give their agreement (Krippendorff's alpha) in the Lexicon precision view.")
    _sample_controls(ctx)
    sample = st.session_state.get(SAMPLE)
    if sample is None or sample.empty:
        st.info("Draw a sample (or open a coded file) to start.")
        return
    done, total, first_open = coding_progress(sample)
    st.progress(done / total if total else 0.0, text=f"{done} of {total} hits coded")
    position = min(st.session_state.get(POSITION, first_open or 0), total - 1)
    _one_hit(sample, position, total)
    buffer = _csv(sample)
    st.download_button("Download the coded file (CSV)", buffer, file_name="coded_hits.csv", mime="text/csv",
                       key="coding_download")


def _sample_controls(ctx) -> None:
    with st.expander("Sample", expanded=st.session_state.get(SAMPLE) is None):
        lexicons = sorted({lex.name for lex in ctx.analysis.lexicons})
        cols = st.columns([2, 1, 1, 2])
        lexicon = cols[0].selectbox("Lexicon", lexicons, key="coding_lexicon")
        per_term = cols[1].number_input("Hits per term", 1, 100, 5, key="coding_per_term")
        seed = cols[2].number_input("Seed", 0, 10_000, 0, key="coding_seed")
        cols[3].text_input("Coder (your name or initials)", key="coding_coder")
        if st.button("Draw a new sample", key="coding_draw"):
            st.session_state[SAMPLE] = data.validation_sample(ctx.analysis, lexicon, int(per_term), int(seed))
            st.session_state[POSITION] = 0
        upload = st.file_uploader("…or continue a coded file", type=["csv"], key="coding_upload")
        if upload is not None and st.session_state.get("_coding_upload_name") != upload.name:
            try:
                st.session_state[SAMPLE] = _read(upload.getvalue())
                st.session_state["_coding_upload_name"] = upload.name
                st.session_state.pop(POSITION, None)
            except FramingError as exc:
                st.error(str(exc))


def _read(raw: bytes) -> pd.DataFrame:
    import io

    table = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    missing = [c for c in SAMPLE_COLUMNS if c not in table.columns]
    if missing:
        raise FramingError(f"this file is not a sample of 'framing validate sample': no column {missing[0]!r}")
    return table[list(SAMPLE_COLUMNS)]


def sentence_html(sentence: str) -> str:
    """The sentence escaped, its «marked» words in <mark>."""
    escaped = escape_text(sentence)
    return re.sub(r"«(.*?)»", r"<mark class='coding-hit'>\1</mark>", escaped)


def _one_hit(sample: pd.DataFrame, position: int, total: int) -> None:
    row = sample.iloc[position]
    st.markdown(f"**Hit {position + 1} of {total}** · {md(row['outlet'])} · term **{md(row['term'])}** → "
                f"{md(row['frame'])} / {md(row['pole'])} ({md(row['lexicon'])}) · {md(row['voice'])}")
    st.markdown(f"<div class='coding-sentence' style='font-size:1.35rem;line-height:1.6'>"
                f"{sentence_html(row['sentence'])}</div>", unsafe_allow_html=True)
    if row["correct"]:
        st.caption(f"Coded: {md(row['correct'])}" + (f" (should be {md(row['right_frame'])})" if row["right_frame"] else ""))
    right = st.text_input("If wrong: the right frame/pole (optional)", value=row["right_frame"], key=f"coding_right_{position}")
    cols = st.columns(4)
    coder = st.session_state.get("coding_coder", "")
    if cols[0].button("✓ Correct", key="coding_yes", shortcut="y", type="primary", help="shortcut: y"):
        _code(sample, position, True, right, coder)
    if cols[1].button("✗ Wrong", key="coding_no", shortcut="n", help="shortcut: n"):
        _code(sample, position, False, right, coder)
    if cols[2].button("← Back", key="coding_back", shortcut="b", help="shortcut: b", disabled=position == 0):
        st.session_state[POSITION] = position - 1
        st.rerun()
    if cols[3].button("Skip →", key="coding_skip", shortcut="s", help="shortcut: s", disabled=position >= total - 1):
        st.session_state[POSITION] = position + 1
        st.rerun()


def _code(sample: pd.DataFrame, position: int, correct: bool, right: str, coder: str) -> None:
    st.session_state[SAMPLE] = record_judgement(sample, position, correct, right_frame=right if not correct else "",
                                                coder=coder)
    st.session_state[POSITION] = min(position + 1, len(sample) - 1)
    st.rerun()


def _csv(sample: pd.DataFrame) -> bytes:
    import io

    buffer = io.StringIO()
    write_sample(sample, buffer)
    return buffer.getvalue().encode("utf-8")
