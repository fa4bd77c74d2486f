"""Issuing a month's report: the signed document and its figures are kept with their
hashes; reprints give that document; a regeneration says whether, and where, the
figures changed since."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from helpdesk.cli import main
from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.reports import monthly
from helpdesk.services import complaints, reporting
from helpdesk.services.reporting import MonthlyRequest
from helpdesk.storage.database import Database
from tests.conftest import PASSWORD, Clock
from tests.reports.test_as_at import Story, _later, _much_later, _october

OCTOBER = MonthlyRequest("2026-10", lang="zh_CN")


@pytest.fixture
def story(db: Database, clock: Clock) -> Story:
    s = Story(db, clock)
    _october(s)
    _later(s)
    s.at("2026-11-05 09:00")
    return s


def test_issue_then_regenerate_after_reopenings_is_identical(story: Story) -> None:
    uow, staff = story.db.uow, story.staff
    issued = reporting.issue_monthly(uow(), staff.director, OCTOBER)
    assert issued.pdf.startswith(b"%PDF") and issued.intact
    assert issued.pdf_sha256 == hashlib.sha256(issued.pdf).hexdigest()
    assert issued.issued_by == "李建国"
    october = reporting.build_monthly_report(uow(), "2026-10")
    assert issued.figures == monthly.figures_text(october)

    _much_later(story)  # three reopenings and a new resolution in Nov/Dec
    story.at("2026-12-21 09:00")
    again = reporting.regenerate_monthly(uow(), staff.gm, OCTOBER)
    assert again.identical and again.changes == ()
    assert monthly.figures_text(again.report) == issued.figures
    # A reprint is the issued document, byte for byte, in the language it was issued in.
    assert reporting.monthly_pdf(uow(), staff.gm, OCTOBER) == issued.pdf
    assert reporting.monthly_pdf(uow(), staff.gm, MonthlyRequest("2026-10", lang="en")) \
        == issued.pdf
    assert reporting.monthly_pdf(uow(), staff.gm, OCTOBER, fresh=True) != issued.pdf


def test_a_regeneration_that_differs_says_what_changed(story: Story) -> None:
    uow, staff = story.db.uow, story.staff
    reporting.issue_monthly(uow(), staff.director, OCTOBER)
    # E, received in October, is assigned only in December: October stands.
    story.at("2026-12-01 09:00")
    complaints.assign(uow(), staff.director, story.ids["E"], ResponsibleArea.SERVICE,
                      staff.manager)
    assert reporting.regenerate_monthly(uow(), staff.gm, OCTOBER).identical
    # A paper sheet received on 15 October is registered only now: October grows.
    _late_paper_sheet(story)
    again = reporting.regenerate_monthly(uow(), staff.gm, OCTOBER)
    assert not again.identical
    changed = {c.name: (c.issued, c.now) for c in again.changes}
    assert changed["current.received"] == ("6", "7")
    assert changed["category.repair_quality"] == ("6 0", "7 0")
    assert changed["area.-"] == ("1 0", "2 0")


def _late_paper_sheet(story: Story) -> None:
    """On 1 December, a paper sheet received on 15 October is registered."""
    story.at("2026-12-01 10:00")
    complaints.register(story.db.uow(), story.staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="纸质登记单补录", customer_id=story.customer,
        customer_request="尽快处理", received_at=datetime(2026, 10, 15, 10, 0)))


def test_issuing_is_guarded(story: Story) -> None:
    uow, staff = story.db.uow, story.staff
    with pytest.raises(PermissionDenied):
        reporting.issue_monthly(uow(), staff.desk, OCTOBER)
    with pytest.raises(ValidationError) as running:
        reporting.issue_monthly(uow(), staff.director, MonthlyRequest("2026-11"))
    assert running.value.code == "report.month_running"
    reporting.issue_monthly(uow(), staff.manager, OCTOBER)
    with pytest.raises(ValidationError) as twice:
        reporting.issue_monthly(uow(), staff.director, OCTOBER)
    assert twice.value.code == "report.already_issued"
    assert twice.value.params["by"] == "陈刚"
    # Another scope is another document.
    assert reporting.issue_monthly(uow(), staff.director,
                                   MonthlyRequest("2026-10", store="TS")).store_id \
        == staff.store_id
    assert reporting.issued_monthly(uow(), staff.gm, MonthlyRequest("2026-09")) is None


def test_command_line_issues_and_compares(story: Story, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = story.db
    monkeypatch.setenv("HELPDESK_PASSWORD", PASSWORD)
    out = tmp_path / "2026-10.pdf"
    assert main(["report", "monthly", "--month", "2026-10", "--issue", "--user", "director",
                 "--out", str(out), "--database", db.url]) == 0
    assert "issued 2026-10" in capsys.readouterr().out
    issued = reporting.issued_monthly(db.uow(), story.staff.gm, OCTOBER)
    assert issued is not None and out.read_bytes() == issued.pdf
    _late_paper_sheet(story)
    fresh = tmp_path / "now.pdf"
    assert main(["report", "monthly", "--month", "2026-10", "--fresh", "--out", str(fresh),
                 "--database", db.url]) == 0
    err = capsys.readouterr().err
    assert "differ from the report issued on 2026-11-05 09:00" in err
    assert "current.received: issued 6, now 7" in err
