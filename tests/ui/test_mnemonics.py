"""Keyboard: no two controls of one window share an Alt-mnemonic, in any language.

When two share one, Qt moves the focus between them instead of pressing the button, so
a person working only with the keyboard cannot reach it directly (the first-run
dialog's "Load demo data" and "Deadlines" both had D).
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from helpdesk.ui import i18n

_MNEMONIC = re.compile(r"&([^&\s])")


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter → the texts using it, where more than one control uses it."""
    seen: dict[str, list[str]] = defaultdict(list)

    def note(text: str) -> None:
        for letter in _MNEMONIC.findall(text.replace("&&", "")):
            seen[letter.lower()].append(text)

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            note(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            note(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            note(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                note(widget.tabText(i))
    return {k: v for k, v in seen.items() if len(v) > 1}


@pytest.fixture(params=["zh_CN", "zh_TW", "en"])
def language(request: pytest.FixtureRequest, qapp) -> str:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def test_first_run_dialog(qtbot, ui_db, language):
    from helpdesk.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(ui_db.uow)
    qtbot.addWidget(dialog)
    assert clashes(dialog) == {}


def test_login_dialog(qtbot, ui_db, qsettings, language):
    from helpdesk.ui.login import LoginDialog

    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(dialog)
    assert clashes(dialog) == {}


@pytest.mark.parametrize("which", ["new", "visited"])
def test_sheet_form(qtbot, make_ctx, sample, language, which):
    from helpdesk.ui.complaints.form import SheetForm

    ctx = make_ctx(sample.staff.director)
    form = SheetForm(ctx, sheet_id=None if which == "new" else sample.visited,
                     print_sheet=lambda _id: None, reply_letter=lambda _id: None)
    qtbot.addWidget(form)
    assert clashes(form) == {}
