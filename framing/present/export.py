"""Citable output: tables as CSV, figures as PNG and self-contained HTML, and a
reproducibility manifest that says exactly what produced them (corpus fingerprint, lexicon
names, versions and fingerprints, parameters, tool and library versions, time)."""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import platform
import shlex
import zipfile
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from framing import __version__
from framing.corpus.records import corpus_fingerprint
from framing.errors import FramingError
from framing.lexicon import BUNDLED_DIR, Lexicon, lexicon_fingerprint
from framing.measure.analysis import Analysis
from framing.settings import ScoreSettings, Settings, reproduce_flags

#: Libraries whose version can change a figure; recorded in every manifest.
RECORDED_PACKAGES = ("pandas", "numpy", "scikit-learn", "scipy", "nltk", "vadersentiment", "plotly")
MANIFEST_SCHEMA = "framing-manifest/1"


class ExportError(FramingError):
    """A figure or table could not be written (names what failed and what to install or change)."""


def _package_versions() -> dict[str, str]:
    versions = {}
    for name in RECORDED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _lexicon_entry(lexicon: Lexicon) -> dict[str, Any]:
    return {"name": lexicon.name, "version": lexicon.version, "fingerprint": lexicon_fingerprint(lexicon),
            "path": lexicon.path or None, "sources": list(lexicon.sources)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def reproducibility_manifest(analysis: Analysis, *, settings: Settings, parameters: Mapping[str, Any] | None = None,
                             figure: str | None = None, now: dt.datetime | None = None,
                             fingerprint: str | None = None) -> dict[str, Any]:
    """Everything needed to reproduce a figure or table: the corpus (path, fingerprint, size,
    load report) and the analysis key, each lexicon (name, version, content fingerprint,
    sources), every setting (``settings.as_dict()``, the very object the figures were made
    with), other ``parameters`` (view, outlets, filters...), the tool and library versions,
    and the time (UTC). The corpus fingerprint is ``fingerprint`` when given, else the one its
    load report kept (``LoadReport.fingerprint``), else ``corpus_fingerprint`` of its corpus
    (which reads every text); without any of them (an analysis read from disk without its corpus
    or report) the manifest cannot be made."""
    now = now or dt.datetime.now(dt.timezone.utc)
    corpus, report = analysis.corpus, analysis.report
    if fingerprint is None and report is not None:
        fingerprint = report.fingerprint  # computed while loading (None for a report made by other means)
    if fingerprint is None:
        if corpus is None:
            raise ExportError("the manifest needs the corpus fingerprint: pass fingerprint=corpus_fingerprint(corpus) "
                              "for an analysis read from disk without its corpus")
        fingerprint = corpus_fingerprint(corpus)
    articles = analysis.articles
    return {
        "schema": MANIFEST_SCHEMA,
        "figure": figure,
        "created": now.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        "tool": {"name": "framing", "version": __version__, "python": platform.python_version(),
                 "packages": _package_versions()},
        "corpus": {
            "path": (corpus.path if corpus is not None else None) or None, "fingerprint": fingerprint,
            "n_articles": len(articles), "n_outlets": int(articles["outlet"].nunique()),
            "load_report": None if report is None else {"seen": report.seen, "loaded": report.loaded,
                                                        "skipped": len(report.skipped)},
        },
        "analysis_key": analysis.key,
        "lexicons": [_lexicon_entry(lexicon) for lexicon in analysis.lexicons],
        "settings": settings.as_dict(),
        "parameters": _jsonable(dict(parameters or {})),
    }


#: Exported score tables and the ``framing score --table`` that prints each.
SCORE_TABLES = {"frame rates": "rates", "frame rates by target": "targets", "axis balance": "balance",
                "label shares": "shares", "actor sentiment": "sentiment"}


def _lexicon_argument(lexicon) -> str:
    """``--lexicon`` for a lexicon: its name when bundled, else its file, else a placeholder
    naming the YAML to save first (a lexicon edited in the dashboard has no file)."""
    path = Path(lexicon.path) if lexicon.path else None
    if path is not None and path.parent == BUNDLED_DIR and path.stem == lexicon.name:
        return f"--lexicon {shlex.quote(lexicon.name)}"
    if path is not None:
        return f"--lexicon {shlex.quote(str(path))}"
    return f"--lexicon {shlex.quote(lexicon.name + '.yaml')}"


def reproduce_commands(corpus_path: str | None, lexicons: Iterable[Lexicon], settings: ScoreSettings, *,
                       terms: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The ``framing`` command that prints each exported table again as CSV (the hits, each
    table of ``SCORE_TABLES`` with ``settings``, and, given ``terms`` = {``group``, ``vs``,
    ``method``}, ``distinctive terms <group>``), for the unfiltered corpus at ``corpus_path``.
    A lexicon without a file is named ``<name>.yaml``: save it from the dashboard first."""
    corpus = shlex.quote(str(corpus_path)) if corpus_path else "CORPUS"
    lexicon_args = " ".join(_lexicon_argument(lex) for lex in lexicons)
    flags = " ".join(shlex.quote(flag) for flag in reproduce_flags(settings))
    commands = {"hits": f"framing hits {corpus} {lexicon_args} --format csv"}
    for name, table in SCORE_TABLES.items():
        commands[name] = f"framing score {corpus} --table {table} {lexicon_args} {flags} --format csv"
    if terms and terms.get("group"):
        versus = f" --vs {shlex.quote(str(terms['vs']))}" if terms.get("vs") else ""
        commands[f"distinctive terms {terms['group']}"] = (
            f"framing terms {corpus} --group {shlex.quote(str(terms['group']))}{versus} "
            f"--method {terms.get('method') or 'logodds'} --top 0 --format csv")
    return commands


def manifest_json(manifest: Mapping[str, Any]) -> str:
    """The manifest as indented JSON (keys in a stable order)."""
    return json.dumps(_jsonable(manifest), indent=2, ensure_ascii=False) + "\n"


def table_csv(table: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV without the index (lists and tuples written as JSON)."""
    out = table.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v)
    return out.to_csv(index=False).encode("utf-8")


def figure_png(fig: go.Figure, *, scale: float = 2.0, width: int | None = None, height: int | None = None) -> bytes:
    """The figure as PNG bytes through kaleido, which drives a Chromium-family browser (on
    Debian: ``apt-get install chromium``)."""
    try:
        return fig.to_image(format="png", scale=scale, width=width or 1100, height=height)
    except Exception as exc:  # kaleido raises several unrelated types when no browser is found
        raise ExportError(f"could not render the figure as PNG ({type(exc).__name__}: {exc}); kaleido needs "
                          "Chromium or Chrome: on Debian/Ubuntu run 'apt-get install chromium'. "
                          "The HTML export works without it.") from exc


def figure_html(fig: go.Figure, *, manifest: Mapping[str, Any] | None = None) -> str:
    """The figure as one self-contained HTML page (plotly.js inlined, so it opens offline),
    with the manifest, when given, printed below the figure (escaped)."""
    page = fig.to_html(include_plotlyjs=True, full_html=True)
    if manifest is None:
        return page
    block = ('<details open style="font-family:monospace;font-size:12px;margin:1em">'
             "<summary>How this figure was made (framing reproducibility manifest)</summary>"
             f'<pre class="framing-manifest">{html.escape(manifest_json(manifest))}</pre></details>')
    return page.replace("</body>", block + "</body>", 1)


def figure_manifest(manifest: Mapping[str, Any], name: str, options: Mapping[str, Any] | None = None
                    ) -> dict[str, Any]:
    """The manifest of one figure: ``figure`` set to ``name`` and the figure's own options
    (lexicon, naming set, actor, outlets, dashboard link...) added to ``parameters``."""
    return {**manifest, "figure": name, "parameters": {**dict(manifest.get("parameters") or {}),
                                                       **_jsonable(dict(options or {}))}}


def export_bundle(*, tables: Mapping[str, pd.DataFrame], manifest: Mapping[str, Any],
                  figures: Mapping[str, go.Figure] | None = None,
                  figure_options: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """A ZIP archive of ``name.csv`` for each table, ``name.html`` for each figure (its
    manifest, with ``figure_options[name]``, printed below it) and ``manifest.json``:
    everything behind a view, in one download."""
    figure_options = figure_options or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_json({**manifest, "figures": {
            name: _jsonable(dict(figure_options.get(name) or {})) for name in (figures or {})}}))
        for name, table in tables.items():
            archive.writestr(f"{_file_stem(name)}.csv", table_csv(table))
        for name, fig in (figures or {}).items():
            archive.writestr(f"{_file_stem(name)}.html",
                             figure_html(fig, manifest=figure_manifest(manifest, name, figure_options.get(name))))
    return buffer.getvalue()


def _file_stem(name: str) -> str:
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip()).strip("_")
    return stem or "table"
