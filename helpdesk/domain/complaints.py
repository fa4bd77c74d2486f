"""The complaint sheet (《抱怨/投诉单》) and its workflow.

A ``Sheet`` holds every field of DESIGN.md section 2. Its workflow is an explicit state
machine: ``TRANSITIONS`` says from which states each action may run and which
permission it needs; the ``Sheet`` methods add the guards (resolve needs a concrete
root cause and measure, close needs a return visit and the director) and record every
transition with who and when. Nothing here talks to a database: the services load a
sheet, call one method, audit and commit.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from helpdesk.domain import deadlines, validation
from helpdesk.domain import sla as sla_mod
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.enums import OPEN_STATES as OPEN_STATES
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.enums import SheetState as SheetState
from helpdesk.domain.errors import ValidationError, ValidationErrors, WorkflowError
from helpdesk.domain.users import Permission, User, roles_with

NOT_CLOSED = frozenset(SheetState) - {SheetState.CLOSED}


class ResponsibleArea(StrEnum):
    TECHNICAL = "technical"  # 技术
    SERVICE = "service"  # 服务
    PARTS = "parts"  # 配件
    SALES = "sales"  # 销售
    LOGISTICS = "logistics"  # 物流
    OTHER = "other"  # 其他


class VisitKind(StrEnum):
    AFTER_REWORK = "after_rework"  # seed 003: 返修后由服务经理或总监回访
    SATISFACTION = "satisfaction"  # seed 002: 解决后24小时内满意度确认
    FOLLOW_UP = "follow_up"


class Effectiveness(StrEnum):
    PENDING = "pending"
    EFFECTIVE = "effective"
    NOT_EFFECTIVE = "not_effective"


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    ASSIGN = "assign"
    WAIT = "wait"
    RESUME = "resume"
    RESOLVE = "resolve"
    RETURN_VISIT = "return_visit"
    CLOSE = "close"
    REOPEN = "reopen"


@dataclass(frozen=True)
class TransitionRule:
    action: Action
    sources: frozenset[SheetState]
    permission: Permission
    target: SheetState | None  # None: the method decides (e.g. assign keeps the state)


TRANSITIONS: dict[Action, TransitionRule] = {
    rule.action: rule
    for rule in (
        TransitionRule(
            Action.ACKNOWLEDGE,
            frozenset({SheetState.REGISTERED}),
            Permission.ACKNOWLEDGE,
            SheetState.ACKNOWLEDGED,
        ),
        TransitionRule(Action.ASSIGN, OPEN_STATES, Permission.ASSIGN, None),
        TransitionRule(
            Action.WAIT,
            frozenset({SheetState.IN_PROGRESS}),
            Permission.WAIT_FOR_CUSTOMER,
            SheetState.WAITING,
        ),
        TransitionRule(
            Action.RESUME,
            frozenset({SheetState.WAITING}),
            Permission.WAIT_FOR_CUSTOMER,
            SheetState.IN_PROGRESS,
        ),
        TransitionRule(
            Action.RESOLVE,
            frozenset({SheetState.IN_PROGRESS}),
            Permission.RESOLVE,
            SheetState.RESOLVED,
        ),
        TransitionRule(
            Action.RETURN_VISIT,
            frozenset({SheetState.RESOLVED, SheetState.VISITED}),
            Permission.RETURN_VISIT,
            SheetState.VISITED,
        ),
        TransitionRule(
            Action.CLOSE, frozenset({SheetState.VISITED}), Permission.CLOSE, SheetState.CLOSED
        ),
        TransitionRule(
            Action.REOPEN,
            frozenset({SheetState.RESOLVED, SheetState.VISITED, SheetState.CLOSED}),
            Permission.REOPEN,
            SheetState.IN_PROGRESS,
        ),
    )
}

# Actions the responsible person may take on "their" sheet even without the role.
_RESPONSIBLE_PERSON_MAY = frozenset(
    {Permission.WAIT_FOR_CUSTOMER, Permission.RECORD_ANALYSIS, Permission.ADD_PROGRESS}
)

DEFAULT_CATEGORIES: dict[str, tuple[str, str, str]] = {
    # code: (简体, 繁體, English)
    "repair_quality": ("维修质量", "維修質量", "Repair quality"),
    "service_attitude": ("服务态度", "服務態度", "Service attitude"),
    "waiting_time": ("维修时间/等待", "維修時間/等待", "Waiting / repair time"),
    "price": ("收费价格", "收費價格", "Price and charges"),
    "parts_supply": ("配件供应", "配件供應", "Parts supply"),
    "product_quality": ("产品质量", "產品質量", "Product quality"),
    "sales": ("销售承诺", "銷售承諾", "Sales promise"),
    "warranty": ("索赔/保修", "索賠/保修", "Warranty claim"),
    "delivery": ("交车/物流", "交車/物流", "Delivery / logistics"),
    "enquiry": ("咨询", "諮詢", "Enquiry"),
    "other": ("其他", "其他", "Other"),
}


ENQUIRY_CATEGORY = "enquiry"
"""The category whose response deadline is the policy's ``enquiry_response`` if set."""


