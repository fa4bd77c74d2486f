"""Issue 16: an import names itself to the desks it holds up.

While an import writes (SQLite: the write lock), another desk's save waits, is tried
again and is then told who holds the database — the import, who runs it and since
when (the ``.busy`` marker); the marker goes when the import ends, whether it saved,
failed or was cancelled."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpdesk.domain.errors import StorageError, ValidationError
from helpdesk.services import customers
from helpdesk.storage import engine as engine_mod
from helpdesk.storage import locks
from helpdesk.storage.database import Database, open_database
from helpdesk.transfer import spreadsheets as importing
from tests.conftest import Clock
from tests.fakes import Staff, seed_staff

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def desks(tmp_path: Path, clock: Clock,
          monkeypatch: pytest.MonkeyPatch) -> tuple[Database, Database, Staff]:
    """Two desks on one SQLite file; the second waits 0.3 s for a lock."""
    path = tmp_path / "helpdesk.db"
    importer = open_database(f"sqlite:///{path}")
    team = seed_staff(importer.uow())
    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 300)
    other = open_database(f"sqlite:///{path}")
    yield importer, other, team
    other.dispose()
    importer.dispose()


def _save_from_another_desk(other: Database, team: Staff) -> BaseException | None:
    """A desk's save run in its own thread (as the desktop's worker does)."""
    outcome: list[BaseException | None] = [None]

    def save() -> None:
        try:
            customers.create_customer(other.uow(), team.desk, customers.CustomerInput(
                name="赵六", phones=("13698765432",)))
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            outcome[0] = exc

    thread = threading.Thread(target=save)
    thread.start()
    thread.join(timeout=30)
    return outcome[0]


def _during(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
            then: Callable[[], None]) -> None:
    """Run ``then`` inside the import's write transaction, right after ``name`` wrote."""
    original = getattr(module, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        then()
        return result

    monkeypatch.setattr(module, name, wrapped)


@pytest.mark.parametrize(("kind", "fixture", "what"), [
    ("customers", "customers_good_zh.csv", "导入客户"),
    ("sheets", "sheets_history.csv", "导入抱怨单"),
])
def test_a_save_during_an_import_names_the_import(
        desks: tuple[Database, Database, Staff], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, kind: str, fixture: str, what: str) -> None:
    importer, other, team = desks
    refused: list[BaseException | None] = []
    if kind == "customers":
        _during(monkeypatch, importing.customer_services, "add_customers",
                lambda: refused.append(_save_from_another_desk(other, team)))
        report = importing.import_customers(importer.uow(), team.manager,
                                            FIXTURES / fixture)
    else:
        _during(monkeypatch, importing, "_write_sheets",
                lambda: refused.append(_save_from_another_desk(other, team)))
        report = importing.import_sheets(importer.uow(), team.manager, FIXTURES / fixture)
    assert report.ok and report.imported > 0, report.errors
    [error] = refused
    assert isinstance(error, StorageError) and error.code == "storage.busy"
    assert error.params["holder"].startswith(f"manager: {what} (since ")
    marker = locks.marker_path(Path(importer.url.removeprefix("sqlite:///")))
    assert not marker.exists()  # the import is over: nobody is named any more
    # and the same save now goes through
    assert _save_from_another_desk(other, team) is None


def test_the_marker_goes_when_an_import_is_cancelled_or_fails(
        desks: tuple[Database, Database, Staff], tmp_path: Path) -> None:
    importer, _other, team = desks
    marker = locks.marker_path(Path(importer.url.removeprefix("sqlite:///")))
    seen: list[bool] = []

    def cancel(done: int, total: int) -> bool:
        seen.append(marker.exists())
        return False

    with pytest.raises(ValidationError) as cancelled:
        importing.import_customers(importer.uow(), team.manager,
                                   FIXTURES / "customers_good_zh.csv", progress=cancel)
    assert cancelled.value.code == "import.cancelled"
    assert seen == [True] and not marker.exists()
    broken = tmp_path / "broken.csv"
    shutil.copyfile(FIXTURES / "customers_good_zh.csv", broken)
    broken.write_bytes(b"\x00\x81\xff" * 10)
    with pytest.raises(ValidationError):
        importing.import_customers(importer.uow(), team.manager, broken)
    assert not marker.exists()
