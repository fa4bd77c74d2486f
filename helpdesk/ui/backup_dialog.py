"""Backups for administrators, without a terminal: back up now, restore from a backup,
and the daily automatic backup (on/off, the folder — a USB drive, say — and how many
days are kept). The work is :mod:`helpdesk.services.backups`'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import backups
from helpdesk.ui import messages, widgets
from helpdesk.ui.context import AppContext

translate = QCoreApplication.translate


class BackupDialog(QDialog):
    """Signals:
    restored(): the database was replaced; the desk must open it again.
    """

    restored = Signal()

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("backupDialog")
        self.setWindowTitle(translate("BackupDialog", "Backups"))
        self.setMinimumWidth(520)
        config = backups.auto_backup_settings(ctx.uow())
        self.last_label = QLabel(objectName="lastBackup")
        self.backup_button = QPushButton(translate("BackupDialog", "Back up now…"),
                                         objectName="backupNow")
        self.backup_button.clicked.connect(self._on_backup_now)
        self.restore_button = QPushButton(translate("BackupDialog", "Restore from a backup…"),
                                          objectName="restoreBackup")
        self.restore_button.clicked.connect(self._on_restore)
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.restore_button)
        now_row.addStretch(1)

        self.auto_check = QCheckBox(translate("BackupDialog", "Back up automatically every "
                                                              "day"), objectName="autoBackup")
        self.auto_check.setChecked(config.enabled)
        self.folder_edit = QLineEdit(config.folder, objectName="autoBackupFolder")
        self.folder_edit.setPlaceholderText(translate("BackupDialog", "e.g. E:\\Helpdesk "
                                                                      "backups (a USB drive)"))
        browse = QPushButton(translate("BackupDialog", "Choose…"))
        browse.clicked.connect(self._on_choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.keep_box = QSpinBox(objectName="autoBackupKeepDays")
        self.keep_box.setRange(1, 3650)
        self.keep_box.setValue(config.keep_days)
        self.keep_box.setSuffix(translate("BackupDialog", " days"))
        form = QFormLayout()
        form.addRow(self.auto_check)
        form.addRow(translate("BackupDialog", "Folder:"), folder_row)
        form.addRow(translate("BackupDialog", "Keep:"), self.keep_box)
        self.message = QLabel(objectName="backupMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveAutoBackup")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_label)
        layout.addLayout(now_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_last()

    def _show_last(self) -> None:
        config = backups.auto_backup_settings(self._ctx.uow())
        last = backups.last_backup(self._ctx.database_url, config)
        text = translate("BackupDialog", "Last backup: %1").replace(
            "%1", last.strftime("%Y-%m-%d %H:%M") if last else
            translate("BackupDialog", "none yet"))
        self.last_label.setText(text)
        self.last_label.setStyleSheet(widgets.ERROR_STYLE if backups.is_stale(last) else "")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(widgets.ERROR_STYLE if error else "")

    def _on_choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, translate("BackupDialog", "Folder:"),
                                                self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    def _on_backup_now(self) -> None:
        name = QFileDialog.getExistingDirectory(self, translate("BackupDialog", "Back up now…"),
                                                self.folder_edit.text())
        if name:
            self.backup_to(Path(name))

    def backup_to(self, folder: Path) -> Path | None:
        uow, user_id, url = self._ctx.uow(), self._ctx.user_id, self._ctx.database_url
        try:
            saved: Path = widgets.run_with_progress(
                self, lambda _progress: backups.backup_now(uow, user_id, url, folder),
                translate("BackupDialog", "Backing up…"))
        except HelpdeskError as exc:
            self._say(messages.error_text(exc), error=True)
            return None
        self._say(translate("BackupDialog", "Backup written to %1").replace("%1", str(saved)))
        self._show_last()
        return saved

    def _on_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("BackupDialog", "Restore from a backup…"), self.folder_edit.text(),
            translate("BackupDialog", "Helpdesk database (*.db);;All files (*)"))
        if not name:
            return
        answer = QMessageBox.question(
            self, translate("BackupDialog", "Restore"),
            translate("BackupDialog", "Replace the database with %1? Close Helpdesk on every "
                                      "other desk first. The current database is kept as a "
                                      "backup.").replace("%1", name))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(name))

    def restore_from(self, source: Path) -> bool:
        try:
            backups.restore(self._ctx.uow(), self._ctx.user_id, self._ctx.database_url, source)
        except HelpdeskError as exc:
            self._say(messages.error_text(exc), error=True)
            return False
        self._say(translate("BackupDialog", "Restored from %1. Log in again to work on it.")
                  .replace("%1", str(source)))
        self.restored.emit()
        return True

    def save(self) -> None:
        try:
            backups.save_auto_backup(self._ctx.uow(), self._ctx.user_id,
                                     enabled=self.auto_check.isChecked(),
                                     folder=self.folder_edit.text().strip(),
                                     keep_days=self.keep_box.value())
        except HelpdeskError as exc:
            self._say(messages.error_text(exc), error=True)
            return
        self._say(translate("BackupDialog", "Saved."))
        self._show_last()