def format_sheet_number(store_code: str, year: int, sequence: int) -> str:
    """Human-readable sheet number, per store and year: ``TS-2026-000123``."""
    return f"{store_code}-{year}-{sequence:06d}"


# issue 11: a sheet number is found by any tail people say or type (421, 000421,
# 2026-000421, TS-2026-000421).
_NUMBER_TAIL = re.compile(r"^(?:(?:([A-Z0-9]+)-)?(\d{4})-)?(\d{1,6})$")


@dataclass(frozen=True)
class NumberTail:
    """The parts of a sheet number given: the store code and year when typed, and the
    digits of the sequence as typed (``"421"`` matches ``000421``)."""

    store_code: str | None
    year: int | None
    digits: str

    def candidates(self, store_codes_years: Iterable[tuple[str, int]]) -> list[str]:
        """The full numbers this tail can mean among the stores' used (code, year)."""
        sequence = int(self.digits)
        if sequence == 0:
            return []
        out = []
        for code, year in store_codes_years:
            if self.store_code not in (None, code.upper()) or self.year not in (None, year):
                continue
            out.append(format_sheet_number(code, year, sequence))
        return sorted(set(out))


def parse_number_tail(query: str) -> NumberTail | None:
    """``query`` read as the tail of a sheet number, or None when it is not one."""
    q = "".join(query.split()).upper()
    m = _NUMBER_TAIL.match(q)
    if m is None:
        return None
    code, year, digits = m.groups()
    return NumberTail(code, int(year) if year else None, digits)


@dataclass(eq=False)
class ProgressEntry:
    """A dated entry of the progress log (处理记录)."""

    at: datetime
    by_id: int | None
    text: str
    customer_notified: bool = False
    id: int | None = None
    sheet_id: int | None = None


@dataclass(eq=False)
class ReturnVisit:
    """A return visit (回访) with the customer's feedback and satisfaction 1–5."""

    visited_at: datetime
    by_id: int | None
    satisfaction: int
    feedback: str = ""
    kind: VisitKind = VisitKind.SATISFACTION
    method: str = "phone"
    id: int | None = None
    sheet_id: int | None = None


@dataclass(eq=False)
class CorrectiveAction:
    """A corrective/preventive action with owner, due date and effectiveness check."""

    description: str
    owner_id: int | None
    due_date: date | None
    created_at: datetime
    done_at: datetime | None = None
    effectiveness: Effectiveness = Effectiveness.PENDING
    checked_at: datetime | None = None
    checked_by_id: int | None = None
    check_note: str = ""
    id: int | None = None
    sheet_id: int | None = None


@dataclass(eq=False)
class Transition:
    """One workflow step, kept forever: who, when, from which state to which."""

    at: datetime
    by_id: int | None
    action: str
    from_state: SheetState
    to_state: SheetState
    note: str = ""
    id: int | None = None
    sheet_id: int | None = None


@dataclass(eq=False)
class Pause:
    """A period of waiting for the customer; the resolution clock stands still."""

    started_at: datetime
    ended_at: datetime | None = None
    reason: str = ""
    id: int | None = None
    sheet_id: int | None = None


@dataclass(frozen=True)
class ActionAvailability:
    """Whether ``user`` may take ``action`` now; ``reason`` says why not (for tooltips)."""

    action: Action
    allowed: bool
    code: str = ""
    reason: str = ""


