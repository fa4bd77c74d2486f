"""A second desk, as a separate process: ``python -m tests.live.desk URL USER ACTION ...``.

Actions (each prints one JSON line):
    register NAME      a walk-in complaint of a new customer NAME; prints the sheet's
                       stored times and minutes left as the list counts them.
    show SHEET_ID...   the same figures for existing sheets ({"sheets": [...]}).
    note SHEET_ID TEXT add a progress note to the sheet.
    analyse SHEET_ID FIELD TEXT   record one analysis field (root_cause...).
    now                the store's "now" as this process sees it.

Every process logs in (as a desk does), so it reads the store's time zone and the
server's clock exactly like the desktop and the command line."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from helpdesk.cli.sheets import time_left
from helpdesk.services import common, complaints, users
from helpdesk.services.customers import CustomerInput
from helpdesk.services.dto import SheetDetail
from helpdesk.storage.database import open_database
from tests.fakes import PASSWORD


def _figures(db: Any, reader: int, sheet_id: int) -> dict[str, Any]:
    rows = complaints.sheet_rows(db.uow(), [sheet_id])
    row = rows[0]
    now = common.now()
    _text, overdue, minutes = time_left(row, now)
    return {"id": sheet_id, "received_at": _iso(row.received_at),
            "response_due_at": _iso(row.response_due_at),
            "resolution_due_at": _iso(row.resolution_due_at),
            "minutes_left": minutes, "overdue": overdue, "now": _iso(now)}


def _phone(name: str) -> str:
    """A mobile number of its own for each name."""
    return f"1391{sum(ord(c) * 31 ** i for i, c in enumerate(name)) % 10**7:07d}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def main(argv: list[str]) -> int:
    url, username, action, *rest = argv
    db = open_database(url)
    try:
        me = users.login(db.uow(), username, PASSWORD)
        if action == "register":
            sheet: SheetDetail = complaints.register(
                db.uow(), me.id, complaints.SheetInput(
                    channel="reception", severity="general", category="repair_quality",
                    description=f"{rest[0]}：空调不制冷，第二次来店", customer_request="修好"),
                new_customer=CustomerInput(name=rest[0], phones=(_phone(rest[0]),)))
            out = _figures(db, me.id, sheet.id)
        elif action == "show":
            out = {"sheets": [_figures(db, me.id, int(i)) for i in rest]}
        elif action == "note":
            saved = complaints.add_progress(db.uow(), me.id, int(rest[0]), rest[1])
            out = {"id": saved.id, "version": saved.version}
        elif action == "analyse":
            saved = complaints.record_analysis(db.uow(), me.id, int(rest[0]),
                                               **{rest[1]: rest[2]})
            out = {"id": saved.id, "version": saved.version}
        elif action == "now":
            out = {"now": _iso(common.now())}
        else:
            raise SystemExit(f"unknown action {action}")
    finally:
        db.dispose()
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
