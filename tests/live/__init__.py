"""Live desks (issue 9): several processes on one database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def desk_env(tz: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("QT_QPA_PLATFORM", None)
    if tz is not None:
        env["TZ"] = tz
    return env


def run_desk(url: str, user: str, *args: str, tz: str | None = None) -> dict[str, Any]:
    """Run one action of ``tests.live.desk`` in a new process; its JSON answer."""
    done = subprocess.run([sys.executable, "-m", "tests.live.desk", url, user, *args],
                          env=desk_env(tz), cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run_desks(*calls: tuple[str, ...]) -> list[dict[str, Any]]:
    """Several desks at once: each call is (url, user, *args, tz); their answers."""
    running = [subprocess.Popen([sys.executable, "-m", "tests.live.desk", *call[:-1]],
                                env=desk_env(call[-1]), cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for call in calls]
    answers = []
    for process in running:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        answers.append(dict(json.loads(out.strip().splitlines()[-1])))
    return answers
