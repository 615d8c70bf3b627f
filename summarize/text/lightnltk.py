"""Import the two NLTK pieces the core uses (Punkt and the Porter stemmer) without NLTK's ``__init__``.

``import nltk`` imports almost all of NLTK, and scikit-learn and scipy.stats with it: a second or more
before any work. The core needs two small modules. `prepare` registers the packages ``nltk``,
``nltk.tokenize`` and ``nltk.stem`` without running their ``__init__``, so that importing
``nltk.tokenize.punkt`` runs only what that module needs. The first use of anything else of NLTK (a
top-level name such as ``nltk.word_tokenize``, or a module outside the light set, as sumy imports)
runs the real ``__init__`` files first, in order, so the rest of NLTK works unchanged in the process.

Five modules those two import for what a brief never does with them (read or write files through
NLTK's sandbox, unpickle, train, check a tokenizer's overrides, split on a fixed string) pull in
http, ssl, urllib, subprocess, sockets and XML: ~25 ms of CPU at every start. Until NLTK is
completed they are stand-ins holding the names imported from them; calling one completes NLTK and
calls the real one (tests/text/test_lightnltk.py).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
# What nltk.tokenize.punkt and nltk.stem.porter import (NLTK 3.9-3.10): safe without the __init__s.
_LIGHT = frozenset(
    {
        "nltk.internals",
        "nltk.pathsec",
        "nltk.picklesec",
        "nltk.probability",
        "nltk.redos",
        "nltk.tabdata",
        "nltk.termsec",
        "nltk.util",
        "nltk.compat",
        "nltk.tokenize.api",
        "nltk.tokenize.punkt",
        "nltk.tokenize.util",
        "nltk.stem.api",
        "nltk.stem.porter",
    }
)
# Stand-ins (see the module's docstring): each module, and the names Punkt, its tokenizer interface and
# the stemmer import from it.
_DEFERRED = {
    "nltk.pathsec": ("open", "validate_path"),
    "nltk.picklesec": ("allowlisted_pickle_load",),
    "nltk.internals": ("overridden", "raise_unorderable_types"),
    "nltk.probability": ("FreqDist",),
    "nltk.tokenize.util": ("string_span_tokenize",),  # its XML escapes import urllib.request
}
_lock = threading.RLock()
_pending: dict[str, object] = {}  # package name -> spec whose __init__ has not run yet


def _complete() -> None:
    """Import NLTK the ordinary way (its stand-ins make way), then step aside."""
    with _lock:
        if not _pending:
            return
        _pending.clear()
        if _Finder in sys.meta_path:
            sys.meta_path.remove(_Finder)
        for name in (*_PACKAGES, *_DEFERRED):
            if name in _PACKAGES or getattr(sys.modules.get(name), "_lightnltk_stand_in", False):
                sys.modules.pop(name, None)
        for name in _PACKAGES:
            importlib.import_module(name)
        # Modules imported before keep working; the new packages must name them as attributes.
        for name, module in list(sys.modules.items()):
            parent, _, child = name.rpartition(".")
            if (
                parent.startswith("nltk")
                and parent in sys.modules
                and module is not None
                and not hasattr(sys.modules[parent], child)
            ):
                setattr(sys.modules[parent], child, module)


class _Finder(importlib.abc.MetaPathFinder):
    """Completes NLTK before any of its modules outside the light set is imported."""

    @staticmethod
    def find_spec(
        fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if _pending and fullname.startswith("nltk.") and fullname not in _LIGHT and fullname not in _pending:
            _complete()
        return None  # the ordinary finders do the import


def _register(name: str) -> None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)  # the package, without running its __init__

    def __getattr__(attribute: str) -> Any:
        if f"{name}.{attribute}" in _LIGHT:  # `from nltk import pathsec`: a light submodule
            return importlib.import_module(f"{name}.{attribute}")
        _complete()
        return getattr(sys.modules[name], attribute)  # the real package, imported by now

    module.__getattr__ = __getattr__  # type: ignore[method-assign]  # PEP 562: a module's own __getattr__
    _pending[name] = spec
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


def _stand_in(name: str, names: Sequence[str]) -> ModuleType:
    """A module named `name` holding `names`: each, called, completes NLTK and calls the real one; any
    other attribute completes NLTK and is read from the real module."""
    module = ModuleType(name, "A stand-in until NLTK is completed (summarize.text.lightnltk).")

    def real() -> ModuleType:
        _complete()
        return importlib.import_module(name)  # the real module, now that the stand-in is gone

    def forwarding(attribute: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(real(), attribute)(*args, **kwargs)

        call.__name__ = call.__qualname__ = attribute
        return call

    for attribute in names:
        setattr(module, attribute, forwarding(attribute))

    def __getattr__(attribute: str) -> Any:
        if attribute.startswith("__"):  # what the import system looks for (`__path__`): not there
            raise AttributeError(attribute)
        return getattr(real(), attribute)

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    module._lightnltk_stand_in = True  # type: ignore[attr-defined]
    return module


def prepare() -> None:
    """Make the NLTK packages importable in parts; does nothing once NLTK is imported."""
    with _lock:
        if "nltk" in sys.modules:
            return
        try:
            for name in _PACKAGES:
                _register(name)
            for name, names in _DEFERRED.items():
                if importlib.util.find_spec(name) is None:
                    raise ImportError(name)
                sys.modules[name] = _stand_in(name, names)
                parent, _, child = name.rpartition(".")
                setattr(sys.modules[parent], child, sys.modules[name])
        except (ImportError, ValueError):  # an unexpected layout: NLTK is imported the ordinary way
            for name in (*_PACKAGES, *_DEFERRED):
                sys.modules.pop(name, None)
            _pending.clear()
            return
        sys.meta_path.insert(0, _Finder)
