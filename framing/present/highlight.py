"""Article text as HTML: lexicon hits highlighted in their frame's colour
(``framing.present.colours``), what cleaning removed, and word differences between aligned
sentences.

Article text is untrusted. Every character of it passes through ``html.escape`` before it is
placed in the markup, so a body containing ``<script>`` renders as text. The markup is one line
with no blank lines (line breaks become ``<br>``), so a Markdown renderer that accepts raw HTML
treats it as a single HTML block and never reads the article text as Markdown.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from framing.present.colours import PALETTE, VOICE_COLOURS, frame_colours, readable_background
from framing.present.palette import DIFF

#: Which hit decides a span's colour when hits overlap: frames before naming before actors.
KIND_PRIORITY = {"frame": 0, "naming": 1, "actor": 2}
TEXT_STYLE = "line-height:1.7;font-size:0.95rem"
#: How to name to a reader whose words a hit is in (the keys of ``VOICE_COLOURS``).
VOICE_LABELS = {"author": "the outlet's own words", "quoted": "quoted or attributed speech",
                "distanced": "scare quotes (the outlet keeps its distance)"}


#: Marks that say whose words a highlighted word is in without colour (a grey print, a washed-out
#: projector): solid underline, the outlet's own; dashed and italic, a quotation; dotted box and
#: italic, scare quotes; a naming label in a dashed box. The report and the classroom use them.
MARKS_CSS = """
.hit.voice-quoted { font-style:italic; border-bottom:2px dashed #333; }
.hit.voice-distanced { font-style:italic; border-bottom:2px dotted #333; outline:1px dotted #333; }
.hit.voice-author { border-bottom:2px solid #333; }
.hit.hit-naming { outline:1px dashed #555; }
"""
MARKS_TEXT = ("Underline styles say whose words a highlighted word is in: solid, the outlet’s own; dashed and "
              "italic, a quotation; dotted box and italic, scare quotes.")


def escape_text(text: str) -> str:
    """Escape untrusted text for HTML element content; line breaks become ``<br>``."""
    escaped = html.escape(text, quote=True).replace("$", "&#36;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def _attr(value: object) -> str:
    """Escape a value for a double-quoted attribute (line breaks kept as character refs)."""
    return html.escape(str(value), quote=True).replace("\n", "&#10;").replace("$", "&#36;")


def describe_hit(hit: Mapping) -> str:
    """One hit as plain text for a tooltip: frame, pole, voice, speaker, target, negation, hedging."""
    kind = hit.get("kind", "frame")
    label = {"frame": "frame", "naming": "naming set", "actor": "actor"}.get(kind, kind)
    lines = [f"{label}: {hit.get('frame')}"]
    pole = hit.get("pole")
    if kind != "actor" and pole and pole != hit.get("frame"):
        lines.append(f"{'label' if kind == 'naming' else 'pole'}: {pole}")
    voice = hit.get("voice")
    speaker = hit.get("speaker")
    if voice:
        lines.append(f"voice: {voice}" + (f" (speaker: {speaker})" if _present(speaker) else ""))
    if kind != "actor":
        target = hit.get("target")
        lines.append(f"target: {target if _present(target) else 'unclear'}")
        lines.append(f"negated: {_yes_no(hit.get('negated'))} · hedged: {_yes_no(hit.get('hedged'))}")
    lines.append(f"term: {hit.get('term')}" + (f" ({hit.get('lexicon')})" if hit.get("lexicon") else ""))
    return "\n".join(lines)


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and str(value) != ""


def _yes_no(value: object) -> str:
    return "yes" if _present(value) and bool(value) else "no"


def _hit_records(hits: pd.DataFrame | Sequence[Mapping] | None, length: int) -> list[dict]:
    if hits is None:
        return []
    records = hits.to_dict("records") if isinstance(hits, pd.DataFrame) else [dict(h) for h in hits]
    kept = []
    for rec in records:
        start, end = int(rec["start"]), int(rec["end"])
        if 0 <= start < end <= length:
            rec["start"], rec["end"] = start, end
            kept.append(rec)
    return kept


def _segments(length: int, hits: Sequence[Mapping]) -> list[tuple[int, int, list[Mapping]]]:
    """Cut [0, length) at every hit boundary; each piece lists the hits covering it."""
    cuts = sorted({0, length, *(h["start"] for h in hits), *(h["end"] for h in hits)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [h for h in hits if h["start"] <= start and h["end"] >= end]
        pieces.append((start, end, covering))
    return pieces


def _primary(covering: list[Mapping]) -> Mapping:
    return min(covering, key=lambda h: (KIND_PRIORITY.get(h.get("kind", "frame"), 3), h["start"] - h["end"]))


STRIPES = "background-image:repeating-linear-gradient(135deg,transparent 0 4px,rgba(0,0,0,0.16) 4px 6px);"


def _span_style(hit: Mapping, colour: str, striped: bool) -> str:
    """Fill (frames), dashed box (naming labels) or underline (actors) in ``colour``; stripes
    for the second pole of an axis, italics for quoted or distanced hits, strike-through for
    negated ones."""
    kind = hit.get("kind", "frame")
    if kind == "actor":
        return f"border-bottom:2px solid {colour};"
    style = f"background-color:{colour};color:#111;border-radius:3px;padding:0 1px;"
    if striped:
        style += STRIPES
    if kind == "naming":
        style += "outline:1px dashed #555;"
    if _present(hit.get("negated")) and bool(hit.get("negated")):
        style += "text-decoration:line-through;"
    if hit.get("voice") in ("quoted", "distanced"):
        style += "font-style:italic;"
    return style


def highlight_html(body: str, hits: pd.DataFrame | Sequence[Mapping] | None, *,
                   colours: Mapping[str, str] | None = None,
                   striped: Iterable[tuple[str, str]] = (), colour_by: str = "frame",
                   pole_colours: Mapping[tuple[str, str], str] | None = None,
                   voice_colours: Mapping[str, str] | None = None) -> str:
    """The cleaned ``body`` as HTML with every hit wrapped in a ``<span class="hit">``
    coloured by its frame (naming sets dashed, actors underlined; quoted or distanced hits in
    italics, negated ones struck through). The ``title`` shows frame, pole, voice, speaker,
    target, negation and hedging. Overlapping hits are cut at their boundaries, so the markup
    never nests; the tooltip of an overlap lists every hit. ``hits`` has the columns of the
    hits table (offsets into ``body``); hits outside the body are ignored. ``striped`` names
    ``(frame, pole)`` pairs drawn striped, so the two poles of an axis differ at a glance.
    ``colour_by="voice"`` colours each hit by whose words it is in (``VOICE_COLOURS``, or
    ``voice_colours``: the outlet's own, quoted, scare quotes) instead of by its frame;
    ``colour_by="pole"`` by its ``(frame, pole)`` in ``pole_colours``
    (``framing.present.palette.frame_pole_colours``: the two poles of an axis in two colours).
    Each span's classes also name its voice (``voice-author``...) and, for a pair in
    ``striped``, ``pole-b``, so a style sheet can mark them without colour (print)."""
    if colour_by not in ("frame", "voice", "pole"):
        raise ValueError(f"colour_by must be 'frame', 'voice' or 'pole', not {colour_by!r}")
    records = _hit_records(hits, len(body))
    palette = frame_colours(h["frame"] for h in records)
    palette.update(colours or {})
    voices = {**VOICE_COLOURS, **(voice_colours or {})}
    poles = dict(pole_colours or {})
    striped = set(striped)

    def span(text: str, hit: Mapping, title: str) -> str:
        if colour_by == "voice":
            chosen = voices.get(str(hit.get("voice")), PALETTE[8])
        elif colour_by == "pole" and isinstance(pole := hit.get("pole"), str) and (hit["frame"], pole) in poles:
            chosen = poles[(hit["frame"], pole)]
        else:
            chosen = palette.get(hit["frame"], PALETTE[-1])
        colour = readable_background(chosen)
        second = (hit["frame"], hit.get("pole")) in striped
        classes = f'hit hit-{_attr(hit.get("kind", "frame"))} voice-{_attr(hit.get("voice") or "unknown")}' + \
            (" pole-b" if second else "")
        return (f'<span class="{classes}" data-frame="{_attr(hit["frame"])}" '
                f'data-pole="{_attr(hit.get("pole", ""))}" style="{_span_style(hit, colour, second and colour_by == "frame")}" '
                f'title="{_attr(title)}">{text}</span>')

    return f'<div class="framing-text" style="{TEXT_STYLE}">{_marked_up(body, records, span)}</div>'


def _marked_up(text: str, records: Sequence[Mapping], wrap) -> str:
    """``text`` escaped, each stretch that hits cover (cut at every hit boundary, so markup
    never nests) passed as ``wrap(escaped piece, primary hit, tooltip listing every hit)``."""
    parts = []
    for start, end, covering in _segments(len(text), records):
        piece = escape_text(text[start:end])
        if covering:
            piece = wrap(piece, _primary(covering), "\n\n".join(dict.fromkeys(describe_hit(h) for h in covering)))
        parts.append(piece)
    return "".join(parts)


def plain_marks_html(text: str, hits: pd.DataFrame | Sequence[Mapping] | None) -> str:
    """``text`` with each hit marked alike (bold, underlined, one pale colour) and nothing said
    about it: no frame, pole or voice in a colour or a tooltip. For a class that is to guess
    what the words show before the answer is revealed."""
    def mark(piece: str, hit: Mapping, title: str) -> str:
        return f'<mark class="guess-word" style="{GUESS_STYLE}">{piece}</mark>'

    return f'<div class="framing-text" style="{TEXT_STYLE}">{_marked_up(text, _hit_records(hits, len(text)), mark)}</div>'


def kwic_html(left: str, match: str, right: str) -> str:
    """One concordance line as HTML: the context escaped, the matched words bold in a mark."""
    return (f'<div class="kwic-line" style="{TEXT_STYLE}">{escape_text(left.rstrip())} <mark class="kwic-match" '
            f'style="{GUESS_STYLE}">{escape_text(match)}</mark> {escape_text(right.lstrip())}</div>')


GUESS_STYLE = "background-color:#EEEEEE;color:#000;font-weight:700;border-bottom:3px solid #000;padding:0 2px"


def legend_html(colours: Mapping[str, str], *, striped: Iterable[str] = (),
                classes: Mapping[str, str] | None = None) -> str:
    """A one-line legend of colours (names escaped); names in ``striped`` are drawn striped,
    as ``highlight_html`` draws the second pole of an axis; ``classes`` gives a name's swatch
    the classes of the spans it stands for (``hit voice-quoted``), so ``MARKS_CSS`` marks it
    as it marks them."""
    striped, classes = set(striped), classes or {}
    items = "".join(
        f'<span class="{_attr(classes.get(name, "swatch"))}" style="background-color:{_attr(readable_background(c))};'
        f'color:#111;border-radius:3px;padding:1px 6px;margin:0 6px 4px 0;display:inline-block;'
        f'{STRIPES if name in striped else ""}">{escape_text(str(name))}</span>'
        for name, c in colours.items()
    )
    return f'<div class="framing-legend">{items}</div>'


def voice_legend_html() -> str:
    """The legend of ``colour_by="voice"``: one swatch per voice, named for a reader, with the
    classes of its spans (so ``MARKS_CSS`` underlines the swatch as it underlines them)."""
    return legend_html({VOICE_LABELS[voice]: colour for voice, colour in VOICE_COLOURS.items()},
                       classes={VOICE_LABELS[voice]: f"hit voice-{voice}" for voice in VOICE_COLOURS})


def whose_words(voice: object, speaker: object = None) -> str:
    """Whose words a hit is in, for a reader: ``outlet's own words``, ``quoted: <speaker>``
    (``quoted: unnamed source`` without one) or ``scare quotes``."""
    if voice == "author":
        return "outlet's own words"
    if voice == "distanced":
        return "scare quotes"
    if voice == "quoted":
        return f"quoted: {speaker}" if _present(speaker) else "quoted: unnamed source"
    return str(voice) if _present(voice) else "unknown"


WORDS_COLUMNS = ("words", "frame", "pole", "whose words", "target", "negated", "hedged")


def words_table(hits: pd.DataFrame) -> pd.DataFrame:
    """One row per hit of a hits table, in body order, for a reader: ``words`` (as written),
    ``frame``, ``pole`` (for a naming set the label; empty for an actor), ``whose words``
    (``whose_words``), ``target`` (``unclear`` when None), ``negated``, ``hedged``."""
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype=bool if c in ("negated", "hedged") else object)
                             for c in WORDS_COLUMNS})
    rows = hits.sort_values(["article_id", "start"], kind="stable") if "article_id" in hits else hits
    kinds = rows["kind"] if "kind" in rows else pd.Series("frame", index=rows.index)
    return pd.DataFrame({
        "words": rows["matched"].astype(str).to_numpy(),
        "frame": rows["frame"].astype(str).to_numpy(),
        "pole": ["" if k == "actor" else str(p) for k, p in zip(kinds, rows["pole"])],
        "whose words": [whose_words(v, s) for v, s in zip(rows["voice"], rows["speaker"])],
        "target": [str(t) if _present(t) else ("" if k == "actor" else "unclear")
                   for k, t in zip(kinds, rows["target"])],
        "negated": rows["negated"].fillna(False).astype(bool).to_numpy(),
        "hedged": rows["hedged"].fillna(False).astype(bool).to_numpy(),
    })


def removed_html(raw_text: str, removed: Iterable) -> str:
    """The raw text with each segment cleaning removed greyed and struck through, its reason
    in a label and tooltip. ``removed`` holds ``RemovedSegment`` records (offsets into
    ``raw_text``) or mappings with ``start``, ``end`` and ``reason``."""
    segments = sorted((_field(s, "start"), _field(s, "end"), str(_field(s, "reason"))) for s in removed)
    parts, pos = [], 0
    for start, end, reason in segments:
        start, end = max(start, pos), min(end, len(raw_text))
        if start >= end:
            continue
        parts.append(escape_text(raw_text[pos:start]))
        parts.append(
            f'<span class="removed" title="removed: {_attr(reason)}" style="color:#888;'
            f'text-decoration:line-through;background-color:#f3f3f3">'
            f'<span class="removed-reason" style="font-size:0.7rem;background:#ddd;color:#333;'
            f'border-radius:3px;padding:0 4px;margin-right:4px;text-decoration:none;display:inline-block">'
            f'{escape_text(reason)}</span>{escape_text(raw_text[start:end])}</span>'
        )
        pos = end
    parts.append(escape_text(raw_text[pos:]))
    return f'<div class="framing-text" style="{TEXT_STYLE}">{"".join(parts)}</div>'


def _field(item, name: str):
    return item[name] if isinstance(item, Mapping) else getattr(item, name)


def _marked(text: str, offset: int, hits: Sequence[Mapping], colours: Mapping[str, str]) -> str:
    """``text`` (which starts at ``offset`` in its sentence) escaped, with each hit (offsets
    into the sentence) in a ``<mark class="diff-hit">``: bold, underlined in its frame's colour,
    the hit described in its tooltip."""
    local = []
    for h in hits:
        start, end = max(int(h["start"]) - offset, 0), min(int(h["end"]) - offset, len(text))
        if start < end:
            local.append({**h, "start": start, "end": end})
    if not local:
        return escape_text(text)

    def mark(piece: str, hit: Mapping, title: str) -> str:
        return (f'<mark class="diff-hit" data-frame="{_attr(hit["frame"])}" title="{_attr(title)}" '
                f'style="background:none;color:inherit;font-weight:700;border-bottom:3px solid '
                f'{_attr(colours.get(hit["frame"], "#333"))}">{piece}</mark>')

    return _marked_up(text, local, mark)


def word_diff_html(ops: Iterable, *, hits_a: Sequence[Mapping] = (), hits_b: Sequence[Mapping] = (),
                   colours: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Two HTML strings, one per sentence of an aligned pair, from word-diff operations
    ``(tag, a_text, b_text)`` with ``tag`` one of ``equal``, ``replace``, ``delete``,
    ``insert`` (as ``difflib`` opcodes name them), or ``align.word_diff`` dicts. Words only in
    the first sentence are marked blue and struck through, words only in the second orange and
    underlined (``palette.DIFF``: a pair colour-blind readers tell apart, and the lines tell them
    apart in grey). ``hits_a``/``hits_b``
    (hits-table rows with offsets into each sentence; needs ops with ``a_start``/``b_start``)
    are drawn bold and underlined in their frame's colour (``colours``), described on hover."""
    colours = colours or {}
    left, right = [], []
    for op in ops:
        if isinstance(op, tuple):
            (tag, a, b), a_at, b_at = op, None, None
        else:
            tag, a, b = _field(op, "tag"), _field(op, "a"), _field(op, "b")
            a_at, b_at = _optional(op, "a_start"), _optional(op, "b_start")
        a, b = a or "", b or ""
        a_html = _marked(a, a_at, hits_a, colours) if a_at is not None and hits_a else escape_text(a)
        b_html = _marked(b, b_at, hits_b, colours) if b_at is not None and hits_b else escape_text(b)
        if tag == "equal":
            left.append(a_html)
            right.append(b_html)
            continue
        if a:
            left.append(f'<del class="diff-a" style="{_diff_style("a")}">{a_html}</del>')
        if b:
            right.append(f'<ins class="diff-b" style="{_diff_style("b")}">{b_html}</ins>')
    wrap = '<div class="framing-diff" style="{}">{}</div>'
    return wrap.format(TEXT_STYLE, " ".join(left)), wrap.format(TEXT_STYLE, " ".join(right))


def _diff_style(side: str) -> str:
    look = DIFF[side]
    return (f"background-color:{look['background']};color:{look['text']};text-decoration:{look['line']};"
            f"text-decoration-thickness:2px")


def _optional(item, name: str):
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return None if value is None else int(value)
