"""Browser check on the AllSides roundups (issue 14's "done when"), which cannot ship in the test
suite (publishers' texts): the dashboard, started on the corpus given and driven by Playwright
in Debian's Chromium, must

- compare by ``allsides_side`` with the three sides (left, center, right) in every view that
  draws groups, and open every other view without an error;
- list every event of the corpus in the events view (searchable: a word of one event's title
  narrows the list to the events that hold it).

    python bench/browser_roundups.py ../shared/data/allsides_roundups/articles.jsonl

Screenshots go to tests/artifacts/roundups_*.png (read them). Prints one line per check and
exits 1 when any fails. The first run analyses the corpus (about a minute on two cores).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, IDLE, settle, start_streamlit, stop  # noqa: E402

GROUPED = ("overview", "actors", "time", "coverage")  # views whose figures draw the groups
OTHERS = ("side-by-side", "loaded", "naming", "terms", "events", "corpus", "lexicons", "coding", "precision", "export")
SIDES = ("left", "center", "right")


def event_count(path: Path) -> int:
    """How many distinct events the corpus labels (what the events view must list)."""
    with path.open(encoding="utf-8") as lines:
        return len({json.loads(line).get("event_id") for line in lines if line.strip()} - {None})


def open_view(page, url: str, query: str) -> str:
    page.goto(f"{url}/?{query}", wait_until="domcontentloaded")
    page.wait_for_selector(IDLE, timeout=600_000)
    settle(page)
    return page.inner_text("[data-testid=stMain]")


def check(results: list, name: str, ok: bool, detail: str = "") -> None:
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)


def run(corpus: Path, page, url: str) -> list[bool]:
    results: list[bool] = []
    for view in GROUPED + OTHERS:
        text = open_view(page, url, f"view={view}&by=allsides_side")
        problem = "Something went wrong" in text or "Traceback" in text
        drawn = ""
        if view in GROUPED:
            page.wait_for_selector(".js-plotly-plot", timeout=120_000)
            drawn = " ".join(page.locator(".js-plotly-plot").all_inner_texts())
        missing = [side for side in SIDES if view in GROUPED and side not in drawn]
        check(results, f"by=allsides_side, view {view}", not problem and not missing,
              "an error on the page" if problem else f"sides not drawn: {missing}" if missing else "")
        page.screenshot(path=str(ARTIFACTS / f"roundups_by_side_{view}.png"), full_page=True)
    expected = event_count(corpus)
    text = open_view(page, url, "view=events")
    listed = re.search(r"([\d,]+) of ([\d,]+) events", text)
    total = int(listed.group(2).replace(",", "")) if listed else None
    check(results, "events view lists every event", total == expected, f"{total} listed, {expected} in the corpus")
    page.screenshot(path=str(ARTIFACTS / "roundups_events.png"), full_page=True)
    search = page.get_by_label("Search events (words of the title, an outlet, an id)")
    search.fill("Supreme Court")
    search.press("Enter")
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=120_000)
    text = page.inner_text("[data-testid=stMain]")
    found = re.search(r"([\d,]+) of ([\d,]+) events match", text)
    narrowed = found is not None and 0 < int(found.group(1).replace(",", "")) < expected
    check(results, "searching the events narrows the list", narrowed, found.group(0) if found else "no count shown")
    page.screenshot(path=str(ARTIFACTS / "roundups_events_search.png"), full_page=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the AllSides roundups (articles.jsonl)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"no corpus at {args.corpus}: give the path of the AllSides roundups' articles.jsonl "
                         "(../shared/data/allsides_roundups/articles.jsonl)")
    if not Path(CHROMIUM).exists():
        raise SystemExit("this check needs Debian's Chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="framing-roundups-") as cache:
        proc, url = start_streamlit(args.corpus.resolve(), Path(cache))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_context(viewport={"width": 1500, "height": 1100}).new_page()
                results = run(args.corpus, page, url)
                browser.close()
        finally:
            stop(proc)
    print(f"{sum(results)} of {len(results)} checks passed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
