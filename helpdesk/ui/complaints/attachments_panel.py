"""The sheet form's attachments (附件, issue 11): photos as thumbnails, other files by
name; add by the file dialog, by dropping files or a picture onto the panel, or by
pasting a screenshot (Ctrl+V); open a picture in the viewer and any other file with the
system's program; remove (service manager or director) with a reason."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QMimeData, QSize, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.services import attachments as att
from helpdesk.services.attachments import AttachmentInfo
from helpdesk.ui import formatting, widgets
from helpdesk.ui.context import AppContext

THUMBNAIL = 96
AttachmentIdRole = Qt.ItemDataRole.UserRole + 1


def thumbnail(data: bytes, size: int = THUMBNAIL) -> QPixmap | None:
    """A picture scaled to fit ``size`` (None when the bytes are no picture Qt reads)."""
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return None
    return QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class ImageViewer(QDialog):
    """A picture at up to the screen's size, scrollable when larger."""

    def __init__(self, title: str, data: bytes, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setWindowTitle(title)
        self.image_label = QLabel(objectName="viewerImage")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = QImage.fromData(QByteArray(data))
        screen = QGuiApplication.primaryScreen()
        room = screen.availableSize() * 0.8 if screen is not None else QSize(1000, 700)
        if image.width() > room.width() or image.height() > room.height():
            image = image.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(self.image_label)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(min(image.width() + 40, room.width()), min(image.height() + 80,
                                                                 room.height()))


class AttachmentsPanel(QGroupBox):
    """Attributes:
        sheet_id: the sheet shown (None: a new sheet, which must be saved first).
        items: the attachments listed, in the order shown.
    """

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsBox")
        self._ctx = ctx
        self.sheet_id: int | None = None
        self._editable = False
        self.items: list[AttachmentInfo] = []
        self.setAcceptDrops(True)

        self.list = QListWidget(objectName="attachmentList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setGridSize(QSize(THUMBNAIL + 40, THUMBNAIL + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(THUMBNAIL + 56)
        self.caption_edit = QLineEdit(objectName="attachmentCaption")
        self.add_button = QPushButton(objectName="addAttachment")
        self.paste_button = QPushButton(objectName="pasteAttachment")
        self.open_button = QPushButton(objectName="openAttachment")
        self.remove_button = QPushButton(objectName="removeAttachment")
        self.hint_label = QLabel(objectName="attachmentHint")
        self.hint_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.caption_edit, 1)
        for button in (self.add_button, self.paste_button, self.open_button,
                       self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.hint_label)

        self.add_button.clicked.connect(self._on_add)
        self.paste_button.clicked.connect(self.paste)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        QShortcut(QKeySequence.StandardKey.Paste, self.list, self.paste,
                  context=Qt.ShortcutContext.WidgetShortcut)
        ctx.bus.changed.connect(self._on_changes)
        self._retranslate()
        self.show_sheet(None)

    # ------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Attachments"))
        self.caption_edit.setPlaceholderText(self.tr("Caption for the next files"))
        self.add_button.setText(self.tr("Add files…"))
        self.paste_button.setText(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Paste a screenshot or copied files (Ctrl+V)"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove…"))
        self._update_buttons()

    # ------------------------------------------------------------ showing
    def show_sheet(self, sheet_id: int | None, *, editable: bool = True) -> None:
        """Show the attachments of ``sheet_id`` (None: a sheet not saved yet)."""
        self.sheet_id = sheet_id
        self._editable = editable and sheet_id is not None
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.items = []
        if self.sheet_id is not None:
            try:
                self.items = att.list_attachments(self._ctx.uow(), self._ctx.user_id,
                                                  self.sheet_id)
            except HelpdeskError as exc:
                self.hint_label.setText(widgets.messages.error_text(exc))
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for info in self.items:
            icon = file_icon
            if info.is_image:
                pixmap = self._thumbnail(info)
                icon = QIcon(pixmap) if pixmap is not None else file_icon
            item = QListWidgetItem(icon, info.caption or info.filename)
            item.setData(AttachmentIdRole, info.id)
            item.setToolTip(self.tr("%1 · %2\nAdded by %3 at %4").replace(
                "%1", info.filename).replace("%2", _size_text(info.size)).replace(
                "%3", info.added_by_name or "—").replace(
                "%4", formatting.datetime_text(info.added_at)) + (
                f"\n{info.caption}" if info.caption else ""))
            self.list.addItem(item)
        self._update_buttons()

    def _thumbnail(self, info: AttachmentInfo) -> QPixmap | None:
        try:
            return thumbnail(att.attachment_data(self._ctx.uow(), self._ctx.user_id, info.id))
        except HelpdeskError:
            return None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        user = self._ctx.user
        self.add_button.setEnabled(self._editable)
        self.paste_button.setEnabled(self._editable)
        self.caption_edit.setEnabled(self._editable)
        self.open_button.setEnabled(chosen)
        may_remove = user is not None and user.can(Permission.REMOVE_ATTACHMENT)
        self.remove_button.setEnabled(chosen and may_remove)
        self.remove_button.setToolTip(
            "" if may_remove else widgets.messages.permission_text(
                Permission.REMOVE_ATTACHMENT))
        if self.sheet_id is None:
            self.hint_label.setText(self.tr("Save the sheet first; then add photos and files "
                                            "here (or drop them onto this box)."))
        elif self._editable:
            self.hint_label.setText(self.tr("Drop files or a picture here, or paste a "
                                            "screenshot with Ctrl+V."))
        else:
            self.hint_label.setText("")

    def current(self) -> AttachmentInfo | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_changes(self, changes: Changes) -> None:
        if self.sheet_id is not None and (changes.everything
                                          or self.sheet_id in changes.sheet_ids):
            self.reload()

    # ------------------------------------------------------------ adding
    def add_bytes(self, name: str, data: bytes) -> AttachmentInfo | None:
        """Attach ``data`` as ``name`` with the caption typed; errors are shown."""
        if self.sheet_id is None or not self._editable:
            return None
        try:
            info = att.add_attachment(self._ctx.uow(), self._ctx.user_id, self.sheet_id,
                                      name, data, caption=self.caption_edit.text())
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return None
        self.caption_edit.clear()
        return info

    def add_files(self, paths: list[Path]) -> int:
        added = 0
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                widgets.show_error(self, exc)
                continue
            if self.add_bytes(path.name, data) is not None:
                added += 1
        return added

    def add_mime(self, mime: QMimeData) -> int:
        """Files (URLs of local files) or a picture (a screenshot) from a drop or the
        clipboard."""
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            return self.add_files(files)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if image.isNull():
                return 0
            buffer = QBuffer()
            buffer.open(QBuffer.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            name = f"screenshot-{datetime.now():%Y%m%d-%H%M%S}.png"
            return 1 if self.add_bytes(name, bytes(buffer.data().data())) else 0
        return 0

    def _on_add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files([Path(n) for n in names])

    def paste(self) -> int:
        mime = QGuiApplication.clipboard().mimeData()
        return self.add_mime(mime) if mime is not None else 0

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if self._editable and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        if self.add_mime(event.mimeData()):
            event.acceptProposedAction()

    # ------------------------------------------------------------ opening, removing
    def open_current(self) -> None:
        info = self.current()
        if info is None:
            return
        try:
            data = att.attachment_data(self._ctx.uow(), self._ctx.user_id, info.id)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return
        if info.is_image and not QImage.fromData(QByteArray(data)).isNull():
            ImageViewer(info.caption or info.filename, data, parent=self).exec()
            return
        # Another program opens a copy; the database keeps the original.
        folder = Path(tempfile.mkdtemp(prefix="helpdesk-attachment-"))
        target = folder / info.filename
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _on_remove(self) -> None:
        info = self.current()
        if info is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove attachment"),
            self.tr("Why is “%1” removed? (kept in the audit trail)").replace(
                "%1", info.filename))
        if ok:
            self.remove(info.id, reason)

    def remove(self, attachment_id: int, reason: str) -> bool:
        try:
            att.remove_attachment(self._ctx.uow(), self._ctx.user_id, attachment_id, reason)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return False
        return True
