"""One colour rule for every view (``framing.present.colours``), and one rule for where the
evidence below a figure starts (``dashboard.filters.busiest_cell``)."""
from __future__ import annotations

import pandas as pd

from dashboard.filters import busiest_cell
from framing.lexicon import bundled_lexicons
from framing.present.colours import PALETTE, frame_colours, lexicon_colours, lexicon_names, striped_poles


def test_every_name_of_the_bundled_lexicons_has_a_colour_and_frames_keep_their_own():
    lexicons = bundled_lexicons()
    conflict = next(lex for lex in lexicons if lex.name == "conflict")
    colours = lexicon_colours([conflict])
    assert list(colours) == list(lexicon_names([conflict]))
    assert colours["legitimacy"] == "#2ca02c" and colours["threat"] == "#d62728", "a frame's own colour is kept"
    assert colours["terrorism"] != "#8c564b", "an own colour that looks like an earlier frame's (once lightened) is not"
    frames_and_sets = [colours[n] for n in [*(f.name for f in conflict.frames), *(n.name for n in conflict.naming_sets)]]
    assert len(set(frames_and_sets)) == len(frames_and_sets), "no two share a colour while the palette lasts"


def test_a_view_showing_some_names_colours_them_as_the_rule_says():
    lexicons = bundled_lexicons()
    shown = {"legitimacy", "threat", "islamic_state", "Iran"}
    colours = lexicon_colours(lexicons, shown=shown)
    assert set(colours) == shown
    names = [n for n in lexicon_names(lexicons) if n in shown]
    preferred = {f.name: f.colour for lex in lexicons for f in lex.frames if f.colour}
    assert colours == frame_colours(names, preferred=preferred)
    assert colours["islamic_state"] in PALETTE and colours["Iran"] in PALETTE and colours["islamic_state"] != colours["Iran"]


def test_the_second_pole_of_each_axis_is_striped():
    lexicons = bundled_lexicons()
    striped = striped_poles(lexicons)
    axes = [f for lex in lexicons for f in lex.frames if len(f.poles) == 2]
    assert axes and striped == {(f.name, f.poles[1].name) for f in axes}


def test_busiest_cell_of_a_rates_table_and_of_label_shares():
    rates = pd.DataFrame({"group": ["A", "B", "B"], "voice": "all", "frame": ["threat", "threat", "legitimacy"],
                          "pole": ["threat", "threat", "legitimate"], "hits": [3, 3, 0], "rate": [1.0, 2.0, 0.0]})
    assert busiest_cell(rates, voice="all") == ("B", "threat/threat"), "equal hits: the higher rate"
    assert busiest_cell(rates, voice="author") is None
    shares = pd.DataFrame({"group": ["B", "A", "A"], "voice": "all", "label": ["islamic_state", "Daesh", "islamic_state"],
                           "count": [4, 4, 1], "share": [1.0, 0.8, 0.2]})
    assert busiest_cell(shares, voice="all", count="count", cell=("label",), ties=()) == ("A", "Daesh"), \
        "equal uses: names decide, not the share"
