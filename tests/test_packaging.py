"""The installed package must carry everything the program loads at run time."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_python_folder_of_the_package_is_listed() -> None:
    # pyproject lists packages explicitly (resources/ is mapped into the package), so a
    # new sub-package left out of the list would be missing from an installed copy.
    found = {
        ".".join(path.relative_to(ROOT).parts)
        for path in (ROOT / "helpdesk").rglob("*")
        if path.is_dir() and path.name != "__pycache__" and any(path.glob("*.py"))
    }
    found.add("helpdesk")
    listed = set(_config()["packages"]) - {"helpdesk.resources", "helpdesk.resources.translations"}
    assert found == listed


def test_translations_and_migration_templates_are_package_data() -> None:
    config = _config()
    assert config["package-dir"]["helpdesk.resources"] == "resources"
    assert "*.qm" in config["package-data"]["helpdesk.resources.translations"]
    assert "*.mako" in config["package-data"]["helpdesk.storage.migrations"]
    assert any((ROOT / "resources" / "translations").glob("*.qm"))
