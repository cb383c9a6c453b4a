"""The report in a real browser: opened from file:// with the network cut off, no console
error, no request leaving the file, a hostile corpus runs no script; screenshots of the report,
its classroom version and the first page of its PDF go to tests/artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus.load import load_corpus
from framing.measure.pipeline import analyze
from framing.present.pdf import print_pdf
from framing.present.report import ReportSettings, build_report
from framing.settings import BootstrapSettings

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
FAST = BootstrapSettings(n_boot=200)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "browser tests need Debian's Chromium: apt-get install -y chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory, demo_analysis):
    folder = tmp_path_factory.mktemp("reports")
    hostile = analyze(load_corpus(Path(__file__).parent / "fixtures" / "xss"))
    made = {}
    for name, analysis, classroom in (("demo", demo_analysis, False), ("classroom", demo_analysis, True),
                                      ("hostile", hostile, False), ("hostile-classroom", hostile, True)):
        path = folder / f"{name}.html"
        path.write_text(build_report(analysis, ReportSettings(top_events=2, classroom=classroom, bootstrap=FAST)),
                        encoding="utf-8")
        made[name] = path
    return made


def open_offline(browser, path: Path, *, width: int = 1280, height: int = 900):
    """The page from file:// in a context with no network; what it logged, asked and fetched."""
    context = browser.new_context(offline=True, viewport={"width": width, "height": height})
    seen = {"console": [], "dialogs": [], "requests": []}
    page = context.new_page()
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["console"].append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: seen["requests"].append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length === "
                           "document.querySelectorAll('.figure').length", timeout=30_000)
    return context, page, seen


def test_report_opens_offline_with_every_figure_and_no_error(browser, reports):
    ARTIFACTS.mkdir(exist_ok=True)
    context, page, seen = open_offline(browser, reports["demo"])
    assert page.locator(".js-plotly-plot").count() >= 3
    assert page.locator("#start .column").count() == 2
    assert page.locator("#start span.hit").count() > 20
    assert seen == {"console": [], "dialogs": [], "requests": []}
    page.screenshot(path=str(ARTIFACTS / "report-top.png"))
    page.locator("#start").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-start-here.png"))
    page.locator("#diff").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-diff.png"))
    context.close()


def test_classroom_report_hides_the_outlets_until_the_key(browser, reports):
    context, page, seen = open_offline(browser, reports["classroom"], width=1366, height=768)  # a projector
    before = page.evaluate("""() => { const key = document.getElementById('key'); let text = '';
        for (const el of document.body.querySelectorAll('*')) { if (key.contains(el)) continue;
          for (const a of el.attributes) text += ' ' + a.value; }
        return document.title + text + document.body.innerText.split('Key: which outlet is which')[0]; }""")
    for outlet in ("The Crystal Eyes", "The Jerusalem Post", "SouthFront", "Al-Monitor", "Intellectual Observer"):
        assert outlet not in before
    key = page.locator("#key").inner_text()
    assert "The Crystal Eyes" in key and "The Jerusalem Post" in key
    assert "Outlet A" in before and seen["console"] == [] and seen["requests"] == []
    page.locator("#start").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-classroom.png"))
    context.close()


@pytest.mark.parametrize("name", ["hostile", "hostile-classroom"])
def test_hostile_corpus_runs_no_script_in_the_report(browser, reports, name):
    context, page, seen = open_offline(browser, reports[name])
    assert seen["dialogs"] == [] and seen["console"] == [] and seen["requests"] == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("[...document.scripts].every(s => !s.src)")
    if name == "hostile":
        assert "<script>alert('outlet')</script>" in page.locator("#start").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"report-{name}.png"))
    context.close()


def test_pdf_handout_is_a4_and_its_first_page_is_written(reports, tmp_path):
    import pypdfium2

    pdf = print_pdf(reports["demo"], tmp_path / "report.pdf", chromium=CHROMIUM)
    document = pypdfium2.PdfDocument(str(pdf))
    assert len(document) >= 4
    width, height = document[0].get_size()
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
    text = document[1].get_textpage().get_text_range() + document[0].get_textpage().get_text_range()
    assert "Start here" in text
    for i, name in ((0, "report-pdf-page1.png"), (1, "report-pdf-page2.png")):
        document[i].render(scale=1.4).to_pil().convert("L").save(ARTIFACTS / name)  # grey, as a school copier
