"""Service-level deadlines: when a complaint must be answered and when resolved.

A :class:`SlaPolicy` holds one :class:`SlaRule` per (channel, severity) combination the
store cares about; each rule says, as a :class:`DueSpec`, how the response and the
resolution deadlines are counted from the moment the complaint was received. The
arithmetic runs on a :class:`~helpdesk.domain.calendar.StoreCalendar`, so "30 minutes"
can mean 30 minutes of the store's open time.

Policies are stored as JSON and edited by the administrator: ``to_dict``/``from_dict``
round-trip them, and ``from_dict`` validates what it reads.

All datetimes are naive local wall-clock time of the store; durations are ``timedelta``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError

_E = TypeVar("_E", bound=StrEnum)

POLICY_FORMAT_VERSION = 1
"""Version of the JSON written by :meth:`SlaPolicy.to_dict`."""

NEAR_SHARE = 3
"""The warning window is the last 1/NEAR_SHARE of the time a deadline allows."""

NEAR_MINIMUM = timedelta(minutes=10)
"""… but never shorter than this (and this when the start is unknown)."""


@dataclass(frozen=True)
class WarningWindow:
    """The warning window's size (issue 9: the administrator's setting).

    Attributes:
        share: the last 1/``share`` of the time allowed (3: the last third).
        minimum: never shorter than this.
    """

    share: int = NEAR_SHARE
    minimum: timedelta = NEAR_MINIMUM

    SHARES: ClassVar[tuple[int, ...]] = (2, 3, 4, 5, 6, 8, 10)
    MAX_MINIMUM: ClassVar[timedelta] = timedelta(hours=24)

    def to_dict(self) -> dict[str, int]:
        return {"share": self.share, "minimum_minutes": int(self.minimum.total_seconds() // 60)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> WarningWindow:
        """The stored setting; what cannot be read falls back to the default."""
        if not data:
            return cls()
        try:
            share = int(data.get("share", NEAR_SHARE))
            minimum = timedelta(minutes=int(data.get("minimum_minutes", 10)))
        except (TypeError, ValueError):
            return cls()
        if share not in cls.SHARES or not timedelta(0) <= minimum <= cls.MAX_MINIMUM:
            return cls()
        return cls(share, minimum)


_window = WarningWindow()


def set_warning_window(window: WarningWindow | None) -> None:
    """Use ``window`` from now on (the services set the store's at login)."""
    global _window  # noqa: PLW0603 - one setting every judgement of "near" reads
    _window = window or WarningWindow()


def warning_window() -> WarningWindow:
    return _window


def near_window(start: datetime | None, due: datetime,
                window: WarningWindow | None = None) -> timedelta:
    """How close a deadline counts as near (amber, "due soon"): the last third of the
    time allowed from ``start`` to ``due``, at least :data:`NEAR_MINIMUM`. A 2-hour
    response turns amber 40 minutes before it falls due, a 3-day resolution one day
    before; one rule for response and resolution alike. The share and the minimum are
    the store's setting (:func:`set_warning_window`) unless ``window`` is given."""
    w = window or _window
    if start is None or due <= start:
        return w.minimum
    return max(w.minimum, (due - start) / w.share)


class DueKind(StrEnum):
    """How a deadline is counted from its start."""

    WORKING_MINUTES = "working_minutes"
    """``amount`` minutes of the store's open time."""
    CALENDAR_MINUTES = "calendar_minutes"
    """``amount`` minutes elapsed; the clock never stops."""
    END_OF_WORKDAY = "end_of_workday"
    """Before 下班: closing time of the day received, or of the next working day if
    received after closing or on a closed day. ``amount`` is unused (0)."""
    WORKING_DAYS = "working_days"
    """Same clock time ``amount`` working days later
    (:meth:`StoreCalendar.add_working_days`)."""
    CALENDAR_DAYS = "calendar_days"
    """``amount`` × 24 hours elapsed."""


# Kinds whose clock stops when the store is closed; pauses are measured on that clock.
_WORKING_CLOCK = frozenset({DueKind.WORKING_MINUTES, DueKind.END_OF_WORKDAY, DueKind.WORKING_DAYS})


@dataclass(frozen=True)
class DueSpec:
    """How one deadline is counted.

    Attributes:
        kind: the clock and unit.
        amount: how many units; 0 for :attr:`DueKind.END_OF_WORKDAY`.
    """

    kind: DueKind
    amount: int = 0

    @property
    def on_working_clock(self) -> bool:
        """Whether the deadline only advances while the store is open."""
        return self.kind in _WORKING_CLOCK

    def validate(self, field: str = "due") -> None:
        """Check the amount suits the kind.

        Raises:
            ValidationError: ``sla.amount_positive`` or ``sla.amount_unused``.
        """
        if self.kind == DueKind.END_OF_WORKDAY:
            if self.amount != 0:
                raise ValidationError(
                    f"{field}.amount",
                    "sla.amount_unused",
                    "'end of the working day' takes no amount",
                    amount=self.amount,
                )
        elif self.amount <= 0:
            raise ValidationError(
                f"{field}.amount",
                "sla.amount_positive",
                f"the amount must be a positive whole number, not {self.amount}",
                amount=self.amount,
            )

    def describe(self) -> str:
        """English text for logs and the CLI, e.g. ``"30 working minutes"``."""
        n = self.amount
        match self.kind:
            case DueKind.WORKING_MINUTES:
                if n >= 60 and n % 60 == 0:
                    return _plural(n // 60, "working hour")
                return _plural(n, "working minute")
            case DueKind.CALENDAR_MINUTES:
                if n >= 60 and n % 60 == 0:
                    return _plural(n // 60, "hour")
                return _plural(n, "minute")
            case DueKind.END_OF_WORKDAY:
                return "end of the working day"
            case DueKind.WORKING_DAYS:
                return _plural(n, "working day")
            case DueKind.CALENDAR_DAYS:
                return _plural(n, "day")
        raise ValueError(f"unknown due kind {self.kind!r}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"kind": self.kind.value, "amount": self.amount}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], field: str = "due") -> DueSpec:
        """Read and validate the form written by :meth:`to_dict`.

        Args:
            data: the mapping read from JSON.
            field: where ``data`` sits in the policy, for error messages.

        Raises:
            ValidationError: unknown kind, missing or wrong amount.
        """
        spec = cls(
            kind=_enum(DueKind, _get(data, "kind", field), f"{field}.kind"),
            amount=_int(data.get("amount", 0), f"{field}.amount"),
        )
        spec.validate(field)
        return spec


@dataclass(frozen=True)
class SlaRule:
    """The deadlines for complaints of one channel and severity.

    Attributes:
        channel: the channel it applies to; ``None`` = any channel.
        severity: the severity it applies to; ``None`` = any severity.
        response: how long until the complaint must be acknowledged (响应).
        resolution: how long until it must be resolved or closed (解决/关闭).
        escalate_to_oem: major cases go to the manufacturer too (e.g. its PR department).
        note: what the deadline means in the store's own words, shown to staff.
    """

    channel: Channel | None
    severity: Severity | None
    response: DueSpec
    resolution: DueSpec
    escalate_to_oem: bool = False
    note: str = ""

    @property
    def specificity(self) -> int:
        """Rank among matching rules: channel+severity 3, channel 2, severity 1, any 0."""
        return (2 if self.channel is not None else 0) + (1 if self.severity is not None else 0)

    def matches(self, channel: Channel, severity: Severity) -> bool:
        """Whether the rule applies to a complaint of this channel and severity."""
        return (self.channel is None or self.channel == channel) and (
            self.severity is None or self.severity == severity
        )

    def validate(self, field: str = "rule") -> None:
        """Check both deadlines.

        Raises:
            ValidationError: see :meth:`DueSpec.validate`.
        """
        self.response.validate(f"{field}.response")
        self.resolution.validate(f"{field}.resolution")

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {
            "channel": None if self.channel is None else self.channel.value,
            "severity": None if self.severity is None else self.severity.value,
            "response": self.response.to_dict(),
            "resolution": self.resolution.to_dict(),
            "escalate_to_oem": self.escalate_to_oem,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], field: str = "rule") -> SlaRule:
        """Read and validate the form written by :meth:`to_dict`.

        Raises:
            ValidationError: a value is missing or of the wrong kind.
        """
        channel = data.get("channel")
        severity = data.get("severity")
        escalate = data.get("escalate_to_oem", False)
        if not isinstance(escalate, bool):
            raise _type_error(f"{field}.escalate_to_oem", "true or false", escalate)
        note = data.get("note", "")
        if not isinstance(note, str):
            raise _type_error(f"{field}.note", "text", note)
        rule = cls(
            channel=None if channel is None else _enum(Channel, channel, f"{field}.channel"),
            severity=None if severity is None else _enum(Severity, severity, f"{field}.severity"),
            response=DueSpec.from_dict(
                _mapping(_get(data, "response", field), f"{field}.response"), f"{field}.response"
            ),
            resolution=DueSpec.from_dict(
                _mapping(_get(data, "resolution", field), f"{field}.resolution"),
                f"{field}.resolution",
            ),
            escalate_to_oem=escalate,
            note=note,
        )
        rule.validate(field)
        return rule


@dataclass(frozen=True)
class SlaPolicy:
    """A named set of deadline rules, chosen at setup and edited by the administrator.

    Attributes:
        key: stable identifier, e.g. ``"dealership"``.
        name: English display name.
        rules: the rules; the most specific matching one wins, and one must match
            everything (channel and severity both ``None``).
        progress_update_every: while open, tell the customer how it is going this often.
        satisfaction_check_within: ask about satisfaction this long after resolution.
        first_visit_within: first return visit this long after delivery.
        enquiry_response: deadline for answering a plain enquiry (not a complaint).
    """

    key: str
    name: str
    rules: tuple[SlaRule, ...]
    progress_update_every: timedelta | None = None
    satisfaction_check_within: timedelta | None = None
    first_visit_within: timedelta | None = None
    enquiry_response: DueSpec | None = None

    def __post_init__(self) -> None:
        # Accept any sequence from callers but keep the policy immutable and hashable.
        object.__setattr__(self, "rules", tuple(self.rules))

    @classmethod
    def create(
        cls,
        key: str,
        name: str,
        rules: Iterable[SlaRule],
        *,
        progress_update_every: timedelta | None = None,
        satisfaction_check_within: timedelta | None = None,
        first_visit_within: timedelta | None = None,
        enquiry_response: DueSpec | None = None,
    ) -> SlaPolicy:
        """Build a policy and :meth:`validate` it.

        Raises:
            ValidationError: e.g. ``sla.no_default_rule`` when no rule matches everything.
        """
        policy = cls(
            key=key,
            name=name,
            rules=tuple(rules),
            progress_update_every=progress_update_every,
            satisfaction_check_within=satisfaction_check_within,
            first_visit_within=first_visit_within,
            enquiry_response=enquiry_response,
        )
        policy.validate()
        return policy

    def validate(self) -> None:
        """Check the policy can answer every complaint and its numbers make sense.

        Raises:
            ValidationError: the first problem found, with codes ``sla.key_required``,
                ``sla.name_required``, ``sla.amount_positive``, ``sla.amount_unused``,
                ``sla.duplicate_rule``, ``sla.no_default_rule`` or ``sla.duration``.
        """
        if not self.key.strip():
            raise ValidationError("key", "sla.key_required", "the policy needs a key")
        if not self.name.strip():
            raise ValidationError("name", "sla.name_required", "the policy needs a name")
        seen: dict[tuple[Channel | None, Severity | None], int] = {}
        for index, rule in enumerate(self.rules):
            rule.validate(f"rules[{index}]")
            scope = (rule.channel, rule.severity)
            if scope in seen:
                # Two rules for the same scope would make the choice depend on order.
                raise ValidationError(
                    f"rules[{index}]",
                    "sla.duplicate_rule",
                    f"rule {index + 1} applies to the same channel and severity as rule "
                    f"{seen[scope] + 1}",
                    index=index,
                    other=seen[scope],
                )
            seen[scope] = index
        if (None, None) not in seen:
            raise _no_default_rule()
        for name in ("progress_update_every", "satisfaction_check_within", "first_visit_within"):
            value: timedelta | None = getattr(self, name)
            if value is not None and (value <= timedelta(0) or value % timedelta(minutes=1)):
                raise ValidationError(
                    name,
                    "sla.duration",
                    f"{name.replace('_', ' ')} must be a positive whole number of minutes",
                    value=value,
                )
        if self.enquiry_response is not None:
            self.enquiry_response.validate("enquiry_response")

    def rule_for(self, channel: Channel, severity: Severity) -> SlaRule:
        """The most specific rule matching the channel and severity.

        Raises:
            ValidationError: ``sla.no_default_rule`` if nothing matches (only possible
                for a policy that skipped :meth:`validate`).
        """
        matching = [rule for rule in self.rules if rule.matches(channel, severity)]
        if not matching:
            raise _no_default_rule()
        return max(matching, key=lambda rule: rule.specificity)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form; durations are whole minutes."""
        return {
            "version": POLICY_FORMAT_VERSION,
            "key": self.key,
            "name": self.name,
            "rules": [rule.to_dict() for rule in self.rules],
            "progress_update_every_minutes": _minutes(self.progress_update_every),
            "satisfaction_check_within_minutes": _minutes(self.satisfaction_check_within),
            "first_visit_within_minutes": _minutes(self.first_visit_within),
            "enquiry_response": None
            if self.enquiry_response is None
            else self.enquiry_response.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaPolicy:
        """Read and validate the form written by :meth:`to_dict`.

        Raises:
            ValidationError: ``sla.version`` for JSON from a newer program, or any
                problem :meth:`validate` finds.
        """
        version = data.get("version", POLICY_FORMAT_VERSION)
        if version != POLICY_FORMAT_VERSION:
            raise ValidationError(
                "version",
                "sla.version",
                f"unknown SLA policy format version {version!r}",
                version=version,
            )
        key = _get(data, "key", "key")
        name = _get(data, "name", "name")
        for field, value in (("key", key), ("name", name)):
            if not isinstance(value, str):
                raise _type_error(field, "text", value)
        raw_rules = _get(data, "rules", "rules")
        if not isinstance(raw_rules, list):
            raise _type_error("rules", "a list", raw_rules)
        rules = [
            SlaRule.from_dict(_mapping(raw, f"rules[{i}]"), f"rules[{i}]")
            for i, raw in enumerate(raw_rules)
        ]
        enquiry = data.get("enquiry_response")
        return cls.create(
            key,
            name,
            rules,
            progress_update_every=_duration(data, "progress_update_every"),
            satisfaction_check_within=_duration(data, "satisfaction_check_within"),
            first_visit_within=_duration(data, "first_visit_within"),
            enquiry_response=None
            if enquiry is None
            else DueSpec.from_dict(_mapping(enquiry, "enquiry_response"), "enquiry_response"),
        )


# -- presets -------------------------------------------------------------------------

_THREE_WORKING_DAYS = DueSpec(DueKind.WORKING_DAYS, 3)
_THIRTY_MINUTES = DueSpec(DueKind.WORKING_MINUTES, 30)
_END_OF_WORKDAY = DueSpec(DueKind.END_OF_WORKDAY)


def dealership_policy() -> SlaPolicy:
    """4S dealership after-sales, from the store's complaint procedure (seed 003, 篇1).

    "3天" is read as 3 working days of the store (:attr:`DueKind.WORKING_DAYS`): the
    procedure is written for the after-sales department, which counts its own working
    days, and a complaint received on the eve of a closure (e.g. Spring Festival) must
    not fall overdue while nobody is there to work on it. For a store open every day it
    is the same as 3 calendar days.
    """

    # Every rule resolves in 3 working days; only the response differs.
    def rule(
        channel: Channel | None,
        severity: Severity | None,
        response: DueSpec,
        note: str,
        *,
        escalate: bool = False,
    ) -> SlaRule:
        return SlaRule(channel, severity, response, _THREE_WORKING_DAYS, escalate, note)

    return SlaPolicy.create(
        "dealership",
        "Dealership after-sales",
        [
            rule(
                Channel.CARE_VISIT,
                Severity.MAJOR,
                _THIRTY_MINUTES,
                "Hand the sheet to the service director at once; respond within 30 minutes.",
            ),
            rule(
                Channel.CARE_VISIT,
                Severity.GENERAL,
                _END_OF_WORKDAY,
                "Hand the sheet to the service director before the end of the working day.",
            ),
            rule(
                Channel.RECEPTION,
                Severity.MAJOR,
                _THIRTY_MINUTES,
                "Hand the sheet to the service director at once; respond within 30 minutes.",
            ),
            rule(
                Channel.RECEPTION,
                Severity.GENERAL,
                _END_OF_WORKDAY,
                "Hand the sheet to the service director before the end of the working day.",
            ),
            rule(
                Channel.OEM_HOTLINE,
                None,
                DueSpec(DueKind.WORKING_MINUTES, 180),
                "The service director contacts the person responsible within 3 hours; "
                "close the manufacturer's work order within 3 days.",
            ),
            rule(
                Channel.MEDIA,
                None,
                _THIRTY_MINUTES,
                "The marketing manager hands the sheet to the service director within "
                "30 minutes and works with the media to have the report withdrawn.",
            ),
            rule(
                Channel.MEDIA,
                Severity.MAJOR,
                _THIRTY_MINUTES,
                "The marketing manager hands the sheet to the service director within "
                "30 minutes; escalate to the manufacturer's PR department.",
                escalate=True,
            ),
            rule(
                None,
                Severity.MAJOR,
                _THIRTY_MINUTES,
                "Major complaint: hand to the service director at once; respond within 30 minutes.",
            ),
            rule(
                None,
                None,
                _END_OF_WORKDAY,
                "Hand the sheet to the service director before the end of the working day.",
            ),
        ],
    )


def retail_policy() -> SlaPolicy:
    """Retail store (seed 004): respond within 24 h, resolve within 48 h.

    Both run on the clock, not on open hours, because the promise is made to the
    customer in hours. Enquiries are answered within 30 minutes of open time.
    """
    return SlaPolicy.create(
        "retail",
        "Retail store",
        [
            SlaRule(
                None,
                None,
                DueSpec(DueKind.CALENDAR_MINUTES, 24 * 60),
                DueSpec(DueKind.CALENDAR_MINUTES, 48 * 60),
                note="Respond within 24 hours and resolve within 48 hours.",
            )
        ],
        enquiry_response=_THIRTY_MINUTES,
    )


def crm_policy() -> SlaPolicy:
    """General customer-relationship management (seed 002).

    Respond within 1 working hour. Urgent-and-important cases must also have a plan
    within 2 hours; the program has no separate "plan" deadline, so that promise is the
    rule's note, and the resolution stays at 3 calendar days for every case. Progress
    goes to the customer every 24 h, satisfaction is checked within 24 h of resolution
    and the first return visit is within 3 days of delivery.
    """
    one_hour = DueSpec(DueKind.WORKING_MINUTES, 60)
    three_days = DueSpec(DueKind.CALENDAR_DAYS, 3)
    return SlaPolicy.create(
        "crm",
        "General CRM",
        [
            SlaRule(
                None,
                Severity.MAJOR,
                one_hour,
                three_days,
                note="Urgent and important: respond within 1 hour and present a plan "
                "within 2 hours (green channel).",
            ),
            SlaRule(
                None,
                None,
                one_hour,
                three_days,
                note="Respond within 1 hour; tell the customer how it is going every 24 hours.",
            ),
        ],
        progress_update_every=timedelta(hours=24),
        satisfaction_check_within=timedelta(hours=24),
        first_visit_within=timedelta(days=3),
    )


PRESETS: dict[str, Callable[[], SlaPolicy]] = {
    "dealership": dealership_policy,
    "retail": retail_policy,
    "crm": crm_policy,
}
"""Policies offered at setup, by key."""


# -- deadlines -----------------------------------------------------------------------


@dataclass(frozen=True)
class Deadlines:
    """When a complaint must be responded to and resolved.

    Attributes:
        response_due: acknowledge by then (响应).
        resolution_due: resolve or close by then, before any pause is added.
    """

    response_due: datetime
    resolution_due: datetime


def due_at(start: datetime, spec: DueSpec, calendar: StoreCalendar) -> datetime:
    """The deadline that ``spec`` sets for something that started at ``start``."""
    match spec.kind:
        case DueKind.WORKING_MINUTES:
            return calendar.add_working_minutes(start, spec.amount)
        case DueKind.CALENDAR_MINUTES:
            return start + timedelta(minutes=spec.amount)
        case DueKind.END_OF_WORKDAY:
            return calendar.next_closing(start)
        case DueKind.WORKING_DAYS:
            return calendar.add_working_days(start, spec.amount)
        case DueKind.CALENDAR_DAYS:
            return start + timedelta(days=spec.amount)
    raise ValueError(f"unknown due kind {spec.kind!r}")


def compute_deadlines(
    received_at: datetime,
    channel: Channel,
    severity: Severity,
    policy: SlaPolicy,
    calendar: StoreCalendar,
) -> Deadlines:
    """Response and resolution deadlines of a complaint received at ``received_at``."""
    rule = policy.rule_for(channel, severity)
    return Deadlines(
        response_due=due_at(received_at, rule.response, calendar),
        resolution_due=due_at(received_at, rule.resolution, calendar),
    )


def extend_for_pauses(
    resolution_due: datetime,
    spec: DueSpec,
    pauses: Sequence[tuple[datetime, datetime | None]],
    calendar: StoreCalendar,
    now: datetime,
) -> datetime:
    """Move the resolution deadline later by the time spent waiting for the customer.

    The paused time is measured on the clock of ``spec``: for working-time kinds
    (working minutes, working days, end of the working day) only the store's open time
    inside the pauses counts, and it is added as open time after the deadline; for
    calendar kinds the elapsed time is added as is. A pause still open (end ``None``)
    counts up to ``now``, so while it lasts the deadline keeps moving and the open time
    left does not shrink. Overlapping pauses count once; time after ``now`` is ignored.

    Pauses are counted wherever they fall, even after the deadline: refusing to pause
    an overdue complaint is the caller's decision.

    Args:
        resolution_due: the deadline from :func:`compute_deadlines`.
        spec: the resolution :class:`DueSpec` that produced it.
        pauses: (start, end) of each pause; end ``None`` while it lasts.
        calendar: the store's calendar.
        now: the current instant.

    Raises:
        ValidationError: ``sla.pause_order`` if a pause ends before it starts.
    """
    spans: list[tuple[datetime, datetime]] = []
    for index, (start, end) in enumerate(pauses):
        if end is not None and end < start:
            raise ValidationError(
                f"pauses[{index}]",
                "sla.pause_order",
                "a pause cannot end before it starts",
                start=start,
                end=end,
            )
        stop = now if end is None else min(end, now)
        if stop > start:
            spans.append((start, stop))
    merged = _merge(spans)
    if spec.on_working_clock:
        paused = sum((calendar.working_time_between(a, b) for a, b in merged), timedelta(0))
        # Adding zero would push a deadline at closing time to the next opening.
        return calendar.add_working_time(resolution_due, paused) if paused else resolution_due
    return resolution_due + sum((b - a for a, b in merged), timedelta(0))


# -- status --------------------------------------------------------------------------


class SlaState(StrEnum):
    """Where a complaint stands against one deadline."""

    MET = "met"
    """Done on or before the deadline."""
    MISSED = "missed"
    """Done, but after the deadline."""
    PENDING = "pending"
    """Not done; plenty of time left."""
    NEAR = "near"
    """Not done; the deadline is close."""
    OVERDUE = "overdue"
    """Not done; the deadline has passed."""
    PAUSED = "paused"
    """Not done; waiting for the customer, so the clock is stopped."""


@dataclass(frozen=True)
class SlaStatus:
    """A deadline judged at one instant.

    Attributes:
        state: see :class:`SlaState`.
        remaining: deadline minus now (or minus the completion time when done);
            negative when late.
        overdue: the deadline was missed (``OVERDUE`` or ``MISSED``).
    """

    state: SlaState
    remaining: timedelta
    overdue: bool


def sla_status(
    due: datetime,
    done_at: datetime | None,
    now: datetime,
    *,
    near: timedelta = timedelta(minutes=30),
    paused: bool = False,
) -> SlaStatus:
    """Judge a deadline.

    The deadline instant itself is still on time: done at ``due`` is met, and at
    ``now == due`` the complaint is near, not overdue; one second later it is overdue.

    Args:
        due: the deadline (already extended for pauses).
        done_at: when it was done, or ``None``.
        now: the current instant.
        near: how close counts as near; pass :func:`near_window`.
        paused: waiting for the customer. An overdue complaint stays ``OVERDUE``
            even when paused, so that it remains unmistakable.
    """
    if done_at is not None:
        remaining = due - done_at
        late = remaining < timedelta(0)
        return SlaStatus(SlaState.MISSED if late else SlaState.MET, remaining, late)
    remaining = due - now
    if remaining < timedelta(0):
        state = SlaState.OVERDUE
    elif paused:
        state = SlaState.PAUSED
    elif remaining <= near:
        state = SlaState.NEAR
    else:
        state = SlaState.PENDING
    return SlaStatus(state, remaining, state == SlaState.OVERDUE)


def format_remaining(td: timedelta) -> str:
    """Compact English text for logs and the CLI: ``"2 d 3 h"``, ``"45 min"``,
    ``"overdue 1 h 5 min"``.

    Shows the two largest units and drops the rest (rounding towards zero), so the time
    left is never overstated.
    """
    late = td < timedelta(0)
    total_minutes = abs(td) // timedelta(minutes=1)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        text = f"{days} d" + (f" {hours} h" if hours else "")
    elif hours:
        text = f"{hours} h" + (f" {minutes} min" if minutes else "")
    elif minutes or not abs(td):
        text = f"{minutes} min"
    else:
        text = "< 1 min"
    return f"overdue {text}" if late else text


# -- helpers -------------------------------------------------------------------------


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _merge(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _minutes(value: timedelta | None) -> int | None:
    return None if value is None else value // timedelta(minutes=1)


def _no_default_rule() -> ValidationError:
    return ValidationError(
        "rules",
        "sla.no_default_rule",
        "the policy needs a rule for any channel and any severity",
    )


def _type_error(field: str, expected: str, value: object) -> ValidationError:
    return ValidationError(
        field, "sla.type", f"expected {expected}, got {value!r}", expected=expected, value=value
    )


def _get(data: Mapping[str, Any], key: str, field: str) -> Any:
    if key not in data:
        raise ValidationError(field, "sla.missing", f"{key!r} is missing", key=key)
    return data[key]


def _mapping(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _type_error(field, "an object", value)
    return value


def _int(value: object, field: str) -> int:
    # bool is an int in Python but "amount": true is a mistake in the JSON.
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(field, "a whole number", value)
    return value


def _enum(enum: type[_E], value: object, field: str) -> _E:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(
            field,
            "sla.choice",
            f"{value!r} is not one of {choices}",
            value=value,
            choices=choices,
        ) from None


def _duration(data: Mapping[str, Any], name: str) -> timedelta | None:
    value = data.get(f"{name}_minutes")
    if value is None:
        return None
    return timedelta(minutes=_int(value, f"{name}_minutes"))
