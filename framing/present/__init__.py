"""The present stage: what a reader sees, built from the tables of the earlier stages.

``plots`` holds the figures (pure functions, tidy tables in, plotly figures out; import it as
``from framing.present import plots``); ``colours`` gives every frame, naming set and actor its
one colour; ``highlight`` renders article text as escaped HTML with its hits marked; ``export``
writes tables and figures with a reproducibility manifest.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.present.colours import frame_colours, lexicon_colours, readable_background, striped_poles
    from framing.present.export import export_bundle, figure_html, figure_png, reproducibility_manifest, table_csv
    from framing.present.highlight import escape_text, highlight_html, legend_html, removed_html, word_diff_html, words_table
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.present.colours": ("frame_colours", "lexicon_colours", "readable_background", "striped_poles"),
        "framing.present.highlight": ("escape_text", "highlight_html", "legend_html", "removed_html",
            "word_diff_html", "words_table"),
        "framing.present.export": ("export_bundle", "figure_html", "figure_png", "reproducibility_manifest",
            "table_csv"),
    })

__all__ = ["escape_text", "export_bundle", "figure_html", "figure_png", "frame_colours", "highlight_html",
           "legend_html", "lexicon_colours", "readable_background", "removed_html", "reproducibility_manifest",
           "striped_poles", "table_csv", "word_diff_html", "words_table"]
