"""The repository ports are real: mypy checks that the SQLAlchemy unit of work and the
tests' fake both satisfy ``services.ports.UnitOfWork`` (``typecheck/ports_fit.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_both_units_of_work_satisfy_the_ports() -> None:
    # Errors of the modules it imports are other checks' business (follow-imports=silent);
    # this one is about the fit.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--no-error-summary",
         "tests/typecheck/ports_fit.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
