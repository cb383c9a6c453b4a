"""The dashboard in a real browser: Playwright drives Debian's Chromium against `streamlit run`.
Opens the app, compares two outlets, checks the highlighted terms, and loads a hostile corpus
(`<script>`, `<img onerror>`) to check it renders as text with no dialog. Screenshots go to
tests/artifacts/. Needs /usr/bin/chromium (apt-get install chromium); never `playwright install`."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"
XSS = Path(__file__).resolve().parent / "fixtures" / "xss"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(corpus: Path | None, cache: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    if corpus is not None:
        command += ["--", "--corpus", str(corpus)]
    env = dict(os.environ, FRAMING_CACHE_DIR=str(cache))
    env.pop("FRAMING_CORPUS", None)
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit exited early: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise AssertionError("streamlit did not answer /_stcore/health within 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "browser tests need Debian's Chromium: apt-get install -y chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    proc, url = start_streamlit(None, tmp_path_factory.mktemp("cache"))
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    proc, url = start_streamlit(XSS, tmp_path_factory.mktemp("cache"))
    yield url
    stop(proc)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def open_view(page, url: str, query: str = "") -> None:
    page.goto(f"{url}/?{query}", wait_until="domcontentloaded")
    settle(page)


def wait_for(page, selector: str) -> None:
    """Wait for ``selector``; on timeout keep a screenshot of what the page showed instead."""
    try:
        page.wait_for_selector(selector, timeout=60_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "failure.png"), full_page=True)
        raise AssertionError(f"{selector!r} never appeared; the page said: "
                             f"{page.locator('body').inner_text()[:1500]}") from None


def settle(page) -> None:
    """Wait until the script has finished its run and the title has been drawn."""
    wait_for(page, "[data-testid=stApp]")
    page.wait_for_timeout(300)  # the run may only start after the first paint
    wait_for(page, IDLE)
    wait_for(page, "h1")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000, f"{path} is too small to show a rendered page"
    return path


def test_overview_renders_heatmap_and_balance(page, demo_server):
    open_view(page, demo_server)
    wait_for(page, ".js-plotly-plot")
    assert page.locator("h1").first.inner_text() == "Overview"
    assert page.locator(".js-plotly-plot").count() == 2
    heat_labels = page.locator(".js-plotly-plot").first.inner_text()
    assert "Al-Monitor" in heat_labels and "legitimacy" in heat_labels
    screenshot(page, "overview")
    assert page.dialogs == []


def test_overview_says_it_shows_framing_and_switches_to_attribution(page, demo_server):
    open_view(page, demo_server, "view=overview&lexicon_view=epistemic")
    wait_for(page, ".js-plotly-plot")
    heat = page.locator(".js-plotly-plot").first
    assert "Framing words per 1,000 words" in heat.inner_text() and "report_verbs" not in heat.inner_text()
    page.get_by_text("Attribution: who says it").click()
    settle(page)
    wait_for(page, ".js-plotly-plot")
    heat = page.locator(".js-plotly-plot").first
    assert "Attribution words per 1,000 words" in heat.inner_text() and "report_verbs" in heat.inner_text()
    screenshot(page, "overview_attribution")


def test_loaded_language_view_shows_rates_words_and_sentences(page, demo_server):
    open_view(page, demo_server, "view=loaded")
    wait_for(page, ".js-plotly-plot")
    assert page.locator("h1").first.inner_text() == "Loaded language"
    plot = page.locator(".js-plotly-plot").first.inner_text()
    assert "Loaded language per 1,000 words" in plot and "Al-Monitor" in plot and "quoted sources" in plot
    assert page.get_by_text("Most loaded words of each outlet").count() == 1
    assert page.get_by_text("The sentences behind a word").count() == 1
    screenshot(page, "loaded_language")
    assert page.dialogs == []


def test_compare_two_outlets_with_highlighted_terms(page, demo_server):
    open_view(page, demo_server, "view=side-by-side&outlets=SouthFront&outlets=The+Jerusalem+Post")
    wait_for(page, "div.framing-text span.hit")
    texts = page.locator("div.framing-text")
    assert texts.count() == 2
    for i in range(2):
        hits = texts.nth(i).locator("span.hit")
        assert hits.count() >= 5, f"column {i} shows {hits.count()} highlighted terms"
    first = texts.first.locator("span.hit-frame").first
    title = first.get_attribute("title")
    assert title.startswith("frame: ") and "voice: " in title and "negated: " in title
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    headings = page.locator("h3").all_inner_texts()
    assert "SouthFront" in headings and "The Jerusalem Post" in headings
    screenshot(page, "side_by_side")


def test_show_removed_toggle_reveals_cleaned_furniture(page, demo_server):
    open_view(page, demo_server, "view=side-by-side&outlets=The+Crystal+Eyes&outlets=Al-Monitor")
    page.get_by_text("Show what cleaning removed").click()
    wait_for(page, "span.removed")
    settle(page)
    assert page.locator("span.removed").count() >= 1
    assert page.locator("span.removed-reason").first.inner_text().strip()
    screenshot(page, "side_by_side_removed")


def test_hostile_corpus_renders_as_text_and_no_dialog_fires(page, xss_server):
    open_view(page, xss_server, "view=side-by-side")
    wait_for(page, "div.framing-text")
    shown = " ".join(page.locator("div.framing-text").all_inner_texts())
    assert "<script>alert('body')</script>" in shown
    assert "<img src=x onerror=alert('img')>" in shown
    assert page.locator("div.framing-text script, div.framing-text img").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert "Outlet <script>alert('outlet')</script>" in page.locator("body").inner_text()
    screenshot(page, "xss_side_by_side")
    for view in ("overview", "corpus", "terms"):
        open_view(page, xss_server, f"view={view}")
        page.wait_for_timeout(500)
        assert page.locator("img[src=x]").count() == 0, view
        screenshot(page, f"xss_{view}")
    page.wait_for_timeout(500)
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"


def test_clicking_a_distinctive_term_opens_its_concordance(page, demo_server):
    open_view(page, demo_server, "view=terms&focus=SouthFront")
    wait_for(page, ".js-plotly-plot .bars .point path")
    term_box = page.get_by_label("Term or phrase")
    before = term_box.input_value()
    labels = page.locator(".js-plotly-plot").nth(1).locator(".yaxislayer-above .ytick text").all_text_contents()
    bars = page.locator(".js-plotly-plot").nth(1).locator(".bars .point path")
    bars.first.click(force=True)
    page.wait_for_timeout(1000)
    settle(page)
    after = page.get_by_label("Term or phrase").input_value()
    assert after != before and after in labels, (before, after)
    caption = page.get_by_text("occurrences of").first.inner_text()
    assert after in caption and not caption.startswith("0 ")
    screenshot(page, "terms_click_through")
    page.get_by_label("Term or phrase").fill("withdraw")
    page.get_by_label("Term or phrase").press("Enter")
    page.wait_for_timeout(800)
    settle(page)
    assert page.get_by_label("Term or phrase").input_value() == "withdraw"  # the old click does not win
    assert "withdraw" in page.get_by_text("occurrences of").first.inner_text()


def test_export_downloads_a_png_figure_and_the_manifest(page, demo_server):
    open_view(page, demo_server, "view=export")
    wait_for(page, "text=Reproducibility manifest")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="PNG").first.click()
    png = Path(download.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download manifest.json").click()
    import json

    manifest = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert manifest["corpus"]["n_articles"] == 5 and manifest["schema"] == "framing-manifest/1"
    screenshot(page, "export")


def test_a_figures_manifest_link_draws_the_same_figure_again(page, demo_server, browser):
    import html
    import json
    import re

    open_view(page, demo_server, "view=overview&voice=quoted&role=topic&lexicon_view=policy_frames")
    wait_for(page, ".js-plotly-plot .xaxislayer-above .xtick text")
    shown = page.locator(".js-plotly-plot").first.locator(".xaxislayer-above .xtick text").all_text_contents()
    page.locator("[data-testid=stSidebar]").get_by_text("Export").click()
    settle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="HTML", exact=True).first.click()
    figure_page = Path(download.value.path()).read_text(encoding="utf-8")
    manifest = json.loads(html.unescape(re.search(r'<pre class="framing-manifest">(.*?)</pre>', figure_page, re.S)[1]))
    assert manifest["figure"] == "frame rates" and manifest["parameters"]["lexicon"] == "policy_frames"
    link = manifest["parameters"]["dashboard_link"]
    fresh = browser.new_context(viewport={"width": 1500, "height": 1100}).new_page()
    try:
        open_view(fresh, demo_server, link.lstrip("?"))
        wait_for(fresh, ".js-plotly-plot .xaxislayer-above .xtick text")
        assert fresh.locator("h1").first.inner_text() == "Overview"
        again = fresh.locator(".js-plotly-plot").first.locator(".xaxislayer-above .xtick text").all_text_contents()
        assert "economic" in shown and again == shown
        assert "quoted sources" in fresh.locator(".js-plotly-plot").first.inner_text()
    finally:
        fresh.context.close()


def test_clicking_a_heatmap_cell_lists_the_sentences_behind_it(page, demo_server):
    open_view(page, demo_server)
    wait_for(page, ".js-plotly-plot .heatmaplayer")
    heat = page.locator(".js-plotly-plot").first
    box = heat.locator(".nsewdrag").first.bounding_box()
    x_labels = heat.locator(".xaxislayer-above .xtick text").all_text_contents()
    y_labels = heat.locator(".yaxislayer-above .ytick text").all_text_contents()
    col = x_labels.index("legitimacy: illegitimate")
    row = next(i for i, label in enumerate(y_labels) if label.startswith("SouthFront ("))  # "SouthFront (1 article)"
    page.mouse.click(box["x"] + box["width"] * (col + 0.5) / len(x_labels),
                     box["y"] + box["height"] * (row + 0.5) / len(y_labels))
    page.wait_for_timeout(1000)
    settle(page)
    caption = page.get_by_text("hits of legitimacy/illegitimate in SouthFront").first.inner_text()
    assert not caption.startswith("0 ")
    screenshot(page, "overview_cell_evidence")


def upload_corpus(page, kind_label: str, path: Path) -> None:
    page.get_by_text("Change corpus").click()
    page.get_by_text(kind_label).click()
    settle(page)
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(path))
    page.wait_for_timeout(1500)
    settle(page)


def test_upload_a_csv_then_a_zip_corpus(page, demo_server, tmp_path):
    csv = tmp_path / "tiny.csv"
    csv.write_text("outlet,title,date,text\nA,One,2020-01-02,The occupation must end now say officials.\n"
                   "B,Two,2020-01-03,The invited forces bring stability say officials.\n"
                   "C,Three,2020-01-04,Terrorists threaten the region say officials.\n", encoding="utf-8")
    open_view(page, demo_server, "view=corpus")
    upload_corpus(page, "Upload a table (CSV, JSON lines, Parquet)", csv)
    sidebar = page.locator("[data-testid=stSidebar]")
    wait_for(page, "text=uploaded tiny.csv")
    assert "3 articles loaded from 3 inputs" in sidebar.inner_text()
    import zipfile

    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for item in XSS.iterdir():
            out.write(item, f"xss/{item.name}")
    page.get_by_text("Upload a ZIP of text/HTML files + manifest.csv").click()
    settle(page)
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(archive))
    page.wait_for_timeout(1500)
    settle(page)
    wait_for(page, "text=uploaded hostile.zip")
    assert "2 articles loaded from 2 inputs" in sidebar.inner_text()
    sidebar.get_by_text("Side by side").click()
    settle(page)
    wait_for(page, "div.framing-text")
    assert "<script>alert('body')</script>" in " ".join(page.locator("div.framing-text").all_inner_texts())
    assert page.locator("img[src=x]").count() == 0
    screenshot(page, "upload_zip")
    assert page.dialogs == []


def test_upload_a_lexicon_and_see_it_used(page, demo_server, tmp_path):
    from dashboard.views.lexicons import TEMPLATE

    lexicon = tmp_path / "classroom.yaml"
    lexicon.write_text(TEMPLATE.replace("my_lexicon", "classroom"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEMPLATE.replace("poles:", "polez:"), encoding="utf-8")
    open_view(page, demo_server, "view=lexicons")
    page.locator("[data-testid=stMain] input[type=file]").set_input_files([str(lexicon), str(broken)])
    page.wait_for_timeout(1500)
    settle(page)
    wait_for(page, "text=lexicon 'classroom' 0.1 added")
    assert "broken.yaml" in page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "classroom" in page.locator("[data-testid=stSidebar]").inner_text()
    screenshot(page, "lexicon_upload")


def test_lexicon_editor_checks_the_text_while_typing(page, demo_server):
    open_view(page, demo_server, "view=lexicons")
    area = page.get_by_role("textbox", name="Lexicon YAML")
    wait_for(page, "text=Valid:")
    settle(page)  # typing while the first run still draws the page can lose the text
    text = area.input_value()
    area.click()
    area.fill(text.replace("poles:", "polez:"))  # no Ctrl+Enter, no click outside
    page.wait_for_timeout(2000)
    settle(page)
    wait_for(page, "[data-testid=stCode] >> text=polez")
    errors = page.locator("[data-testid=stAlertContentError]")
    assert errors.count() >= 1 and "problem" in errors.first.inner_text()
    area.fill(text.replace("my_lexicon", "typed_live"))
    page.wait_for_timeout(2000)
    settle(page)
    assert "Valid: 'typed_live'" in page.locator("[data-testid=stAlertContentSuccess]").first.inner_text()
    screenshot(page, "lexicon_live_validation")


def test_clicking_a_naming_bar_lists_the_sentences_using_that_label(page, demo_server):
    open_view(page, demo_server, "view=naming&naming_set=islamic_state")
    wait_for(page, ".js-plotly-plot .bars .point path")
    bars = page.locator(".js-plotly-plot").first.locator(".bars .point path")
    drawn = [(i, bars.nth(i).bounding_box()) for i in range(bars.count())]
    lowest = max(((i, box) for i, box in drawn if box and box["width"] > 5), key=lambda item: item[1]["y"])[0]
    bars.nth(lowest).click(force=True)  # the last outlet drawn: The Jerusalem Post, all "ISIS"
    page.wait_for_timeout(1000)
    settle(page)
    caption = page.get_by_text("of “ISIS” in The Jerusalem Post").first.inner_text()
    assert caption.startswith("1 use ")
    screenshot(page, "naming_click_through")


def test_coding_a_hit_with_the_keyboard(page, demo_server):
    open_view(page, demo_server, "view=coding")
    page.get_by_role("button", name="Draw a new sample").click()
    page.wait_for_timeout(800)
    settle(page)
    wait_for(page, ".coding-sentence mark")
    assert "0 of" in page.get_by_text("hits coded").first.inner_text()
    page.locator(".coding-sentence").click()  # focus the page, not a text box
    page.keyboard.press("y")
    page.wait_for_timeout(1000)
    settle(page)
    assert "1 of" in page.get_by_text("hits coded").first.inner_text()
    page.keyboard.press("n")
    page.wait_for_timeout(1000)
    settle(page)
    assert "2 of" in page.get_by_text("hits coded").first.inner_text()
    assert "Hit 3 of" in page.locator("body").inner_text()
    screenshot(page, "coding")
    open_view(page, demo_server, "view=precision")
    wait_for(page, "[data-testid=stDataFrame]")
    screenshot(page, "lexicon_precision")
    open_view(page, demo_server, "view=terms&focus=The%20Jerusalem%20Post")
    wait_for(page, ".js-plotly-plot .bars .point path")
    screenshot(page, "terms_paired_words")


# --- issue 10: hostile uploads and corpus switches in a real browser ---------------------------------
def upload_file(page, path: Path, *, shows: str) -> None:
    """Give the sidebar's file input one more file and wait until the sidebar shows ``shows``."""
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(path))
    page.locator("[data-testid=stSidebar]").get_by_text(shows).first.wait_for(timeout=60_000)
    settle(page)


