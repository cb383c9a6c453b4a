"""Overview: outlet x frame rates and the balance of each axis, with voice, event and date
filters."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.views.common import filter_bar, figure, lexicon_with
from framing import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    articles, hits, _ = data.filtered_tables(ctx.analysis, ctx.key, flt)
    cols = st.columns(4)
    cols[0].metric("Articles", f"{len(articles):,}")
    cols[1].metric("Outlets", f"{articles['outlet'].nunique():,}")
    cols[2].metric("Words", f"{int(articles['n_words'].sum()):,}")
    cols[3].metric("Lexicon hits", f"{int((hits['kind'] == 'frame').sum()):,}")
    lexicons = lexicon_with(ctx, "frames")
    if not lexicons:
        st.warning("None of the chosen lexicons has frames: pick one in the sidebar.")
        return
    lexicon = state.choice("Lexicon", "lexicon_view", lexicons)
    scores = data.frame_scores(ctx.analysis, ctx.key, flt, voice=voice)
    figure(plots.frame_heatmap(scores, voice=voice, lexicon=lexicon), key="overview_heatmap")
    balance = data.balance_scores(ctx.analysis, ctx.key, flt, voice=voice)
    figure(plots.axis_balance_plot(balance, voice=voice, lexicon=lexicon), key="overview_balance")
    st.caption("Rates are hits per 1,000 words of each outlet's articles (negated hits excluded), with 95% "
               "bootstrap intervals over articles. Balance is (pole A − pole B) / (A + B). † and open circles: "
               "fewer articles than a stable figure needs.")
