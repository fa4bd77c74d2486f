"""The layer rules of DESIGN.md section 5, as import-linter contracts in pyproject.toml:
the layers in their order, the bans on Qt and SQL, and every contract run and kept."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


LAYERS = ["__main__", "cli", "ui", "demo | transfer", "services", "reports", "storage",
          "domain"]
"""Top to bottom: a layer imports only the layers below it."""


def test_the_layers_contract_is_declared_with_that_order() -> None:
    layers = [c for c in _contracts() if c["type"] == "layers"]
    assert len(layers) == 1
    contract = layers[0]
    assert contract["containers"] == ["helpdesk"]
    assert contract["layers"] == LAYERS
    # Every subpackage has its place: a new one must be put in a layer.
    assert contract["exhaustive"] is True
    packages = {p.name for p in (ROOT / "helpdesk").iterdir()
                if (p / "__init__.py").exists()} | {"__main__"}
    declared = {name.strip() for layer in LAYERS for name in layer.split("|")}
    assert declared == packages


def test_the_forbidden_contracts_are_declared() -> None:
    forbidden = {c["name"]: (set(c["source_modules"]), set(c["forbidden_modules"]))  # type: ignore[arg-type]
                 for c in _contracts() if c["type"] == "forbidden"}
    sources_and_bans = list(forbidden.values())
    # The domain: no Qt, no SQL, no upper layer.
    assert any({"helpdesk.domain"} == src and {"PySide6", "sqlalchemy", "helpdesk.storage",
                                              "helpdesk.services", "helpdesk.ui"} <= ban
               for src, ban in sources_and_bans)
    # The UI: no SQL, no storage.
    assert any("helpdesk.ui" in src and {"sqlalchemy", "helpdesk.storage"} <= ban
               for src, ban in sources_and_bans)
    # Storage: no services, no UI.
    assert any("helpdesk.storage" in src and {"helpdesk.services", "helpdesk.ui"} <= ban
               for src, ban in sources_and_bans)
    # Services and reports: no Qt, no UI.
    assert any({"helpdesk.services", "helpdesk.reports"} <= src and {"PySide6",
                                                                     "helpdesk.ui"} <= ban
               for src, ban in sources_and_bans)


def test_every_import_linter_contract_is_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    command = [str(lint_imports)] if lint_imports.exists() else \
        [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run([*command, "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    expected = len(_contracts())
    summary = re.search(r"Contracts: (\d+) kept, (\d+) broken", report)
    assert summary is not None, report
    assert (int(summary.group(1)), int(summary.group(2))) == (expected, 0), report
    for contract in _contracts():
        assert f"{contract['name']} KEPT" in report
