"""The sidebar: which view, which corpus (bundled, a path, an uploaded table or ZIP) and which
lexicons. Changing the corpus or lexicons only records the choice; loading is cached in
``dashboard.data``. A new corpus resets the settings that belong to the old one (its date
range, events, outlets, clicked cells), and any failure to store or open it is a message in
the sidebar: the session goes on with the corpus it had."""
from __future__ import annotations

import streamlit as st

from dashboard import data, data_groups, sources, state
from dashboard.uploads import MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, MAX_ZIP_FILES, TABLE_SUFFIXES, MiB, extract_zip, save_upload
from dashboard.views.common import md
from framing.errors import FramingError

#: Views in menu order: URL slug -> label.
VIEWS = {
    "overview": "Overview", "side-by-side": "Side by side", "loaded": "Loaded language", "actors": "Actors",
    "naming": "Naming", "terms": "Distinctive terms", "events": "Events", "time": "Over time",
    "coverage": "Coverage by group", "corpus": "Corpus and load report", "lexicons": "Lexicons",
    "coding": "Coding (validate hits)", "precision": "Lexicon precision", "export": "Export",
}
#: Streamlit's upload limit, in its MB, which are MiB (it multiplies by 1024 * 1024).
MAX_UPLOAD_MIB = MAX_UPLOAD_BYTES // MiB
SOURCE_KINDS = {
    "bundled": "Bundled demo corpus", "path": "A path on this machine",
    "upload": "Upload a table (CSV, JSON lines, Parquet)", "zip": "Upload a ZIP of text/HTML files + manifest.csv",
}


def current_source() -> sources.Source:
    if "source" not in st.session_state:
        st.session_state["source"] = sources.startup_source()
    return st.session_state["source"]


#: Settings that name things of one corpus (its days, events, outlets): a new corpus drops them.
CORPUS_SETTINGS = ("date_from", "date_to", "date_range", "event", "align_event", "outlets", "overview_outlets",
                   "cell_outlet", "cell_pole", "actor_outlet", "actor_pole", "naming_outlet", "naming_label", "term")


def set_source(source: sources.Source) -> None:
    """Make ``source`` the corpus; when it is another corpus, the old corpus's settings go
    (its date range would not even fit the new date filter)."""
    previous = st.session_state.get("source")
    st.session_state["source"] = source
    st.session_state.pop("source_error", None)
    if previous is not None and previous != source:
        for name in CORPUS_SETTINGS:
            st.session_state.pop(name, None)
            st.session_state.pop(f"_keep_{name}", None)
        st.session_state.pop("event_toggle", None)


def _refuse(what: str, exc: Exception) -> None:
    """Keep the current corpus and say why ``what`` could not be used: a library error as it
    is, anything else as one line naming its type (never Streamlit's crash page)."""
    if isinstance(exc, FramingError):
        st.session_state["source_error"] = str(exc)
    else:
        text = " ".join(str(exc).split())[:300]
        st.session_state["source_error"] = (f"Could not use {what}: unexpected {type(exc).__name__}"
                                            f"{': ' + text if text else ''}. The corpus shown is unchanged; "
                                            "please report this with the file that caused it.")


def _columns() -> tuple[tuple[str, str], ...]:
    """The column names typed in the sidebar, as ``Source.columns``."""
    pairs = (("text", st.session_state.get("text_column", "")), ("outlet", st.session_state.get("outlet_column", "")))
    return tuple((field, name.strip()) for field, name in pairs if name and name.strip())


def _on_columns() -> None:
    """New column names reload the current table (a path or an upload) with them."""
    from dataclasses import replace

    source = current_source()
    if source.kind in ("path", "upload"):
        set_source(replace(source, columns=_columns()))


def _on_path() -> None:
    raw = st.session_state.get("corpus_path", "").strip()
    if raw:
        try:
            set_source(sources.browser_path_source(raw, columns=_columns()))
        except Exception as exc:
            _refuse(raw, exc)


def _use_upload(widget_key: str, store, kind: str, **options) -> None:
    """Store the file uploaded through ``widget_key`` with ``store`` (save or unpack it safely)
    and make it the corpus; a refused upload becomes a message."""
    upload = st.session_state.get(widget_key)
    if upload is None:
        return
    try:
        path = store(upload.name, upload.getvalue(), sources.UPLOAD_DIR)
        set_source(sources.path_source(path, kind=kind, label=f"uploaded {upload.name}", **options))
    except Exception as exc:
        _refuse(upload.name, exc)


def _on_table_upload() -> None:
    _use_upload("corpus_upload", save_upload, "upload", columns=_columns())


def _on_zip_upload() -> None:
    _use_upload("corpus_zip", extract_zip, "zip")


def _on_bundled() -> None:
    set_source(sources.path_source(sources.BUNDLED_CORPUS, kind="bundled", label="bundled demo corpus (5 articles)"))


