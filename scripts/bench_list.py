"""Benchmark of the complaint list on a big database: prints figures, asserts nothing.

Usage (make the data first, e.g. ``helpdesk --database sqlite:////tmp/large.db demo
--size large``)::

    QT_QPA_PLATFORM=offscreen python scripts/bench_list.py sqlite:////tmp/large.db

It measures what a person at the desk waits for: the ids query of the default view
(open sheets) and of all sheets, the first screen of rows, scrolling to the middle and
to the end (one page of rows each), repainting the time-left column of a screenful,
and a quick search.
"""

from __future__ import annotations

import statistics
import sys
import time

from PySide6.QtWidgets import QApplication

from helpdesk.domain.complaints import NOT_CLOSED
from helpdesk.domain.filters import SheetFilter, SheetSort
from helpdesk.domain.users import Permission
from helpdesk.services import session, users
from helpdesk.ui.complaints.model import Column, SheetTableModel
from helpdesk.ui.context import AppContext


def _timed(label: str, fn, repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    best = min(runs)
    extra = f" (median {statistics.median(runs) * 1000:.1f} ms of {repeat})" if repeat > 1 else ""
    print(f"{label:<52} {best * 1000:9.1f} ms{extra}")
    return best


def main(url: str) -> None:
    app = QApplication.instance() or QApplication([])
    db = session.open_database(url)
    viewer = next(u for u in users.list_users(db.uow()) if u.active)
    ctx = AppContext(uow=db.uow, database_description=db.description,
                     user=users.get_session_user(db.uow(), viewer.id))
    assert ctx.user is not None and ctx.user.can(Permission.VIEW_SHEETS)
    model = SheetTableModel(ctx)

    def show_screen(first: int, rows: int = 30) -> None:
        for r in range(first, min(first + rows, model.rowCount())):
            for c in Column:
                model.index(r, c).data()

    print(f"database: {db.description}")
    for name, sheet_filter in (
            ("open sheets, newest first (default view)",
             SheetFilter(states=frozenset(NOT_CLOSED))),
            ("open sheets, most urgent first", SheetFilter(states=frozenset(NOT_CLOSED),
                                                           sort=SheetSort.DUE)),
            ("all sheets, newest first", SheetFilter()),
            ("quick search 'zs' (pinyin initials)", SheetFilter(text="zs")),
            ("quick search phone tail '5678'", SheetFilter(text="5678"))):
        _timed(f"ids query: {name}", lambda f=sheet_filter: model.search(f, background=False))
        print(f"{'':<52} {model.rowCount():>9,} sheets")
    model.search(SheetFilter(), background=False)
    total = model.rowCount()
    _timed("first screen (30 rows, loads one page)", lambda: show_screen(0))
    _timed("scroll to the middle (one new page)", lambda: show_screen(total // 2))
    _timed("scroll to the end (one new page)", lambda: show_screen(total - 30))
    _timed("repaint time left of a screenful (cached rows)",
           lambda: (model.refresh_time_left(0, 29), show_screen(0)), repeat=20)
    print(f"pages loaded: {model.page_loads}")
    db.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