# The answers of ``Sheet.availability`` depend on the action and the state or the
# permission alone, and are frozen: each is made once (a sheet's detail asks for all ten
# actions, every time it is shown or saved).
@functools.lru_cache(maxsize=64)
def _rule_json(response: sla_mod.DueSpec, resolution: sla_mod.DueSpec) -> str:
    """The stored form of the deadlines a sheet was given (``sla_rule_json``), once per
    pair of specs (frozen values: a policy has a handful; every registration asks)."""
    return json.dumps({"response": response.to_dict(), "resolution": resolution.to_dict()},
                      sort_keys=True)


@functools.cache
def _allowed(action: Action) -> ActionAvailability:
    return ActionAvailability(action, True)


@functools.cache
def _refused_in(action: Action, state: SheetState) -> ActionAvailability:
    allowed_states = ", ".join(sorted(s.value for s in TRANSITIONS[action].sources))
    return ActionAvailability(
        action, False, "workflow.state",
        f"{action.value} is possible only when the sheet is {allowed_states} "
        f"(now {state.value})")


@functools.cache
def _refused_to(action: Action, permission: Permission) -> ActionAvailability:
    roles = ", ".join(r.value for r in roles_with(permission))
    return ActionAvailability(action, False, f"permission.{permission.value}",
                              f"only {roles} may {action.value}")


SlaView = deadlines.SheetDeadlines
"""A sheet's deadlines at one instant, as :meth:`Sheet.sla_view` judges them."""


