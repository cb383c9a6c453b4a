"""A corpus may only name files inside its own folder: a manifest row naming an absolute
path, a path with '..' or a link leading outside is a reported skip, never a loaded article
(issue: any file on the server could be read through a manifest)."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from framing.corpus.load import load_corpus
from framing.errors import CorpusError

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "corpus"


@pytest.fixture()
def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DEMO, folder)
    return folder


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("root:x:0:0:root:/root:/bin/bash\nThe secret sentence nobody may read.\n")
    return path


def _add_rows(folder: Path, names: list[str]) -> None:
    with open(folder / "manifest.csv", "a", newline="") as fh:
        writer = csv.writer(fh)
        for i, name in enumerate(names):
            writer.writerow([name, f"Hostile {i}", "", "", f"Hostile {i}", "2019-03-18", "day"])


def _assert_refused(folder: Path, names: list[str], reason_part: str) -> None:
    corpus = load_corpus(folder)
    assert corpus.report.balanced
    assert corpus.report.loaded == 5, "the five demo articles still load"
    assert all("secret sentence" not in a.body and "root:x" not in a.body for a in corpus.articles)
    skipped = {item.source.rsplit(": ", 1)[-1]: item.reason for item in corpus.report.skipped}
    for name in names:
        assert reason_part in skipped[name], skipped


@pytest.mark.parametrize("name_of", [
    lambda secret, folder: str(secret),                                    # absolute path
    lambda secret, folder: "/etc/passwd",
    lambda secret, folder: "../" + secret.name,                            # climbs out
    lambda secret, folder: "../../../../../../../../etc/passwd",
    lambda secret, folder: "sub/../../" + secret.name,
    lambda secret, folder: "..\\" + secret.name,                           # Windows separators
])
def test_manifest_rows_naming_files_outside_the_folder_are_skipped(demo_copy, secret, name_of):
    name = name_of(secret, demo_copy)
    _add_rows(demo_copy, [name])
    reason = "absolute path" if name.startswith("/") else "'..'"
    _assert_refused(demo_copy, [name], reason)


def test_a_link_leading_outside_the_folder_is_not_followed(demo_copy, secret):
    (demo_copy / "innocent.txt").symlink_to(secret)
    _add_rows(demo_copy, ["innocent.txt"])
    _assert_refused(demo_copy, ["innocent.txt"], "link that leads outside")


def test_a_link_to_a_folder_outside_is_not_followed(demo_copy, secret):
    (demo_copy / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    _add_rows(demo_copy, [f"elsewhere/{secret.name}"])
    _assert_refused(demo_copy, [f"elsewhere/{secret.name}"], "link that leads outside")


def test_a_link_inside_the_folder_still_loads(demo_copy):
    (demo_copy / "same.txt").symlink_to(demo_copy / "000_b7b8b75330a77be9.txt")
    with open(demo_copy / "manifest.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][0] = "same.txt"
    with open(demo_copy / "manifest.csv", "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    corpus = load_corpus(demo_copy)
    assert corpus.report.loaded == 5 and not corpus.report.skipped
    assert "Damascus" in next(a.body for a in corpus.articles if a.outlet == "The Crystal Eyes")


def test_a_manifest_that_is_a_link_outside_is_refused(tmp_path, secret):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.csv").symlink_to(secret)
    with pytest.raises(CorpusError, match="link that leads outside") as info:
        load_corpus(folder)
    assert "root:x" not in str(info.value)


def test_saved_pages_linking_outside_the_folder_are_skipped(tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text("<html><body><article><p>The secret sentence nobody may read, at length, "
                       "in a paragraph long enough to be extracted as the body.</p></article></body></html>")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.html").symlink_to(outside)
    corpus = load_corpus(pages, format="html")
    assert corpus.report.loaded == 0 and corpus.report.balanced
    assert "link that leads outside" in corpus.report.skipped[0].reason
