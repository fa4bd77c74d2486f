"""Translated text for the errors the domain and services raise.

Errors carry a stable ``code`` and their ``params``; this table maps a code to an
English template marked for translation, so the user reads the message in their
language next to the field named by ``error.field``. Parameters are shown the way a
person reads them (dates as ``2026-11-20 14:30``, lists of phrases quoted and joined).
Codes built at run time (``permission.<name>``, ``<field>.invalid``, ``<what>.not_found``)
are handled by their shape; a code missing everywhere falls back to the error's English
message, so nothing is ever shown blank.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain.errors import HelpdeskError, ValidationErrors
from helpdesk.domain.users import Permission, Role
from helpdesk.ui import i18n, labels

CONTEXT = "errors"

# code -> template; {name} placeholders are filled from error.params.
TEMPLATES: dict[str, str] = {
    # --- VIN, plate, phone, e-mail, names, text
    "vin.empty": QT_TRANSLATE_NOOP("errors", "Enter the VIN."),
    "vin.length": QT_TRANSLATE_NOOP(
        "errors", "A VIN has exactly 17 characters; {value} has {length}."),
    "vin.characters": QT_TRANSLATE_NOOP(
        "errors", "{value} contains “{character}” at position {position}; a VIN uses "
        "only digits and the letters A–Z except I, O and Q."),
    "vin.check_digit": QT_TRANSLATE_NOOP(
        "errors", "The VIN {value} fails its check: the 9th character should be “{expected}"
        "” but is “{found}”. Check for a mistyped character."),
    "vin.taken": QT_TRANSLATE_NOOP(
        "errors", "This VIN belongs to another customer (#{customer_id}); pick that customer."),
    "vin.repeated": QT_TRANSLATE_NOOP("errors", "The same VIN is given twice."),
    "vin.required": QT_TRANSLATE_NOOP(
        "errors", "Vehicle details are filled in but the VIN is empty."),
    "plate.empty": QT_TRANSLATE_NOOP("errors", "Enter the plate number."),
    "plate.format": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a Chinese plate number (for example 京A12345, or 粤BD12345 "
        "for a new-energy vehicle)."),
    "plate.unknown": QT_TRANSLATE_NOOP(
        "errors", "This customer has no vehicle {value}; give the VIN too."),
    "phone.empty": QT_TRANSLATE_NOOP("errors", "Enter a phone number."),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a valid phone number (for example 13812345678, 010-62345678 "
        "or +44 20 7946 0958; digits only)."),
    "phone.required": QT_TRANSLATE_NOOP(
        "errors", "A phone number is needed for the return visit."),
    "phone.duplicate": QT_TRANSLATE_NOOP(
        "errors", "This phone number belongs to customer #{customer_id} already: pick that "
        "customer instead."),
    "email.empty": QT_TRANSLATE_NOOP("errors", "Enter the e-mail address."),
    "email.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not an e-mail address (for example wang.lei@example.com)."),
    "name.required": QT_TRANSLATE_NOOP("errors", "Enter the name."),
    "name.too_long": QT_TRANSLATE_NOOP(
        "errors", "The name has {length} characters; at most {max_length} are allowed."),
    "name.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a name: it must contain letters or Chinese characters."),
    "text.required": QT_TRANSLATE_NOOP("errors", "This field is required."),
    "text.too_long": QT_TRANSLATE_NOOP(
        "errors", "The text has {length} characters; at most {max_length} are allowed."),
    "text.control": QT_TRANSLATE_NOOP(
        "errors", "The text contains an invisible control character ({codepoint}) at position "
        "{position}; remove it (it often comes with pasted text)."),
    # --- measures (the ban on empty words)
    "measure.empty": QT_TRANSLATE_NOOP(
        "errors", "This is empty: say concretely what changes, who owns it and by when."),
    "measure.empty_words": QT_TRANSLATE_NOOP(
        "errors", "{phrases} is not a concrete measure: say what changes, who owns it and by "
        "when."),
    "measure.too_vague": QT_TRANSLATE_NOOP(
        "errors", "“{value}” is too vague: say concretely what changes, who owns it "
        "and by when."),
    # --- money, numbers, dates
    "amount.empty": QT_TRANSLATE_NOOP("errors", "Enter the amount."),
    "amount.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not an amount of money (for example 1,234.50)."),
    "amount.negative": QT_TRANSLATE_NOOP("errors", "The amount cannot be negative."),
    "amount.precision": QT_TRANSLATE_NOOP(
        "errors", "The amount {value} has more than two decimals (fen are the smallest unit)."),
    "amount.too_large": QT_TRANSLATE_NOOP("errors", "The amount {value} is too large."),
    "mileage.invalid": QT_TRANSLATE_NOOP(
        "errors", "The mileage must be a whole number of kilometres."),
    "satisfaction.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a satisfaction score; enter a whole number from 1 to 5."),
    "satisfaction.range": QT_TRANSLATE_NOOP(
        "errors", "The satisfaction score {value} is out of range; enter 1 to 5."),
    "satisfaction.required": QT_TRANSLATE_NOOP(
        "errors", "Enter the satisfaction (1–5) of the return visit."),
    "date.future": QT_TRANSLATE_NOOP(
        "errors", "{value} is in the future (it is now {now})."),
    "month.future": QT_TRANSLATE_NOOP(
        "errors", "{month} has not begun yet; choose a past month."),
    "date.too_old": QT_TRANSLATE_NOOP(
        "errors", "This date is too far back (a complaint older than a year belongs in an "
        "import; a birthday cannot be before 1900)."),
    "date.before_received": QT_TRANSLATE_NOOP(
        "errors", "This cannot be earlier than the time the complaint was received."),
    "date.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a date (use 2026-11-20 or 2026-11-20 14:30)."),
    "date.has_time": QT_TRANSLATE_NOOP("errors", "{value} should be a date only."),
    "date.order": QT_TRANSLATE_NOOP(
        "errors", "This time is earlier than a step that must come before it."),
    "visit.before_resolved": QT_TRANSLATE_NOOP(
        "errors", "A return visit cannot be earlier than the resolution."),
    "bool.invalid": QT_TRANSLATE_NOOP("errors", "{value} is not 是/否 (yes/no)."),
    "number.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a sheet number (up to 32 letters, digits, - _ /)."),
    "number.taken": QT_TRANSLATE_NOOP("errors", "The sheet {value} exists already."),
    "order_number.empty": QT_TRANSLATE_NOOP("errors", "Enter the order number."),
    "order_number.invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not an order number: use up to 40 letters, digits, ‘-’, "
        "‘_’ or ‘/’."),
    "order_number.taken": QT_TRANSLATE_NOOP("errors", "The order {number} exists already."),
    "order_number.required": QT_TRANSLATE_NOOP(
        "errors", "Order details are filled in but the order number is empty."),
    "order.not_customers": QT_TRANSLATE_NOOP(
        "errors", "That order does not belong to the customer."),
    # --- the sheet
    "customer.required": QT_TRANSLATE_NOOP("errors", "Find or create the customer first."),
    "customer.not_found": QT_TRANSLATE_NOOP(
        "errors", "That customer does not exist (or was merged into another)."),
    "customer.merged": QT_TRANSLATE_NOOP(
        "errors", "That customer was merged into another record."),
    "vehicle.not_customers": QT_TRANSLATE_NOOP(
        "errors", "That vehicle does not belong to the customer."),
    "sheet.vehicle_and_order": QT_TRANSLATE_NOOP(
        "errors", "A sheet refers to a vehicle or an order, not both."),
    "sheet.not_found": QT_TRANSLATE_NOOP("errors", "That complaint sheet does not exist."),
    "category.invalid": QT_TRANSLATE_NOOP("errors", "Choose a category from the list."),
    "store.required": QT_TRANSLATE_NOOP("errors", "Choose the store."),
    "user.not_found": QT_TRANSLATE_NOOP("errors", "Choose an active member of staff."),
    "responsible.ambiguous": QT_TRANSLATE_NOOP(
        "errors", "Several staff members are called {value}; use the user name."),
    "responsible.unknown": QT_TRANSLATE_NOOP(
        "errors", "There is no staff member {value}; add them first."),
    "resolve.area_missing": QT_TRANSLATE_NOOP(
        "errors", "Choose the responsible area before resolving."),
    "resolve.person_missing": QT_TRANSLATE_NOOP(
        "errors", "Choose the responsible person before resolving."),
    "resolve.correction_missing": QT_TRANSLATE_NOOP(
        "errors", "Describe what was done for this customer before resolving."),
    "resolve.rework_open": QT_TRANSLATE_NOOP(
        "errors", "The rework is not completed yet: enter when it was completed."),
    "action.owner_missing": QT_TRANSLATE_NOOP("errors", "Every action needs an owner."),
    "action.due_missing": QT_TRANSLATE_NOOP("errors", "Every action needs a due date."),
    "action.foreign": QT_TRANSLATE_NOOP("errors", "That action belongs to another sheet."),
    "action.not_found": QT_TRANSLATE_NOOP("errors", "That action is not on this sheet."),
    "state.invalid": QT_TRANSLATE_NOOP("errors", "Unknown state."),
    "state.mismatch": QT_TRANSLATE_NOOP(
        "errors", "This value does not fit the sheet's state (fill the state, or clear it)."),
    # --- workflow
    "workflow.state": QT_TRANSLATE_NOOP(
        "errors", "“{action}” is not possible while the sheet is “{state}”."),
    "workflow.closed": QT_TRANSLATE_NOOP(
        "errors", "The sheet is closed; reopen it to change it."),
    "close.no_visit": QT_TRANSLATE_NOOP(
        "errors", "Closing needs a return visit with the customer's satisfaction recorded."),
    "conflict": QT_TRANSLATE_NOOP(
        "errors", "{saved_by} saved this record at {saved_at}, after you opened it. Your input "
        "is kept; reload to see their changes."),
    # --- people, login, roles
    "auth.failed": QT_TRANSLATE_NOOP("errors", "Wrong user name or password."),
    "auth.locked": QT_TRANSLATE_NOOP(
        "errors", "Too many failed attempts: this account is locked until {until}. Try again "
        "then, or ask the administrator to set a new password."),
    "auth.required": QT_TRANSLATE_NOOP("errors", "Log in as an administrator to add users."),
    "auth.unknown_user": QT_TRANSLATE_NOOP(
        "errors", "Your user no longer exists; log in again."),
    "permission.inactive": QT_TRANSLATE_NOOP(
        "errors", "This user is deactivated; ask the administrator."),
    "username.invalid": QT_TRANSLATE_NOOP(
        "errors", "User names use 2–60 letters, digits, ‘.’, ‘_’ or "
        "‘-’."),
    "username.taken": QT_TRANSLATE_NOOP("errors", "The user name {username} is taken."),
    "roles.unknown": QT_TRANSLATE_NOOP("errors", "Unknown role {role}."),
    "user.self_lockout": QT_TRANSLATE_NOOP(
        "errors", "You cannot remove your own administrator access."),
    "password.too_short": QT_TRANSLATE_NOOP(
        "errors", "The password needs at least {minimum} characters."),
    "password.too_simple": QT_TRANSLATE_NOOP(
        "errors", "Use letters and digits (or other characters) together."),
    "password.wrong": QT_TRANSLATE_NOOP("errors", "The current password is wrong."),
    "password.mismatch": QT_TRANSLATE_NOOP("errors", "The two passwords differ."),
    # --- setup and settings
    "setup.done": QT_TRANSLATE_NOOP("errors", "This database is set up already."),
    "store_code.invalid": QT_TRANSLATE_NOOP(
        "errors", "The store code is 1–8 letters or digits starting with a letter (it "
        "prefixes sheet numbers, e.g. TS-2026-000123)."),
    "store_code.taken": QT_TRANSLATE_NOOP(
        "errors", "A store with the code {store_code} exists already."),
    "preset.unknown": QT_TRANSLATE_NOOP("errors", "Unknown preset {preset}."),
    "calendar.hours_order": QT_TRANSLATE_NOOP(
        "errors", "The opening time {opening} must be before the closing time {closing}."),
    "calendar.both": QT_TRANSLATE_NOOP(
        "errors", "{date} is both a holiday and a make-up working day."),
    "calendar.no_working_days": QT_TRANSLATE_NOOP(
        "errors", "The store is never open: set the opening hours of at least one weekday."),
    "calendar.time": QT_TRANSLATE_NOOP("errors", "Enter a time like 08:30."),
    "calendar.date": QT_TRANSLATE_NOOP("errors", "Enter a date like 2026-10-01."),
    "calendar.weekday": QT_TRANSLATE_NOOP("errors", "Unknown weekday {weekday}."),
    "sla.amount_positive": QT_TRANSLATE_NOOP(
        "errors", "The amount must be a positive whole number."),
    "sla.amount_unused": QT_TRANSLATE_NOOP(
        "errors", "“Before end of working day” takes no amount."),
    "sla.duplicate_rule": QT_TRANSLATE_NOOP(
        "errors", "This row is for the same channel and severity as another row."),
    "sla.no_default_rule": QT_TRANSLATE_NOOP(
        "errors", "The policy needs a row for any channel and any severity."),
    "sla.choice": QT_TRANSLATE_NOOP("errors", "{value} is not one of the choices."),
    "sla.duration": QT_TRANSLATE_NOOP(
        "errors", "The duration must be a positive whole number of minutes."),
    "sla.key_required": QT_TRANSLATE_NOOP("errors", "The policy needs a key."),
    "sla.name_required": QT_TRANSLATE_NOOP("errors", "The policy needs a name."),
    "sla.missing": QT_TRANSLATE_NOOP("errors", "{key} is missing from the policy."),
    "sla.type": QT_TRANSLATE_NOOP("errors", "Expected {expected}, got {value}."),
    "sla.version": QT_TRANSLATE_NOOP(
        "errors", "This policy was written by a newer program (format {version})."),
    "sla.pause_order": QT_TRANSLATE_NOOP("errors", "A pause cannot end before it starts."),
    "phrase.invalid": QT_TRANSLATE_NOOP("errors", "Line {line} contains a control character."),
    "phrase.too_long": QT_TRANSLATE_NOOP(
        "errors", "Line {line} has {length} characters; a phrase has at most {max_length}."),
    "phrases.empty": QT_TRANSLATE_NOOP("errors", "Keep at least one phrase."),
    "phrases.too_many": QT_TRANSLATE_NOOP("errors", "At most {maximum} phrases."),
    "category.code_invalid": QT_TRANSLATE_NOOP(
        "errors", "{value} is not a category code: use lower-case letters, digits and "
        "‘_’, starting with a letter."),
    "category.code_repeated": QT_TRANSLATE_NOOP("errors", "The code {value} is used twice."),
    "category.in_use": QT_TRANSLATE_NOOP(
        "errors", "The category “{name}” is used by complaint sheets and cannot be "
        "removed."),
    "categories.empty": QT_TRANSLATE_NOOP("errors", "Keep at least one category."),
    "categories.too_many": QT_TRANSLATE_NOOP("errors", "At most {maximum} categories."),
    "retention.invalid": QT_TRANSLATE_NOOP("errors", "Keep records from 1 to 30 years."),
    "lang.unknown": QT_TRANSLATE_NOOP("errors", "Unknown language {value}."),
    "period.order": QT_TRANSLATE_NOOP("errors", "The period must end after it starts."),
    "period.length": QT_TRANSLATE_NOOP("errors", "The period must be 1 to 3660 days long."),
    "merge.same": QT_TRANSLATE_NOOP("errors", "Choose two different customers."),
    "merge.already": QT_TRANSLATE_NOOP("errors", "One of the customers was merged already."),
    # --- import / export
    "import.kind": QT_TRANSLATE_NOOP("errors", "Unknown template {kind}."),
    "import.encoding": QT_TRANSLATE_NOOP(
        "errors", "The file is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8” "
        "or as an Excel workbook."),
    "import.csv": QT_TRANSLATE_NOOP("errors", "The CSV file cannot be read."),
    "import.unreadable": QT_TRANSLATE_NOOP("errors", "This is not a readable Excel workbook."),
    "import.missing": QT_TRANSLATE_NOOP("errors", "The file does not exist."),
    "import.format": QT_TRANSLATE_NOOP("errors", "Use a .csv or .xlsx file."),
    "import.empty": QT_TRANSLATE_NOOP(
        "errors", "The file is empty: the first line must hold the column headers."),
    "import.too_many": QT_TRANSLATE_NOOP(
        "errors", "The file has more than {maximum} rows; split it."),
    "import.header": QT_TRANSLATE_NOOP(
        "errors", "Line 1: check the columns {columns} against the template's headers."),
    "export.format": QT_TRANSLATE_NOOP("errors", "Choose CSV or Excel."),
    # --- demo data, reports
    "demo.customers": QT_TRANSLATE_NOOP(
        "errors", "The number of customers must be 1 to 5,000,000."),
    "demo.sheets": QT_TRANSLATE_NOOP("errors", "The number of sheets must be 0 to 20,000,000."),
    "demo.not_empty": QT_TRANSLATE_NOOP(
        "errors", "This database already has customers or complaint sheets; demo data goes "
        "only into an empty one."),
    "demo.no_database": QT_TRANSLATE_NOOP("errors", "Demo data needs a SQL database."),
    "format.unknown": QT_TRANSLATE_NOOP("errors", "Unknown format {value}; choose PDF, CSV or "
                                        "Excel."),
    "letter.empty": QT_TRANSLATE_NOOP("errors", "The letter is empty."),
    "letter.too_long": QT_TRANSLATE_NOOP(
        "errors", "The letter is longer than {max} characters."),
    # --- storage
    "storage.network_path": QT_TRANSLATE_NOOP(
        "errors", "The database file is on a network drive, where SQLite cannot be shared "
        "safely. Use a local file, or a PostgreSQL server for several desks."),
    "storage.open_failed": QT_TRANSLATE_NOOP(
        "errors", "The database {location} cannot be opened: {reason}"),
    "storage.url_empty": QT_TRANSLATE_NOOP(
        "errors", "Enter a file path or a postgresql:// address."),
    "storage.url_invalid": QT_TRANSLATE_NOOP("errors", "This is not a database address: {reason}"),
    "config.unreadable": QT_TRANSLATE_NOOP(
        "errors", "The configuration file cannot be read; fix or delete it."),
    "backup.missing": QT_TRANSLATE_NOOP("errors", "There is no database to back up."),
    "restore.missing": QT_TRANSLATE_NOOP("errors", "The backup file does not exist."),
    "restore.not_sqlite": QT_TRANSLATE_NOOP("errors", "This file is not a SQLite database."),
    "restore.not_helpdesk": QT_TRANSLATE_NOOP("errors", "This file is not a Helpdesk database."),
    "restore.damaged": QT_TRANSLATE_NOOP("errors", "This database file is damaged."),
}

# Codes whose first part is the field name, built at run time (``channel.invalid``...).
_SHAPES: dict[str, str] = {
    ".invalid": QT_TRANSLATE_NOOP("errors", "{value} is not one of the choices."),
    ".required": QT_TRANSLATE_NOOP("errors", "This field is required."),
    ".repeated": QT_TRANSLATE_NOOP("errors", "The same value is on line {line} already."),
    ".not_found": QT_TRANSLATE_NOOP("errors", "It does not exist (any more)."),
    ".not_customers": QT_TRANSLATE_NOOP("errors", "It does not belong to the customer."),
}

_PERMISSION_TEMPLATE = QT_TRANSLATE_NOOP("errors", "Only {roles} may {what}.")

# What each permission lets a person do, as the end of "Only … may …".
PERMISSION_ACTIONS: dict[str, str] = {
    Permission.VIEW_SHEETS: QT_TRANSLATE_NOOP("errors", "see complaint sheets"),
    Permission.REGISTER_SHEET: QT_TRANSLATE_NOOP("errors", "register complaints"),
    Permission.EDIT_SHEET: QT_TRANSLATE_NOOP("errors", "correct complaint sheets"),
    Permission.ACKNOWLEDGE: QT_TRANSLATE_NOOP("errors", "acknowledge complaints"),
    Permission.ASSIGN: QT_TRANSLATE_NOOP("errors", "assign the responsible person"),
    Permission.ADD_PROGRESS: QT_TRANSLATE_NOOP("errors", "add to the progress log"),
    Permission.RECORD_ANALYSIS: QT_TRANSLATE_NOOP(
        "errors", "record the root cause, correction and measures"),
    Permission.WAIT_FOR_CUSTOMER: QT_TRANSLATE_NOOP("errors", "pause a sheet for the customer"),
    Permission.RESOLVE: QT_TRANSLATE_NOOP("errors", "resolve complaints"),
    Permission.RETURN_VISIT: QT_TRANSLATE_NOOP("errors", "record return visits"),
    Permission.VISIT_AFTER_REWORK: QT_TRANSLATE_NOOP(
        "errors", "make the return visit after rework"),
    Permission.CLOSE: QT_TRANSLATE_NOOP("errors", "close complaint sheets"),
    Permission.REOPEN: QT_TRANSLATE_NOOP("errors", "reopen complaint sheets"),
    Permission.REOPEN_CLOSED: QT_TRANSLATE_NOOP("errors", "reopen closed complaint sheets"),
    Permission.OVERRIDE_VIN_CHECK: QT_TRANSLATE_NOOP(
        "errors", "accept a VIN whose check digit does not match"),
    Permission.MANAGE_CUSTOMERS: QT_TRANSLATE_NOOP("errors", "create and edit customers"),
    Permission.MERGE_CUSTOMERS: QT_TRANSLATE_NOOP("errors", "merge customers"),
    Permission.VIEW_PERSONAL_DATA: QT_TRANSLATE_NOOP("errors", "see personal data"),
    Permission.EXPORT_PERSONAL_DATA: QT_TRANSLATE_NOOP("errors", "export personal data"),
    Permission.IMPORT_DATA: QT_TRANSLATE_NOOP("errors", "import data"),
    Permission.VIEW_REPORTS: QT_TRANSLATE_NOOP("errors", "see reports"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("errors", "manage users"),
    Permission.MANAGE_SETTINGS: QT_TRANSLATE_NOOP("errors", "change settings"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("errors", "see the audit trail"),
}

_UNEXPECTED = QT_TRANSLATE_NOOP(
    "errors", "Something went wrong: {message}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _shown(value: Any) -> str:
    """A parameter as a person reads it."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple | frozenset | set):
        separator = "\u3001" if i18n.current_language().startswith("zh") else ", "
        return separator.join(f"“{v}”" for v in value)
    return str(value)


