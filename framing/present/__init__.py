"""The present stage: what a reader sees, built from the tables of the earlier stages.

``plots`` holds the figures (pure functions, tidy tables in, plotly figures out; import it as
``from framing.present import plots``; ``time_plots`` and ``coverage_plots`` draw scores over
time and who covered which event, with ``encoding``'s honest-evidence rules); ``colours`` gives
every frame, naming set and actor of the dashboard its one colour, ``palette`` the colour-blind
safe colours of the report and of word diffs; ``highlight`` renders article text as escaped
HTML with its hits marked; ``export`` writes tables and figures with a reproducibility
manifest; ``report`` builds the one-file HTML report (``report_page``, ``report_sections``,
``glossary``, ``anonymise`` for classrooms, ``pdf``).
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.present.anonymise import anonymise
    from framing.present.colours import frame_colours, lexicon_colours, readable_background, striped_poles
    from framing.present.export import export_bundle, figure_html, figure_png, reproducibility_manifest, table_csv
    from framing.present.highlight import escape_text, highlight_html, legend_html, removed_html, word_diff_html, words_table
    from framing.present.palette import frame_pole_colours
    from framing.present.report import ReportSettings, build_report
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.present.colours": ("frame_colours", "lexicon_colours", "readable_background", "striped_poles"),
        "framing.present.highlight": ("escape_text", "highlight_html", "legend_html", "removed_html",
            "word_diff_html", "words_table"),
        "framing.present.export": ("export_bundle", "figure_html", "figure_png", "reproducibility_manifest",
            "table_csv"),
        "framing.present.palette": ("frame_pole_colours",),
        "framing.present.report": ("ReportSettings", "build_report"),
        "framing.present.anonymise": ("anonymise",),
    })

__all__ = ["ReportSettings", "anonymise", "build_report", "escape_text", "export_bundle", "figure_html",
           "figure_png", "frame_colours", "frame_pole_colours", "highlight_html", "legend_html", "lexicon_colours",
           "readable_background", "removed_html", "reproducibility_manifest", "striped_poles", "table_csv",
           "word_diff_html", "words_table"]
