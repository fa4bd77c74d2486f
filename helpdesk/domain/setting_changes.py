"""Changes to the settings in words, for the audit-trail viewer (issue 15).

The settings keep their values as JSON: a store's calendar (hours per weekday, lists of
dates), its SLA policy (a list of rules), the warning window, limits in bytes. Shown as
stored they read as internal keys and blobs; here each becomes a named line saying
what changed, in the user's language: ``周六营业时间: 09:00–17:00 → 09:00–13:00``,
``时限规则 · 电话 · 重大: 响应 30 工作分钟，解决 3 工作日 → …``, ``公休假日: 新增
2026-12-24``. The names are :data:`helpdesk.domain.vocabulary.SETTING_WORDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from enum import StrEnum
from typing import Any

from helpdesk.domain import error_texts, validation, vocabulary
from helpdesk.domain.customers import StoreKind
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.sla import DueKind

#: One changed setting: (name, before, after) in words; either side may be empty.
Line = tuple[str, str, str]


def _w(key: str, lang: str) -> str:
    return vocabulary.audit_word(vocabulary.SETTING_WORDS, key, lang)


def _join(lang: str) -> str:
    return error_texts.list_separator(vocabulary.normalize_language(lang))


def _semi(lang: str) -> str:
    return "; " if vocabulary.normalize_language(lang) == "en" else "；"


def _pair(old: Any) -> tuple[Any, Any]:
    """``audit.diff``'s ``[before, after]``; anything else is an after-only value."""
    if isinstance(old, list) and len(old) == 2:
        return old[0], old[1]
    return None, old


def _set_change(before: Iterable[str] | None, after: Iterable[str] | None, lang: str) -> str:
    """``新增 a、b；删除 c`` for two lists."""
    old, new = list(before or ()), list(after or ())
    added = [x for x in new if x not in old]
    removed = [x for x in old if x not in new]
    parts = []
    if added:
        parts.append(f"{_w('added', lang)} {_join(lang).join(added)}")
    if removed:
        parts.append(f"{_w('removed', lang)} {_join(lang).join(removed)}")
    return _semi(lang).join(parts)


def _term(enum_cls: type[StrEnum], value: Any, lang: str) -> str:
    if value in (None, ""):
        return _w("any", lang)
    try:
        return vocabulary.label(enum_cls(value), lang)
    except ValueError:
        return str(value)


def _due(spec: Mapping[str, Any] | None, lang: str) -> str:
    """A deadline rule: ``30 工作分钟``, ``下班前``, ``3 工作日``."""
    if not spec:
        return ""
    kind = _term(DueKind, spec.get("kind"), lang)
    if spec.get("kind") == DueKind.END_OF_WORKDAY.value:
        return kind
    return f"{spec.get('amount')} {kind}"


def _rule_text(rule: Mapping[str, Any] | None, lang: str) -> str:
    if not rule:
        return ""
    parts = [f"{_w('response', lang)} {_due(rule.get('response'), lang)}",
             f"{_w('resolution', lang)} {_due(rule.get('resolution'), lang)}"]
    if rule.get("escalate_to_oem"):
        parts.append(_w("escalate_to_oem", lang))
    if rule.get("note"):
        parts.append(f"{_w('note', lang)}: {rule['note']}")
    return _semi(lang).join(parts)


def _rules(before: Any, after: Any, lang: str) -> list[Line]:
    """One line per rule added, removed or changed, named by channel and severity."""
    def keyed(rules: Any) -> dict[tuple[Any, Any], Mapping[str, Any]]:
        return {(r.get("channel"), r.get("severity")): r
                for r in (rules or []) if isinstance(r, Mapping)}

    old, new = keyed(before), keyed(after)
    lines = []
    for key in list(dict.fromkeys([*old, *new])):
        if old.get(key) == new.get(key):
            continue
        name = " · ".join((_w("rules", lang), _term(Channel, key[0], lang),
                           _term(Severity, key[1], lang)))
        lines.append((name, _rule_text(old.get(key), lang), _rule_text(new.get(key), lang)))
    return lines


