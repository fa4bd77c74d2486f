"""Reading the audit trail (审计记录, issue 15): for the roles the permissions table
grants it to (director, general manager, administrator). Entries are only read here;
they are written by the unit of work from the events of each use case.

The list follows the customer list's pattern: the matching ids, newest first, in one
SQL query; the rows of a page on demand. Each row says in words who did what to which
record, and what changed from what to what (``vocabulary.AUDIT_*``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from helpdesk.domain import setting_changes, vocabulary
from helpdesk.domain.audit import AuditQuery
from helpdesk.domain.users import Permission
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork


@dataclass(frozen=True)
class AuditChange:
    """One changed field in words: ``before`` → ``after`` (either may be empty)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the viewer shows it.

    Attributes:
        action, entity: the stored keys (to filter and to open the record).
        action_text, entity_text: the same in the user's language.
        changes: the fields with before/after, in words.
    """

    id: int
    at: datetime
    username: str
    action: str
    action_text: str
    entity: str
    entity_text: str
    entity_id: int | None
    changes: tuple[AuditChange, ...]
    note: str

    @property
    def summary(self) -> str:
        """The changes on one line: ``营销授权: 否 → 是; 地址: … → …``."""
        parts = []
        for c in self.changes:
            if c.before and c.after:
                parts.append(f"{c.field}: {c.before} → {c.after}")
            else:
                parts.append(f"{c.field}: {c.after or c.before}")
        return "; ".join(parts)


def search(uow: UnitOfWork, actor_id: int, query: AuditQuery) -> list[int]:
    """Ids of the entries matching ``query``, newest first (the whole list)."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_AUDIT)
        return uow.audit.search_ids(query)


def rows(uow: UnitOfWork, actor_id: int, ids: Iterable[int], *,
         lang: str = vocabulary.DEFAULT_LANGUAGE) -> list[AuditRow]:
    """The rows of these entries, in the order given."""
    wanted = list(ids)
    result = []
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_AUDIT)
        found = {e.id: e for e in uow.audit.by_ids(wanted)}
        for entry_id in wanted:
            e = found.get(entry_id)
            if e is None or e.id is None:
                continue
            result.append(AuditRow(
                e.id, e.at, e.username, e.action,
                vocabulary.audit_word(vocabulary.AUDIT_ACTIONS, e.action, lang),
                e.entity, vocabulary.audit_word(vocabulary.AUDIT_ENTITIES, e.entity, lang),
                e.entity_id, tuple(_entry_changes(e.action, e.change_map, lang)), e.note))
    return result


def actions(uow: UnitOfWork, actor_id: int) -> list[str]:
    """The kinds of action the trail holds (for the filter)."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_AUDIT)
        return uow.audit.actions()


def _entry_changes(action: str, change_map: dict[str, Any], lang: str) -> list[AuditChange]:
    settings = setting_changes.lines(action, change_map, lang)
    if settings is not None:  # a store's or a shared setting: its own words
        return [AuditChange(*line) for line in settings]
    return _changes(change_map, lang)


def _changes(change_map: dict[str, Any], lang: str) -> list[AuditChange]:
    result = []
    for key, value in change_map.items():
        name = vocabulary.audit_word(vocabulary.AUDIT_FIELDS, key, lang)
        term = vocabulary.AUDIT_FIELD_TERMS.get(key)
        if isinstance(value, list) and len(value) == 2:
            # audit.diff's [before, after]
            result.append(AuditChange(name, _words(value[0], lang, term),
                                      _words(value[1], lang, term)))
        else:
            result.append(AuditChange(name, "", _words(value, lang, term)))
    return result


def _words(value: Any, lang: str, term: type[StrEnum] | None = None) -> str:
    """A stored value as people read it: an enumeration by its label, yes/no, lists
    joined, nested fields named."""
    if value is None:
        return ""
    if term is not None and isinstance(value, str):
        try:
            return vocabulary.label(term(value), lang)
        except ValueError:
            return value
    if isinstance(value, bool):
        return _YES_NO[value][vocabulary.LANGUAGES.index(vocabulary.normalize_language(lang))]
    if isinstance(value, list):
        return ", ".join(_words(v, lang) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{vocabulary.audit_word(vocabulary.AUDIT_FIELDS, str(k), lang)}: {_words(v, lang)}"
            for k, v in value.items())
    return str(value)


_YES_NO = {True: ("是", "是", "yes"), False: ("否", "否", "no")}


common.guard_use_cases(__name__)
