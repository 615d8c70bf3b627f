"""`summarize` itself is the library's face: every name of `__all__` comes from it, each from the
module that defines it, and importing the package imports none of them until asked."""

from __future__ import annotations

import subprocess
import sys

import pytest

import summarize


@pytest.mark.parametrize("name", sorted(summarize.__all__))
def test_every_public_name_is_the_defining_modules_own(name):
    value = getattr(summarize, name)
    if name != "__version__":
        home = summarize._HOMES[name]
        assert value is getattr(sys.modules[home], name)


def test_the_public_names_are_the_listed_ones():
    assert set(summarize.__all__) == {"__version__", *summarize._HOMES}
    assert set(summarize.__all__) <= set(dir(summarize))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        summarize.nothing_here  # noqa: B018


def test_importing_the_package_imports_no_stage():
    code = (
        "import sys, summarize; loaded = sorted(m for m in sys.modules if m.startswith('summarize.'));"
        "assert loaded == ['summarize.version'], loaded; assert 'numpy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
