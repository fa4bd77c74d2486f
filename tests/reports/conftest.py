"""The report tests share one small complaint history (``dataset.py``), built once per
session on SQLite; tests that compare backends build it again on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpdesk.services import common
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock
from tests.reports import dataset


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dataset.Dataset]]:
    path: Path = tmp_path_factory.mktemp("reports") / "helpdesk.db"
    database = open_database(f"sqlite:///{path}")
    clock = Clock(NOW)
    common.set_clock(clock)
    try:
        data = dataset.build(database, clock)
    finally:
        common.set_clock(None)
    yield database, data
    database.dispose()


@pytest.fixture
def report_db(history: tuple[Database, dataset.Dataset], clock: Clock) -> Database:
    """The history's database, with the clock at NOW (2026-11-18 10:00)."""
    dataset.freeze(clock)
    return history[0]


@pytest.fixture
def data(history: tuple[Database, dataset.Dataset]) -> dataset.Dataset:
    return history[1]
