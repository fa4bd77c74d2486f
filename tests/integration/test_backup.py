"""SQLite backups and restores, and the refusal to keep SQLite on a network share."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpdesk.domain.errors import StorageError
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from helpdesk.storage import backup, engine
from helpdesk.storage.database import Database, open_database
from tests.conftest import Clock
from tests.fakes import seed_staff


@pytest.fixture
def live(tmp_path: Path, clock: Clock) -> Iterator[Database]:
    """A Helpdesk database in use, with a store, its staff and a customer."""
    db = open_database(f"sqlite:///{tmp_path / 'live' / 'helpdesk.db'}")
    team = seed_staff(db.uow())
    customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    yield db
    db.dispose()


def _path(db: Database) -> Path:
    path = engine.sqlite_file(db.url)
    assert path is not None
    return path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# ===================================================================== backup
def test_a_backup_is_consistent_while_a_desk_is_writing(live: Database, tmp_path: Path) -> None:
    writer = sqlite3.connect(_path(live), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO settings (key, value) VALUES ('half_done', '1')")
        writer.execute("UPDATE customers SET name = '还没提交'")
        copy = backup.backup_sqlite(_path(live), tmp_path / "copy.db")
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert _rows(copy, "PRAGMA integrity_check") == [("ok",)]
    # The copy holds what was committed, none of the open transaction.
    assert _rows(copy, "SELECT name FROM customers") == [("张三",)]
    assert _rows(copy, "SELECT key FROM settings WHERE key = 'half_done'") == []
    assert _rows(copy, "SELECT COUNT(*) FROM users") == [(6,)]
    backup.check_is_helpdesk(copy)
    assert _rows(_path(live), "SELECT name FROM customers") == [("还没提交",)]


def test_a_default_backup_goes_to_the_backups_folder_with_a_unique_name(live: Database) -> None:
    first = backup.backup_sqlite(_path(live))
    second = backup.backup_sqlite(_path(live))
    assert first.parent == second.parent == _path(live).parent / "backups"
    assert first != second and first.exists() and second.exists()
    assert "manual" in first.name
    assert not list(first.parent.glob("*.part"))  # no half-written file left behind


def test_backing_up_a_missing_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        backup.backup_sqlite(tmp_path / "nothing.db")
    assert caught.value.code == "backup.missing"


# ==================================================================== restore
def _sqlite_file(path: Path, *tables: str) -> Path:
    conn = sqlite3.connect(path)
    try:
        for name in tables:
            conn.execute(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, x TEXT)")
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.mark.parametrize(("make", "code"), [
    (lambda p: p.write_text("姓名,电话\n张三,13812345678\n", encoding="utf-8"),
     "restore.not_sqlite"),
    (lambda p: p.write_bytes(b""), "restore.not_sqlite"),
    (lambda p: p.write_bytes(b"SQLite format 2\x00" + b"\x00" * 100), "restore.not_sqlite"),
    (lambda p: _sqlite_file(p, "invoices", "products"), "restore.not_helpdesk"),
    (lambda p: _sqlite_file(p, "sheets", "customers", "users"), "restore.not_helpdesk"),
])
def test_restore_refuses_what_is_not_a_helpdesk_database(
        live: Database, tmp_path: Path, make: object, code: str) -> None:
    candidate = tmp_path / "candidate.db"
    make(candidate)  # type: ignore[operator]
    before = _path(live).read_bytes()
    with pytest.raises(StorageError) as caught:
        backup.restore_sqlite(candidate, _path(live))
    assert caught.value.code == code
    assert str(candidate) in caught.value.message
    assert _path(live).read_bytes() == before  # nothing touched
    assert not (_path(live).parent / "backups").exists()


def test_restore_refuses_a_missing_file(live: Database, tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        backup.restore_sqlite(tmp_path / "nope.db", _path(live))
    assert caught.value.code == "restore.missing"


def test_restore_refuses_a_damaged_database(live: Database, tmp_path: Path) -> None:
    damaged = backup.backup_sqlite(_path(live), tmp_path / "damaged.db")
    data = bytearray(damaged.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) > 4 * page
    # Scribble over every page but the first (which lists the tables).
    for offset in range(page, len(data), page):
        data[offset + 8:offset + 64] = b"\xde\xad\xbe\xef" * 14
    damaged.write_bytes(bytes(data))
    with pytest.raises(StorageError) as caught:
        backup.restore_sqlite(damaged, _path(live))
    assert caught.value.code == "restore.damaged"
    assert "damaged" in caught.value.message or "integrity" in caught.value.message


def test_restore_replaces_the_database_and_keeps_a_safety_copy(
        live: Database, tmp_path: Path, clock: Clock) -> None:
    saved = backup.backup_sqlite(_path(live), tmp_path / "monday.db")
    uow = live.uow()
    with uow:
        uow.settings.set("after_monday", True)
        uow.commit()
    live.dispose()  # the desks have closed the database
    safety = backup.restore_sqlite(saved, _path(live))
    assert safety is not None and safety.exists()
    assert safety.parent == _path(live).parent / "backups" and "before-restore" in safety.name
    assert _rows(safety, "SELECT key FROM settings WHERE key = 'after_monday'") == [
        ("after_monday",)]
    assert not _path(live).with_name("helpdesk.db-wal").exists() or \
        _path(live).with_name("helpdesk.db-wal").stat().st_size == 0
    restored = open_database(live.url)
    try:
        with restored.uow().reading() as read:
            assert read.settings.get("after_monday") is None
            assert read.customers.count() == 1
    finally:
        restored.dispose()


def test_restore_into_an_empty_folder_needs_no_safety_copy(live: Database,
                                                           tmp_path: Path) -> None:
    saved = backup.backup_sqlite(_path(live), tmp_path / "copy.db")
    target = tmp_path / "new-pc" / "helpdesk.db"
    target.parent.mkdir()
    assert backup.restore_sqlite(saved, target) is None
    backup.check_is_helpdesk(target)


# ============================================================= network paths
@pytest.mark.parametrize("path", [r"\\server\share\helpdesk.db", "//server/share/helpdesk.db",
                                  r"\\192.168.1.10\共享\客诉\helpdesk.db"])
def test_unc_paths_are_network_paths(path: str) -> None:
    assert engine.is_network_path(Path(path))
    with pytest.raises(StorageError) as caught:
        engine.check_sqlite_location(Path(path))
    error = caught.value
    assert error.code == "storage.network_path"
    assert "network drive" in error.message and "PostgreSQL" in error.message


def test_a_local_file_is_not_a_network_path(tmp_path: Path) -> None:
    assert not engine.is_network_path(tmp_path / "helpdesk.db")
    engine.check_sqlite_location(tmp_path / "helpdesk.db")


@pytest.mark.parametrize("url", ["sqlite://///server/share/helpdesk.db",
                                 r"\\server\share\helpdesk.db",  # a path as typed
                                 "//server/share/helpdesk.db"])
def test_opening_sqlite_on_a_share_is_refused_before_anything_is_created(url: str) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(url)
    assert caught.value.code == "storage.network_path"


def test_backup_and_restore_work_in_a_folder_with_an_awkward_name(tmp_path: Path,
                                                                  clock: Clock) -> None:
    folder = tmp_path / "客诉 数据 #1 100%"
    db = open_database(f"sqlite:///{folder / 'helpdesk.db'}")
    try:
        seed_staff(db.uow())
    finally:
        db.dispose()
    copy = backup.backup_sqlite(folder / "helpdesk.db")
    assert copy.parent == folder / "backups"
    backup.check_is_helpdesk(copy)
    assert backup.restore_sqlite(copy, folder / "helpdesk.db") is not None
    assert _rows(folder / "helpdesk.db", "SELECT COUNT(*) FROM users") == [(6,)]


# ======================================================= issue 16: restore safety
def test_restore_reads_the_backups_write_ahead_log(live: Database, tmp_path: Path) -> None:
    """A copied database whose -wal still holds committed rows: all of them come back
    (the old restore copied the main file only and lost them, and `check` said OK)."""
    source_dir = tmp_path / "copied"
    source_dir.mkdir()
    source = source_dir / "helpdesk.db"
    backup.backup_sqlite(_path(live), source)
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.executemany("INSERT INTO settings (key, value) VALUES (?, '1')",
                       [(f"in_wal_{n}",) for n in range(40)])
    writer.commit()
    # Copy the file and its WAL while the writer still has it open (no checkpoint yet).
    wal = source.with_name(source.name + "-wal")
    assert wal.stat().st_size > 0
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    (frozen / "helpdesk.db").write_bytes(source.read_bytes())
    (frozen / "helpdesk.db-wal").write_bytes(wal.read_bytes())
    writer.close()
    main_only = sqlite3.connect(tmp_path / "main-only.db")
    main_only.close()
    (tmp_path / "main-only.db").write_bytes((frozen / "helpdesk.db").read_bytes())
    assert _rows(tmp_path / "main-only.db",
                 "SELECT count(*) FROM settings WHERE key LIKE 'in_wal_%'") == [(0,)]
    target = tmp_path / "target" / "helpdesk.db"
    backup.restore_sqlite(frozen / "helpdesk.db", target)
    assert _rows(target, "SELECT count(*) FROM settings WHERE key LIKE 'in_wal_%'") == [(40,)]
    assert (frozen / "helpdesk.db-wal").exists()  # the source was not touched


def test_restore_refuses_the_right_tables_with_other_columns(live: Database,
                                                             tmp_path: Path) -> None:
    forged = tmp_path / "forged.db"
    backup.backup_sqlite(_path(live), forged)
    conn = sqlite3.connect(forged)
    conn.execute("ALTER TABLE customers ADD COLUMN secret TEXT")
    conn.commit()
    conn.close()
    before = _path(live).read_bytes()
    with pytest.raises(StorageError) as caught:
        backup.restore_sqlite(forged, _path(live))
    assert caught.value.code == "restore.schema" and "customers.secret" in caught.value.message
    assert _path(live).read_bytes() == before
    assert not list(_path(live).parent.glob("*.restore"))


def test_restore_refuses_another_schema_revision(live: Database, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    backup.backup_sqlite(_path(live), old)
    conn = sqlite3.connect(old)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as caught:
        backup.restore_sqlite(old, _path(live))
    assert caught.value.code == "restore.schema"


def test_the_previous_database_comes_back_when_the_restored_one_does_not_open(
        live: Database, tmp_path: Path) -> None:
    saved = backup.backup_sqlite(_path(live), tmp_path / "saved.db")
    candidate = backup.prepare_restore(saved, _path(live))
    live.dispose()
    before = _rows(_path(live), "SELECT count(*) FROM customers")

    def does_not_open(path: Path) -> None:
        raise StorageError("cannot open", code="restore.damaged")

    with pytest.raises(StorageError):
        backup.install_restore(candidate, _path(live), opens=does_not_open)
    assert _rows(_path(live), "SELECT count(*) FROM customers") == before
    assert not _path(live).with_name("helpdesk.db.previous").exists()


# ============================================== issue 16: passphrase-encrypted backups
def test_an_encrypted_backup_hides_the_data_and_restores_with_its_passphrase(
        live: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from helpdesk.cli import main

    monkeypatch.setattr(backup, "_CHUNK", 4096)  # several chunks from a small file
    database = str(_path(live))
    monkeypatch.setenv("HELPDESK_BACKUP_PASSPHRASE", "门口的那棵树 1998")
    monkeypatch.setenv("HELPDESK_PASSWORD", "secret123")
    sealed = tmp_path / "sealed.hdb"
    assert main(["--database", database, "backup", "--out", str(sealed), "--encrypt"]) == 0
    data = sealed.read_bytes()
    assert backup.is_encrypted(sealed)
    assert "张三".encode() not in data and b"13812345678" not in data and b"SQLite" not in data
    assert sealed.stat().st_mode & 0o077 == 0  # the owner's only
    # A changed byte, a cut-off end, a wrong passphrase: refused alike, nothing restored.
    for name, content in (("flipped", data[:200] + bytes([data[200] ^ 1]) + data[201:]),
                          ("cut", data[:-100]), ("cut-chunk", data[:len(data) // 2])):
        broken = tmp_path / f"{name}.hdb"
        broken.write_bytes(content)
        with pytest.raises(StorageError) as refused:
            backup.decrypt_file(broken, tmp_path / f"{name}.db", "门口的那棵树 1998")
        assert refused.value.code == "backup.passphrase"
        assert not (tmp_path / f"{name}.db").exists()
    with pytest.raises(StorageError):
        backup.decrypt_file(sealed, tmp_path / "wrong.db", "wrong passphrase")
    live.dispose()
    capsys.readouterr()
    assert main(["--database", database, "restore", str(sealed), "--yes",
                 "--user", "admin"]) == 0, capsys.readouterr().err
    assert _rows(_path(live), "SELECT name FROM customers") == [("张三",)]
