"""The classroom palette: the two poles of every axis, the three voices and the two sides of a
diff stay apart for colour-blind readers (simulated) and in a grey print."""
from itertools import combinations

import pytest

from framing.lexicon import bundled_lexicons
from framing.present.palette import (
    DIFF,
    NAMING,
    POLE_PAIRS,
    VOICE,
    colour_difference,
    frame_pole_colours,
    lightness,
    simulate_cvd,
    worst_case_difference,
)


def test_simulation_keeps_greys_and_merges_red_and_green_for_deuteranopes():
    for kind in ("protanopia", "deuteranopia", "tritanopia"):
        assert colour_difference(simulate_cvd("#808080", kind), "#808080") < 2
    # the red/green diff pair the dashboard used (#fdd/#dfd) shrinks to a quarter for a deuteranope
    red, green = "#ffdddd", "#ddffdd"
    assert colour_difference(red, green) > 30
    assert colour_difference(simulate_cvd(red, "deuteranopia"), simulate_cvd(green, "deuteranopia")) < 10


@pytest.mark.parametrize("pair", POLE_PAIRS)
def test_each_pole_pair_stays_apart_in_any_colour_vision_and_in_grey(pair):
    a, b = pair
    assert worst_case_difference(a, b) >= 35
    assert abs(lightness(a) - lightness(b)) >= 15
    assert min(lightness(a), lightness(b)) >= 60  # dark text stays readable on both


def test_voices_and_diff_sides_stay_apart():
    for a, b in combinations(VOICE.values(), 2):
        assert worst_case_difference(a, b) >= 20
    assert worst_case_difference(DIFF["a"]["background"], DIFF["b"]["background"]) >= 30
    assert DIFF["a"]["line"] != DIFF["b"]["line"]  # struck through / underlined: apart without colour


def test_every_axis_of_the_bundled_lexicons_gets_two_colours():
    lexicons = bundled_lexicons()
    colours = frame_pole_colours(lexicons)
    for lexicon in lexicons:
        for frame in lexicon.frames:
            if len(frame.poles) == 2:
                a, b = (colours[(frame.name, p.name)] for p in frame.poles)
                assert worst_case_difference(a, b) >= 35, frame.name
        for naming in lexicon.naming_sets:
            assert {colours[(naming.name, label.name)] for label in naming.labels} == {NAMING}


def test_only_the_frames_on_screen_take_colours_so_the_first_pairs_go_to_them():
    lexicons = bundled_lexicons(["conflict"])
    colours = frame_pole_colours(lexicons, present={("withdrawal", "leave")})
    assert (colours[("withdrawal", "leave")], colours[("withdrawal", "stay")]) == POLE_PAIRS[0]
    assert all(frame == "withdrawal" for frame, _ in colours)
