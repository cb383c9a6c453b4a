"""Every case of the hostile-input catalogue (catalogue.py) through `framing load` and
`load_corpus`, and every hostile ZIP through the dashboard's upload handling: the exact
outcome each case states, never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.uploads import UploadError, extract_zip
from framing.cli import main
from framing.corpus.load import load_corpus

from .catalogue import CASES, ZIP_CASES, Fails, Loads, Refused


def test_the_catalogue_holds_at_least_80_cases():
    assert len(CASES) + len(ZIP_CASES) >= 80, len(CASES) + len(ZIP_CASES)


def run_load(path: Path, capsys) -> tuple[int, str, str]:
    code = main(["load", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    return code, out, err


def check_loads(path: Path, expect: Loads, out: str) -> None:
    report = json.loads(out)["report"]
    assert report["seen"] == report["loaded"] + len(report["skipped"]), report
    corpus = load_corpus(path)
    assert corpus.report.balanced
    bodies = {a.id: a.body for a in corpus.articles}
    assert sorted(bodies) == sorted(expect.loaded), (bodies.keys(), corpus.report.skipped)
    for article_id, body in expect.loaded.items():
        if body is not None:
            assert bodies[article_id] == body, article_id
    skipped = {s.item_id: s.reason for s in corpus.report.skipped}
    assert sorted(skipped) == sorted(expect.skipped), skipped
    for item_id, reason in expect.skipped.items():
        assert skipped[item_id].startswith(reason), (item_id, skipped[item_id])
    for part in expect.notes:
        assert any(part in note for note in corpus.report.notes), (part, corpus.report.notes)
    outlets = {a.id: a.outlet for a in corpus.articles}
    for article_id, outlet in expect.outlets.items():
        assert outlets[article_id] == outlet


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name, tmp_path, capsys):
    make, expect = CASES[name]
    path = make(tmp_path)
    code, out, err = run_load(path, capsys)
    assert "Traceback" not in err
    if isinstance(expect, Fails):
        assert (code, out) == (2, ""), err
        assert err.startswith("framing: error: ") and err.count("\n") == 1, err
        for part in expect.must:
            assert part in err, (part, err)
        assert " at at " not in err
    else:
        assert code == 0 and err == "", err
        check_loads(path, expect, out)


@pytest.mark.parametrize("name", sorted(ZIP_CASES))
def test_hostile_zip_upload(name, tmp_path, capsys):
    make, expect = ZIP_CASES[name]
    data = make()
    uploads = tmp_path / "uploads"
    if isinstance(expect, Refused):
        with pytest.raises(UploadError) as refused:
            extract_zip("empty.zip", data, uploads)
        message = str(refused.value)
        for part in expect.must:
            assert part in message, (part, message)
        assert "\n" not in message
        left = [p for p in uploads.rglob("*") if p.is_file()] if uploads.exists() else []
        assert left == [], f"a refused archive left files behind: {left}"
        return
    folder = extract_zip("upload.zip", data, uploads)
    code, out, err = run_load(folder, capsys)
    assert code == 0 and err == "", err
    check_loads(folder, expect, out)
