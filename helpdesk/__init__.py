"""Helpdesk: the complaint desk (客诉管理) for dealership after-sales and retail stores.

``__version__`` is the version in ``pyproject.toml``, the one place it is written: read
(on first use) from the installed package's metadata (the PyInstaller bundle carries that metadata
too); a source tree that was never installed reads ``pyproject.toml`` itself.
"""

from __future__ import annotations

from types import ModuleType


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("helpdesk")
    except metadata.PackageNotFoundError:
        pass
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"),
                          re.MULTILINE)
    except OSError:
        found = None
    return found.group(1) if found else "0+unknown"


def __getattr__(name: str) -> str:
    # ``__version__`` is read on first use: finding the package's metadata scans the
    # installed packages, which ``helpdesk --help`` need not wait for (issue 13).
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, run only when one of its attributes is first read.

    For the command line: ``helpdesk --help`` and a command that needs no database need
    not import SQLAlchemy, reportlab and every service (seconds on a slow machine). Not
    for threads: the first attribute read must not race with another thread's."""
    import importlib.util
    import sys

    found = sys.modules.get(name)
    if found is not None:
        return found
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
