"""PostgreSQL without surprises: a one-line message when the driver is missing, and
the password in the system's credential store (or, where there is none, in a config
file only its owner can read — and the program says which)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest
from keyring.backends import fail

from helpdesk.cli import main
from helpdesk.domain.errors import StorageError
from helpdesk.services import session
from helpdesk.storage import credentials
from helpdesk.storage import engine as engine_mod

URL = "postgresql://desk:s3cret-密码@db.example:5433/helpdesk"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A credential store in a dict (keyring ships none for tests)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def backend() -> Iterator[None]:
    """Put back whatever credential store keyring had chosen."""
    previous = getattr(keyring.core, "_keyring_backend", None)
    yield
    keyring.core._keyring_backend = previous  # type: ignore[attr-defined]


def _config() -> dict[str, object]:
    return json.loads(engine_mod.config_path().read_text(encoding="utf-8"))


def test_without_the_driver_the_command_says_so_in_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    code = main(["--database", "postgresql://desk@127.0.0.1:1/none", "--lang", "en", "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        'error: PostgreSQL support is not installed; install it with: '
        'pip install "helpdesk[postgres]"']
    assert main(["--database", "postgresql://desk@127.0.0.1:1/none", "--lang", "zh_CN",
                 "check"]) == 1
    assert capsys.readouterr().err.startswith("错误: 未安装 PostgreSQL 支持")


def test_without_the_driver_the_desktop_gets_a_storage_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StorageError) as raised:
        session.open_database("postgresql://desk@127.0.0.1:1/none")
    assert raised.value.code == "storage.driver_missing"


def test_the_password_goes_to_the_credential_store(backend: None) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    session.save_location(URL)
    assert "s3cret" not in engine_mod.config_path().read_text(encoding="utf-8")
    assert _config()["database_password"] == "keyring"
    assert session.password_storage() == "keyring"
    assert store.saved == {("Helpdesk", "desk@db.example:5433/helpdesk"): "s3cret-密码"}
    # Read back when the program starts: the URL is whole again.
    assert engine_mod.resolve_url() == engine_mod.normalize_url(URL)
    assert credentials.fill(engine_mod.resolve_url()) == engine_mod.resolve_url()
    # The status bar and dialogs never show it.
    assert "s3cret" not in session.effective_location()


def test_without_a_credential_store_the_config_file_keeps_it_privately(backend: None) -> None:
    keyring.set_keyring(fail.Keyring())  # what a server or CI machine has
    session.save_location(URL)
    assert session.password_storage() == "config"
    assert "s3cret" in str(_config()["database_url"])
    assert engine_mod.resolve_url() == engine_mod.normalize_url(URL)
    if os.name == "posix":
        assert stat.S_IMODE(engine_mod.config_path().stat().st_mode) == 0o600


def test_going_back_to_the_default_file_forgets_where_the_password_was(backend: None,
                                                                      tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    session.save_location(URL)
    session.save_location("")
    assert session.password_storage() == ""
    assert engine_mod.resolve_url() == engine_mod.sqlite_url(engine_mod.default_sqlite_path())
