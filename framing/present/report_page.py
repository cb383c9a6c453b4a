"""The report's page: one self-contained HTML file (style, script and figures inside; no
address outside the file is ever fetched), safe with untrusted article text.

- plotly.js is inlined once, in the head; each figure is a ``<div>`` and a short script that
  draws it from its JSON, in which ``<``, ``>`` and ``&`` are written as ``\\u003c``... so no
  name from the corpus can close the script element.
- A Content-Security-Policy allows only the page's own scripts, by their SHA-256 hashes:
  even a script that slipped through escaping would not run, and nothing may be fetched.
- Every text from the corpus goes through ``highlight.escape_text`` (``text()`` here).
- Print: A4, figures and side-by-side columns kept whole where they fit, readable in grey
  (poles and voices differ in lightness and in line style, the diff by strike and underline).
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache

import plotly.graph_objects as go

from framing.present.highlight import MARKS_CSS, escape_text

CSS = """
:root { --ink:#111; --muted:#444; --rule:#bbb; --accent:#004488; }
* { box-sizing:border-box; }
body { font-family:"Source Sans Pro","Segoe UI",Arial,sans-serif; color:var(--ink); margin:0 auto;
       max-width:1180px; padding:24px 32px 64px; font-size:17px; line-height:1.55; background:#fff; }
h1 { font-size:2.1rem; margin:0.2em 0 0.3em; } h2 { font-size:1.6rem; margin-top:2.2em;
border-bottom:3px solid var(--accent); padding-bottom:4px; } h3 { font-size:1.25rem; margin-top:1.6em; }
p.lead { font-size:1.15rem; } .muted, figcaption, .note { color:var(--muted); font-size:0.95rem; }
nav.toc ol { columns:2; font-size:1rem; } a { color:var(--accent); }
table { border-collapse:collapse; margin:0.6em 0 1em; font-size:0.95rem; }
th, td { border:1px solid var(--rule); padding:4px 8px; text-align:left; vertical-align:top; }
th { background:#eee; } td.num { text-align:right; font-variant-numeric:tabular-nums; }
.columns { display:grid; grid-template-columns:1fr 1fr; gap:28px; align-items:start; }
.column h4 { font-size:1.2rem; margin:0 0 4px; } .column .title { font-weight:700; margin:0 0 4px; }
.framing-text { font-size:1.05rem !important; line-height:1.85 !important; }
.framing-legend span { font-size:0.95rem; }
.diff-table td { width:50%; } .diff-table .framing-diff { font-size:1rem !important; }
.why { background:#f4f7fb; border-left:5px solid var(--accent); padding:8px 14px; margin:0.8em 0; }
.device { border-top:1px solid var(--rule); padding-top:6px; margin-top:14px; }
.device .example { font-style:italic; } .device .ask { font-weight:600; }
.kwic td.left { text-align:right; color:var(--muted); } .kwic td.match { font-weight:700; white-space:nowrap; }
.kwic td.right { color:var(--muted); }
.figure { width:100%; min-height:260px; }
""" + MARKS_CSS + """
.key { border:3px solid var(--ink); padding:10px 18px; }
body.classroom { font-size:20px; max-width:1300px; }
body.classroom .framing-text { font-size:1.25rem !important; line-height:1.9 !important; }
body.classroom h1 { font-size:2.6rem; } body.classroom h2 { font-size:2rem; }
@page { size:A4; margin:14mm 12mm; }
@media print {
  body { max-width:none; padding:0; font-size:11pt; } body.classroom { font-size:12pt; }
  nav.toc { display:none; } h2, h3 { break-after:avoid; } #overview h2, #glossary h2, #methods h2 { break-before:page; }
  .columns { gap:14px; } .framing-text { font-size:10.5pt !important; line-height:1.6 !important; }
  .figure, table, .device, .why { break-inside:avoid; } .key { break-before:page; }
  a { color:var(--ink); text-decoration:none; }
}
"""


def text(value: object) -> str:
    """Untrusted text as HTML element content (escaped)."""
    return escape_text("" if value is None else str(value))


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The plotly.js bundle shipped inside the plotly package (no network)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _script_safe_json(value: object) -> str:
    """JSON that cannot end a ``<script>`` element or open a comment inside it."""
    encoded = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class Page:
    """Collects the report's sections and scripts, then writes the whole file."""

    def __init__(self, title: str, *, classroom: bool = False):
        self.title = title
        self.classroom = classroom
        self.parts: list[str] = []
        self.scripts: list[str] = []
        self.n_figures = 0

    def add(self, html: str) -> None:
        self.parts.append(html)

    def figure(self, fig: go.Figure, *, caption: str = "", height: int | None = None) -> None:
        """A plotly figure, drawn by a script from its JSON (plotly.js is in the head once)."""
        self.n_figures += 1
        div = f"figure-{self.n_figures}"
        spec = json.loads(fig.to_json())
        layout = spec.get("layout", {})
        if height:
            layout["height"] = height
        config = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["sendDataToCloud"]}
        self.scripts.append(f'Plotly.newPlot("{div}",{_script_safe_json(spec.get("data", []))},'
                            f'{_script_safe_json(layout)},{_script_safe_json(config)});')
        px = int(layout.get("height") or 420)
        cap = f"<figcaption>{caption}</figcaption>" if caption else ""
        self.add(f'<figure><div id="{div}" class="figure" style="height:{px}px"></div>{cap}</figure>')

    def html(self) -> str:
        scripts = [plotly_js(), *self.scripts]
        hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
        csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
               "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")
        body_class = ' class="classroom"' if self.classroom else ""
        inline = "".join(f"<script>{s}</script>" for s in self.scripts)
        return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{text(self.title)}</title><style>{CSS}</style><script>{scripts[0]}</script></head>"
                f"<body{body_class}>{''.join(self.parts)}{inline}</body></html>\n")


def table_html(rows: Iterable[Sequence[object]], header: Sequence[str], *, numeric: Iterable[int] = (),
               css_class: str = "") -> str:
    """A small table; every cell escaped; columns in ``numeric`` right-aligned."""
    numeric = set(numeric)
    head = "".join(f"<th>{text(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{text(c)}</td>'
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    cls = f' class="{css_class}"' if css_class else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
