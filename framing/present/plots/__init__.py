"""Figures: pure functions, tidy tables in, ``plotly.graph_objects.Figure`` out.

Nothing is shown or saved here (the dashboard shows, ``framing.present.export`` saves). Every figure
that rests on a statistic carries its interval and the number of articles behind it in the
hover, and marks figures resting on too few articles (``low_support``) with a dagger.
The input columns are those of docs/data-model.md. One module per family of figures:
``frames`` (rate heatmaps, axis balance), ``labels`` (naming), ``sentiment`` (actors),
``terms`` (distinctive terms), ``outlets`` (outlet map, event coverage); ``common`` holds
what they share (fonts, colours, names, checks).
"""
from framing.present.plots.common import FONT, LOW_SUPPORT_MARK, QUALITATIVE, VOICE_NAMES, frame_label, safe, voice_name
from framing.present.plots.frames import actor_frame_heatmap, axis_balance_plot, frame_heatmap
from framing.present.plots.labels import label_shares_plot
from framing.present.plots.outlets import event_coverage_plot, outlet_map_plot
from framing.present.plots.sentiment import actor_sentiment_plot
from framing.present.plots.terms import terms_bars, terms_scatter

__all__ = ["FONT", "LOW_SUPPORT_MARK", "QUALITATIVE", "VOICE_NAMES", "actor_frame_heatmap", "actor_sentiment_plot",
           "axis_balance_plot", "event_coverage_plot", "frame_heatmap", "frame_label", "label_shares_plot",
           "outlet_map_plot", "safe", "terms_bars", "terms_scatter", "voice_name"]
