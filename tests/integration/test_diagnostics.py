"""The version, the log file (created, rotated, fed by the command line) and the
diagnostics a support person asks for."""

from __future__ import annotations

import logging
import sys
import threading
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import helpdesk
from helpdesk.cli import main
from helpdesk.services import diagnostics
from helpdesk.storage import migrate
from helpdesk.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_log_left_open() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, diagnostics._HelpdeskFileHandler):
            root.removeHandler(handler)
            handler.close()


def _log_text(home: Path, name: str = "helpdesk.log") -> str:
    return (home / "logs" / name).read_text(encoding="utf-8")


def test_the_version_is_the_one_in_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    """Written once, in ``helpdesk/__init__.py``: pyproject reads it (the installed
    metadata says the same), ``--version`` prints it."""
    written = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in written["project"]["dynamic"]
    assert written["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "helpdesk.__version__"}
    assert helpdesk.__version__ == metadata.version("helpdesk")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"helpdesk {helpdesk.__version__}"


def test_the_log_file_is_created_in_the_data_folder(_isolated_home: Path) -> None:
    path = diagnostics.configure_logging("test")
    assert path == _isolated_home / "logs" / "helpdesk.log"
    logging.getLogger("helpdesk.somewhere").info("a line about 吉𠮷")
    text = _log_text(_isolated_home)
    assert f"Helpdesk {helpdesk.__version__} started (test)" in text
    assert "a line about 吉𠮷" in text  # UTF-8, whatever the locale


def test_the_log_file_is_rotated(_isolated_home: Path) -> None:
    diagnostics.configure_logging("test", max_bytes=2_000, backup_count=2)
    for n in range(200):
        logging.getLogger("helpdesk.test").info("line %03d %s", n, "x" * 40)
    logs = sorted(p.name for p in (_isolated_home / "logs").iterdir())
    assert logs == ["helpdesk.log", "helpdesk.log.1", "helpdesk.log.2"]
    assert (_isolated_home / "logs" / "helpdesk.log").stat().st_size <= 2_000
    # Older lines move up: .2 before .1 before the current file, which ends with the last.
    numbers = [[int(line.split("line ")[1][:3]) for line in _log_text(_isolated_home, name)
                .splitlines() if "line " in line]
               for name in ("helpdesk.log.2", "helpdesk.log.1", "helpdesk.log")]
    assert all(part for part in numbers)
    flat = [n for part in numbers for n in part]
    assert flat == sorted(flat) and flat[-1] == 199
    assert all(p.stat().st_size <= 2_000 for p in (_isolated_home / "logs").iterdir())
    assert "line 199" in _log_text(_isolated_home)


def test_configuring_twice_keeps_one_handler(_isolated_home: Path) -> None:
    diagnostics.configure_logging("first")
    diagnostics.configure_logging("second")
    ours = [h for h in logging.getLogger().handlers
            if isinstance(h, diagnostics._HelpdeskFileHandler)]
    assert len(ours) == 1
    logging.getLogger("helpdesk.x").warning("once")
    assert _log_text(_isolated_home).count("once") == 1


def test_a_command_logs_its_start_the_database_and_a_refusal(
        tmp_path: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "d.db"
    (tmp_path / "pw.txt").write_text("secret123\n", encoding="utf-8")
    assert main(["--database", str(database), "init", "--store", "天顺", "--code", "TS",
                 "--preset", "dealership", "--admin", "admin",
                 "--password-file", str(tmp_path / "pw.txt")]) == 0
    assert main(["--database", str(database), "sheet", "show", "TS-2026-999999"]) == 1
    text = _log_text(_isolated_home)
    assert "started (command init)" in text
    assert f"upgrading the schema of {database}" in text
    assert f"schema upgraded to {migrate.head_revision()}" in text
    assert "command sheet refused" in text


def test_an_unexpected_error_in_a_command_is_one_line_and_a_logged_traceback(
        tmp_path: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from helpdesk.services import setup

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(setup, "initialise", broken)
    (tmp_path / "pw.txt").write_text("secret123\n", encoding="utf-8")
    code = main(["--database", str(tmp_path / "d.db"), "--lang", "en", "init", "--store",
                 "S", "--code", "S", "--preset", "retail", "--admin", "admin",
                 "--password-file", str(tmp_path / "pw.txt")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "disk on fire" in err and "helpdesk.log" in err
    text = _log_text(_isolated_home)
    assert "Traceback" in text and "RuntimeError: disk on fire" in text


def test_exception_hooks_log_the_traceback_and_call_back(
        _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    diagnostics.configure_logging("test")
    shown: list[BaseException] = []
    restore = diagnostics.install_exception_hooks(shown.append)
    try:
        try:
            raise ValueError("main thread broke")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

        def work() -> None:
            raise KeyError("worker broke")

        thread = threading.Thread(target=work, name="worker-1")
        thread.start()
        thread.join()
    finally:
        restore()
    assert [type(e) for e in shown] == [ValueError, KeyError]
    text = _log_text(_isolated_home)
    assert "ValueError: main thread broke" in text
    assert "unexpected error in thread worker-1" in text and "KeyError: 'worker broke'" in text


def test_diagnostics_name_version_database_and_folders(db: Database,
                                                       _isolated_home: Path) -> None:
    facts = diagnostics.collect(db.uow(), database=db.description)
    text = facts.as_text()
    assert facts.database_kind == "sqlite"
    assert facts.revision == migrate.head_revision()
    for expected in (f"Helpdesk: {helpdesk.__version__}", f"Python: {sys.version.split()[0]}",
                     f"Alembic revision: {migrate.head_revision()}",
                     f"Data folder: {_isolated_home}",
                     f"Log file: {_isolated_home / 'logs' / 'helpdesk.log'}",
                     f"Database: sqlite {db.description}"):
        assert expected in text
