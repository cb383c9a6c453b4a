"""What every view shares: the context it draws from, the filter bar, and honest messages
for parts of the library that have not landed yet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard import data, data_groups, sources, state
from dashboard.filters import ArticleFilter, date_bounds, largest_outlets, parse_day
from framing.corpus.records import LoadReport
from framing.measure.analysis import Analysis
from framing.present.encoding import group_order

VOICES = {"all": "All voices", "author": "Outlet's own voice", "quoted": "Quoted sources"}
#: Left and right context wide enough to read (a clipped table hid them).
CONTEXT_COLUMNS = {"left": st.column_config.TextColumn(width="large"), "right": st.column_config.TextColumn(width="large"),
                   "match": st.column_config.TextColumn(width="small")}
#: The roles a view shows one at a time, framing (the default) first (lexicons/README.md, Roles).
ROLE_VIEWS = {"framing": "Framing: word choice", "topic": "Topic: what it is about",
              "attribution": "Attribution: who says it"}
#: How a figure's title names the frames of each role.
ROLE_TITLES = {"framing": "Framing words", "topic": "Topic words", "attribution": "Attribution words"}
ROLE_HELP = ("Each lexicon category declares a role. Framing (the default): evaluative, loaded and legitimising or "
             "delegitimising words, how a text frames. Topic: the subjects, institutions and events a text is about. "
             "Attribution: reporting verbs and hedges ('said', 'according to', 'reportedly'). Topic and attribution "
             "words are common in neutral reporting, so they are shown apart from framing.")
#: The choice, where a view offers one lexicon at a time, that shows them all.
ALL_LEXICONS = "(all lexicons)"


@dataclass
class Context:
    """The analysis of a corpus (None when nothing could be loaded) and its load report. The
    corpus itself is loaded only when a view needs it (raw text, fingerprint)."""

    source: sources.Source
    choice: data.LexiconChoice
    analysis: Analysis | None
    report: LoadReport | None
    #: What figures compare: ``outlet``, or a metadata column (``allsides_side``); URL ``by=``.
    by: str = "outlet"

    @property
    def corpus(self):
        corpus = self.analysis.corpus if self.analysis is not None else None
        return corpus if corpus is not None else data.get_corpus(self.source)

    @property
    def outlets(self) -> list[str]:
        return sorted(self.analysis.articles["outlet"].astype(str).unique())

    @property
    def grouped(self) -> bool:
        """True when figures compare the groups of a metadata column, not outlets."""
        return self.by != "outlet"

    @property
    def groups(self) -> list[str]:
        """What figures compare, in the page's one order: outlets, or the values of ``by``."""
        if not self.grouped:
            return self.outlets
        return group_order(self.analysis.articles[self.by].dropna().astype(str).unique())

    @property
    def noun(self) -> str:
        return "outlet" if not self.grouped else self.by

    def members(self) -> dict[str, str] | None:
        """Group -> its outlets with their articles (for hovers); None when comparing outlets."""
        if not self.grouped:
            return None
        from framing.corpus.outlets import members_text

        return members_text(data_groups.members(self.analysis, self.by))

    def outlets_of(self, group: str) -> tuple[str, ...]:
        """The outlets of one group (the outlet itself when comparing outlets)."""
        if not self.grouped:
            return (group,)
        table = data_groups.members(self.analysis, self.by)
        return tuple(table.loc[table["group"] == group, "outlet"])


def filter_bar(ctx: Context, *, voice: bool = True) -> tuple[ArticleFilter, str]:
    """Voice, event and date filters (kept across views and in the URL)."""
    cols = st.columns([1.2, 1.4, 1.4, 0.8])
    with cols[0]:
        chosen_voice = state.choice("Voice", "voice", list(VOICES), format_func=VOICES.get,
                                    help="Whose words a hit is in: the outlet's own, or quoted sources. "
                                         "Rates are always per 1,000 words of the whole text.") if voice else "all"
    with cols[1]:
        event = _event_filter(ctx)
    with cols[2]:
        date_from, date_to = _date_filter(ctx)
    with cols[3]:
        undated = state.choice("Undated articles", "undated", ["keep", "drop"], draw=st.radio, horizontal=True,
                               help="Whether articles without a date stay in when a date range is set.")
    flt = ArticleFilter(event=event, date_from=date_from, date_to=date_to, keep_undated=undated == "keep")
    return flt, chosen_voice


