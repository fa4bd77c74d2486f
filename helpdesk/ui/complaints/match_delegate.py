"""Paints the complaint list's text-match column with the found words highlighted
(issue 11): "…空调有**异味**，开窗…"."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from helpdesk.ui.complaints.model import MatchRole

_Index = QModelIndex | QPersistentModelIndex


def match_html(parts: tuple[str, str, str]) -> str:
    """The snippet as rich text, the match bold on a yellow ground."""
    before, hit, after = (html.escape(p) for p in parts)
    return f'{before}<b style="background-color:#ffe066">{hit}</b>{after}'


class MatchDelegate(QStyledItemDelegate):
    """Draws ``MatchRole`` as rich text; other cells of the column as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        parts = index.data(MatchRole)
        if not parts:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setHtml(match_html(parts))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
