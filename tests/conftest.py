from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO_CORPUS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def demo_corpus_path() -> Path:
    assert (DEMO_CORPUS / "manifest.csv").exists(), f"the bundled demo corpus is missing: {DEMO_CORPUS}"
    return DEMO_CORPUS


@pytest.fixture(scope="session")
def demo_corpus(demo_corpus_path):
    from framing.corpus.load import load_corpus
    return load_corpus(demo_corpus_path)


@pytest.fixture(scope="session")
def demo_analysis(demo_corpus):
    """The demo corpus analysed with the bundled lexicons."""
    from framing.measure.pipeline import analyze
    return analyze(demo_corpus)