@dataclass(eq=False)
class Sheet:
    """A complaint sheet (抱怨/投诉单). See DESIGN.md section 2 for the fields."""

    # Identity
    number: str
    store_id: int
    received_at: datetime
    received_by_id: int | None
    channel: Channel
    severity: Severity
    category: str
    # Customer (linked record plus what the desk needs on paper)
    customer_id: int | None
    customer_name: str = ""
    customer_phone: str = ""
    # Vehicle or order: one or neither
    vehicle_id: int | None = None
    order_id: int | None = None
    mileage_km: int | None = None
    # Complaint in the customer's words, and what they ask for
    description: str = ""
    customer_request: str = ""
    # Responsibility
    responsible_area: ResponsibleArea | None = None
    responsible_user_id: int | None = None
    # Analysis, correction, measure
    root_cause: str = ""
    correction: str = ""
    compensation_cents: int = 0
    long_term_measure: str = ""
    # Rework
    rework_needed: bool = False
    rework_completed_at: datetime | None = None
    # Escalation (media / regulator: major ones go to the manufacturer's PR department)
    escalated_to_oem: bool = False
    # Workflow
    state: SheetState = SheetState.REGISTERED
    acknowledged_at: datetime | None = None
    acknowledged_by_id: int | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by_id: int | None = None
    closing_remark: str = ""
    # SLA snapshot taken at registration (the policy in force then)
    response_due_at: datetime | None = None
    resolution_due_at: datetime | None = None
    base_resolution_due_at: datetime | None = None
    sla_rule_json: str = "{}"
    response_minutes: int | None = None
    resolution_minutes: int | None = None
    response_on_time: bool | None = None
    resolution_on_time: bool | None = None
    # Bookkeeping
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by_id: int | None = None
    version: int = 1
    linked_sheet_id: int | None = None  # issue 9: the earlier complaint this repeats
    progress: list[ProgressEntry] = field(default_factory=list)
    visits: list[ReturnVisit] = field(default_factory=list)
    actions: list[CorrectiveAction] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    id: int | None = None

    # ----------------------------------------------------------------- SLA
    def apply_sla(
        self, policy: sla_mod.SlaPolicy, calendar: StoreCalendar
    ) -> sla_mod.SlaRule:
        """Compute and store the deadlines from the policy in force (at registration,
        or when channel, severity or received time are corrected)."""
        rule = policy.rule_for(self.channel, self.severity)
        deadlines = sla_mod.compute_deadlines(
            self.received_at, self.channel, self.severity, policy, calendar
        )
        response_spec = rule.response
        self.response_due_at = deadlines.response_due
        if self.category == ENQUIRY_CATEGORY and policy.enquiry_response is not None:
            # Seed 004: an enquiry is answered within 30 minutes, sooner than a complaint.
            response_spec = policy.enquiry_response
            self.response_due_at = sla_mod.due_at(self.received_at, response_spec, calendar)
        self.base_resolution_due_at = deadlines.resolution_due
        self.sla_rule_json = _rule_json(response_spec, rule.resolution)
        if self.severity is Severity.MAJOR and rule.escalate_to_oem:
            self.escalated_to_oem = True
        # A correction after some waiting keeps the finished pauses (an open one is
        # counted by ``sla_view`` and ``resume``).
        ended = [p.ended_at for p in self.pauses if p.ended_at is not None]
        self._recompute_resolution_due(calendar, now=max([self.received_at, *ended]))
        # Steps already taken are measured from the corrected received time and judged
        # against the corrected deadlines.
        self.judge_steps()
        return rule

    def judge_steps(self) -> None:
        """The response and resolution minutes (from the received time, by
        :func:`elapsed_minutes`) and on-time verdicts of the steps taken: set when a step
        is taken (the desk, the import) and again when the received time or the
        deadlines are corrected."""
        if self.acknowledged_at is not None:
            self.response_minutes = elapsed_minutes(self.received_at, self.acknowledged_at)
            if self.response_due_at is not None:
                self.response_on_time = self.acknowledged_at <= self.response_due_at
        if self.resolved_at is not None:
            self.resolution_minutes = elapsed_minutes(self.received_at, self.resolved_at)
            if self.resolution_due_at is not None:
                self.resolution_on_time = self.resolved_at <= self.resolution_due_at

    def _resolution_spec(self) -> sla_mod.DueSpec:
        data = json.loads(self.sla_rule_json or "{}")
        return sla_mod.DueSpec.from_dict(data["resolution"])

    def _recompute_resolution_due(self, calendar: StoreCalendar, now: datetime) -> None:
        if self.base_resolution_due_at is None:
            return
        if not self.pauses:  # nothing to extend by: extend_for_pauses gives it back as is
            self.resolution_due_at = self.base_resolution_due_at
            return
        pauses = [(p.started_at, p.ended_at) for p in self.pauses]
        self.resolution_due_at = sla_mod.extend_for_pauses(
            self.base_resolution_due_at, self._resolution_spec(), pauses, calendar, now
        )

    @property
    def waiting_since(self) -> datetime | None:
        """When the wait for the customer still open began, or ``None``."""
        return deadlines.open_wait_start((p.started_at, p.ended_at) for p in self.pauses)

    def sla_view(self, now: datetime) -> SlaView | None:
        """Response and resolution status at ``now`` by the one deadline rule
        (:func:`deadlines.sheet_deadlines`); ``None`` before deadlines exist."""
        if self.response_due_at is None or self.resolution_due_at is None:
            return None
        return deadlines.sheet_deadlines(
            self.state,
            response_due_at=self.response_due_at,
            resolution_due_at=self.resolution_due_at,
            acknowledged_at=self.acknowledged_at,
            resolved_at=self.resolved_at,
            waiting_since=self.waiting_since,
            now=now,
            received_at=self.received_at,
        )

    # ---------------------------------------------------------- permissions
    def is_responsible(self, user: User) -> bool:
        return user.id is not None and user.id == self.responsible_user_id

    def user_may(self, user: User, permission: Permission) -> bool:
        if user.can(permission):
            return True
        return user.active and permission in _RESPONSIBLE_PERSON_MAY and self.is_responsible(user)

    def _require(self, user: User, permission: Permission) -> None:
        if not self.user_may(user, permission):
            user.require(permission)  # raises with the roles that would be allowed

    def availability(self, action: Action, user: User) -> ActionAvailability:
        if self.state not in TRANSITIONS[action].sources:
            return _refused_in(action, self.state)
        permission = self._permission(action)
        if not self.user_may(user, permission):
            return _refused_to(action, permission)
        return _allowed(action)

    def available_actions(self, user: User) -> list[ActionAvailability]:
        return [self.availability(action, user) for action in Action]

    def _check(self, action: Action, user: User) -> None:
        availability = self.availability(action, user)
        if availability.allowed:
            return
        if availability.code == "workflow.state":
            raise WorkflowError(
                availability.reason,
                code="workflow.state",
                action=action.value,
                state=self.state.value,
            )
        self._require(user, self._permission(action))

    def _permission(self, action: Action) -> Permission:
        """What ``action`` needs on this sheet now."""
        if action is Action.REOPEN and self.state is SheetState.CLOSED:
            return Permission.REOPEN_CLOSED
        if action is Action.RETURN_VISIT and self.rework_needed:
            # Seed 003: after rework the service manager or director visits the customer
            # — the visit that lets the sheet close, whatever kind the caller picks.
            return Permission.VISIT_AFTER_REWORK
        return TRANSITIONS[action].permission

    def _move(self, action: Action, to: SheetState, by: User, at: datetime, note: str = "") -> None:
        self.transitions.append(
            Transition(at=at, by_id=by.id, action=action.value, from_state=self.state,
                       to_state=to, note=note)
        )
        self.state = to

    def _require_not_closed(self, what: str) -> None:
        if self.state is SheetState.CLOSED:
            raise WorkflowError(
                f"the sheet is closed; reopen it to {what}", code="workflow.closed"
            )

    # ------------------------------------------------------------ actions
    def acknowledge(self, by: User, at: datetime, note: str = "") -> None:
        """Record the response (响应): checked against the response deadline."""
        self._check(Action.ACKNOWLEDGE, by)
        self._record_response(by, at)
        self._move(Action.ACKNOWLEDGE, SheetState.ACKNOWLEDGED, by, at, note)

    def _record_response(self, by: User, at: datetime) -> None:
        if at < self.received_at:
            raise ValidationError(
                "acknowledged_at",
                "date.before_received",
                "the response cannot be earlier than the time the complaint was received",
            )
        self.acknowledged_at = at
        self.acknowledged_by_id = by.id
        self.judge_steps()

    def assign(
        self,
        by: User,
        at: datetime,
        area: ResponsibleArea,
        responsible_user_id: int,
        note: str = "",
    ) -> None:
        """Set the responsible area and person (by the director or manager).

        Assigning an unanswered sheet is itself the response, and starts the work."""
        self._check(Action.ASSIGN, by)
        self.responsible_area = area
        self.responsible_user_id = responsible_user_id
        if self.state is SheetState.REGISTERED:
            self._record_response(by, at)
        if self.state in (SheetState.REGISTERED, SheetState.ACKNOWLEDGED):
            self._move(Action.ASSIGN, SheetState.IN_PROGRESS, by, at, note)
        else:
            self.transitions.append(
                Transition(at=at, by_id=by.id, action=Action.ASSIGN.value,
                           from_state=self.state, to_state=self.state, note=note)
            )

    def add_progress(
        self, by: User, at: datetime, text: str, customer_notified: bool = False
    ) -> ProgressEntry:
        self._require_not_closed("add progress")
        self._require(by, Permission.ADD_PROGRESS)
        text = validation.validate_text(text, field="progress", required=True, max_length=4000)
        entry = ProgressEntry(at=at, by_id=by.id, text=text, customer_notified=customer_notified)
        self.progress.append(entry)
        return entry

    def record_analysis(
        self,
        by: User,
        *,
        root_cause: str | None = None,
        correction: str | None = None,
        compensation_cents: int | None = None,
        long_term_measure: str | None = None,
        rework_needed: bool | None = None,
        rework_completed_at: datetime | None = None,
        banned_phrases: Iterable[str] = validation.DEFAULT_BANNED_PHRASES,
        now: datetime | None = None,
    ) -> None:
        """Record root cause, correction, compensation, measure and rework.

        Text may be saved while incomplete (work in progress); a measure or root cause
        that is *only* empty words is refused at once, since it will never pass."""
        self._require_not_closed("change the analysis")
        self._require(by, Permission.RECORD_ANALYSIS)
        banned = tuple(banned_phrases)
        errors: list[ValidationError] = []

        def check(fn_field: str, value: str, concrete: bool) -> str:
            try:
                if concrete and value.strip():
                    return validation.validate_measure(value, banned_phrases=banned, field=fn_field)
                return validation.validate_text(value, field=fn_field, max_length=4000)
            except ValidationError as exc:
                errors.append(exc)
                return value

        new: dict[str, object] = {}
        if root_cause is not None:
            new["root_cause"] = check("root_cause", root_cause, True)
        if correction is not None:
            new["correction"] = check("correction", correction, False)
        if long_term_measure is not None:
            new["long_term_measure"] = check("long_term_measure", long_term_measure, True)
        if compensation_cents is not None:
            if compensation_cents < 0:
                errors.append(ValidationError("compensation", "amount.negative",
                                              "compensation cannot be negative"))
            new["compensation_cents"] = compensation_cents
        if rework_completed_at is not None and now is not None:
            try:
                validation.validate_not_future(
                    rework_completed_at, now=now, field="rework_completed_at"
                )
            except ValidationError as exc:
                errors.append(exc)
            if rework_completed_at < self.received_at:
                errors.append(ValidationError(
                    "rework_completed_at", "date.before_received",
                    "rework cannot be completed before the complaint was received"))
        if errors:
            raise ValidationErrors(errors)
        for key, value in new.items():
            setattr(self, key, value)
        if rework_needed is not None:
            self.rework_needed = rework_needed
            if not rework_needed:
                self.rework_completed_at = None
        if rework_completed_at is not None:
            self.rework_completed_at = rework_completed_at

    def wait_for_customer(self, by: User, at: datetime, reason: str) -> None:
        """Pause the resolution clock while the customer is the one who must act."""
        self._check(Action.WAIT, by)
        reason = validation.validate_text(reason, field="reason", required=True, max_length=500)
        self.pauses.append(Pause(started_at=at, reason=reason))
        self._move(Action.WAIT, SheetState.WAITING, by, at, reason)

    def resume(self, by: User, at: datetime, calendar: StoreCalendar, note: str = "") -> None:
        self._check(Action.RESUME, by)
        for pause in self.pauses:
            if pause.ended_at is None:
                pause.ended_at = max(at, pause.started_at)
        self._recompute_resolution_due(calendar, now=at)
        self._move(Action.RESUME, SheetState.IN_PROGRESS, by, at, note)

    def resolve(
        self,
        by: User,
        at: datetime,
        banned_phrases: Iterable[str] = validation.DEFAULT_BANNED_PHRASES,
        note: str = "",
    ) -> None:
        """Mark the complaint solved (已解决, 待回访).

        Guards (seed 003): responsible area and person known; a concrete root cause; the
        correction done for this customer; a concrete long-term measure; finished rework.
        All missing items are reported at once, each on its own field."""
        self._check(Action.RESOLVE, by)
        banned = tuple(banned_phrases)
        errors: list[ValidationError] = []
        if self.responsible_area is None:
            errors.append(ValidationError("responsible_area", "resolve.area_missing",
                                          "choose the responsible area before resolving"))
        if self.responsible_user_id is None:
            errors.append(ValidationError("responsible_user", "resolve.person_missing",
                                          "choose the responsible person before resolving"))
        for fname, value in (("root_cause", self.root_cause),
                             ("long_term_measure", self.long_term_measure)):
            try:
                validation.validate_measure(value, banned_phrases=banned, field=fname)
            except ValidationError as exc:
                errors.append(exc)
        if not self.correction.strip():
            errors.append(ValidationError("correction", "resolve.correction_missing",
                                          "describe what was done for this customer"))
        if self.rework_needed and self.rework_completed_at is None:
            errors.append(ValidationError("rework_completed_at", "resolve.rework_open",
                                          "the rework is not completed yet"))
        if errors:
            raise ValidationErrors(errors)
        self.resolved_at = at
        self.judge_steps()
        self._move(Action.RESOLVE, SheetState.RESOLVED, by, at, note)

    def record_return_visit(
        self,
        by: User,
        at: datetime,
        satisfaction: int,
        feedback: str = "",
        kind: VisitKind = VisitKind.SATISFACTION,
        method: str = "phone",
    ) -> ReturnVisit:
        self._check(Action.RETURN_VISIT, by)
        if kind is VisitKind.AFTER_REWORK or self.rework_needed:
            # Seed 003: after rework the service manager or director visits the customer.
            by.require(Permission.VISIT_AFTER_REWORK)
            kind = VisitKind.AFTER_REWORK if self.rework_needed else kind
        satisfaction = validation.validate_satisfaction(satisfaction)
        feedback = validation.validate_text(feedback, field="feedback", max_length=4000)
        if self.resolved_at is not None and at < self.resolved_at:
            raise ValidationError("visited_at", "visit.before_resolved",
                                  "a return visit cannot be earlier than the resolution")
        visit = ReturnVisit(visited_at=at, by_id=by.id, satisfaction=satisfaction,
                            feedback=feedback, kind=kind, method=method)
        self.visits.append(visit)
        self._move(Action.RETURN_VISIT, SheetState.VISITED, by, at, f"satisfaction {satisfaction}")
        return visit

    def close(self, by: User, at: datetime, remark: str = "") -> None:
        """Close the sheet: only the service director, only after a return visit."""
        self._check(Action.CLOSE, by)
        if not any(1 <= v.satisfaction <= 5 for v in self.visits):
            raise WorkflowError("closing needs a return visit with the satisfaction recorded",
                                code="close.no_visit")
        if self.rework_needed and not any(v.kind is VisitKind.AFTER_REWORK
                                          and 1 <= v.satisfaction <= 5 for v in self.visits):
            raise WorkflowError("after rework the service manager or director must visit the "
                                "customer before the sheet closes",
                                code="close.no_rework_visit")
        self.closing_remark = validation.validate_text(remark, field="closing_remark",
                                                       max_length=2000)
        self.closed_at = at
        self.closed_by_id = by.id
        self._move(Action.CLOSE, SheetState.CLOSED, by, at, remark)

    def reopen(self, by: User, at: datetime, reason: str) -> None:
        self._check(Action.REOPEN, by)
        reason = validation.validate_text(reason, field="reason", required=True, max_length=500)
        self.resolved_at = None
        self.resolution_minutes = None
        self.resolution_on_time = None
        self.closed_at = None
        self.closed_by_id = None
        self.closing_remark = ""  # kept in the close transition's note
        self._move(Action.REOPEN, SheetState.IN_PROGRESS, by, at, reason)

    # ----------------------------------------------------- corrective actions
    def add_corrective_action(
        self,
        by: User,
        at: datetime,
        description: str,
        owner_id: int | None,
        due_date: date | None,
        banned_phrases: Iterable[str] = validation.DEFAULT_BANNED_PHRASES,
    ) -> CorrectiveAction:
        self._require_not_closed("add an action")
        self._require(by, Permission.RECORD_ANALYSIS)
        errors: list[ValidationError] = []
        try:
            description = validation.validate_measure(
                description, banned_phrases=tuple(banned_phrases), field="action_description"
            )
        except ValidationError as exc:
            errors.append(exc)
        if owner_id is None:
            errors.append(ValidationError("action_owner", "action.owner_missing",
                                          "every action needs an owner"))
        if due_date is None:
            errors.append(ValidationError("action_due", "action.due_missing",
                                          "every action needs a due date"))
        if errors:
            raise ValidationErrors(errors)
        action = CorrectiveAction(description=description, owner_id=owner_id,
                                  due_date=due_date, created_at=at)
        self.actions.append(action)
        return action

    def check_action(
        self,
        by: User,
        at: datetime,
        action: CorrectiveAction,
        effectiveness: Effectiveness,
        note: str = "",
    ) -> None:
        """Record whether a corrective action worked (效果验证)."""
        self._require(by, Permission.RECORD_ANALYSIS)
        if action not in self.actions:
            raise WorkflowError("that action belongs to another sheet", code="action.foreign")
        if action.done_at is None:
            action.done_at = at
        action.effectiveness = effectiveness
        action.checked_at = at
        action.checked_by_id = by.id
        action.check_note = validation.validate_text(note, field="check_note", max_length=2000)


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end``, rounded down, never negative: the
    response and resolution minutes (响应/解决用时) stored on a sheet, wherever it is
    acknowledged or resolved (the desk, the import)."""
    return max(0, int((end - start).total_seconds() // 60))
