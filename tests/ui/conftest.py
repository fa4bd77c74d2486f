"""Fixtures of the desktop tests: a small staffed database built once per session and
copied for each test (password hashing would otherwise dominate), an ``AppContext``
per role, per-test ``QSettings`` and the English source language."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from helpdesk.domain import validation
from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.services import common, complaints, customers, users
from helpdesk.storage.database import Database, open_database
from helpdesk.ui import i18n
from helpdesk.ui.context import AppContext, EventBus
from helpdesk.ui.gc_guard import GarbageCollector
from tests.conftest import NOW, PASSWORD, Staff, staff_store
from tests.ui.helpers import forget_modal_watchers

__all__ = ["NOW", "PASSWORD"]


# The offscreen platform says so whenever a popup or a window asks the window system for
# something it does not have; these are not problems of the program.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)"


@pytest.fixture(autouse=True, scope="package")
def _garbage_collected_in_the_ui_thread(qapp: QApplication) -> Iterator[None]:
    # As the application does: automatic collection could run in a worker thread and
    # destroy Qt objects there; the collector's timer collects in the UI thread instead.
    collector = GarbageCollector(parent=qapp)
    yield
    collector.stop()
    collector.deleteLater()
    gc.disable()  # stop() switches automatic collection on; tests/conftest.py keeps it off


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def valid_vin(prefix16: str) -> str:
    """A VIN with a correct check digit from 16 characters (the 9th is computed)."""
    draft = prefix16[:8] + "0" + prefix16[8:]
    return draft[:8] + validation.vin_check_digit(draft) + draft[9:]


@dataclass
class Sample:
    """What the template database holds besides the staff (ids)."""

    staff: Staff
    zhang: int  # 张三, phone 13812345678, vehicle 京A12345
    zhang_vehicle: int
    li: int  # 李四, phone 13912345678
    registered: int  # a new sheet of 张三, response overdue at NOW
    in_progress: int  # assigned to the manager
    visited: int  # resolved and visited: the director may close it
    closed: int


def _build(path: Path) -> Sample:
    database = open_database(f"sqlite:///{path}")
    uow = database.uow
    staff = staff_store(database)
    zhang = customers.create_customer(uow(), staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345678",), vehicles=(customers.VehicleInput(
            vin=valid_vin("LFV3A23C0E300001"), plate="京A12345", brand="大众", model="迈腾"),)))
    li = customers.create_customer(uow(), staff.desk, customers.CustomerInput(
        name="李四", phones=("13912345678",)))

    def sheet(customer: int, description: str, received: datetime, **extra: object) -> int:
        data = complaints.SheetInput(channel="reception", severity="general",
                                     category="repair_quality", description=description,
                                     customer_id=customer, received_at=received, **extra)
        return complaints.register(uow(), staff.desk, data).id

    registered = sheet(zhang.id, "保养后发动机异响", NOW - timedelta(days=1),
                       vehicle_id=zhang.vehicles[0].id)
    in_progress = sheet(li.id, "等待配件时间太长", NOW - timedelta(hours=3))
    complaints.assign(uow(), staff.manager, in_progress, ResponsibleArea.PARTS, staff.manager)
    visited = sheet(li.id, "收费与报价不一致", NOW - timedelta(hours=6))
    complaints.assign(uow(), staff.manager, visited, ResponsibleArea.SERVICE, staff.manager)
    complaints.record_analysis(
        uow(), staff.manager, visited, root_cause="报价单未列出工时费，前台未解释收费明细",
        correction="退还多收的工时费200元并道歉", compensation="200",
        long_term_measure="报价单模板增加工时费一栏，服务经理陈刚负责，12月1日前完成")
    complaints.resolve(uow(), staff.manager, visited)
    complaints.record_return_visit(uow(), staff.care, visited, 5, "满意")
    closed = sheet(zhang.id, "洗车不干净", NOW - timedelta(hours=8))
    complaints.assign(uow(), staff.director, closed, ResponsibleArea.SERVICE, staff.manager)
    complaints.record_analysis(
        uow(), staff.director, closed, root_cause="洗车工漏洗车辆底部，交车前没有检查",
        correction="重新免费洗车",
        long_term_measure="交车前增加洗车检查表，由车间主管签字，本周起执行")
    complaints.resolve(uow(), staff.director, closed)
    complaints.record_return_visit(uow(), staff.care, closed, 4)
    complaints.close(uow(), staff.director, closed, "客户满意")
    database.dispose()
    return Sample(staff, zhang.id, zhang.vehicles[0].id, li.id, registered, in_progress,
                  visited, closed)


@pytest.fixture(scope="session")
def _ui_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sample]:
    path = tmp_path_factory.mktemp("ui-template") / "helpdesk.db"
    common.set_clock(lambda: NOW)
    try:
        sample = _build(path)
    finally:
        common.set_clock(None)
    return path, sample


@pytest.fixture
def ui_db(_ui_template: tuple[Path, Sample], tmp_path: Path, clock: object) -> Iterator[Database]:
    """A copy of the template database, with the clock frozen at ``NOW``."""
    target = tmp_path / "helpdesk.db"
    source, dest = sqlite3.connect(_ui_template[0]), sqlite3.connect(target)
    source.backup(dest)
    dest.close()
    source.close()
    database = open_database(f"sqlite:///{target}")
    yield database
    database.dispose()


@pytest.fixture
def sample(_ui_template: tuple[Path, Sample]) -> Sample:
    return _ui_template[1]


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Default-constructed QSettings write into a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _no_modal_watcher_outlives_its_test() -> Iterator[None]:
    """A ``when_modal`` watcher left polling (its dialog never came) must not answer the
    next test's dialog: test_live_desks' conflict dialog was once caught that way."""
    yield
    forget_modal_watchers()


@pytest.fixture(autouse=True)
def _source_language(qapp: QApplication) -> Iterator[None]:
    """Tests read the English source texts; a test that switches language is undone."""
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture
def make_ctx(ui_db: Database, qsettings: QSettings) -> Callable[[int], AppContext]:
    """An AppContext logged in as the user with the given id (no password hashing)."""
    bus = EventBus()

    def make(user_id: int) -> AppContext:
        return AppContext(uow=ui_db.uow, database_description=ui_db.description, bus=bus,
                          user=users.get_session_user(ui_db.uow(), user_id),
                          settings=qsettings)

    return make
