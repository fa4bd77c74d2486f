"""Issue 16: the sheet form's drafts are sealed on disk.

A draft holds the customer's name, phone and complaint; with a credential store it is
written sealed under the user's key (no prompt: drafts are written every 3 s), and
offered back after a crash exactly as typed. Without a credential store it is written
in clear but readable by its owner only, as the README says."""

from __future__ import annotations

import stat
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from helpdesk.services import drafts
from helpdesk.storage import draft_key, engine
from helpdesk.ui.complaints.form import SheetForm
from tests.ui.helpers import activate, type_text


class _MemoryKeyring(KeyringBackend):
    """A credential store that lives in this process (the test machine has none)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def credential_store() -> Iterator[_MemoryKeyring]:
    before = keyring.get_keyring()
    store = _MemoryKeyring()
    keyring.set_keyring(store)
    draft_key.forget()
    yield store
    keyring.set_keyring(before)
    draft_key.forget()


def _crash_with_a_draft(qtbot, ctx) -> None:
    """A person registers a new customer's complaint; the program dies before Save."""
    form = SheetForm(ctx)
    form.resize(1200, 800)
    activate(qtbot, form)
    form.finder.new_button.click()
    type_text(qtbot, form.finder.name_edit, "欧阳娜娜")
    type_text(qtbot, form.finder.phone_edit, "13766554433")
    type_text(qtbot, form.description_edit, "喷漆色差明显")
    form.save_draft()
    form.deleteLater()  # the crash: no save, no discard


def _draft_files() -> list[bytes]:
    return [p.read_bytes() for p in (engine.data_dir() / "drafts").rglob("*.json")]


def test_a_draft_on_disk_shows_no_customer_and_comes_back_after_a_crash(
        qtbot, make_ctx, sample, credential_store) -> None:
    ctx = make_ctx(sample.staff.desk)
    _crash_with_a_draft(qtbot, ctx)
    [blob] = _draft_files()
    for clear in ("欧阳娜娜", "13766554433", "喷漆色差明显"):
        assert clear.encode("utf-8") not in blob
        assert clear.encode("unicode_escape") not in blob
    assert draft_key.is_sealed(blob) and credential_store.entries  # the key is there

    draft_key.forget()  # the next start reads the key from the store again
    [draft] = drafts.list_drafts(ctx.database_description, "desk")
    restored = SheetForm(ctx, draft=draft)
    qtbot.addWidget(restored)
    assert restored.finder.name_edit.text() == "欧阳娜娜"
    assert restored.finder.phone_edit.text() == "13766554433"
    assert restored.description_edit.toPlainText() == "喷漆色差明显"


def test_a_draft_sealed_under_another_key_is_not_offered(
        qtbot, make_ctx, sample, credential_store) -> None:
    ctx = make_ctx(sample.staff.desk)
    _crash_with_a_draft(qtbot, ctx)
    credential_store.entries.clear()  # another login, or the data folder copied away
    draft_key.forget()
    assert drafts.list_drafts(ctx.database_description, "desk") == []


def test_without_a_credential_store_the_draft_is_private_to_its_owner(
        qtbot, make_ctx, sample) -> None:
    draft_key.forget()  # the test machine's keyring has no backend
    try:
        assert draft_key.key() is None
        ctx = make_ctx(sample.staff.desk)
        _crash_with_a_draft(qtbot, ctx)
        [path] = list((engine.data_dir() / "drafts").rglob("*.json"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        [draft] = drafts.list_drafts(ctx.database_description, "desk")
        assert draft.data["values"]["new_customer_name"] == "欧阳娜娜"
    finally:
        draft_key.forget()
