"""Coverage by group: which events one group (a leaning, a country) covered and another left
out (a blindspot list), and who covered each event, the outlets of each group in the hover."""
from __future__ import annotations

import streamlit as st

from dashboard import data_groups, state
from dashboard.views.common import figure
from framing.compare.coverage import MIN_SHARE, search_events
from framing.present.coverage_plots import KIND_NAMES, blindspot_counts_plot, group_coverage_plot

PAGE = 50


def render(ctx) -> None:
    if not ctx.grouped:
        st.info("Coverage by group compares the groups of a metadata column (left / center / right, a country): pick "
                "one under **Compare by** in the sidebar (columns of the corpus, or of an outlet table you add there).")
        return
    spots = data_groups.blindspots(ctx.analysis, ctx.by)
    coverage = data_groups.group_coverage_table(ctx.analysis, ctx.by)
    events = data_groups.event_list(ctx.analysis, ctx.by)
    titles = dict(zip(events["event_id"], events["title"].astype(str)))
    cols = st.columns(4)
    cols[0].metric("Events with a group", f"{len(spots):,}")
    for col, kind in zip(cols[1:], ("only", "mostly", "missing")):
        col.metric(f"Covered by {KIND_NAMES[kind]}", f"{int((spots['kind'] == kind).sum()):,}")
    figure(blindspot_counts_plot(spots, by=ctx.by), key="blindspot_counts")
    st.subheader("Blindspots: events covered mostly by one group")
    st.caption(f"“only”: one group has every article; “mostly”: one group has {MIN_SHARE:.0%} or more of at least "
               "two articles; “missing”: some group has none. Expected share: the top group's share of all event "
               "articles, what it would have if coverage did not lean.")
    query = state.text("Search events (words of the title, an outlet, an id)", "event_search")
    table = _readable(spots, titles)
    found = table[table["event_id"].isin(set(search_events(events, query)["event_id"]))] if query.strip() else table
    page = _page(len(found), key="blindspot_page")
    st.dataframe(found.iloc[page * PAGE:(page + 1) * PAGE], hide_index=True, width="stretch", key="blindspot_table",
                 column_config={"title": st.column_config.TextColumn(width="large")})
    shown = list(found["event_id"].iloc[page * PAGE:(page + 1) * PAGE])
    figure(group_coverage_plot(coverage, events=shown, labels=titles, top=PAGE, by=ctx.by), key="group_coverage")


def _readable(spots, titles):
    out = spots.assign(title=spots["event_id"].map(titles), kind=spots["kind"].replace("", "balanced or too few"),
                       top_share=[f"{s:.0%}" for s in spots["top_share"]],
                       expected_share=[f"{s:.0%}" for s in spots["expected_share"]],
                       missing=[", ".join(m) for m in spots["missing"]],
                       counts=[" · ".join(f"{g} {n}" for g, n in c) for c in spots["counts"]])
    return out[["event_id", "title", "kind", "top_group", "top_share", "expected_share", "counts", "missing",
                "n_articles", "n_outlets", "n_ungrouped"]].rename(columns={"n_articles": "articles",
                                                                            "n_outlets": "outlets",
                                                                            "n_ungrouped": "articles in no group"})


def _page(n_rows: int, *, key: str) -> int:
    """A page picker when the rows fill more than one page; the page index."""
    pages = max(1, -(-n_rows // PAGE))
    if pages == 1:
        st.caption(f"{n_rows:,} events")
        return 0
    page = st.number_input(f"Page (of {pages}; {n_rows:,} events, {PAGE} a page)", min_value=1, max_value=pages,
                           value=1, key=key)
    return int(page) - 1


