"""What every AppTest test of the dashboard shares: the app's path, a run of it with URL query
settings, and the check that a run ended without an exception or an error message."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"


def isolate(tmp_path_factory, monkeypatch, *, data_root: Path | None = None) -> None:
    """Analyses are cached on disk: keep them out of the user's cache; no start-up corpus; the
    browser may open paths under ``data_root`` (default: the tests' temporary folder)."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "framing-cache"))
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    monkeypatch.setenv("FRAMING_DATA_ROOT", str(data_root or tmp_path_factory.getbasetemp()))


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    isolate(tmp_path_factory, monkeypatch)


def app(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def assert_clean(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at
