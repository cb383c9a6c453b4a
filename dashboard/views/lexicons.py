"""Lexicons: what the active lexicons contain, upload your own, edit one with validation as
you go, and download the edited YAML."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.live_commit import commit_while_typing
from dashboard.views.common import md
from framing.errors import FramingError
from framing.lexicon import (
    ROLES,
    bundled_lexicon_names,
    bundled_lexicons,
    lexicon_fingerprint,
    lexicon_problems,
    lexicon_terms,
    lexicon_to_yaml,
    parse_lexicon,
)
from framing.present.encoding import plural

BLANK = "(blank template)"
TEMPLATE = """name: my_lexicon
version: "0.1"
description: What this lexicon measures, in one sentence.
licence: CC-BY-4.0
sources:
  - title: Where the terms come from
    licence: CC-BY-4.0
frames:
  legitimacy:
    description: Is the presence lawful and welcome?
    role: framing   # framing (word choice), topic (subject) or attribution (reporting verbs)
    poles:
      legitimate: [legitimate, invited, at the request of]
      illegitimate: [occupation, occupied, illegal, uninvited]
"""


def render(ctx) -> None:
    _summary(ctx)
    st.subheader("Add your own")
    st.file_uploader("Lexicon files (YAML)", type=["yaml", "yml"], accept_multiple_files=True,
                     key="lexicon_upload", on_change=_on_upload)
    for message in st.session_state.pop("lexicon_messages", []):
        if not message.startswith("✗"):
            st.success(md(message))
            continue
        head, _, rest = message.partition("\n")
        st.error(md(head))
        if rest:
            st.code(rest, language=None)
    _editor()


def _summary(ctx) -> None:
    lexicons = ctx.analysis.lexicons if ctx.analysis is not None else ()
    if not lexicons:
        st.info("No lexicon is active: pick bundled ones in the sidebar or add your own below.")
        return
    rows = []
    terms = lexicon_terms(lexicons)
    for lex in lexicons:
        count = terms[terms["lexicon"] == lex.name]
        roles = [c.role for c in (*lex.frames, *lex.naming_sets)]
        rows.append({"lexicon": lex.name, "version": lex.version, "frames": len(lex.frames),
                     "naming sets": len(lex.naming_sets), "actors": len(lex.actors), "terms": len(count),
                     "roles": ", ".join(f"{role} {roles.count(role)}" for role in ROLES if role in roles),
                     "fingerprint": lexicon_fingerprint(lex)[:12], "description": lex.description})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    with st.expander("Sources and licences"):
        for lex in lexicons:
            st.markdown(f"**{md(lex.name)}** {md(lex.version)}")
            st.text("\n".join(lex.sources) or "(no sources given)")


def _add_custom(lexicon, text: str) -> None:
    custom = st.session_state.setdefault("custom_lexicons", {})
    custom[lexicon.name] = text
    picked = state.get("lexicons")
    if picked and lexicon.name in picked:  # your version replaces the bundled one of that name
        state.put("lexicons", [n for n in picked if n != lexicon.name])


def _on_upload() -> None:
    messages = []
    for upload in st.session_state.get("lexicon_upload") or []:
        try:
            text = upload.getvalue().decode("utf-8")
            lexicon = parse_lexicon(text, source=upload.name)
        except UnicodeDecodeError:
            messages.append(f"✗ {upload.name}: not UTF-8 text; save the file as UTF-8")
            continue
        except FramingError as exc:
            messages.append(f"✗ {exc}")
            continue
        _add_custom(lexicon, text)
        messages.append(f"✓ {upload.name}: lexicon '{lexicon.name}' {lexicon.version} added")
    st.session_state["lexicon_messages"] = messages


def _start_text(name: str) -> str:
    custom = st.session_state.get("custom_lexicons", {})
    if name in custom:
        return custom[name]
    if name in bundled_lexicon_names():
        lexicon = bundled_lexicons(name)[0]
        path = Path(lexicon.path)
        return path.read_text(encoding="utf-8") if path.is_file() else lexicon_to_yaml(lexicon)
    return TEMPLATE


def _on_start_change() -> None:
    st.session_state["lexicon_text"] = _start_text(st.session_state["lexicon_start"])


def _editor() -> None:
    st.subheader("Edit a lexicon")
    names = [BLANK, *bundled_lexicon_names(), *st.session_state.get("custom_lexicons", {})]
    start = st.selectbox("Start from", list(dict.fromkeys(names)), key="lexicon_start", on_change=_on_start_change)
    if "lexicon_text" not in st.session_state:
        st.session_state["lexicon_text"] = _start_text(start)
    text = st.text_area("Lexicon YAML", key="lexicon_text", height=420,
                        help="Checked as you type (after a short pause), and on Ctrl+Enter.")
    commit_while_typing("Lexicon YAML")
    problems = lexicon_problems(text, source="edited lexicon")
    if problems:
        st.error(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} to fix:")
        st.code("\n".join(problems), language=None)
    else:
        lexicon = parse_lexicon(text, source="edited lexicon")
        st.success(f"Valid: '{lexicon.name}' {lexicon.version} with {plural(len(lexicon.frames), 'frame')}, "
                   f"{plural(len(lexicon.naming_sets), 'naming set')} and {plural(len(lexicon.actors), 'actor')}.")
    cols = st.columns(2)
    cols[0].button("Use this lexicon", key="use_edited", disabled=bool(problems), on_click=_use_edited)
    cols[1].download_button("Download YAML", text.encode("utf-8"), file_name=_file_name(text),
                            mime="application/x-yaml", key="download_lexicon", on_click="ignore")


def _use_edited() -> None:
    text = st.session_state["lexicon_text"]
    try:
        lexicon = parse_lexicon(text, source="edited lexicon")
    except FramingError as exc:
        st.session_state["lexicon_messages"] = [f"✗ {exc}"]
        return
    _add_custom(lexicon, text)
    st.session_state["lexicon_messages"] = [f"✓ lexicon '{lexicon.name}' {lexicon.version} is now in use"]


def _file_name(text: str) -> str:
    try:
        name = parse_lexicon(text, source="edited lexicon").name
    except FramingError:
        name = "lexicon"
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) + ".yaml"
