"""framing dashboard: compare how outlets frame the same events, from the overview down to
the sentence.

Run: ``framing dashboard [PATH]`` or ``streamlit run dashboard/app.py -- --corpus PATH``.
Opens on the bundled demo corpus and lexicons when no path is given.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # Streamlit puts only this folder on sys.path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import classroom, data, sidebar, state  # noqa: E402
from dashboard.views import render_view  # noqa: E402
from dashboard.views.common import Context  # noqa: E402
from framing.errors import FramingError  # noqa: E402


def load_context(source, choice) -> Context | None:
    """The analysis of the corpus (cached in memory and on disk) and its load report; errors
    are shown as messages, never tracebacks."""
    try:
        analysis = data.get_analysis(source, choice)
    except data.EmptyCorpus as exc:
        st.error(str(exc))
        return Context(source, choice, None, data.get_corpus(source).report)
    except FramingError as exc:
        hint = (". In the dashboard: type the column's name in Text column (or Outlet column) under Change corpus."
                if "_column=" in str(exc) else "")
        st.error(f"Could not open {source.label}: {exc}{hint}")
        return None
    except Exception as exc:
        text = " ".join(str(exc).split())[:300]
        st.error(f"Could not open {source.label}: unexpected {type(exc).__name__}{': ' + text if text else ''}. "
                 "Open another corpus under Change corpus; please report this with the file that caused it.")
        return None
    return Context(source, choice, analysis, analysis.report)


def main() -> None:
    """One run of the page: sidebar, title, the corpus's analysis, the view chosen."""
    st.set_page_config(page_title="framing: how outlets frame the same events", page_icon="📰", layout="wide")
    state.restore_from_url()
    with st.sidebar:
        st.markdown("### framing")
        in_class = classroom.mode_toggle()
        view = classroom.screen_menu() if in_class else sidebar.view_menu()
        st.divider()
        if not in_class:  # a lesson names no corpus file: the corpus is chosen outside classroom mode
            sidebar.corpus_controls()
        try:
            choice = classroom.lexicon_choice() if in_class else sidebar.lexicon_choice()
        except FramingError as exc:
            st.error(str(exc))
            choice = data.LexiconChoice(())

    st.title(classroom.SCREENS[view] if in_class else sidebar.VIEWS[view])
    ctx = load_context(sidebar.current_source(), choice)
    if ctx is not None and ctx.analysis is not None and not in_class:  # a lesson names no outlet or group
        with st.sidebar:
            try:
                sidebar.compare_by(ctx)
            except FramingError as exc:
                st.error(str(exc))
    if ctx is not None and not in_class:
        report = ctx.report
        skipped = f", {len(report.skipped):,} skipped (see Corpus and load report)" if report.skipped else ""
        st.sidebar.caption(f"{report.loaded:,} articles loaded from {report.seen:,} inputs{skipped}")
    if ctx is not None:
        try:
            if in_class:
                classroom.render_screen(view, ctx)
            else:
                render_view(view, ctx)
        except FramingError as exc:
            st.error(str(exc))
        except Exception as exc:  # a bug: say what happened, without a traceback
            st.error(f"Something went wrong in this view ({type(exc).__name__}: {exc}). "
                     "Please report it with the steps that led here.")
    state.mirror_to_url(state.CLASSROOM_URL if in_class else state.RESEARCH_URL)
    if ctx is not None and ctx.analysis is not None:  # the page is drawn: prepare what other views need
        data.after_first_page(ctx.source, data.get_analysis(ctx.source, choice))  # (not an outlet table's join)


# Streamlit runs this file as __main__. The worker processes of a first analysis are started from
# a forkserver, which imports the main module again (as __mp_main__): the page must not run there,
# or every worker would open the corpus and start workers of its own.
if __name__ == "__main__":
    main()
