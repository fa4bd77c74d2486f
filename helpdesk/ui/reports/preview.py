"""A PDF preview (QtPdf) that can also print and save what it shows.

The documents are made by the services as PDF bytes; this widget shows them with
``QPdfView``, prints them by rendering each page with ``QPdfDocument.render`` into the
printer, and writes the very same bytes when the user saves.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """``widget`` with a stable object name (tests and style sheets find it by it)."""
    widget.setObjectName(name)
    return widget


# Printing at the printer's full resolution would make images of 50 MB a page for a
# 1200-dpi printer; 300 dpi is as sharp as paper shows.
MAX_PRINT_DPI = 300


class PdfPreview(QWidget):
    """Shows a PDF given as bytes.

    Attributes:
        data: the PDF shown (empty before the first one).
        document: the ``QPdfDocument`` (page count, text for tests, rendering).

    Signals:
        loaded(int): a document is shown (its page count).
    """

    loaded = Signal(int)

    def __init__(self, *, name: str = "pdfPreview", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = b""
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._announce = False
        self.view = QPdfView(self)
        self.view.setObjectName(name)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.document.statusChanged.connect(self._on_status_changed)

    def show_pdf(self, data: bytes) -> None:
        """Show ``data`` (the previous document is replaced); ``loaded`` follows once."""
        self.data = bytes(data)
        old = self._buffer
        self.document.close()
        # The document reads from the buffer while it lives, so the buffer is kept.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._announce = True
        self.document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        if self.document.status() == QPdfDocument.Status.Ready:
            self._loaded()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.data else 0

    def text(self) -> str:
        """All the text of the document shown (what copy-paste would give)."""
        return "\n".join(self.document.getAllText(page).text()
                         for page in range(self.page_count))

    def _on_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self._loaded()

    def _loaded(self) -> None:
        # Loading from memory may report Ready during load() or just after it.
        if self._announce and self.data:
            self._announce = False
            self.loaded.emit(self.document.pageCount())

    # -- printing
    def print_to(self, printer: QPrinter) -> int:
        """Render every page into ``printer``; returns the number of pages printed."""
        pages = self.page_count
        if pages == 0:
            return 0
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                image = self.document.render(
                    page, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)),
                    fillColor=Qt.GlobalColor.white)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.x(), target.y(), scaled.width(),
                                        scaled.height()), image)
        finally:
            painter.end()
        return pages

    def print_with_dialog(self) -> bool:
        """Ask for a printer (QPrintDialog) and print; False if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The file the user chose to save to ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def pdf_filter() -> str:
    return QCoreApplication.translate("reports", "PDF documents (*.pdf)")
