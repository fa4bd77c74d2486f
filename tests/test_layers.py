"""The layer rules of DESIGN.md section 5, as import-linter contracts in pyproject.toml:
every contract is run and kept."""

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


def test_the_layer_contracts_are_declared() -> None:
    forbidden = {c["name"]: (set(c["source_modules"]), set(c["forbidden_modules"]))  # type: ignore[arg-type]
                 for c in _contracts()}
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
