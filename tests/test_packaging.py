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


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_two_entry_points_the_command_line_and_the_windowed_desktop() -> None:
    project = _project()
    assert project["scripts"]["helpdesk"] == "helpdesk.cli:main"
    # A gui-script: on Windows a launcher without a console window.
    assert project["gui-scripts"]["helpdesk-desk"] == "helpdesk.cli:desktop"


def test_the_desktop_entry_point_starts_the_desktop_without_streams(monkeypatch) -> None:
    import sys
    import types

    from helpdesk.cli import desktop

    seen: list[object] = []
    fake = types.ModuleType("helpdesk.ui.app")

    def run(argv: list[str]) -> int:
        print("a stray print must not crash a windowed program")
        seen.append(argv)
        return 0

    fake.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "helpdesk.ui.app", fake)
    monkeypatch.setattr(sys, "argv", ["helpdesk-desk", "--lang", "en"])
    monkeypatch.setattr(sys, "stdout", None)  # what pythonw.exe and a windowed bundle have
    monkeypatch.setattr(sys, "stderr", None)
    assert desktop() == 0
    assert seen == [["--lang", "en"]]


def test_the_bundle_carries_what_is_loaded_by_name() -> None:
    spec = (ROOT / "packaging" / "helpdesk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("helpdesk")' in spec  # cli commands: importlib by name
    assert "helpdesk.storage.migrations" in spec and "include_py_files=True" in spec
    assert '"resources" / "translations"' in spec and '"resources" / "icons"' in spec
    assert 'copy_metadata("helpdesk")' in spec  # the distribution's metadata in the bundle
    assert (ROOT / "resources" / "icons" / "helpdesk.ico").read_bytes()[:4] == \
        b"\x00\x00\x01\x00"
