"""Depend only on what is imported, and import only what is depended on.

Every module the program imports from outside the standard library must come from a
distribution that pyproject.toml's dependencies bring in (directly or through theirs);
for Qt the check is per module, since PySide6's modules come in several wheels
(Essentials, Pdf, Addons, WebEngine) and the program depends on two of them."""

from __future__ import annotations

import ast
import sys
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def _key(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: set[str] = set()

    def walk(spec: str) -> None:
        req = Requirement(spec)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            return
        key = _key(req.name)
        if key in found:
            return
        found.add(key)
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            return
        for sub in dist.requires or []:
            walk(sub)

    for spec in project["dependencies"]:
        walk(spec)
    return found


@cache
def _owners() -> dict[str, set[str]]:
    """Importable name (``yaml``, ``PySide6.QtPdf``) → the distributions shipping it."""
    owners: dict[str, set[str]] = {}
    for dist in metadata.distributions():
        name = _key(dist.metadata["Name"])
        for file in dist.files or []:
            parts = file.parts
            if not parts or parts[0].endswith((".dist-info", ".data")) or parts[0] == "..":
                continue
            top = parts[0].split(".")[0]
            owners.setdefault(top, set()).add(name)
            if top == "PySide6" and len(parts) == 2:
                owners.setdefault("PySide6." + parts[1].split(".")[0], set()).add(name)
    return owners


def _imports() -> set[str]:
    """Top-level modules (and ``PySide6.X``) imported anywhere in the package."""
    names: set[str] = set()
    for path in (ROOT / "helpdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
                if node.module == "PySide6":  # `from PySide6 import QtCore, __version__`
                    modules = [f"PySide6.{alias.name}" if alias.name.startswith("Qt")
                               else "PySide6" for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                names.add(".".join(parts[:2]) if parts[0] == "PySide6" else parts[0])
    return {n for n in names if n.split(".")[0] not in sys.stdlib_module_names
            and n.split(".")[0] != "helpdesk"}


def test_every_imported_module_comes_from_a_declared_dependency() -> None:
    declared = _declared()
    owners = _owners()
    missing = {name: sorted(owners.get(name, set())) for name in sorted(_imports())
               if not owners.get(name, set()) & declared}
    assert missing == {}, f"imported but not provided by pyproject's dependencies: {missing}"


def test_the_qt_modules_come_from_essentials_and_pdf_only() -> None:
    qt = sorted(n for n in _imports() if n.startswith("PySide6."))
    assert "PySide6.QtPdf" in qt and "PySide6.QtWidgets" in qt
    wheels = {n: sorted(_owners().get(n, set()) & _declared()) for n in qt}
    assert set().union(*map(set, wheels.values())) <= {"pyside6-essentials", "pyside6-pdf"}, wheels
    assert "pyside6" not in _declared() and "pyside6-addons" not in _declared()
