"""Lexicon files: read and validate one (``load_lexicon``, ``parse_lexicon``,
``lexicon_problems``), and the lexicons bundled in the repository's ``lexicons/`` folder.

A lexicon is a YAML file (format: ``lexicons/README.md``). Reading it validates everything and
reports every problem with its file and line, so a user writing their own lexicon learns what
to fix in one pass (``framing.lexicon.reader``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicon.model import Lexicon
from framing.lexicon.reader import read_lexicon

#: The lexicons shipped with framing (``conflict``, ``epistemic``, ``policy_frames``...).
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "lexicons"


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and validate the lexicon file at ``path``; LexiconError lists every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file. Bundled lexicons: {', '.join(bundled_lexicon_names())} "
                           f"(in {BUNDLED_DIR})") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a folder; give the path of one lexicon .yaml file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    return replace(parse_lexicon(text, source=str(path)), path=str(path))


def parse_lexicon(text: str, *, source: str = "<text>") -> Lexicon:
    """Validate the YAML ``text`` of a lexicon and build it; ``source`` names it in messages."""
    lexicon, problems = read_lexicon(text, source=source)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise LexiconError(f"{source}: {count} in lexicon:\n" + "\n".join(problems), problems)
    assert lexicon is not None
    return lexicon


def lexicon_problems(text: str, *, source: str = "<text>") -> list[str]:
    """Every problem in the lexicon ``text`` as ``source:line: what to fix`` (empty if valid);
    cheap enough to run on every keystroke of an editor."""
    return read_lexicon(text, source=source)[1]


def bundled_lexicon_names() -> tuple[str, ...]:
    """Names of the bundled lexicons (their file stems in ``BUNDLED_DIR``)."""
    return tuple(sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml")))


def bundled_lexicons(names: Iterable[str] | str | None = None) -> tuple[Lexicon, ...]:
    """The bundled lexicons (all, or those named, in the order given)."""
    available = bundled_lexicon_names()
    wanted = available if names is None else ((names,) if isinstance(names, str) else tuple(names))
    unknown = [n for n in wanted if n not in available]
    if unknown:
        raise LexiconError(f"no bundled lexicon named {', '.join(map(repr, unknown))}; bundled: {', '.join(available)}")
    return tuple(_load_bundled(str(BUNDLED_DIR / f"{n}.yaml"), (BUNDLED_DIR / f"{n}.yaml").stat().st_mtime_ns) for n in wanted)


@lru_cache(maxsize=16)
def _load_bundled(path: str, mtime_ns: int) -> Lexicon:
    return load_lexicon(path)


def resolve_lexicon(spec: str | Path) -> Lexicon:
    """A lexicon from a file path, or from a bundled lexicon's name (``conflict``)."""
    path = Path(spec)
    if not path.exists() and str(spec) in bundled_lexicon_names():
        return bundled_lexicons(str(spec))[0]
    return load_lexicon(path)
