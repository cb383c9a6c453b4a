"""Classroom mode in a real browser (Chromium against `streamlit run`, as tests/test_browser.py):
on the demo corpus no outlet name is anywhere in the page before the reveal (its text, every
attribute and tooltip, the page title and the address), all of them after; the start-here pick
is the 18 March 2019 Damascus meeting of The Crystal Eyes and The Jerusalem Post; two pasted
texts are both highlighted. Screenshots at a projector's 1280 x 800 go to tests/artifacts/."""
from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, browser, demo_server, settle, wait_for  # noqa: F401 (fixtures)
from test_classroom import DEMO_OUTLETS, NAMES

pytestmark = pytest.mark.browser
#: A classroom projector (WXGA).
PROJECTOR = {"width": 1280, "height": 800}
SCREENS = {"start": "screen=start&step=reports", "wordings": "screen=start&step=wordings",
           "differences": "screen=start&step=differences", "guess": "screen=guess&guess=outlet",
           "stance": "screen=guess&guess=stance", "glossary": "screen=glossary&device=attribution",
           "paste": "screen=paste"}


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"classroom_{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000, f"{path} is too small to show a rendered page"


def leaked(page) -> list[str]:
    """Outlet names anywhere in the page: its HTML (text, attributes, tooltips), title and address."""
    everything = " ".join((page.content(), page.title(), page.url)).replace("\\", "").lower()
    return [name for name in NAMES if name in everything]


def test_classroom_mode_names_no_outlet_before_the_reveal_and_all_after(page, demo_server):  # noqa: F811
    for name, query in SCREENS.items():
        page.goto(f"{demo_server}/?mode=classroom&{query}", wait_until="domcontentloaded")
        settle(page)
        if name != "paste":
            wait_for(page, "div.framing-text, div.framing-diff, div.kwic-line, table.classroom-counts")
        assert leaked(page) == [], (name, leaked(page))
        assert page.locator("[data-testid=stException]").count() == 0, name
        shot(page, name)
    page.goto(f"{demo_server}/?mode=classroom", wait_until="domcontentloaded")
    settle(page)
    wait_for(page, "div.framing-text span.hit")
    page.get_by_role("button", name="Reveal the outlets").click()
    settle(page)
    wait_for(page, "text=Which outlet is which")
    shown = page.locator("body").inner_text()
    assert all(outlet in shown for outlet in DEMO_OUTLETS), shown[:1500]
    assert "mode=classroom" in page.url and not any(n in page.url.lower() for n in NAMES)
    shot(page, "revealed")
    assert page.dialogs == []


def test_start_here_opens_on_the_damascus_meeting_of_the_crystal_eyes_and_the_jerusalem_post(page, demo_server):  # noqa: F811
    page.goto(f"{demo_server}/?mode=classroom", wait_until="domcontentloaded")
    settle(page)
    wait_for(page, "div.framing-text span.hit")
    assert "18 March 2019" in page.locator("[data-testid=stMain]").inner_text()
    page.get_by_role("button", name="Reveal the outlets").click()
    settle(page)
    wait_for(page, "h3:has-text('The Crystal Eyes')")
    headings = page.locator("[data-testid=stMain] h3").all_inner_texts()
    assert headings[:2] == ["Outlet A (The Crystal Eyes)", "Outlet B (The Jerusalem Post)"], headings
    columns = page.locator("div.framing-text")
    assert columns.count() == 2
    assert "Damascus" in columns.nth(0).inner_text() and "Damascus" in columns.nth(1).inner_text()
    for i in range(2):  # coloured by whose words: the outlet's own and quoted words in two colours
        own = columns.nth(i).locator("span.voice-author").first
        quoted = columns.nth(i).locator("span.voice-quoted").first
        colour = "e => getComputedStyle(e).backgroundColor"
        assert own.evaluate(colour) != quoted.evaluate(colour)
        assert quoted.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dashed", "a mark besides colour"
    size = columns.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 26, f"article text is {size}px: too small for the back of a classroom"


def test_two_pasted_texts_are_both_highlighted(page, demo_server):  # noqa: F811
    page.goto(f"{demo_server}/?mode=classroom&screen=paste", wait_until="domcontentloaded")
    settle(page)
    boxes = page.locator("textarea")
    boxes.nth(0).fill("The Syrian government said its forces retook the town on Monday.")
    boxes.nth(1).fill("The Assad regime claimed its troops seized the town on Monday, in what activists called an "
                      "occupation.")
    page.locator("h1").first.click()  # leave the box: Streamlit takes the text
    page.wait_for_timeout(800)
    settle(page)
    wait_for(page, "div.framing-diff")
    texts = page.locator("div.framing-text")
    assert texts.count() == 2
    for i in range(2):
        assert texts.nth(i).locator("span.hit").count() >= 1, texts.nth(i).inner_text()
    marked = " ".join(texts.nth(1).locator("span.hit").all_inner_texts())
    assert "regime" in marked and "claimed" in marked
    assert page.locator("div.framing-diff del.diff-a").count() >= 1 and page.locator("div.framing-diff ins.diff-b").count() >= 1
    shot(page, "paste_compared")
    assert page.dialogs == []