def corpus_controls() -> None:
    source = current_source()
    st.caption(f"Corpus: **{md(source.label)}**")
    if "source_kind" not in st.session_state:  # first run: show the kind of source the dashboard opened
        st.session_state["source_kind"] = source.kind if source.kind in SOURCE_KINDS else "bundled"
        if source.kind == "path":
            st.session_state.setdefault("corpus_path", source.path)
    with st.expander("Change corpus", expanded=False):
        kind = st.radio("Source", list(SOURCE_KINDS), format_func=SOURCE_KINDS.get, key="source_kind")
        if kind == "bundled":
            st.button("Open the bundled demo corpus", on_click=_on_bundled, key="open_bundled")
        elif kind == "path":
            root = sources.data_root()
            st.text_input("Folder (with manifest.csv) or file (CSV, JSONL, Parquet, HTML)", key="corpus_path",
                          placeholder=str(root / "my-corpus") if root else "(off: see below)")
            st.button("Load this path", on_click=_on_path, key="load_path")
            st.caption(f"Only paths under `{md(str(root))}` (set with `--data-root` when the dashboard starts)."
                       if root else "Opening paths is off: start the dashboard with a corpus or `--data-root FOLDER`.")
        elif kind == "upload":
            st.file_uploader("Corpus table", type=[s.lstrip(".").split(".")[-1] for s in TABLE_SUFFIXES],
                             key="corpus_upload", on_change=_on_table_upload, max_upload_size=MAX_UPLOAD_MIB)
        else:
            st.file_uploader("ZIP archive", type=["zip"], key="corpus_zip", on_change=_on_zip_upload,
                             max_upload_size=MAX_UPLOAD_MIB)
        if kind in ("path", "upload"):
            st.caption("Column names, only when the loader does not find them (it looks for text, body, "
                       "content, story…; outlet, source, publisher…):")
            cols = st.columns(2)
            cols[0].text_input("Text column", key="text_column", on_change=_on_columns, placeholder="text")
            cols[1].text_input("Outlet column", key="outlet_column", on_change=_on_columns, placeholder="outlet")
        st.caption(f"Uploads up to {MAX_UPLOAD_MIB} MiB, unpacking to at most {MAX_UNPACKED_BYTES // MiB} MiB "
                   f"(a ZIP: {MAX_ZIP_FILES:,} files); larger corpora: give their path.")
    if st.session_state.get("source_error"):
        st.error(st.session_state["source_error"])


def lexicon_choice() -> data.LexiconChoice:
    """The bundled lexicons picked in the sidebar and the user's own (from the Lexicons view)."""
    from framing.lexicon import bundled_lexicon_names

    names = list(bundled_lexicon_names())
    custom = st.session_state.setdefault("custom_lexicons", {})
    picked = state.choices("Bundled lexicons", "lexicons", names, default=names,
                           help="The user's own lexicons are added in the Lexicons view.")
    if custom:
        st.caption("Your lexicons: " + ", ".join(f"**{md(n)}**" for n in custom))
    return data.LexiconChoice(tuple(picked), tuple(sorted(custom.items())))


def compare_by(ctx) -> None:
    """The "Compare by" control (URL ``by=``): outlet, or a metadata column of the corpus or of
    an outlet table joined onto it; sets ``ctx.by`` (and ``ctx.analysis`` to the joined one)."""
    from framing.corpus.outlets import grouping_columns

    _outlet_table(ctx)
    options = ["outlet", *grouping_columns(ctx.analysis.articles)]
    ctx.by = state.choice("Compare by", "by", options,
                          help="Every view compares outlets, or the groups of a metadata column (a leaning, a country, "
                               "a topic: columns of the corpus or of an outlet table). Hovers and the sentences behind "
                               "a number name the outlets inside each group.")
    if ctx.grouped:
        n = len(ctx.groups)
        st.caption(f"{n} groups of **{md(ctx.by)}**; articles with no value are in none.")


def _outlet_table(ctx) -> None:
    """Join an outlet table (CSV: outlet, leaning, country, ...) uploaded or given as a path
    under the data root; its report lines are shown once joined."""
    with st.expander("Outlet table (leaning, country…)", expanded=False):
        kinds = ["none", "upload"] + (["path"] if sources.data_root() is not None else [])
        kind = st.radio("Outlet table from", kinds, key="outlet_kind", horizontal=True,
                        format_func={"none": "none", "upload": "an upload", "path": "a path"}.get)
        if kind == "upload":  # drawn only when asked for: one file input in the sidebar at a time
            st.file_uploader("Outlet table (CSV or TSV with an outlet column)", type=["csv", "tsv"],
                             key="outlet_upload", on_change=_on_outlet_upload)
        elif kind == "path":
            st.text_input("Path under the data root", key="outlet_path", on_change=_on_outlet_path)
        else:
            st.session_state.pop("outlet_table_path", None)
        path = st.session_state.get("outlet_table_path")
        if st.session_state.get("outlet_error"):
            st.error(st.session_state["outlet_error"])
        if not path:
            return
        try:
            from framing.corpus.outlets import read_outlet_table

            digest = read_outlet_table(path).digest
            ctx.analysis, lines = data_groups.with_outlet_table(ctx.analysis, path, digest)
        except FramingError as exc:
            st.error(str(exc))
            return
        st.caption(md(" · ".join(lines[:3])))


def _on_outlet_upload() -> None:
    upload = st.session_state.get("outlet_upload")
    if upload is None:
        st.session_state.pop("outlet_table_path", None)
        return
    try:
        st.session_state["outlet_table_path"] = str(save_upload(upload.name, upload.getvalue(), sources.UPLOAD_DIR))
        st.session_state.pop("outlet_error", None)
    except FramingError as exc:
        st.session_state["outlet_error"] = str(exc)


def _on_outlet_path() -> None:
    raw = st.session_state.get("outlet_path", "").strip()
    if not raw:
        st.session_state.pop("outlet_table_path", None)
        return
    try:
        st.session_state["outlet_table_path"] = sources.browser_path_source(raw).path
        st.session_state.pop("outlet_error", None)
    except FramingError as exc:
        st.session_state["outlet_error"] = str(exc)


def view_menu() -> str:
    return state.choice("View", "view", list(VIEWS), format_func=VIEWS.get, draw=st.radio,
                        label_visibility="collapsed")