def _event_filter(ctx: Context) -> str | None:
    wanted = state.get("event")
    if not wanted and not st.toggle("Restrict to one event", key="event_toggle",
                                    help="Groups the articles into events first (cached)."):
        return None
    labels = data.event_labels(ctx.analysis)
    events = ["(all events)"] + sorted(labels)
    chosen = state.choice("Event", "event", events, format_func=lambda e: labels.get(e, e))
    return None if chosen == "(all events)" else chosen


def _date_filter(ctx: Context) -> tuple[str | None, str | None]:
    bounds = date_bounds(ctx.analysis.articles)
    if bounds is None:
        st.caption("Dates: no article is dated.")
        return None, None
    lo, hi = bounds
    start = parse_day(state.get("date_from")) or lo
    end = parse_day(state.get("date_to")) or hi
    start, end = max(lo, min(start, hi)), min(hi, max(end, lo))
    picked = state.kept_widget(st.date_input, "Dates", "date_range", default=(start, end),
                               valid=lambda v: v if isinstance(v, (tuple, list)) and len(v) == 2 else (start, end),
                               min_value=lo, max_value=hi)
    if not isinstance(picked, (tuple, list)) or len(picked) != 2:
        return state.get("date_from"), state.get("date_to")
    first, last = picked
    full = first <= lo and last >= hi
    state.put("date_from", None if full else first.isoformat())
    state.put("date_to", None if full else last.isoformat())
    return state.get("date_from"), state.get("date_to")


def md(text: Any) -> str:
    """Text from the corpus, a lexicon or the user, for an element that reads Markdown
    (headings, captions): every Markdown and HTML character escaped, so it shows as written."""
    specials = "\\`*_{}[]()#+-.!|<>$~:"
    return "".join(f"\\{c}" if c in specials else c for c in str(text))


def figure(fig, *, key: str, **kwargs) -> Any:
    """Draw a plotly figure full width, in its own fonts and colours (dark, 14 px: readable on a
    projector, and the same as the exported PNG) rather than Streamlit's lighter theme."""
    return st.plotly_chart(fig, key=key, config={"displaylogo": False}, theme=None, **kwargs)


def role_choice() -> str:
    """Which role of lexicon category a view shows (kept across views and in the URL)."""
    return state.choice("Show", "role", list(ROLE_VIEWS), format_func=ROLE_VIEWS.get, draw=st.radio,
                        horizontal=True, help=ROLE_HELP)


def lexicons_of_role(ctx: Context, role: str) -> list[str]:
    """Names of the analysis's lexicons with at least one frame of ``role``."""
    return [lex.name for lex in ctx.analysis.lexicons if any(f.role == role for f in lex.frames)]


def day_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


MAX_DEFAULT_OUTLETS = 30


def outlets_shown(ctx: Context, articles) -> list[str] | None:
    """Every outlet (or group) when there are few (None); else the user's choice, the 30 with
    the most articles by default. One choice, kept across views and in the URL."""
    if ctx.grouped:
        return None
    outlets = ctx.outlets
    if len(outlets) <= MAX_DEFAULT_OUTLETS:
        return None
    largest = largest_outlets(articles, MAX_DEFAULT_OUTLETS)
    chosen = state.choices(f"Outlets shown ({len(outlets)} in the corpus; the {MAX_DEFAULT_OUTLETS} largest by default)",
                           "overview_outlets", outlets, default=largest, wrap=True)  # every chip seen, not 5 of 30
    return chosen or largest


#: Occurrences listed at once, with their context; the CSV beside the list holds every one.
LISTED_OCCURRENCES = 1_000


def occurrence_list(ctx: Context, lines, columns: list[str], *, key: str, total: int | None = None,
                    every=None) -> None:
    """The first ``LISTED_OCCURRENCES`` of ``lines`` (occurrence rows without their context,
    ``data.occurrence_rows`` or ``data.first_occurrences``) with their context; when there are
    more (``total``, default ``len(lines)``), a CSV of all of them on download: ``every()``, or
    ``lines`` with their context."""
    from framing.present.export import table_csv

    first = lines.head(LISTED_OCCURRENCES)
    total = len(lines) if total is None else total
    shown = data.with_context(ctx.analysis, first)
    st.dataframe(shown[columns], hide_index=True, width="stretch", key=key, column_config=CONTEXT_COLUMNS)
    if total > len(first):
        cols = st.columns([3, 1])
        cols[0].caption(f"The first {len(first):,} of {total:,} are listed (by outlet, article and position); the CSV "
                        "holds every one.")
        cols[1].download_button("All as CSV", key=f"{key}_csv", on_click="ignore", file_name=f"{key}.csv",
                                mime="text/csv", data=lambda: table_csv(
                                    (every() if every else data.with_context(ctx.analysis, lines))[columns]))