def _roles(allowed: str) -> str:
    roles = []
    for part in str(allowed).split(","):
        try:
            roles.append(Role(part.strip()))
        except ValueError:
            continue
    return labels.roles_text(roles)


def permission_text(permission: str, allowed: str = "") -> str:
    """"Only <roles> may <do this>." for a permission value."""
    if not allowed:
        from helpdesk.domain.users import roles_with

        try:
            allowed = ",".join(r.value for r in roles_with(Permission(permission)))
        except ValueError:
            allowed = ""
    what = PERMISSION_ACTIONS.get(permission)
    return _tr(_PERMISSION_TEMPLATE).format(
        roles=_roles(allowed), what=_tr(what) if what else permission)


def _template_for(code: str) -> str | None:
    template = TEMPLATES.get(code)
    if template is not None:
        return template
    for suffix, shape in _SHAPES.items():
        if code.endswith(suffix):
            return shape
    return None


def has_template(code: str) -> bool:
    """Whether ``code`` gets a translated text (by its own template or its shape)."""
    return code.startswith("permission.") or _template_for(code) is not None


def format_code(code: str, params: Mapping[str, Any], fallback: str = "") -> str:
    """The translated text for ``code`` with ``params`` (``fallback`` when unknown)."""
    if code.startswith("permission.") and code != "permission.inactive":
        permission = str(params.get("permission") or code.split(".", 1)[1])
        return permission_text(permission, str(params.get("allowed", "")))
    template = _template_for(code)
    if template is None:
        return fallback
    shown = {key: _shown(value) for key, value in params.items()}
    if code == "conflict":
        shown.setdefault("saved_by", "")
        if not shown["saved_by"]:
            shown["saved_by"] = _tr("Another user")
        if params.get("saved_at") is None:
            shown["saved_at"] = "?"
    try:
        return _tr(template).format(**shown)
    except (KeyError, IndexError, ValueError):
        return fallback or _tr(template)


def error_text(error: HelpdeskError) -> str:
    """The user's-language text of ``error`` (falls back to its English message)."""
    if isinstance(error, ValidationErrors):
        return "\n".join(error_text(e) for e in error.errors) or error.message
    return format_code(error.code, error.params, error.message)


def unexpected_text(exc: BaseException) -> str:
    """For an exception that is not one of ours (a bug, a lost connection)."""
    return _tr(_UNEXPECTED).format(message=str(exc) or type(exc).__name__)
