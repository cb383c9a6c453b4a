"""One JSON text read within the limits (``framing.corpus.limits``): malformed JSON, numbers too
long to read and nesting deeper than ``MAX_JSON_DEPTH`` are errors naming the file and line; an
object that repeats a key is noted, so the reader can skip it with that reason instead of
keeping one of its values silently."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from framing.corpus.limits import MAX_JSON_DEPTH
from framing.errors import CorpusError


def parse_json(text: str, path: Path, *, line: int | None = None,
               depth_limit: int = MAX_JSON_DEPTH) -> tuple[Any, dict[int, list[str]]]:
    """The JSON value of ``text`` and, by ``id``, the objects in it that repeat a key (with
    the keys repeated). Raises CorpusError naming the file and line for malformed JSON, a
    number too long to read, or nesting deeper than ``MAX_JSON_DEPTH``."""
    dup_of: dict[int, list[str]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict:
        obj = dict(items)
        if len(obj) < len(items):
            counts: dict[str, int] = {}
            for key, _ in items:
                counts[key] = counts.get(key, 0) + 1
            dup_of[id(obj)] = [key for key, n in counts.items() if n > 1]
        return obj

    what = "malformed JSON line" if line else "malformed JSON"
    fix = "; fix or delete that line" if line else ""
    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        where = f"{path}:{line or exc.lineno}"
        column = f"{exc.msg} column {exc.colno}" if exc.msg.endswith(" at") else f"{exc.msg} at column {exc.colno}"
        raise CorpusError(f"{where}: {what} ({column}){fix}") from None
    except RecursionError:
        raise CorpusError(f"{path}{f':{line}' if line else ''}: JSON nested deeper than the {MAX_JSON_DEPTH} levels "
                          f"allowed (MAX_JSON_DEPTH); an article object needs two or three") from None
    except ValueError as exc:  # an integer longer than Python converts (sys.get_int_max_str_digits())
        size = str(exc).split(";")[0].rsplit(": value has ", 1)[-1]
        raise CorpusError(f"{path}{f':{line}' if line else ''}: a whole number of {size}, more than the "
                          f"{sys.get_int_max_str_digits():,} that can be read; write it as a string") from None
    brackets = text.count("[") + text.count("{")  # at least the depth: the walk below only when it may matter
    depth = json_depth(value) if brackets > depth_limit else 0
    if depth > depth_limit:
        raise CorpusError(f"{path}{f':{line}' if line else ''}: JSON nested {depth} levels deep, more than the "
                          f"{MAX_JSON_DEPTH} allowed (MAX_JSON_DEPTH); an article object needs two or three")
    return value, dup_of


def json_depth(value: Any) -> int:
    """Levels of objects and arrays in a parsed JSON value (a flat object is 1), without recursion."""
    depth, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            depth = max(depth, level)
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return depth


def object_problem(obj: dict, dup_of: dict[int, list[str]]) -> str | None:
    """The skip reason of an object that (or any object inside which) repeats a key."""
    if not dup_of:
        return None
    stack: list[Any] = [obj]
    repeated: list[str] = []
    while stack:
        node = stack.pop()
        repeated += dup_of.get(id(node), []) if isinstance(node, dict) else []
        children = node.values() if isinstance(node, dict) else node
        stack.extend(child for child in children if isinstance(child, (dict, list)))
    if not repeated:
        return None
    return (f"duplicate key in a JSON object ({', '.join(map(repr, dict.fromkeys(repeated)))} given twice; "
            f"which value is meant is unclear: keep one)")