def assert_session_usable(page, kind: str = "", heading: str = "Corpus and load report") -> None:
    """No crash page, the view still drawn, the demo corpus still open."""
    assert page.locator("[data-testid=stException]").count() == 0, kind
    assert page.locator("h1").first.inner_text() == heading, kind
    assert "5 articles loaded from 5 inputs" in page.locator("[data-testid=stSidebar]").inner_text(), kind


def test_every_hostile_zip_upload_is_a_message_and_the_session_goes_on(page, demo_server, tmp_path):
    from hostile.catalogue import ZIP_CASES, Refused

    refused = {name: make for name, (make, expect) in ZIP_CASES.items() if isinstance(expect, Refused)}
    assert len(refused) >= 20
    open_view(page, demo_server, "view=corpus")  # a light view: each upload reruns the page
    page.get_by_text("Change corpus").click()
    page.get_by_text("Upload a ZIP of text/HTML files + manifest.csv").click()
    settle(page)
    for name, make in sorted(refused.items()):
        archive = tmp_path / f"{name}.zip"
        archive.write_bytes(make())
        upload_file(page, archive, shows=f"{name}.zip:")
        error = page.locator("[data-testid=stSidebar] [data-testid=stAlertContentError]")
        assert error.count() == 1 and f"{name}.zip" in error.first.inner_text(), (name, page.locator("body").inner_text()[:800])
        assert_session_usable(page, name)
        if name == "zip-bad-crc":
            screenshot(page, "upload_bad_crc")
    page.locator("[data-testid=stSidebar]").get_by_text("Overview").click()
    settle(page)
    wait_for(page, ".js-plotly-plot")
    assert_session_usable(page, heading="Overview")
    assert page.locator(".js-plotly-plot").count() == 2, "the demo corpus still draws its figures"
    assert page.dialogs == []


