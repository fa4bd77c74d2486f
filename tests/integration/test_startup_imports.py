"""Start-up loads only what the first window needs: the command line's --help no
database layer, the desktop's login window no reportlab, pypinyin, Alembic or pages.
Each runs in a fresh interpreter, which is the only place an import can be seen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpdesk.storage import migrate
from helpdesk.storage.database import Database
from tests.conftest import staff_store

HEAVY = ("sqlalchemy", "reportlab", "pypinyin", "alembic", "openpyxl", "PySide6",
         # issue 13: --help reads the command table, no command module or the domain
         "helpdesk.cli._base", "helpdesk.cli.sheets", "helpdesk.domain.vocabulary",
         "phonenumbers", "helpdesk.domain.errors", "logging")


def _run(code: str, tmp_path: Path, *args: str) -> str:
    env = dict(os.environ, HELPDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _loaded(output: str) -> list[str]:
    line = next(x for x in output.splitlines() if x.startswith("LOADED "))
    return list(json.loads(line.removeprefix("LOADED ")))


def test_help_loads_no_database_layer_reports_or_qt(tmp_path: Path) -> None:
    out = _run(f"""
import json, sys
from helpdesk.cli import main
code = main(["--help"])
print("LOADED", json.dumps([m for m in {HEAVY!r} if m in sys.modules]))
sys.exit(code)
""", tmp_path)
    assert "sheet" in out and "report" in out  # the help names every command
    assert _loaded(out) == []


def test_the_login_window_comes_before_the_database_layer_reports_pinyin_alembic_and_pages(
        db: Database, tmp_path: Path) -> None:
    staff_store(db)
    db.dispose()
    out = _run("""
import json, sys
from helpdesk.ui import login

def shown(self):
    self.show()
    print("LOADED", json.dumps(sorted(m for m in (
        "sqlalchemy",  # issue 13: the database opens behind the window
        "reportlab", "pypinyin", "alembic", "openpyxl", "helpdesk.ui.main_window",
        "helpdesk.ui.complaints.list_page", "helpdesk.services.reporting",
        "importlib.metadata",  # the version is a constant
        "subprocess",  # the log's OS line runs no `uname -p`
        "logging.handlers",  # the log rotates itself (socket, pickle, queue…)
        "helpdesk.ui.widgets")  # the login window's error label is in ui.error_label
        if m in sys.modules)), flush=True)
    return 0

login.LoginDialog.exec = shown
from helpdesk.cli import main
sys.exit(main(["--database", sys.argv[1]]))
""", tmp_path, db.url)
    assert _loaded(out) == []


def test_pinyin_is_loaded_when_a_name_is_keyed(tmp_path: Path) -> None:
    out = _run("""
import json, sys
from helpdesk.domain import search_keys
before = "pypinyin" in sys.modules
keys = search_keys.name_pinyin_keys("张三")
print("LOADED", json.dumps([before, "pypinyin" in sys.modules, "zhangsan" in keys]))
""", tmp_path)
    assert _loaded(out) == [False, True, True]


def test_the_newest_revision_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    alembic_head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert migrate.head_revision() == alembic_head


def test_no_command_goes_to_the_desktop_without_loading_the_commands(tmp_path: Path) -> None:
    out = _run("""
import json, sys, types
fake = types.ModuleType("helpdesk.ui.app")
seen = []
fake.run = lambda argv: seen.append(argv) or 0
sys.modules["helpdesk.ui.app"] = fake
from helpdesk.cli import main
main(["--lang=en", "--database", "x.db"])
print("LOADED", json.dumps([seen, [m for m in ("helpdesk.cli.sheets", "helpdesk.cli.report",
                                                "sqlalchemy") if m in sys.modules]]))
""", tmp_path)
    assert _loaded(out) == [[["--database", "x.db", "--lang", "en"]], []]
