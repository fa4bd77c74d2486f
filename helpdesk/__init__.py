"""Helpdesk: the complaint desk (客诉管理) for dealership after-sales and retail stores.

``__version__`` is the one place the version is written: ``pyproject.toml`` reads it from
here (``[tool.setuptools.dynamic]``), so the package metadata, ``--version``, the log and
the bundle all say the same. A constant, not a metadata lookup: importing
``importlib.metadata`` and scanning the installed packages cost 50–150 ms of every start,
before the login window (issue 13).
"""

from __future__ import annotations

from types import ModuleType

__version__ = "0.1.0"


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
