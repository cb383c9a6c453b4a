"""Where the dashboard's corpus comes from: the bundled demo, the path it was started on, a
path typed in the browser (only inside the data root: nothing outside it is ever read) or an
upload; each a ``Source`` that Streamlit's caches key on."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from framing.errors import FramingError

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = REPO / "corpus"
UPLOAD_DIR = Path(tempfile.gettempdir()) / "framing-uploads"


@dataclass(frozen=True)
class Source:
    """A corpus to load: ``kind`` is ``bundled``, ``path``, ``upload`` or ``zip``; ``path`` is
    what ``load_corpus`` reads; ``label`` is shown to the user; ``stamp`` changes when the
    files change, so the cache reloads them; ``columns`` names source columns the loader
    does not find by itself, as ``(field, column)`` pairs (``("text", "story_text")``)."""

    kind: str
    path: str
    label: str
    stamp: int = 0
    columns: tuple[tuple[str, str], ...] = ()


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def path_source(path: str | Path, *, kind: str = "path", label: str | None = None,
                columns: tuple[tuple[str, str], ...] = ()) -> Source:
    path = Path(path).expanduser()
    return Source(kind, str(path), label or str(path), _stamp(path), tuple(columns))


def _startup_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    parser.add_argument("--data-root")
    args, _ = parser.parse_known_args(sys.argv[1:])
    args.corpus = args.corpus or os.environ.get("FRAMING_CORPUS") or None
    args.data_root = args.data_root or os.environ.get("FRAMING_DATA_ROOT") or None
    return args


def startup_source() -> Source:
    """The corpus given on the command line (``streamlit run app.py -- --corpus PATH``), else
    in ``FRAMING_CORPUS``, else the bundled demo corpus."""
    given = _startup_arguments().corpus
    if given:
        return path_source(given)
    return path_source(BUNDLED_CORPUS, kind="bundled", label="bundled demo corpus (5 articles)")


def data_root() -> Path | None:
    """The one folder whose files a browser user may open by path: ``--data-root`` (or
    ``FRAMING_DATA_ROOT``), else the folder of the corpus given at start (the corpus folder
    itself, or the folder holding a corpus file); None when neither was given, and then no
    path typed in the browser is opened (uploads still are). Whoever can reach the page can
    read every corpus under this folder, so it is chosen by whoever starts the server."""
    args = _startup_arguments()
    if args.data_root:
        return Path(args.data_root).expanduser().resolve()
    if args.corpus:
        corpus = Path(args.corpus).expanduser().resolve()
        return corpus if corpus.is_dir() else corpus.parent
    return None


class PathNotAllowed(FramingError):
    """A path typed in the browser lies outside the dashboard's data root."""


def browser_path_source(raw: str, *, columns: tuple[tuple[str, str], ...] = ()) -> Source:
    """The source for a path typed in the browser, once it is known to lie inside
    ``data_root()`` (links are resolved first, so a link cannot lead out of it)."""
    root = data_root()
    if root is None:
        raise PathNotAllowed("opening a path from the browser is off: start the dashboard with a corpus "
                             "(framing dashboard PATH) or with --data-root FOLDER to allow the corpora under "
                             "that folder; or upload the corpus instead")
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = root / path
    if not path.resolve().is_relative_to(root):
        raise PathNotAllowed(f"{raw}: outside the folder this dashboard may read ({root}); give a path under it, "
                             "or restart the dashboard with --data-root set to a folder that holds the corpus")
    return path_source(path, columns=columns)
