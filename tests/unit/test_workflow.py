"""The complaint workflow (DESIGN.md section 2) as a state machine: every action from
every state, by every role, and the guards of resolve, close and reopen.

The expected tables are written out here from the design, not read back from
``TRANSITIONS``/``ROLE_PERMISSIONS``, so a change to either is caught.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from helpdesk.domain import sla, validation
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.complaints import (
    OPEN_STATES,
    TRANSITIONS,
    Action,
    CorrectiveAction,
    Effectiveness,
    Pause,
    ResponsibleArea,
    ReturnVisit,
    Sheet,
    SheetState,
    VisitKind,
)
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    PermissionDenied,
    ValidationError,
    ValidationErrors,
    WorkflowError,
)
from helpdesk.domain.sla import SlaState
from helpdesk.domain.users import ROLE_PERMISSIONS, Permission, Role, User

RECEIVED = datetime(2026, 11, 18, 10, 0)  # a Wednesday; the dealership opens 08:30-18:00
LATER = RECEIVED + timedelta(hours=2)
CALENDAR = StoreCalendar.dealership_default()
POLICY = sla.dealership_policy()

S = SheetState
R = Role
ALL_OPEN = {S.REGISTERED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.WAITING}

# DESIGN.md section 2 "Workflow": from which states each action may run.
EXPECTED_SOURCES: dict[Action, set[SheetState]] = {
    Action.ACKNOWLEDGE: {S.REGISTERED},
    Action.ASSIGN: ALL_OPEN,
    Action.WAIT: {S.IN_PROGRESS},
    Action.RESUME: {S.WAITING},
    Action.RESOLVE: {S.IN_PROGRESS},
    Action.RETURN_VISIT: {S.RESOLVED, S.VISITED},
    Action.CLOSE: {S.VISITED},
    Action.REOPEN: {S.RESOLVED, S.VISITED, S.CLOSED},
}
EXPECTED_TARGET: dict[Action, SheetState] = {
    Action.ACKNOWLEDGE: S.ACKNOWLEDGED,
    Action.WAIT: S.WAITING,
    Action.RESUME: S.IN_PROGRESS,
    Action.RESOLVE: S.RESOLVED,
    Action.RETURN_VISIT: S.VISITED,
    Action.CLOSE: S.CLOSED,
    Action.REOPEN: S.IN_PROGRESS,
}
# Who may take each action (section 1: only the director closes; managers and directors
# run the sheet; customer care does return visits).
EXPECTED_ROLES: dict[Action, set[Role]] = {
    Action.ACKNOWLEDGE: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.ASSIGN: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.WAIT: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.RESUME: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.RESOLVE: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.RETURN_VISIT: {R.CUSTOMER_CARE, R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
    Action.CLOSE: {R.SERVICE_DIRECTOR},
    Action.REOPEN: {R.SERVICE_MANAGER, R.SERVICE_DIRECTOR},
}
REOPEN_CLOSED_ROLES = {R.SERVICE_DIRECTOR}
# A state each action is possible from, for the role tests.
STATE_FOR: dict[Action, SheetState] = {
    Action.ACKNOWLEDGE: S.REGISTERED,
    Action.ASSIGN: S.ACKNOWLEDGED,
    Action.WAIT: S.IN_PROGRESS,
    Action.RESUME: S.WAITING,
    Action.RESOLVE: S.IN_PROGRESS,
    Action.RETURN_VISIT: S.RESOLVED,
    Action.CLOSE: S.VISITED,
    Action.REOPEN: S.VISITED,
}

ROOT_CAUSE = "技师安装刹车片时漏涂消音胶，导致制动时金属片振动异响"
CORRECTION = "重新拆装刹车片并涂消音胶，免费更换一套刹车片"
MEASURE = "车间主任王五在12月1日前修订刹车片安装作业指导书，增加涂胶检查项并签字确认"


def user(role: Role, uid: int, name: str = "") -> User:
    u = User(username=f"{role.value}{uid}", display_name=name or f"{role.value}-{uid}", id=uid)
    u.roles = {role}
    return u


USERS = {role: user(role, i + 1) for i, role in enumerate(Role)}
MANAGER = USERS[R.SERVICE_MANAGER]
DIRECTOR = USERS[R.SERVICE_DIRECTOR]
DESK = USERS[R.FRONT_DESK]
CARE = USERS[R.CUSTOMER_CARE]
# A front-desk advisor made responsible for the sheet (not one of USERS).
RESPONSIBLE = user(R.FRONT_DESK, 50, "刘洋")


def new_sheet(**fields: object) -> Sheet:
    sheet = Sheet(
        number="TS-2026-000001", store_id=1, received_at=RECEIVED, received_by_id=DESK.id,
        channel=Channel.RECEPTION, severity=Severity.GENERAL, category="repair_quality",
        customer_id=1, customer_name="张三", description="刹车有异响",
    )
    sheet.apply_sla(POLICY, CALENDAR)
    for key, value in fields.items():
        setattr(sheet, key, value)
    return sheet


def sheet_in(state: SheetState) -> Sheet:
    """A sheet in ``state`` whose guards all pass, so only state and role decide."""
    sheet = new_sheet(state=state)
    if state is S.REGISTERED:
        return sheet
    sheet.acknowledged_at = RECEIVED + timedelta(minutes=5)
    sheet.acknowledged_by_id = MANAGER.id
    if state is S.ACKNOWLEDGED:
        return sheet
    sheet.responsible_area = ResponsibleArea.TECHNICAL
    sheet.responsible_user_id = RESPONSIBLE.id
    sheet.root_cause, sheet.correction, sheet.long_term_measure = ROOT_CAUSE, CORRECTION, MEASURE
    if state is S.WAITING:
        sheet.pauses.append(Pause(started_at=RECEIVED + timedelta(minutes=30), reason="出差"))
    if state in (S.RESOLVED, S.VISITED, S.CLOSED):
        sheet.resolved_at = RECEIVED + timedelta(hours=1)
    if state in (S.VISITED, S.CLOSED):
        sheet.visits.append(ReturnVisit(visited_at=RECEIVED + timedelta(minutes=90),
                                        by_id=CARE.id, satisfaction=4))
    if state is S.CLOSED:
        sheet.closed_at = RECEIVED + timedelta(minutes=100)
        sheet.closed_by_id = DIRECTOR.id
    return sheet


def perform(sheet: Sheet, action: Action, by: User, at: datetime = LATER) -> None:
    """Take ``action`` with valid input, so only state, role and guards can refuse it."""
    match action:
        case Action.ACKNOWLEDGE:
            sheet.acknowledge(by, at, "已接手")
        case Action.ASSIGN:
            sheet.assign(by, at, ResponsibleArea.SERVICE, RESPONSIBLE.id or 0, "请跟进")
        case Action.WAIT:
            sheet.wait_for_customer(by, at, "客户出差，下周到店")
        case Action.RESUME:
            sheet.resume(by, at, CALENDAR, "客户已到店")
        case Action.RESOLVE:
            sheet.resolve(by, at, note="已处理")
        case Action.RETURN_VISIT:
            sheet.record_return_visit(by, at, 5, "满意")
        case Action.CLOSE:
            sheet.close(by, at, "结案")
        case Action.REOPEN:
            sheet.reopen(by, at, "客户再次来电投诉")


def expected_target(action: Action, state: SheetState) -> SheetState:
    if action is Action.ASSIGN:
        return S.IN_PROGRESS if state in (S.REGISTERED, S.ACKNOWLEDGED) else state
    return EXPECTED_TARGET[action]


# --------------------------------------------------------------------- the tables
def test_transition_table_is_the_designed_one() -> None:
    assert set(TRANSITIONS) == set(Action)
    for action, rule in TRANSITIONS.items():
        assert set(rule.sources) == EXPECTED_SOURCES[action], action
        if rule.target is not None:
            assert rule.target is EXPECTED_TARGET[action], action
    assert OPEN_STATES == ALL_OPEN


@pytest.mark.parametrize("action", list(Action))
def test_role_table_is_the_designed_one(action: Action) -> None:
    permission = TRANSITIONS[action].permission
    granted = {role for role in Role if permission in ROLE_PERMISSIONS[role]}
    assert granted == EXPECTED_ROLES[action]


def test_only_the_director_reopens_a_closed_sheet_and_closes() -> None:
    assert {r for r in Role if Permission.REOPEN_CLOSED in ROLE_PERMISSIONS[r]} == \
        REOPEN_CLOSED_ROLES
    assert {r for r in Role if Permission.CLOSE in ROLE_PERMISSIONS[r]} == {R.SERVICE_DIRECTOR}


# --------------------------------------------------------------- action x state
@pytest.mark.parametrize("state", list(SheetState))
@pytest.mark.parametrize("action", list(Action))
def test_every_action_from_every_state(action: Action, state: SheetState) -> None:
    sheet = sheet_in(state)
    before = len(sheet.transitions)
    # The director holds every workflow permission, so only the state can refuse.
    if state in EXPECTED_SOURCES[action]:
        assert sheet.availability(action, DIRECTOR).allowed
        perform(sheet, action, DIRECTOR)
        assert sheet.state is expected_target(action, state)
        assert len(sheet.transitions) == before + 1
        step = sheet.transitions[-1]
        assert (step.action, step.from_state, step.to_state) == (
            action.value, state, expected_target(action, state))
        assert (step.by_id, step.at) == (DIRECTOR.id, LATER)
    else:
        with pytest.raises(WorkflowError) as caught:
            perform(sheet, action, DIRECTOR)
        assert caught.value.code == "workflow.state"
        assert caught.value.params == {"action": action.value, "state": state.value}
        assert state.value in caught.value.message
        assert sheet.state is state
        assert len(sheet.transitions) == before
        refused = sheet.availability(action, DIRECTOR)
        assert (refused.allowed, refused.code) == (False, "workflow.state")


# ---------------------------------------------------------------- action x role
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_every_action_by_every_role(action: Action, role: Role) -> None:
    state = STATE_FOR[action]
    sheet = sheet_in(state)
    actor = USERS[role]
    if role in EXPECTED_ROLES[action]:
        perform(sheet, action, actor)
        assert sheet.transitions[-1].by_id == actor.id
        assert sheet.state is expected_target(action, state)
    else:
        permission = TRANSITIONS[action].permission
        with pytest.raises(PermissionDenied) as caught:
            perform(sheet, action, actor)
        error = caught.value
        assert error.code == f"permission.{permission.value}"
        allowed = [r.value for r in Role if r in EXPECTED_ROLES[action]]
        assert error.params["allowed"] == ", ".join(allowed)
        for name in allowed:
            assert name in error.message
        assert sheet.state is state
        availability = sheet.availability(action, actor)
        assert availability.allowed is False
        assert availability.code == f"permission.{permission.value}"
        assert all(name in availability.reason for name in allowed)


@pytest.mark.parametrize("role", list(Role))
def test_reopen_a_closed_sheet_is_for_the_director_only(role: Role) -> None:
    sheet = sheet_in(S.CLOSED)
    if role in REOPEN_CLOSED_ROLES:
        sheet.reopen(USERS[role], LATER, "客户投诉未解决")
        assert sheet.state is S.IN_PROGRESS
    else:
        with pytest.raises(PermissionDenied) as caught:
            sheet.reopen(USERS[role], LATER, "客户投诉未解决")
        assert caught.value.code == "permission.reopen_closed"
        assert caught.value.params["allowed"] == R.SERVICE_DIRECTOR.value
        assert sheet.state is S.CLOSED and sheet.closed_at is not None


@pytest.mark.parametrize("action", list(Action))
def test_a_deactivated_user_may_do_nothing(action: Action) -> None:
    sheet = sheet_in(STATE_FOR[action])
    gone = user(R.SERVICE_DIRECTOR, 77)
    gone.active = False
    with pytest.raises(PermissionDenied) as caught:
        perform(sheet, action, gone)
    assert caught.value.code == "permission.inactive"
    assert not sheet.availability(action, gone).allowed


# ------------------------------------------------------- the responsible person
def test_the_responsible_person_may_wait_resume_analyse_and_log_progress() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    assert not RESPONSIBLE.can(Permission.WAIT_FOR_CUSTOMER)  # only as responsible
    sheet.add_progress(RESPONSIBLE, LATER, "已电话联系客户")
    sheet.record_analysis(RESPONSIBLE, correction="已为客户更换刹车片")
    sheet.wait_for_customer(RESPONSIBLE, LATER, "客户出差")
    assert sheet.state is S.WAITING
    sheet.resume(RESPONSIBLE, LATER + timedelta(hours=1), CALENDAR)
    assert sheet.state is S.IN_PROGRESS
    assert sheet.correction == "已为客户更换刹车片"
    assert [t.by_id for t in sheet.transitions] == [RESPONSIBLE.id, RESPONSIBLE.id]
    for action in (Action.WAIT,):
        assert sheet.availability(action, RESPONSIBLE).allowed


@pytest.mark.parametrize("action", [Action.RESOLVE, Action.ACKNOWLEDGE, Action.ASSIGN,
                                    Action.CLOSE, Action.REOPEN, Action.RETURN_VISIT])
def test_the_responsible_person_gets_no_other_rights(action: Action) -> None:
    sheet = sheet_in(STATE_FOR[action])
    sheet.responsible_user_id = RESPONSIBLE.id
    with pytest.raises(PermissionDenied):
        perform(sheet, action, RESPONSIBLE)


def test_other_desk_staff_may_not_wait_or_analyse() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    with pytest.raises(PermissionDenied) as caught:
        sheet.wait_for_customer(DESK, LATER, "客户出差")
    assert caught.value.code == "permission.wait_for_customer"
    with pytest.raises(PermissionDenied) as caught:
        sheet.record_analysis(DESK, correction="更换刹车片")
    assert caught.value.code == "permission.record_analysis"
    assert sheet.state is S.IN_PROGRESS and sheet.correction == CORRECTION


def test_a_deactivated_responsible_person_loses_the_extra_rights() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    gone = user(R.FRONT_DESK, RESPONSIBLE.id or 0)
    gone.active = False
    with pytest.raises(PermissionDenied):
        sheet.wait_for_customer(gone, LATER, "客户出差")


# ------------------------------------------------------------------ resolve guards
def test_resolve_reports_every_missing_item_at_once_on_its_field() -> None:
    sheet = new_sheet(state=S.IN_PROGRESS, rework_needed=True)
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER)
    by_field = {e.field: e.code for e in caught.value.errors}
    assert by_field == {
        "responsible_area": "resolve.area_missing",
        "responsible_user": "resolve.person_missing",
        "root_cause": "measure.empty",
        "long_term_measure": "measure.empty",
        "correction": "resolve.correction_missing",
        "rework_completed_at": "resolve.rework_open",
    }
    assert sheet.state is S.IN_PROGRESS
    assert sheet.resolved_at is None and sheet.transitions == []


@pytest.mark.parametrize("missing", ["responsible_area", "responsible_user_id", "root_cause",
                                     "correction", "long_term_measure"])
def test_resolve_refuses_each_missing_item_alone(missing: str) -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    setattr(sheet, missing, None if missing.startswith("responsible") else "")
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER)
    fields = [e.field for e in caught.value.errors]
    assert fields == [missing.removesuffix("_id")]
    assert sheet.state is S.IN_PROGRESS


def test_resolve_refuses_unfinished_rework_and_accepts_finished_rework() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    sheet.rework_needed = True
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER)
    assert [e.code for e in caught.value.errors] == ["resolve.rework_open"]
    sheet.rework_completed_at = LATER - timedelta(minutes=10)
    sheet.resolve(MANAGER, LATER)
    assert sheet.state is S.RESOLVED


@pytest.mark.parametrize("field", ["root_cause", "long_term_measure"])
@pytest.mark.parametrize("phrase", ["加强培训", "加强检查", "以后注意", "提高意识"])
def test_a_banned_phrase_alone_is_refused_naming_it(field: str, phrase: str) -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    setattr(sheet, field, phrase)
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER)
    [error] = caught.value.errors
    assert (error.field, error.code) == (field, "measure.empty_words")
    assert error.params["phrases"] == (phrase,)
    assert phrase in error.message
    assert sheet.state is S.IN_PROGRESS


def test_a_banned_phrase_with_concrete_content_passes() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    sheet.long_term_measure = "加强培训：服务经理陈刚于12月5日前组织全体技师进行刹车片安装实操考核"
    sheet.root_cause = "以后注意：技师未按作业指导书第3步涂抹消音胶"
    sheet.resolve(MANAGER, LATER)
    assert sheet.state is S.RESOLVED


def test_the_administrators_extra_banned_phrases_are_enforced() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    sheet.long_term_measure = "多多关注客户感受"
    banned = (*validation.DEFAULT_BANNED_PHRASES, "多多关注客户感受")
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER, banned_phrases=banned)
    assert caught.value.errors[0].params["phrases"] == ("多多关注客户感受",)
    # Without the extension it is no longer let through for being long (issue 11): it
    # names nobody, no date and nothing that changes.
    with pytest.raises(ValidationErrors) as caught:
        sheet.resolve(MANAGER, LATER)
    assert caught.value.errors[0].code == "measure.no_signal"
    sheet.long_term_measure = "多多关注客户感受：前台每天下班前电话回访当天交车的客户"
    sheet.resolve(MANAGER, LATER)
    assert sheet.state is S.RESOLVED


def test_resolve_records_resolution_time_and_on_time_flag() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    assert sheet.resolution_due_at == datetime(2026, 11, 21, 10, 0)  # 3 working days
    sheet.resolve(MANAGER, sheet.resolution_due_at)
    assert sheet.resolution_on_time is True
    assert sheet.resolution_minutes == 3 * 24 * 60
    late = sheet_in(S.IN_PROGRESS)
    late.resolve(MANAGER, datetime(2026, 11, 21, 10, 1))
    assert late.resolution_on_time is False


# --------------------------------------------------------------- record analysis
def test_record_analysis_refuses_empty_words_at_once_and_changes_nothing() -> None:
    sheet = new_sheet(state=S.IN_PROGRESS)
    with pytest.raises(ValidationErrors) as caught:
        sheet.record_analysis(MANAGER, root_cause="注意", long_term_measure="加强管理",
                              correction="已道歉", compensation_cents=-100,
                              rework_completed_at=LATER + timedelta(days=1), now=LATER)
    assert {e.field: e.code for e in caught.value.errors} == {
        "root_cause": "measure.empty_words",
        "long_term_measure": "measure.empty_words",
        "compensation": "amount.negative",
        "rework_completed_at": "date.future",
    }
    assert (sheet.root_cause, sheet.correction, sheet.long_term_measure) == ("", "", "")
    assert sheet.compensation_cents == 0 and sheet.rework_completed_at is None


def test_record_analysis_keeps_work_in_progress_and_rework_dates() -> None:
    sheet = new_sheet(state=S.IN_PROGRESS)
    sheet.record_analysis(MANAGER, correction="已道歉", compensation_cents=20000,
                          rework_needed=True, now=LATER)
    assert (sheet.correction, sheet.compensation_cents, sheet.rework_needed) == (
        "已道歉", 20000, True)
    with pytest.raises(ValidationErrors) as caught:
        sheet.record_analysis(MANAGER, rework_completed_at=RECEIVED - timedelta(hours=1),
                              now=LATER)
    assert caught.value.errors[0].code == "date.before_received"
    sheet.record_analysis(MANAGER, rework_completed_at=LATER, now=LATER)
    assert sheet.rework_completed_at == LATER
    sheet.record_analysis(MANAGER, rework_needed=False)
    assert sheet.rework_completed_at is None


def test_a_closed_sheet_takes_no_analysis_progress_or_action() -> None:
    sheet = sheet_in(S.CLOSED)
    for attempt in (
        lambda: sheet.record_analysis(DIRECTOR, correction="x"),
        lambda: sheet.add_progress(DIRECTOR, LATER, "再次联系"),
        lambda: sheet.add_corrective_action(DIRECTOR, LATER, MEASURE, DIRECTOR.id,
                                            date(2026, 12, 1)),
    ):
        with pytest.raises(WorkflowError) as caught:
            attempt()
        assert caught.value.code == "workflow.closed"
    assert sheet.progress == [] and sheet.actions == []


def test_progress_needs_text_and_the_right() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    with pytest.raises(ValidationError) as caught:
        sheet.add_progress(DESK, LATER, "   ")
    assert (caught.value.field, caught.value.code) == ("progress", "text.required")
    with pytest.raises(PermissionDenied):
        sheet.add_progress(USERS[R.GENERAL_MANAGER], LATER, "看过了")
    entry = sheet.add_progress(DESK, LATER, "已告知客户进度", customer_notified=True)
    assert (entry.by_id, entry.at, entry.customer_notified) == (DESK.id, LATER, True)


# ----------------------------------------------------------- corrective actions
def test_a_corrective_action_needs_owner_due_date_and_concrete_words_at_once() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    with pytest.raises(ValidationErrors) as caught:
        sheet.add_corrective_action(MANAGER, LATER, "加强培训", None, None)
    assert {e.field: e.code for e in caught.value.errors} == {
        "action_description": "measure.empty_words",
        "action_owner": "action.owner_missing",
        "action_due": "action.due_missing",
    }
    assert sheet.actions == []
    action = sheet.add_corrective_action(MANAGER, LATER, MEASURE, MANAGER.id, date(2026, 12, 1))
    assert action.effectiveness is Effectiveness.PENDING
    sheet.check_action(DIRECTOR, LATER + timedelta(days=30), action, Effectiveness.EFFECTIVE,
                       "三十天内无同类投诉")
    assert (action.effectiveness, action.checked_by_id, action.done_at) == (
        Effectiveness.EFFECTIVE, DIRECTOR.id, LATER + timedelta(days=30))


def test_effectiveness_is_checked_after_closing_too() -> None:
    """Seed 003 keeps the effectiveness evaluation: it comes weeks after the close."""
    sheet = sheet_in(S.IN_PROGRESS)
    action = sheet.add_corrective_action(MANAGER, LATER, MEASURE, MANAGER.id, date(2026, 12, 1))
    sheet.state = S.CLOSED
    sheet.check_action(DIRECTOR, LATER + timedelta(days=40), action, Effectiveness.NOT_EFFECTIVE,
                       "又有两起同类投诉")
    assert (action.effectiveness, action.check_note) == (Effectiveness.NOT_EFFECTIVE,
                                                         "又有两起同类投诉")
    with pytest.raises(PermissionDenied):
        sheet.check_action(CARE, LATER, action, Effectiveness.EFFECTIVE)


def test_checking_another_sheets_action_is_refused() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    foreign = CorrectiveAction(description=MEASURE, owner_id=1, due_date=None, created_at=LATER)
    with pytest.raises(WorkflowError) as caught:
        sheet.check_action(MANAGER, LATER, foreign, Effectiveness.EFFECTIVE)
    assert caught.value.code == "action.foreign"


# ------------------------------------------------------------------- close guards
def test_close_needs_a_return_visit_with_satisfaction() -> None:
    sheet = sheet_in(S.VISITED)
    sheet.visits.clear()
    with pytest.raises(WorkflowError) as caught:
        sheet.close(DIRECTOR, LATER)
    assert caught.value.code == "close.no_visit"
    sheet.visits.append(ReturnVisit(visited_at=LATER, by_id=CARE.id, satisfaction=0))
    with pytest.raises(WorkflowError):
        sheet.close(DIRECTOR, LATER)
    assert sheet.state is S.VISITED and sheet.closed_at is None


def test_close_by_the_director_records_who_when_and_the_remark() -> None:
    sheet = sheet_in(S.VISITED)
    sheet.close(DIRECTOR, LATER, "客户满意，结案")
    assert (sheet.state, sheet.closed_by_id, sheet.closed_at, sheet.closing_remark) == (
        S.CLOSED, DIRECTOR.id, LATER, "客户满意，结案")


def test_a_service_manager_may_not_close() -> None:
    sheet = sheet_in(S.VISITED)
    with pytest.raises(PermissionDenied) as caught:
        sheet.close(MANAGER, LATER)
    assert caught.value.params["allowed"] == "service_director"


def test_return_visit_validates_score_and_time() -> None:
    sheet = sheet_in(S.RESOLVED)
    with pytest.raises(ValidationError) as caught:
        sheet.record_return_visit(CARE, LATER, 6)
    assert caught.value.code == "satisfaction.range"
    with pytest.raises(ValidationError) as caught:
        sheet.record_return_visit(CARE, RECEIVED, 5)
    assert caught.value.code == "visit.before_resolved"
    assert sheet.state is S.RESOLVED and sheet.visits == []
    visit = sheet.record_return_visit(CARE, LATER, 3, "一般")
    assert (visit.by_id, visit.satisfaction, visit.feedback) == (CARE.id, 3, "一般")
    assert sheet.transitions[-1].note == "satisfaction 3"


# ------------------------------------------------------------------------ reopen
@pytest.mark.parametrize("state", [S.RESOLVED, S.VISITED])
@pytest.mark.parametrize("by", [R.SERVICE_MANAGER, R.SERVICE_DIRECTOR])
def test_reopen_from_resolved_or_visited(state: SheetState, by: Role) -> None:
    sheet = sheet_in(state)
    sheet.resolution_on_time = True
    sheet.reopen(USERS[by], LATER, "客户反映问题仍存在")
    assert sheet.state is S.IN_PROGRESS
    assert (sheet.resolved_at, sheet.resolution_on_time, sheet.closed_at) == (None, None, None)
    step = sheet.transitions[-1]
    assert (step.action, step.from_state, step.note) == ("reopen", state, "客户反映问题仍存在")
    assert len(sheet.visits) == (1 if state is S.VISITED else 0)  # history stays


@pytest.mark.parametrize("state", [S.RESOLVED, S.CLOSED])
@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_reopen_needs_a_reason(state: SheetState, reason: str) -> None:
    sheet = sheet_in(state)
    with pytest.raises(ValidationError) as caught:
        sheet.reopen(DIRECTOR, LATER, reason)
    assert (caught.value.field, caught.value.code) == ("reason", "text.required")
    assert sheet.state is state and sheet.transitions == []


def test_reopening_a_closed_sheet_clears_the_close_out_but_keeps_its_history() -> None:
    sheet = sheet_in(S.VISITED)
    sheet.close(DIRECTOR, LATER, "客户满意，结案")
    sheet.reopen(DIRECTOR, LATER + timedelta(days=1), "客户再次投诉")
    assert (sheet.closed_at, sheet.closed_by_id, sheet.closing_remark) == (None, None, "")
    close, reopen = sheet.transitions[-2:]
    assert (close.action, close.note, close.by_id) == ("close", "客户满意，结案", DIRECTOR.id)
    assert (reopen.from_state, reopen.to_state, reopen.note) == (S.CLOSED, S.IN_PROGRESS,
                                                                 "客户再次投诉")


def test_after_reopening_the_sheet_must_be_resolved_and_visited_again() -> None:
    sheet = sheet_in(S.CLOSED)
    sheet.reopen(DIRECTOR, LATER, "客户再次投诉")
    with pytest.raises(WorkflowError):
        sheet.close(DIRECTOR, LATER)  # the old visit does not close the new round
    sheet.resolve(MANAGER, LATER)
    sheet.record_return_visit(CARE, LATER, 5)
    sheet.close(DIRECTOR, LATER)
    assert sheet.state is S.CLOSED and len(sheet.visits) == 2


# ------------------------------------------------------------------------ waiting
def test_wait_opens_a_pause_with_its_reason() -> None:
    sheet = sheet_in(S.IN_PROGRESS)
    with pytest.raises(ValidationError) as caught:
        sheet.wait_for_customer(MANAGER, LATER, " ")
    assert caught.value.field == "reason" and sheet.state is S.IN_PROGRESS
    sheet.wait_for_customer(MANAGER, LATER, "等客户提供发票")
    [pause] = sheet.pauses
    assert (pause.started_at, pause.ended_at, pause.reason) == (LATER, None, "等客户提供发票")


def waiting_sheet(start: datetime) -> Sheet:
    sheet = sheet_in(S.IN_PROGRESS)
    sheet.wait_for_customer(MANAGER, start, "客户出差")
    return sheet


def test_resume_pushes_the_deadline_by_the_open_time_spent_waiting() -> None:
    # Received Wed 10:00, due Sat 10:00 (3 working days). Waiting Wed 11:00 - Thu 11:00
    # is 7 h (Wed) + 2.5 h (Thu) of open time: the deadline moves 9.5 open hours on,
    # Sat 10:00 + 8 h to closing + 1.5 h on Sunday = Sun 10:00.
    sheet = waiting_sheet(datetime(2026, 11, 18, 11, 0))
    sheet.resume(MANAGER, datetime(2026, 11, 19, 11, 0), CALENDAR)
    assert sheet.base_resolution_due_at == datetime(2026, 11, 21, 10, 0)
    assert sheet.resolution_due_at == datetime(2026, 11, 22, 10, 0)
    assert sheet.pauses[0].ended_at == datetime(2026, 11, 19, 11, 0)
    assert sheet.state is S.IN_PROGRESS


def test_waiting_overnight_counts_only_open_hours() -> None:
    # Wed 17:00 - Thu 09:00: 1 h before closing + 0.5 h after opening.
    sheet = waiting_sheet(datetime(2026, 11, 18, 17, 0))
    sheet.resume(MANAGER, datetime(2026, 11, 19, 9, 0), CALENDAR)
    assert sheet.resolution_due_at == datetime(2026, 11, 21, 11, 30)


def test_waiting_uses_the_stores_holidays() -> None:
    # The store is closed on Thursday 19th (holiday): waiting over it costs nothing,
    # but the holiday also moves the base deadline to Sunday.
    calendar = StoreCalendar.dealership_default(holidays=[date(2026, 11, 19)])
    sheet = new_sheet(state=S.IN_PROGRESS)
    sheet.apply_sla(POLICY, calendar)
    assert sheet.base_resolution_due_at == datetime(2026, 11, 22, 10, 0)
    sheet.wait_for_customer(MANAGER, datetime(2026, 11, 18, 18, 0), "客户出差")
    sheet.resume(MANAGER, datetime(2026, 11, 20, 8, 30), calendar)
    assert sheet.resolution_due_at == datetime(2026, 11, 22, 10, 0)


def test_while_waiting_the_time_left_stands_still() -> None:
    sheet = waiting_sheet(datetime(2026, 11, 18, 11, 0))
    first = sheet.sla_view(datetime(2026, 11, 18, 12, 0))
    second = sheet.sla_view(datetime(2026, 11, 18, 15, 0))
    assert first is not None and second is not None
    assert first.resolution is not None and second.resolution is not None
    assert first.resolution.state is SlaState.PAUSED
    assert first.resolution.remaining == second.resolution.remaining
    assert second.resolution_due == first.resolution_due + timedelta(hours=3)


def test_several_pauses_all_count() -> None:
    sheet = waiting_sheet(datetime(2026, 11, 18, 11, 0))
    sheet.resume(MANAGER, datetime(2026, 11, 18, 12, 0), CALENDAR)
    sheet.wait_for_customer(MANAGER, datetime(2026, 11, 18, 14, 0), "等配件")
    sheet.resume(MANAGER, datetime(2026, 11, 18, 16, 0), CALENDAR)
    assert sheet.resolution_due_at == datetime(2026, 11, 21, 13, 0)
    assert [p.ended_at is not None for p in sheet.pauses] == [True, True]


# --------------------------------------------------------------- acknowledgement
def test_acknowledge_records_response_minutes_and_on_time() -> None:
    sheet = sheet_in(S.REGISTERED)
    assert sheet.response_due_at == datetime(2026, 11, 18, 18, 0)  # end of working day
    sheet.acknowledge(MANAGER, RECEIVED + timedelta(minutes=42, seconds=59))
    assert (sheet.response_minutes, sheet.response_on_time) == (42, True)
    assert (sheet.acknowledged_by_id, sheet.state) == (MANAGER.id, S.ACKNOWLEDGED)


@pytest.mark.parametrize(("offset", "on_time"), [
    (timedelta(0), True),  # exactly at the due minute is still on time
    (timedelta(minutes=-1), True),
    (timedelta(seconds=1), False),
    (timedelta(minutes=1), False),
])
def test_acknowledge_at_the_boundary_minute(offset: timedelta, on_time: bool) -> None:
    sheet = new_sheet(severity=Severity.MAJOR)
    sheet.apply_sla(POLICY, CALENDAR)
    assert sheet.response_due_at == RECEIVED + timedelta(minutes=30)
    sheet.acknowledge(MANAGER, sheet.response_due_at + offset)
    assert sheet.response_on_time is on_time


def test_acknowledge_before_the_complaint_arrived_is_refused() -> None:
    sheet = sheet_in(S.REGISTERED)
    with pytest.raises(ValidationError) as caught:
        sheet.acknowledge(MANAGER, RECEIVED - timedelta(minutes=1))
    assert caught.value.code == "date.before_received"
    assert sheet.state is S.REGISTERED and sheet.acknowledged_at is None


def test_assigning_an_unanswered_sheet_is_the_response() -> None:
    sheet = sheet_in(S.REGISTERED)
    sheet.assign(DIRECTOR, RECEIVED + timedelta(minutes=20), ResponsibleArea.PARTS,
                 RESPONSIBLE.id or 0)
    assert (sheet.state, sheet.acknowledged_by_id, sheet.response_minutes) == (
        S.IN_PROGRESS, DIRECTOR.id, 20)
    assert (sheet.responsible_area, sheet.responsible_user_id) == (
        ResponsibleArea.PARTS, RESPONSIBLE.id)


# ------------------------------------------------------------ the whole life
def test_a_whole_life_is_stored_step_by_step() -> None:
    sheet = new_sheet()
    t = [RECEIVED + timedelta(minutes=m) for m in range(0, 80, 10)]
    sheet.acknowledge(MANAGER, t[1])
    sheet.assign(DIRECTOR, t[2], ResponsibleArea.TECHNICAL, RESPONSIBLE.id or 0)
    sheet.wait_for_customer(RESPONSIBLE, t[3], "客户出差")
    sheet.resume(MANAGER, t[4], CALENDAR)
    sheet.record_analysis(RESPONSIBLE, root_cause=ROOT_CAUSE, correction=CORRECTION,
                          long_term_measure=MEASURE)
    sheet.resolve(MANAGER, t[5])
    sheet.record_return_visit(CARE, t[6], 5, "满意")
    sheet.close(DIRECTOR, t[7], "结案")
    assert [(s.action, s.from_state, s.to_state, s.by_id, s.at) for s in sheet.transitions] == [
        ("acknowledge", S.REGISTERED, S.ACKNOWLEDGED, MANAGER.id, t[1]),
        ("assign", S.ACKNOWLEDGED, S.IN_PROGRESS, DIRECTOR.id, t[2]),
        ("wait", S.IN_PROGRESS, S.WAITING, RESPONSIBLE.id, t[3]),
        ("resume", S.WAITING, S.IN_PROGRESS, MANAGER.id, t[4]),
        ("resolve", S.IN_PROGRESS, S.RESOLVED, MANAGER.id, t[5]),
        ("return_visit", S.RESOLVED, S.VISITED, CARE.id, t[6]),
        ("close", S.VISITED, S.CLOSED, DIRECTOR.id, t[7]),
    ]


# ------------------------------------------------------------- available actions
def test_available_actions_lists_every_action_with_reasons() -> None:
    sheet = sheet_in(S.REGISTERED)
    listed = sheet.available_actions(DESK)
    assert [a.action for a in listed] == list(Action)
    by_action = {a.action: a for a in listed}
    ack = by_action[Action.ACKNOWLEDGE]
    assert (ack.allowed, ack.code) == (False, "permission.acknowledge")
    assert "service_manager" in ack.reason and "service_director" in ack.reason
    close = by_action[Action.CLOSE]
    assert (close.allowed, close.code) == (False, "workflow.state")
    assert "visited" in close.reason and "now registered" in close.reason
    allowed = {a.action for a in sheet.available_actions(DIRECTOR) if a.allowed}
    assert allowed == {Action.ACKNOWLEDGE, Action.ASSIGN}


@pytest.mark.parametrize("state", list(SheetState))
def test_available_actions_agree_with_what_the_methods_do(state: SheetState) -> None:
    for role in Role:
        for availability in sheet_in(state).available_actions(USERS[role]):
            sheet = sheet_in(state)
            try:
                perform(sheet, availability.action, USERS[role])
                done = True
            except (WorkflowError, PermissionDenied):
                done = False
            assert done is availability.allowed, (state, role, availability)


def test_reopen_of_a_closed_sheet_names_the_director_in_the_reason() -> None:
    availability = sheet_in(S.CLOSED).availability(Action.REOPEN, MANAGER)
    assert (availability.allowed, availability.code) == (False, "permission.reopen_closed")
    assert "service_director" in availability.reason
    assert sheet_in(S.VISITED).availability(Action.REOPEN, MANAGER).allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(R.CUSTOMER_CARE, False), (R.SERVICE_MANAGER, True), (R.SERVICE_DIRECTOR, True)],
)
def test_the_visit_after_rework_is_for_the_manager_or_director(role: Role, allowed: bool) -> None:
    # Seed 003: "返修后由服务经理或服务总监进行回访"; customer care does the other visits.
    sheet = sheet_in(S.RESOLVED)
    by = USERS[role]
    if allowed:
        sheet.record_return_visit(by, LATER, 4, "返修后正常", kind=VisitKind.AFTER_REWORK)
        assert sheet.state is S.VISITED
    else:
        with pytest.raises(PermissionDenied) as err:
            sheet.record_return_visit(by, LATER, 4, "返修后正常", kind=VisitKind.AFTER_REWORK)
        assert "service_manager" in str(err.value) and "service_director" in str(err.value)
        assert sheet.state is S.RESOLVED and not sheet.visits
        sheet.record_return_visit(by, LATER, 4, "满意", kind=VisitKind.SATISFACTION)
        assert sheet.state is S.VISITED


@pytest.mark.parametrize("kind", list(VisitKind))
def test_after_rework_only_the_manager_or_director_records_the_closing_visit(
        kind: VisitKind) -> None:
    """Issue 16: customer care recorded a "satisfaction" visit on a reworked sheet and
    the director then closed it. After rework the visit that allows closing is the
    manager's or director's, whatever kind the caller picks."""
    sheet = sheet_in(S.RESOLVED)
    sheet.rework_needed, sheet.rework_completed_at = True, RECEIVED + timedelta(minutes=50)
    assert not sheet.availability(Action.RETURN_VISIT, CARE).allowed
    assert sheet.availability(Action.RETURN_VISIT, CARE).code == "permission.visit_after_rework"
    with pytest.raises(PermissionDenied):
        sheet.record_return_visit(CARE, LATER, 5, "满意", kind=kind)
    assert sheet.state is S.RESOLVED and not sheet.visits
    visit = sheet.record_return_visit(MANAGER, LATER, 5, "返修后正常", kind=kind)
    assert visit.kind is VisitKind.AFTER_REWORK
    sheet.close(DIRECTOR, LATER + timedelta(minutes=1))
    assert sheet.state is S.CLOSED


def test_a_reworked_sheet_with_only_customer_cares_visit_does_not_close() -> None:
    """A visit recorded before the rule (customer care's, kind satisfaction) is not
    the visit after rework: the director is told what is missing."""
    sheet = sheet_in(S.VISITED)
    sheet.rework_needed, sheet.rework_completed_at = True, RECEIVED + timedelta(minutes=50)
    with pytest.raises(WorkflowError) as refused:
        sheet.close(DIRECTOR, LATER)
    assert refused.value.code == "close.no_rework_visit"
    assert sheet.state is S.VISITED


def test_correcting_the_received_time_rejudges_steps_already_taken() -> None:
    sheet = sheet_in(S.RESOLVED)
    sheet.response_on_time = sheet.resolution_on_time = True
    sheet.response_minutes, sheet.resolution_minutes = 5, 60
    # Received three working days and an hour earlier than first typed: both the
    # response (5 min after the old time) and the resolution are now late.
    sheet.received_at = RECEIVED - timedelta(days=5)
    sheet.apply_sla(POLICY, CALENDAR)
    assert sheet.response_on_time is False
    assert sheet.resolution_on_time is False
    # issue 12: and the minutes are measured from the corrected received time.
    assert (sheet.response_minutes, sheet.resolution_minutes) == (5 * 24 * 60 + 5,
                                                                  5 * 24 * 60 + 60)


def test_a_retail_enquiry_is_answered_within_30_working_minutes() -> None:
    # Seed 004: respond to complaints within 24 h, to enquiries within 30 minutes.
    retail, calendar = sla.retail_policy(), StoreCalendar.retail_default()
    complaint = new_sheet(category="repair_quality")
    complaint.apply_sla(retail, calendar)
    enquiry = new_sheet(category="enquiry")
    enquiry.apply_sla(retail, calendar)
    assert complaint.response_due_at == RECEIVED + timedelta(hours=24)
    assert enquiry.response_due_at == RECEIVED + timedelta(minutes=30)
    assert enquiry.resolution_due_at == complaint.resolution_due_at
    # The dealership preset has no enquiry rule: the category changes nothing there.
    dealer = new_sheet(category="enquiry")
    assert dealer.response_due_at == new_sheet().response_due_at
