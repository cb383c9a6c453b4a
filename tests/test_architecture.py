"""The shape of the code, checked from its source (the import graph is read from the AST, not
from what happens to be imported): no import cycle; no stage imports a later one; framing/
never imports Streamlit; modules and functions stay small; the package faces agree with what
they export; and a light command imports no heavy library."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "framing"

#: The order of the stages: a module may import its own stage and earlier ones, never a later
#: one. corpus and lexicon stand side by side and do not import each other.
STAGES = {"ground": 0, "corpus": 1, "lexicon": 1, "text": 2, "measure": 3, "compare": 4, "present": 5, "cli": 6}
GROUND = {"framing", "framing.errors", "framing.settings", "framing.parallel", "framing.lazy"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
HEAVY = ("sklearn", "scipy", "plotly", "nltk", "streamlit")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    if module in GROUND:
        return "ground"
    if module == "framing.__main__":
        return "cli"
    part = module.split(".")[1]
    assert part in STAGES, f"{module}: a module outside the stages; add it to a stage or to GROUND in this test"
    return part


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(module: str) -> tuple[list[str], list[str]]:
    """The modules ``module`` imports when it runs (at any depth, functions included), and those
    it imports only for type checkers (``if TYPE_CHECKING:``). ``from X import name`` counts as
    an import of ``X.name`` when that is a module of the package, else of ``X``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    runtime: list[str] = []
    typing_only: list[str] = []

    def visit(node: ast.AST, found: list[str]) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, typing_only)
            for child in node.orelse:
                visit(child, found)
            return
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.append(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child, found)

    visit(ast.parse(path.read_text(encoding="utf-8")), runtime)
    return runtime, typing_only


def framing_edges(*, typing_only: bool = False) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        runtime, checked = imports(module)
        targets = checked if typing_only else runtime
        graph[module] = {t for t in targets if t in MODULES and t != module}
    return graph


def test_the_import_graph_has_no_cycle():
    graph = framing_edges()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := walk(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = walk(module)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize("typing_only", [False, True], ids=["runtime", "type-checking"])
def test_no_stage_imports_a_later_one(typing_only):
    wrong = []
    for module, targets in framing_edges(typing_only=typing_only).items():
        if module == "framing":
            continue  # the package's own face names every stage for type checkers (it imports none at run time)
        mine = stage(module)
        for target in sorted(targets):
            theirs = stage(target)
            if STAGES[theirs] > STAGES[mine] or (STAGES[theirs] == STAGES[mine] and theirs != mine):
                wrong.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert not wrong, "\n".join(wrong)


def test_the_package_face_imports_nothing_at_run_time_but_the_lazy_helper():
    runtime, _ = imports("framing")
    assert [m for m in runtime if m.startswith("framing")] == ["framing.lazy"]


def test_framing_never_imports_streamlit():
    found = [f"{module} imports {target}" for module in MODULES for target in sum(imports(module), [])
             if target.split(".")[0] == "streamlit"]
    assert not found, "framing/ must not import Streamlit (the dashboard is a layer over it): " + "; ".join(found)


def _python_files():
    for root in ("framing", "dashboard"):
        yield from sorted((REPO / root).rglob("*.py"))


def test_modules_and_functions_stay_small():
    too_long = []
    for path in _python_files():
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(REPO)
        if (lines := len(source.splitlines())) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES}: split it along a seam a reader would name)")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines (at most {MAX_FUNCTION_LINES})")
    assert not too_long, "\n".join(too_long)


def lazy_faces() -> list[str]:
    return [m for m, p in MODULES.items() if p.name == "__init__.py" and "lazy_exports(" in p.read_text(encoding="utf-8")]


def _declared(module: str) -> tuple[dict[str, set[str]], dict[str, set[str]], list[str]]:
    """What a lazy face declares: the TYPE_CHECKING imports, the mapping given to
    ``lazy_exports`` (module -> names) and ``__all__``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    checked: dict[str, set[str]] = {}
    lazy: dict[str, set[str]] = {}
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                if isinstance(child, ast.ImportFrom):
                    checked.setdefault(child.module or "", set()).update(a.name for a in child.names)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "lazy_exports":
            mapping = ast.literal_eval(node.args[1])
            lazy = {k: set(v) for k, v in mapping.items()}
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            names = ast.literal_eval(node.value)
    return checked, lazy, names


@pytest.mark.parametrize("face", lazy_faces())
def test_a_lazy_face_exports_what_it_shows_type_checkers(face):
    checked, lazy, names = _declared(face)
    assert checked == lazy, f"{face}: the TYPE_CHECKING imports and the lazy_exports mapping differ"
    assert sorted(names) == sorted(n for ns in lazy.values() for n in ns), f"{face}: __all__ differs from the exports"
    imported = __import__(face, fromlist=["_"])
    for name in names:
        assert getattr(imported, name) is not None


def _imported_by(code: str) -> list[str]:
    """The heavy libraries a fresh Python has imported after running ``code`` in the repository."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_importing_every_face_imports_no_heavy_library():
    faces = "; ".join(f"import {m}" for m in ["framing", *lazy_faces(), "framing.cli"])
    assert _imported_by(faces) == []


@pytest.mark.parametrize("command", [["load", "corpus"], ["hits", "corpus", "--frame", "legitimacy"]])
def test_a_light_command_imports_no_heavy_library(command):
    code = ("import contextlib, io\nfrom framing.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main({command!r}) == 0")
    assert _imported_by(code) == [], f"framing {' '.join(command)} imported a library it does not need"
