"""The sheet printout lists the attachments and prints the photos (issue 11)."""

from __future__ import annotations

import io

import pypdf
from reportlab.lib.utils import ImageReader

from helpdesk.services import attachments as att
from helpdesk.services import complaints, customers, reporting
from helpdesk.storage.database import Database
from tests.conftest import Staff
from tests.reports.pdftext import pdf_text, squeeze


def _jpeg(width: int, height: int) -> bytes:
    """A real JPEG (Pillow comes with reportlab), wider than high."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_photos_print_as_thumbnails_and_every_file_is_listed(db: Database,
                                                              staff: Staff) -> None:
    who = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="李四", phones=("13912345678",)))
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="左后门有划痕", customer_id=who.id)).id
    photo = _jpeg(640, 320)
    att.add_attachment(db.uow(), staff.desk, sheet, "door.jpg", photo, caption="左后门划痕")
    att.add_attachment(db.uow(), staff.desk, sheet, "通话录音.m4a", b"\x00" * 4096,
                       caption="来电录音")
    pdf = reporting.sheet_pdf(db.uow(), staff.manager, sheet)
    flat = squeeze(pdf_text(pdf))
    for expected in ("附件", "door.jpg", "左后门划痕", "通话录音.m4a", "来电录音", "4KB", "王芳"):
        assert expected in flat, expected
    images = [image for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
              for image in page.images]
    assert len(images) == 1  # the photo; the recording is listed, not pictured
    width, height = ImageReader(io.BytesIO(images[0].data)).getSize()
    assert width / height == 2  # the picture itself, not a placeholder


def test_a_sheet_without_attachments_says_none(db: Database, staff: Staff) -> None:
    who = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="赵六", phones=("13912340000",)))
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="等待时间长", customer_id=who.id)).id
    flat = squeeze(pdf_text(reporting.sheet_pdf(db.uow(), staff.manager, sheet, "en")))
    assert "Attachments" in flat