def test_a_zip_whose_manifest_names_files_outside_shows_skips_not_the_files(page, demo_server, tmp_path):
    import zipfile

    archive = tmp_path / "outside.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("corpus/manifest.csv", "file,outlet,title\nok.txt,Local Post,Fine\n/etc/passwd,Evil,Passwd\n"
                                            "../../../../../../etc/hostname,Evil,Host\n")
        out.writestr("corpus/ok.txt", "Officials said the talks in Geneva would resume on Monday after a pause.")
    open_view(page, demo_server, "view=corpus")
    upload_corpus(page, "Upload a ZIP of text/HTML files + manifest.csv", archive)
    wait_for(page, "text=uploaded outside.zip")
    sidebar = page.locator("[data-testid=stSidebar]")
    assert "1 articles loaded from 3 inputs, 2 skipped" in sidebar.inner_text()
    cells = page.locator("[data-testid=stMain] [data-testid=stDataFrame] [role=gridcell]").all_text_contents()
    assert any(c.endswith("manifest.csv row 2: /etc/passwd") for c in cells), cells
    assert "file listed in manifest.csv is an absolute path (a corpus may only name files inside its own folder)" in cells
    assert "file listed in manifest.csv is a path with '..' (a corpus may only name files inside its own folder)" in cells
    assert "root:x:0:0" not in page.content()
    screenshot(page, "upload_outside_manifest")
    sidebar.get_by_text("Side by side").click()
    settle(page)
    wait_for(page, "div.framing-text")
    shown = " ".join(page.locator("div.framing-text").all_inner_texts())
    assert "talks in Geneva" in shown and "root:" not in shown


