"""``framing report``: one self-contained HTML file a teacher can hand out or open offline, and
a researcher can attach to a paper: what the corpus is, the overview, the events whose
reports differ most side by side with their framing words highlighted, naming choices, the
framing diff, the glossary of framing devices and the methods (lexicons with versions, how
every number is computed, what the intervals mean, the load report).

``build_report(analysis, settings)`` returns the HTML text; the page itself (escaping,
scripts, print style) is ``framing.present.report_page``; the sections' words are in
``framing.present.report_sections``. With ``classroom=True`` every outlet is hidden as
Outlet A, B... (``framing.present.anonymise``), the text is coloured by whose words it is in,
the type is larger, and the key to the letters is the last page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from framing.compare.contrast import StartHere, event_contrasts, top_picks
from framing.compare.events import with_events
from framing.compare.roles import framing_hits
from framing.errors import SettingsError
from framing.measure import score
from framing.measure.analysis import Analysis
from framing.present import report_sections as sections
from framing.present.anonymise import Anonymised, anonymise
from framing.present.report_page import Page
from framing.settings import BootstrapSettings, EventSettings, ScoreSettings


@dataclass(frozen=True)
class ReportSettings:
    """What the report shows: the ``top_events`` most contrasting events (or only ``event``),
    the ``top_outlets`` outlets with the most articles in the overview, up to ``pairs``
    sentence pairs and ``examples`` glossary examples each; ``classroom`` hides the outlets;
    ``bootstrap`` draws the intervals; ``title`` heads the page."""

    top_events: int = 3
    top_outlets: int = 25
    event: str | None = None
    pairs: int = 6
    examples: int = 4
    classroom: bool = False
    bootstrap: BootstrapSettings = BootstrapSettings()
    events: EventSettings = EventSettings()
    title: str = ""

    def __post_init__(self) -> None:
        for name in ("top_events", "top_outlets", "pairs", "examples"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise SettingsError(f"report: {name} must be a whole number of 1 or more, got {value!r}")


@dataclass(frozen=True)
class Shown:
    """The analysis the report shows (anonymised in classroom mode), its picks, and the key."""

    analysis: Analysis
    picks: list[StartHere]
    hidden: Anonymised | None
    n_outlets: int
    n_articles: int
    focus: Analysis  # the articles of the picked events only (what the side-by-side, diff and glossary read)


def _with_events(analysis: Analysis, settings: ReportSettings) -> Analysis:
    articles = analysis.articles
    if "event_id" in articles.columns and articles["event_id"].notna().all():
        return analysis
    return analysis.with_articles(with_events(articles, settings.events), label=f"events {settings.events!r}")


def _picks(analysis: Analysis, settings: ReportSettings) -> list[StartHere]:
    contrasts = event_contrasts(analysis)
    if settings.event is not None:
        known = set(analysis.articles["event_id"].dropna().astype(str))
        if settings.event not in known:
            raise SettingsError(f"report: no event {settings.event!r}; `framing events CORPUS` lists them "
                                f"(e.g. {', '.join(sorted(known)[:5])})")
        contrasts = contrasts[contrasts["event_id"] == settings.event].reset_index(drop=True)
        if contrasts.empty:
            raise SettingsError(f"report: event {settings.event!r} was reported by one outlet only; "
                                "a side-by-side needs two")
    return top_picks(analysis, settings.top_events, contrasts=contrasts)


def _shown(analysis: Analysis, settings: ReportSettings) -> Shown:
    """The analysis with events, the picks, and for a classroom the anonymised subset."""
    analysis = _with_events(analysis, settings)
    picks = _picks(analysis, settings)
    n_outlets, n_articles = analysis.articles["outlet"].nunique(), len(analysis.articles)
    events = {p.event_id for p in picks}
    chosen = analysis.articles[analysis.articles["event_id"].isin(events).to_numpy(bool)]
    if not settings.classroom:
        return Shown(analysis, picks, None, n_outlets, n_articles, analysis.subset(chosen, label=f"events {sorted(events)}"))
    order = [o for p in picks for o in (p.outlet_a, p.outlet_b)]
    hidden = anonymise(analysis.subset(chosen, label=f"events {sorted(events)}"), order=order)
    shown = hidden.analysis
    return Shown(shown, _picks(shown, replace(settings, event=None, top_events=len(picks))), hidden,
                 n_outlets, n_articles, shown)


def _top_outlets(analysis: Analysis, n: int) -> list[str]:
    counts = analysis.articles["outlet"].astype(str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [outlet for outlet, _ in ordered[:n]]


def _scores(analysis: Analysis, outlets: list[str], settings: ReportSettings) -> dict[str, pd.DataFrame]:
    """Frame rates, axis balance and label shares of the framing words of ``outlets``."""
    keep = analysis.articles[analysis.articles["outlet"].astype(str).isin(outlets).to_numpy(bool)]
    subset = analysis.subset(keep, label=f"outlets {sorted(outlets)}")
    framed = replace(subset, hits=framing_hits(subset.hits), key=f"{subset.key}/framing")
    frame = ScoreSettings(voice="all", bootstrap=settings.bootstrap)
    return {"rates": score.frame_rates(framed, frame), "balance": score.axis_balance(framed, frame),
            "shares": score.label_shares(framed, replace(frame, kind="naming"))}


def build_report(analysis: Analysis, settings: ReportSettings | None = None, *, corpus_label: str = "") -> str:
    """The report of ``analysis`` as one HTML text (module doc). Events come from the articles'
    ``event_id`` or are grouped with ``settings.events``."""
    settings = settings or ReportSettings()
    shown = _shown(analysis, settings)
    page = Page(settings.title or ("Framing in the news: a lesson" if settings.classroom else
                                   f"Framing report{': ' + corpus_label if corpus_label else ''}"),
                classroom=settings.classroom)
    outlets = _top_outlets(shown.analysis, settings.top_outlets)
    scores = _scores(shown.analysis, outlets, settings)
    sections.header(page, shown, settings, corpus_label)
    sections.corpus_section(page, shown, settings, corpus_label)
    sections.start_section(page, shown, settings)
    sections.overview_section(page, shown, settings, scores, outlets)
    sections.naming_section(page, shown, scores)
    sections.diff_section(page, shown, settings)
    sections.glossary_section(page, shown, settings)
    sections.methods_section(page, shown, settings)
    if shown.hidden is not None:
        sections.key_section(page, shown.hidden)
    return page.html()
