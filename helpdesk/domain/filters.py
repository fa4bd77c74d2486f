"""What the lists can be filtered and sorted by — plain values the UI and CLI build
and the storage layer turns into SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.enums import Channel, Severity


class DueFilter(StrEnum):
    OVERDUE = "overdue"  # a deadline has passed and its step is not done
    DUE_TODAY = "due_today"  # open and a deadline falls before the end of today
    UPDATE_DUE = "update_due"  # issue 11: the customer is owed a progress update (CRM)


class SheetSort(StrEnum):
    RECEIVED_DESC = "received_desc"
    RECEIVED_ASC = "received_asc"
    NUMBER = "number"
    DUE = "due"  # the most urgent open deadline first


@dataclass(frozen=True)
class SheetFilter:
    """Filters of the complaint list; empty collections mean "any"."""

    states: frozenset[SheetState] = frozenset()
    channels: frozenset[Channel] = frozenset()
    severities: frozenset[Severity] = frozenset()
    categories: frozenset[str] = frozenset()
    store_ids: frozenset[int] = frozenset()
    responsible_user_id: int | None = None  # "mine"
    customer_id: int | None = None
    due: DueFilter | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None  # exclusive
    text: str = ""  # quick search: number, name, pinyin, phone tail, plate, VIN tail, order
    sort: SheetSort = SheetSort.RECEIVED_DESC
    include_closed: bool = True
    # issue 11: each store's progress_update_every, filled in by the service for
    # DueFilter.UPDATE_DUE (the stores' policies are not the user's to type)
    progress_update_every: tuple[tuple[int, timedelta], ...] = ()

    received_by_id: int | None = None  # issue 9: "registered by me"