def test_switching_to_a_corpus_dated_outside_the_demo_range_keeps_the_views_working(page, demo_server, tmp_path):
    later = tmp_path / "later.csv"
    later.write_text("outlet,title,date,text\n"
                     "A,One,2023-05-02,The occupation must end now say officials in the capital.\n"
                     "B,Two,2023-05-03,The invited forces bring stability say officials at the border.\n"
                     "C,Three,2023-06-04,Terrorists threaten the region say officials in the north.\n", encoding="utf-8")
    open_view(page, demo_server)
    wait_for(page, ".js-plotly-plot")
    upload_corpus(page, "Upload a table (CSV, JSON lines, Parquet)", later)
    wait_for(page, "text=uploaded later.csv")
    sidebar = page.locator("[data-testid=stSidebar]")
    for view in ("Overview", "Actors", "Naming", "Distinctive terms", "Export"):
        sidebar.get_by_text(view, exact=True).click()
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0, view
        errors = page.locator("[data-testid=stMain] [data-testid=stAlertContentError]").all_inner_texts()
        assert not any("min_value" in e or "StreamlitValue" in e for e in errors), (view, errors)
        dates = [box.input_value() for box in page.locator("[data-testid=stDateInput] input").all()]
        if dates:  # the date filter shows the new corpus's range, whatever the old one was
            assert "2023-05-02" in " ".join(dates) and "2019" not in " ".join(dates), (view, dates)
    screenshot(page, "switch_corpus_dates")
