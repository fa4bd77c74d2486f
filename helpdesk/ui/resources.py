"""Where the program's resources (translations, icons) are on disk.

In the source checkout (and an editable install, ``pip install -e .``) ``resources/``
sits at the repository root next to the ``helpdesk`` package. An installed wheel or a
frozen build carries them inside the package as ``helpdesk/resources`` (the package
data pattern ``resources/**/*`` in ``pyproject.toml``), or next to the executable for
PyInstaller (``sys._MEIPASS``). ``HELPDESK_RESOURCES`` overrides all of these. The
first folder that holds ``translations/`` wins.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

ENV_RESOURCES = "HELPDESK_RESOURCES"
_PACKAGE = Path(__file__).resolve().parent.parent  # .../helpdesk


def candidates() -> list[Path]:
    """The folders searched, in order."""
    found = []
    if os.environ.get(ENV_RESOURCES):
        found.append(Path(os.environ[ENV_RESOURCES]))
    found.append(_PACKAGE / "resources")  # installed: inside the package
    found.append(_PACKAGE.parent / "resources")  # source checkout: at the repo root
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "resources")
    return found


@cache
def resources_dir() -> Path:
    """The resources folder (the repo-root one when none holds translations)."""
    for folder in candidates():
        if (folder / "translations").is_dir():
            return folder
    return _PACKAGE.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"
