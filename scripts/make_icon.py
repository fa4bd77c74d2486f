"""Draw the application icon (``resources/icons/helpdesk.png`` and ``.ico``).

The icon is drawn with Qt, so it needs no image editor and can be redrawn the same way:
a rounded blue square with a white speech bubble holding three lines of text.
Run it after changing the drawing, and commit both files::

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f6fb2"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(40 * s, 44 * s, 176 * s, 136 * s), 32 * s, 32 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(80 * s, 170 * s))
    tail.lineTo(QPointF(64 * s, 216 * s))
    tail.lineTo(QPointF(124 * s, 176 * s))
    tail.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(bubble.united(tail))
    # Three lines of "text" in the bubble, drawn rather than typed, so the icon does
    # not depend on which fonts the drawing machine has.
    p.setBrush(QColor("#1f6fb2"))
    for row, length in enumerate((120, 120, 72)):
        p.drawRoundedRect(QRectF(68 * s, (76 + 28 * row) * s, length * s, 14 * s),
                          7 * s, 7 * s)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...] = SIZES) -> bytes:
    """A Windows icon with one PNG-compressed image per size (Qt's own ICO writer
    stores a single uncompressed image, and Windows wants the small sizes drawn)."""
    images = [png_bytes(draw(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "helpdesk.png").write_bytes(png_bytes(draw(256)))
    (ICONS / "helpdesk.ico").write_bytes(ico_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