def _hours(value: Any, lang: str) -> str:
    if not value:
        return _w("closed", lang)
    return f"{value[0]}–{value[1]}"


def _calendar_hours(before: Any, after: Any, lang: str) -> list[Line]:
    old, new = dict(before or {}), dict(after or {})
    lines = []
    for day in sorted(set(old) | set(new), key=int):
        if old.get(day) != new.get(day):
            lines.append((_w("weekday_hours", lang).format(day=_w(f"weekday.{day}", lang)),
                          _hours(old.get(day), lang) if day in old else "",
                          _hours(new.get(day), lang)))
    return lines


def _bytes(value: Any, lang: str) -> str:
    if not isinstance(value, int):
        return "" if value is None else str(value)
    return f"{value / (1024 * 1024):g} MB"


def _window(value: Any, lang: str) -> str:
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    minimum = vocabulary.duration_words(timedelta(minutes=int(value.get("minimum_minutes", 0))),
                                        lang)
    return _w("warning_window.value", lang).format(share=value.get("share"), minimum=minimum)


def _years(value: Any, lang: str) -> str:
    return "" if value is None else _w("years.value", lang).format(n=value)


def _categories(before: Any, after: Any, lang: str) -> list[Line]:
    """Categories added, removed or renamed, by their name in ``lang``."""
    index = vocabulary.LANGUAGES.index(vocabulary.normalize_language(lang))

    def name(names: Any, code: str) -> str:
        if isinstance(names, list) and names:
            return str(names[index] if index < len(names) and names[index] else names[0])
        return code

    old, new = dict(before or {}), dict(after or {})
    added = [name(names, c) for c, names in new.items() if c not in old]
    removed = [name(names, c) for c, names in old.items() if c not in new]
    lines: list[Line] = []
    if added or removed:
        lines.append((_w("categories", lang), "", _set_change(removed, added, lang)))
    for code, names in new.items():
        if code in old and old[code] != names:
            lines.append((_w("categories", lang), name(old[code], code), name(names, code)))
    return lines


def _plain(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _w("yes" if value else "no", lang)
    if isinstance(value, list):
        return _join(lang).join(_plain(v, lang) for v in value)
    return str(value)


def _preset(value: Any, lang: str) -> str:
    return _term(StoreKind, value, lang) if value else ""


def _phone(value: Any, lang: str) -> str:
    return validation.display_phone(value) if value else ""


_Formatter = Callable[[Any, str], str]
# Settings whose value is one thing: how it reads.
_VALUES: Mapping[str, _Formatter] = {
    "per_file": _bytes, "per_sheet": _bytes, "warning_window": _window,
    "retention_years": _years, "phone": _phone,
    "preset": _preset,
}
# Settings whose value is a list: what was added and removed.
_LISTS = frozenset({"phrases", "holidays", "makeup_workdays"})


def lines(action: str, changes: Mapping[str, Any], lang: str) -> list[Line] | None:
    """The changes of a ``settings.*`` or ``store.*`` audit entry (and the counts of a
    ``demo.*`` one) in words; None for any other action (the viewer's general wording
    applies)."""
    if not action.startswith(("settings.", "store.", "demo.")):
        return None
    result: list[Line] = []
    counts = action.startswith("demo.")  # values as they are, not [before, after]
    for key, value in changes.items():
        before, after = (None, value) if counts else _pair(value)
        if key == "rules":
            result.extend(_rules(before, after, lang))
        elif key == "hours":
            result.extend(_calendar_hours(before, after, lang))
        elif key == "categories":
            result.extend(_categories(before, after, lang))
        elif key in _LISTS:
            result.append((_w(key, lang), "", _set_change(before, after, lang)))
        elif key == "makeup_hours":
            result.append((_w(key, lang), _hours(before, lang) if before else "",
                           _hours(after, lang) if after else ""))
        else:
            shown = _VALUES.get(key, _plain)
            result.append((_w(key, lang), shown(before, lang), shown(after, lang)))
    return result
