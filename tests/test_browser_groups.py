"""Compare by in a real browser: the three-sided fixture grouped by its side column shows the
three groups in every view that compares groups; screenshots of each view (grouped, and the
demo's new views) go to tests/artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import IDLE, browser, screenshot, settle, start_streamlit, stop  # noqa: F401

pytestmark = pytest.mark.browser
SIDES = Path(__file__).resolve().parent / "fixtures" / "three_sides" / "articles.csv"
GROUPED_VIEWS = ("overview", "actors", "naming", "time", "coverage", "events")


@pytest.fixture(scope="module")
def sides_server(tmp_path_factory):
    proc, url = start_streamlit(SIDES, tmp_path_factory.mktemp("cache"))
    yield url
    stop(proc)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    yield page
    context.close()


def open_view(page, url: str, query: str) -> str:
    page.goto(f"{url}/?{query}", wait_until="domcontentloaded")
    page.wait_for_selector(IDLE, timeout=120_000)
    settle(page)
    return page.inner_text("[data-testid=stMain]")


@pytest.mark.parametrize("view", GROUPED_VIEWS)
def test_three_sides_in_every_view(page, sides_server, view):
    text = open_view(page, sides_server, f"view={view}&by=allsides_side")
    assert "Something went wrong" not in text and "Error" not in text.split("\n")[0]
    if view in ("overview", "actors", "time", "coverage"):
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        drawn = " ".join(page.locator(".js-plotly-plot").all_inner_texts())
        assert all(side in drawn for side in ("left", "center", "right")), view
    screenshot(page, f"grouped_{view}")


@pytest.mark.parametrize("view", ("time", "events", "coverage"))
def test_new_views_by_outlet(page, sides_server, view):
    text = open_view(page, sides_server, f"view={view}")
    assert "Something went wrong" not in text
    screenshot(page, f"sides_by_outlet_{view}")


@pytest.fixture(scope="module")
def many_server(tmp_path_factory):
    """60 outlets (the demo's paragraphs, 14 articles each): more than the 30 shown by default,
    and enough articles (5 chunks of 200) that the first analysis runs in worker processes, started
    from a forkserver under `streamlit run` (the page once ran again in each of them, and hung)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from many_articles import article_records, write_jsonl

    plain = article_records(840)[:840]  # without the odd records at the end
    records = [dict(r, outlet=f"{r['outlet'].rsplit(' ', 1)[0]} {i % 12}") for i, r in enumerate(plain)]
    corpus = write_jsonl(tmp_path_factory.mktemp("many") / "articles.jsonl", records, blank_after=None)
    proc, url = start_streamlit(corpus, tmp_path_factory.mktemp("cache"))
    yield url
    stop(proc)


def visible_chips(page, label: str) -> int:
    """How many chips of the multiselect ``label`` are wholly inside its box (not scrolled away)."""
    widget = page.locator("[data-testid=stMultiSelect]").filter(has_text=label).first
    box = widget.locator("[data-testid=stMultiSelectTagsContainer]").bounding_box()
    chips = [c.bounding_box() for c in widget.locator("[data-tag]").all()]
    return sum(1 for c in chips if c and c["x"] >= box["x"] - 1 and c["x"] + c["width"] <= box["x"] + box["width"] + 1
               and c["y"] >= box["y"] - 1 and c["y"] + c["height"] <= box["y"] + box["height"] + 1)


@pytest.mark.parametrize("view, label, readable", [("overview", "Outlets shown", 12), ("naming", "Outlets shown", 12),
                                                   ("loaded", "Outlets shown", 12), ("time", "Outlets drawn", 8)])
def test_sixty_outlets_show_the_largest_with_their_chips_readable(page, many_server, view, label, readable):
    text = open_view(page, many_server, f"view={view}")
    assert "Something went wrong" not in text and "(60 in " in text
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    assert visible_chips(page, label) >= readable, "a picker beside other controls showed 5 chips of 30"
    screenshot(page, f"many_outlets_{view}")


def test_sixty_outlets_on_the_map_name_those_that_fit(page, many_server):
    open_view(page, many_server, "view=overview")
    page.get_by_text("Show the outlet map").click()
    page.wait_for_selector("text=Outlet map", timeout=60_000)
    settle(page)
    the_map = page.locator(".js-plotly-plot").filter(has_text="placed by similarity").first
    the_map.wait_for(timeout=60_000)
    the_map.scroll_into_view_if_needed()
    printed = [t for t in the_map.locator(".textpoint text").all_text_contents() if t.strip()]
    assert 3 <= len(printed) < 60, "with 60 outlets, the names that fit are printed and the others are not"
    assert "names are not printed where they would overlap" in the_map.inner_text()
    screenshot(page, "many_outlets_map")
