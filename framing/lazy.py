"""Lazy package faces (PEP 562): a face names what its stage offers, and a name's module is
imported the first time the name is used, so ``framing load`` never pays for scikit-learn,
SciPy or plotly because some face mentions a function that needs them.

A face lists its names twice: in an ``if TYPE_CHECKING:`` block of ordinary imports, which
type checkers and readers follow, and in the mapping given to ``lazy_exports``, which runs
(tests/test_architecture.py checks that the two agree)."""
from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]]
                 ) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for the face of ``package``: ``exports`` maps a module
    to the names the face takes from it. A name, once looked up, is kept on the package."""
    home = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *home})

    return __getattr__, __dir__
