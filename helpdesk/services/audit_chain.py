"""Is the audit trail intact? The hash chain and the append-only guards, checked.

``helpdesk check`` and the administrator's *Verify audit trail* both ask
:func:`verify`: every entry's chain must follow from the entry before it (a rewritten,
removed or inserted entry breaks it from there on), the trail must be as long as its
signed anchor says and end where it says (the newest entries removed), and the
database's append-only triggers must be in place and switched on.

The anchor lives in the database, so whoever can write the database could put back an
older anchor together with the trail cut back to it. Each computer that verifies
therefore keeps its own copy of the last trail it found intact (``<data
folder>/audit/<trail>.json``: entries and the last one's chain): a later check that finds
fewer entries, or another entry at that place, says so. A restore (its audit entry)
starts a new trail, so the entries since the backup are not reported as missing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from helpdesk.domain.users import Permission
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork
from helpdesk.storage import engine as engine_mod


@dataclass(frozen=True)
class ChainReport:
    """Attributes:
        checked: entries read.
        broken_id: the first entry whose chain does not hold (None: all hold).
        broken_at, broken_action: when and what that entry says it was.
        missing_guards: append-only triggers that are gone or disabled.
        missing_tail: how many of the newest entries are gone (the anchor counts more).
        anchor_broken: the anchor was changed outside the program, or the trail does
            not end where it says (entries added or replaced at the end).
    """

    checked: int
    broken_id: int | None = None
    broken_at: datetime | None = None
    broken_action: str = ""
    missing_guards: tuple[str, ...] = ()
    missing_tail: int = 0
    anchor_broken: bool = False

    @property
    def ok(self) -> bool:
        return self.broken_id is None and not self.missing_guards and \
            not self.missing_tail and not self.anchor_broken

    def problems(self) -> list[str]:
        found = []
        if self.broken_id is not None:
            found.append(f"audit trail altered: entry #{self.broken_id} "
                         f"({self.broken_action}, {self.broken_at:%Y-%m-%d %H:%M}) and "
                         "everything after it no longer match their hash chain"
                         if self.broken_at else
                         f"audit trail altered from entry #{self.broken_id} on")
        if self.missing_tail:
            found.append(f"audit trail cut short: the last {self.missing_tail} entries are "
                         f"missing (it held {self.checked + self.missing_tail})")
        if self.anchor_broken:
            found.append("audit trail altered at its end: it does not end where its "
                         "signed anchor says (or the anchor itself was changed)")
        if self.missing_guards:
            found.append("audit trail unguarded: trigger(s) "
                         f"{', '.join(self.missing_guards)} dropped or disabled")
        return found


def verify(uow: UnitOfWork) -> ChainReport:
    """Read the whole trail in id order (a maintenance check: no login)."""
    with uow.reading():
        uow.audit.snapshot()
        broken, checked = uow.audit.first_broken()
        guards = tuple(uow.audit.missing_guards())
        anchor = uow.audit.anchor()
        last = uow.audit.last_chain()
        copy_file = _copy_file(uow.audit.trail_id())
        seen = _read_copy(copy_file)
        seen_at = uow.audit.chain_at(seen[0]) if seen and seen[0] <= checked else None
    # The migration writes the anchor and every append moves it: none at all (with
    # entries) means it was removed.
    missing, anchor_broken = 0, anchor is None and checked > 0
    if anchor is not None:
        count, head, holds = anchor
        if not holds:
            anchor_broken = True
        elif count > checked:
            missing = count - checked
        elif count < checked or head != last:
            anchor_broken = True
    if seen is not None:  # this computer's copy of the last intact trail
        if seen[0] > checked:
            missing = max(missing, seen[0] - checked)
        elif seen_at != seen[1]:
            anchor_broken = True
    if broken is None:
        report = ChainReport(checked, missing_guards=guards, missing_tail=missing,
                             anchor_broken=anchor_broken)
    else:
        report = ChainReport(checked, broken.id, broken.at, broken.action, guards,
                             missing_tail=missing, anchor_broken=anchor_broken)
    if report.ok:
        _write_copy(copy_file, checked, last)
    return report


def _copy_file(trail_id: str) -> Path:
    return engine_mod.data_dir() / "audit" / f"{trail_id}.json"


def _read_copy(path: Path) -> tuple[int, str] | None:
    try:
        value: Any = json.loads(path.read_text(encoding="utf-8"))
        return int(value["count"]), str(value["head"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_copy(path: Path, count: int, head: str) -> None:
    """Keep the trail found intact (best effort: a read-only folder only loses this
    second line of defence)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"count": count, "head": head}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def verify_as(uow: UnitOfWork, actor_id: int) -> ChainReport:
    """:func:`verify` for a user who may read the audit trail (the desktop)."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_AUDIT)
    return verify(uow)


common.guard_use_cases(__name__)
