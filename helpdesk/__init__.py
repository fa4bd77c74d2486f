"""Helpdesk: the complaint desk (客诉管理) for dealership after-sales and retail stores.

``__version__`` is the version in ``pyproject.toml``, the one place it is written: read
from the installed package's metadata (the PyInstaller bundle carries that metadata
too); a source tree that was never installed reads ``pyproject.toml`` itself.
"""

from __future__ import annotations


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


__version__ = _version()
