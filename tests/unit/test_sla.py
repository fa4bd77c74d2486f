"""SLA deadlines: presets, rule choice, JSON round trip, pauses and status."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import sla
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.sla import DueKind, DueSpec, SlaPolicy, SlaRule, SlaState
from tests.unit.test_calendar import CN_2026_HOLIDAYS, CN_2026_MAKEUP, day_range

MAJOR, GENERAL = Severity.MAJOR, Severity.GENERAL

# Open every day 08:30-18:00, closed three days at Spring Festival 2026.
DEALERSHIP = StoreCalendar.dealership_default(holidays=day_range("2026-02-16", "2026-02-18"))
# Monday to Friday 09:00-18:00 with the 2026 holidays and make-up days (调休).
OFFICE = StoreCalendar.office_default(holidays=CN_2026_HOLIDAYS, makeup_workdays=CN_2026_MAKEUP)
RETAIL = StoreCalendar.retail_default()


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- the DESIGN.md table, row by row -------------------------------------------------

DEALERSHIP_CASES = [
    # care visit (回访中发现): major 30 min, general before closing; 3 working days
    (Channel.CARE_VISIT, MAJOR, "2026-03-02 10:00", "2026-03-02 10:30", "2026-03-05 10:00"),
    (Channel.CARE_VISIT, GENERAL, "2026-03-02 10:00", "2026-03-02 18:00", "2026-03-05 10:00"),
    # reception (接待中): major at 17:50 crosses to 08:50 next morning
    (Channel.RECEPTION, MAJOR, "2026-03-06 17:50", "2026-03-07 08:50", "2026-03-09 17:50"),
    (Channel.RECEPTION, GENERAL, "2026-03-06 17:59", "2026-03-06 18:00", "2026-03-09 17:59"),
    (Channel.RECEPTION, GENERAL, "2026-03-06 18:30", "2026-03-07 18:00", "2026-03-10 08:30"),
    # 400 hotline: 3 h = 90 min today + 90 min from the next opening
    (Channel.OEM_HOTLINE, GENERAL, "2026-03-06 16:30", "2026-03-07 10:00", "2026-03-09 16:30"),
    (Channel.OEM_HOTLINE, MAJOR, "2026-03-06 07:00", "2026-03-06 11:30", "2026-03-09 08:30"),
    # media / consumers' association / regulator: 30 min whatever the severity
    (Channel.MEDIA, GENERAL, "2026-03-08 12:00", "2026-03-08 12:30", "2026-03-11 12:00"),
    (Channel.MEDIA, MAJOR, "2026-03-08 12:00", "2026-03-08 12:30", "2026-03-11 12:00"),
    # other channels: by severity
    (Channel.PHONE, MAJOR, "2026-03-02 10:00", "2026-03-02 10:30", "2026-03-05 10:00"),
    (Channel.ONLINE, GENERAL, "2026-03-02 10:00", "2026-03-02 18:00", "2026-03-05 10:00"),
    (Channel.IN_STORE, GENERAL, "2026-03-02 19:00", "2026-03-03 18:00", "2026-03-06 08:30"),
    # Spring Festival closure (02-16..02-18): received on its eve, and during it
    (Channel.RECEPTION, GENERAL, "2026-02-15 15:00", "2026-02-15 18:00", "2026-02-21 15:00"),
    (Channel.CARE_VISIT, GENERAL, "2026-02-17 10:00", "2026-02-19 18:00", "2026-02-22 08:30"),
    (Channel.CARE_VISIT, MAJOR, "2026-02-17 10:00", "2026-02-19 09:00", "2026-02-22 08:30"),
    (Channel.OEM_HOTLINE, MAJOR, "2026-02-15 16:30", "2026-02-19 10:00", "2026-02-21 16:30"),
]

OFFICE_CASES = [
    # Friday 17:59: still today; Friday 18:30: Monday's closing
    (Channel.RECEPTION, GENERAL, "2026-03-06 17:59", "2026-03-06 18:00", "2026-03-11 17:59"),
    (Channel.RECEPTION, GENERAL, "2026-03-06 18:30", "2026-03-09 18:00", "2026-03-12 09:00"),
    # on a public holiday: end of the next working day (after National Day, 10-08);
    # the make-up Saturday 10-10 counts as a working day
    (Channel.CARE_VISIT, GENERAL, "2026-10-01 10:00", "2026-10-08 18:00", "2026-10-12 09:00"),
    # the evening before a make-up Saturday: that Saturday counts
    (Channel.RECEPTION, GENERAL, "2026-02-13 18:30", "2026-02-14 18:00", "2026-02-26 09:00"),
    (Channel.OEM_HOTLINE, GENERAL, "2026-02-13 16:30", "2026-02-14 10:30", "2026-02-25 16:30"),
    (Channel.RECEPTION, MAJOR, "2026-02-13 17:50", "2026-02-14 09:20", "2026-02-25 17:50"),
    # 3 working days spanning National Day
    (Channel.CARE_VISIT, MAJOR, "2026-09-30 10:00", "2026-09-30 10:30", "2026-10-10 10:00"),
    # a closed Saturday before a make-up Sunday
    (Channel.RECEPTION, GENERAL, "2026-09-19 11:00", "2026-09-20 18:00", "2026-09-23 09:00"),
    (Channel.MEDIA, MAJOR, "2026-03-07 11:00", "2026-03-09 09:30", "2026-03-12 09:00"),
]


@pytest.mark.parametrize(
    ("calendar", "channel", "severity", "received", "response", "resolution"),
    [
        pytest.param(DEALERSHIP, *case, id=f"dealership-{i}")
        for i, case in enumerate(DEALERSHIP_CASES)
    ]
    + [pytest.param(OFFICE, *case, id=f"office-{i}") for i, case in enumerate(OFFICE_CASES)],
)
def test_dealership_policy_table(
    calendar: StoreCalendar,
    channel: Channel,
    severity: Severity,
    received: str,
    response: str,
    resolution: str,
) -> None:
    deadlines = sla.compute_deadlines(
        dt(received), channel, severity, sla.dealership_policy(), calendar
    )
    assert deadlines == sla.Deadlines(dt(response), dt(resolution))


@pytest.mark.parametrize(
    ("channel", "severity", "escalate"),
    [
        (Channel.MEDIA, MAJOR, True),
        (Channel.MEDIA, GENERAL, False),
        (Channel.OEM_HOTLINE, MAJOR, False),
        (Channel.RECEPTION, MAJOR, False),
    ],
)
def test_major_media_complaints_escalate_to_oem(
    channel: Channel, severity: Severity, escalate: bool
) -> None:
    assert sla.dealership_policy().rule_for(channel, severity).escalate_to_oem is escalate


def test_dealership_resolution_is_three_working_days_everywhere() -> None:
    policy = sla.dealership_policy()
    for channel in Channel:
        for severity in Severity:
            rule = policy.rule_for(channel, severity)
            assert rule.resolution == DueSpec(DueKind.WORKING_DAYS, 3)
            assert rule.note


# -- retail and CRM ------------------------------------------------------------------


def test_retail_policy_runs_on_the_clock() -> None:
    policy = sla.retail_policy()
    for channel in Channel:
        deadlines = sla.compute_deadlines(dt("2026-03-06 21:00"), channel, MAJOR, policy, RETAIL)
        assert deadlines == sla.Deadlines(dt("2026-03-07 21:00"), dt("2026-03-08 21:00"))


def test_retail_enquiry_is_answered_within_30_open_minutes() -> None:
    spec = sla.retail_policy().enquiry_response
    assert spec == DueSpec(DueKind.WORKING_MINUTES, 30)
    assert sla.due_at(dt("2026-03-06 21:45"), spec, RETAIL) == dt("2026-03-07 10:15")


def test_crm_policy() -> None:
    policy = sla.crm_policy()
    major = sla.compute_deadlines(dt("2026-03-06 17:30"), Channel.PHONE, MAJOR, policy, OFFICE)
    assert major == sla.Deadlines(dt("2026-03-09 09:30"), dt("2026-03-09 17:30"))
    general = sla.compute_deadlines(dt("2026-03-04 10:00"), Channel.ONLINE, GENERAL, policy, OFFICE)
    assert general == sla.Deadlines(dt("2026-03-04 11:00"), dt("2026-03-07 10:00"))
    assert "2 hours" in policy.rule_for(Channel.PHONE, MAJOR).note
    assert policy.progress_update_every == timedelta(hours=24)
    assert policy.satisfaction_check_within == timedelta(hours=24)
    assert policy.first_visit_within == timedelta(days=3)


def test_presets_by_key() -> None:
    assert set(sla.PRESETS) == {"dealership", "retail", "crm"}
    for key, make in sla.PRESETS.items():
        policy = make()
        assert policy.key == key
        policy.validate()


# -- rule choice and validation ------------------------------------------------------

_R = DueSpec(DueKind.CALENDAR_MINUTES, 60)


def _rule(channel: Channel | None, severity: Severity | None, note: str) -> SlaRule:
    return SlaRule(channel, severity, _R, _R, note=note)


SPECIFIC_RULES = [
    _rule(None, None, "any"),
    _rule(None, MAJOR, "major"),
    _rule(Channel.PHONE, None, "phone"),
    _rule(Channel.PHONE, MAJOR, "phone+major"),
]


@pytest.mark.parametrize("rules", [SPECIFIC_RULES, SPECIFIC_RULES[::-1]], ids=["fwd", "rev"])
@pytest.mark.parametrize(
    ("channel", "severity", "expected"),
    [
        (Channel.PHONE, MAJOR, "phone+major"),
        (Channel.PHONE, GENERAL, "phone"),
        (Channel.ONLINE, MAJOR, "major"),
        (Channel.ONLINE, GENERAL, "any"),
    ],
)
def test_most_specific_rule_wins(
    rules: list[SlaRule], channel: Channel, severity: Severity, expected: str
) -> None:
    policy = SlaPolicy.create("p", "P", rules)
    assert policy.rule_for(channel, severity).note == expected


def test_policy_without_catch_all_refused() -> None:
    with pytest.raises(ValidationError) as err:
        SlaPolicy.create("p", "P", SPECIFIC_RULES[1:])
    assert err.value.code == "sla.no_default_rule"
    # A policy built without validation still refuses to guess.
    unchecked = SlaPolicy("p", "P", (SPECIFIC_RULES[1],))
    with pytest.raises(ValidationError) as err:
        unchecked.rule_for(Channel.ONLINE, GENERAL)
    assert err.value.code == "sla.no_default_rule"


def test_duplicate_rule_refused() -> None:
    with pytest.raises(ValidationError) as err:
        SlaPolicy.create("p", "P", [*SPECIFIC_RULES, _rule(None, MAJOR, "again")])
    assert err.value.code == "sla.duplicate_rule"
    assert err.value.field == "rules[4]"


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        (DueSpec(DueKind.WORKING_MINUTES, 0), "sla.amount_positive"),
        (DueSpec(DueKind.WORKING_DAYS, -3), "sla.amount_positive"),
        (DueSpec(DueKind.CALENDAR_DAYS), "sla.amount_positive"),
        (DueSpec(DueKind.END_OF_WORKDAY, 2), "sla.amount_unused"),
    ],
)
def test_bad_amounts_refused(spec: DueSpec, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        SlaPolicy.create("p", "P", [SlaRule(None, None, _R, spec)])
    assert err.value.code == code
    assert err.value.field == "rules[0].resolution.amount"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"key": " "}, "key", "sla.key_required"),
        ({"name": ""}, "name", "sla.name_required"),
        ({"progress_update_every": timedelta(0)}, "progress_update_every", "sla.duration"),
        ({"first_visit_within": timedelta(seconds=90)}, "first_visit_within", "sla.duration"),
        (
            {"enquiry_response": DueSpec(DueKind.WORKING_MINUTES)},
            "enquiry_response.amount",
            "sla.amount_positive",
        ),
    ],
)
def test_policy_validation(changes: dict[str, Any], field: str, code: str) -> None:
    values: dict[str, Any] = {"key": "p", "name": "P", "rules": SPECIFIC_RULES, **changes}
    with pytest.raises(ValidationError) as err:
        SlaPolicy(**values).validate()
    assert (err.value.field, err.value.code) == (field, code)


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (DueSpec(DueKind.WORKING_MINUTES, 30), "30 working minutes"),
        (DueSpec(DueKind.WORKING_MINUTES, 1), "1 working minute"),
        (DueSpec(DueKind.WORKING_MINUTES, 180), "3 working hours"),
        (DueSpec(DueKind.CALENDAR_MINUTES, 1440), "24 hours"),
        (DueSpec(DueKind.CALENDAR_MINUTES, 45), "45 minutes"),
        (DueSpec(DueKind.END_OF_WORKDAY), "end of the working day"),
        (DueSpec(DueKind.WORKING_DAYS, 3), "3 working days"),
        (DueSpec(DueKind.CALENDAR_DAYS, 1), "1 day"),
    ],
)
def test_describe(spec: DueSpec, text: str) -> None:
    assert spec.describe() == text


# -- JSON round trip -----------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(sla.PRESETS))
def test_preset_round_trips_through_json(key: str) -> None:
    policy = sla.PRESETS[key]()
    assert SlaPolicy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


due_specs = st.one_of(
    st.just(DueSpec(DueKind.END_OF_WORKDAY)),
    st.builds(
        DueSpec,
        st.sampled_from([k for k in DueKind if k != DueKind.END_OF_WORKDAY]),
        st.integers(1, 10**6),
    ),
)
rules = st.builds(
    SlaRule,
    st.none() | st.sampled_from(Channel),
    st.none() | st.sampled_from(Severity),
    due_specs,
    due_specs,
    st.booleans(),
    st.text(max_size=40),
)


@given(due_specs)
def test_due_spec_round_trip(spec: DueSpec) -> None:
    assert DueSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec


@given(rules)
def test_rule_round_trip(rule: SlaRule) -> None:
    assert SlaRule.from_dict(json.loads(json.dumps(rule.to_dict()))) == rule


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"kind": "fortnights", "amount": 1}, "due.kind", "sla.choice"),
        ({"kind": 3, "amount": 1}, "due.kind", "sla.choice"),
        ({"amount": 1}, "due", "sla.missing"),
        ({"kind": "working_days", "amount": "3"}, "due.amount", "sla.type"),
        ({"kind": "working_days", "amount": True}, "due.amount", "sla.type"),
        ({"kind": "working_days", "amount": 0}, "due.amount", "sla.amount_positive"),
    ],
)
def test_due_spec_from_bad_json(data: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        DueSpec.from_dict(data)
    assert (err.value.field, err.value.code) == (field, code)


def test_policy_from_bad_json() -> None:
    data = sla.dealership_policy().to_dict()
    data["rules"][1]["channel"] = "carrier_pigeon"
    with pytest.raises(ValidationError) as err:
        SlaPolicy.from_dict(data)
    assert (err.value.field, err.value.code) == ("rules[1].channel", "sla.choice")

    newer = {**sla.retail_policy().to_dict(), "version": 99}
    with pytest.raises(ValidationError) as err:
        SlaPolicy.from_dict(newer)
    assert err.value.code == "sla.version"

    no_default = sla.retail_policy().to_dict()
    no_default["rules"][0]["severity"] = "major"
    with pytest.raises(ValidationError) as err:
        SlaPolicy.from_dict(no_default)
    assert err.value.code == "sla.no_default_rule"


# -- pauses (waiting for the customer) -----------------------------------------------

WORKING_3_DAYS = DueSpec(DueKind.WORKING_DAYS, 3)
# Received Monday 2026-03-02 10:00 on the office calendar: due Thursday 10:00.
OFFICE_DUE = dt("2026-03-05 10:00")


def _extend(
    pauses: Sequence[tuple[datetime, datetime | None]],
    *,
    due: datetime = OFFICE_DUE,
    spec: DueSpec = WORKING_3_DAYS,
    calendar: StoreCalendar = OFFICE,
    now: str = "2026-03-20 12:00",
) -> datetime:
    return sla.extend_for_pauses(due, spec, pauses, calendar, dt(now))


def test_pause_in_working_hours_moves_deadline_by_working_time() -> None:
    pause = (dt("2026-03-03 10:00"), dt("2026-03-03 12:00"))
    assert _extend([pause]) == dt("2026-03-05 12:00")


def test_pause_overnight_counts_only_open_time() -> None:
    # 17:00-18:00 and 09:00-10:00 are open: two hours, not seventeen.
    pause = (dt("2026-03-03 17:00"), dt("2026-03-04 10:00"))
    assert _extend([pause]) == dt("2026-03-05 12:00")


def test_pause_outside_open_hours_changes_nothing() -> None:
    # Deadline at closing time must not slide to the next opening for a zero pause.
    due = dt("2026-03-02 18:00")
    pause = (dt("2026-03-02 19:00"), dt("2026-03-03 08:00"))
    assert _extend([pause], due=due, spec=DueSpec(DueKind.END_OF_WORKDAY)) == due


def test_pause_pushes_closing_deadline_into_next_day() -> None:
    due = dt("2026-03-06 18:00")  # Friday closing
    pause = (dt("2026-03-06 15:00"), dt("2026-03-06 16:00"))
    assert _extend([pause], due=due, spec=DueSpec(DueKind.END_OF_WORKDAY)) == dt("2026-03-09 10:00")


def test_calendar_clock_pause_counts_elapsed_time() -> None:
    spec = DueSpec(DueKind.CALENDAR_MINUTES, 48 * 60)
    due = dt("2026-03-08 21:00")
    pause = (dt("2026-03-06 22:00"), dt("2026-03-07 08:00"))
    assert _extend([pause], due=due, spec=spec, calendar=RETAIL) == dt("2026-03-09 07:00")


def test_overlapping_pauses_count_once() -> None:
    pauses = [
        (dt("2026-03-03 10:00"), dt("2026-03-03 11:30")),
        (dt("2026-03-03 11:00"), dt("2026-03-03 12:00")),
    ]
    assert _extend(pauses) == dt("2026-03-05 12:00")


def test_pause_time_after_now_is_ignored() -> None:
    pause = (dt("2026-03-03 10:00"), dt("2026-03-03 16:00"))
    assert _extend([pause], now="2026-03-03 11:00") == dt("2026-03-05 11:00")


def test_pause_ending_before_it_starts_refused() -> None:
    with pytest.raises(ValidationError) as err:
        _extend([(dt("2026-03-03 12:00"), dt("2026-03-03 10:00"))])
    assert err.value.code == "sla.pause_order"


@pytest.mark.parametrize(
    ("spec", "calendar", "due", "pause_start", "nows"),
    [
        # calendar clock: the remaining time is frozen day and night
        (
            DueSpec(DueKind.CALENDAR_MINUTES, 48 * 60),
            RETAIL,
            "2026-03-08 21:00",
            "2026-03-06 22:00",
            ["2026-03-06 22:30", "2026-03-07 03:00", "2026-03-08 20:00", "2026-03-09 12:00"],
        ),
        # working clock: frozen while the store is open and the deadline stays in the day
        (
            WORKING_3_DAYS,
            OFFICE,
            "2026-03-05 10:00",
            "2026-03-03 09:30",
            ["2026-03-03 10:00", "2026-03-03 12:15", "2026-03-03 17:00"],
        ),
    ],
)
def test_open_pause_freezes_remaining_time(
    spec: DueSpec, calendar: StoreCalendar, due: str, pause_start: str, nows: list[str]
) -> None:
    remaining = set()
    for now in nows:
        extended = _extend(
            [(dt(pause_start), None)], due=dt(due), spec=spec, calendar=calendar, now=now
        )
        status = sla.sla_status(extended, None, dt(now), paused=True)
        assert status.state is SlaState.PAUSED
        remaining.add(status.remaining)
    assert len(remaining) == 1


def test_open_pause_keeps_open_time_left_overnight() -> None:
    # Overnight the wall-clock time left shrinks (as it does unpaused), the open time not.
    due = dt("2026-03-05 10:00")
    start = dt("2026-03-04 09:00")
    left = []
    for now in ("2026-03-04 17:00", "2026-03-04 22:00", "2026-03-05 09:30"):
        extended = _extend([(start, None)], due=due, now=now)
        left.append(OFFICE.working_time_between(dt(now), extended))
    assert left[0] == left[1] == left[2] == timedelta(hours=10)


# -- status --------------------------------------------------------------------------

DUE = dt("2026-03-02 12:00")
TEN_MIN = timedelta(minutes=10)
ONE_DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("now", "near", "state", "overdue"),
    [
        ("2026-03-02 12:00:00", TEN_MIN, SlaState.NEAR, False),  # the due instant
        ("2026-03-02 12:00:01", TEN_MIN, SlaState.OVERDUE, True),
        ("2026-03-02 12:01", TEN_MIN, SlaState.OVERDUE, True),
        ("2026-03-02 11:50", TEN_MIN, SlaState.NEAR, False),
        ("2026-03-02 11:49:59", TEN_MIN, SlaState.PENDING, False),
        ("2026-03-01 12:00", ONE_DAY, SlaState.NEAR, False),
        ("2026-03-01 11:59", ONE_DAY, SlaState.PENDING, False),
        ("2026-03-02 11:40", timedelta(minutes=30), SlaState.NEAR, False),  # the default
    ],
)
def test_status_of_open_deadline(now: str, near: timedelta, state: SlaState, overdue: bool) -> None:
    status = sla.sla_status(DUE, None, dt(now), near=near)
    assert (status.state, status.overdue) == (state, overdue)
    assert status.remaining == DUE - dt(now)


def test_default_near_is_thirty_minutes() -> None:
    assert sla.sla_status(DUE, None, dt("2026-03-02 11:30")).state is SlaState.NEAR
    assert sla.sla_status(DUE, None, dt("2026-03-02 11:29")).state is SlaState.PENDING


@pytest.mark.parametrize(
    ("done", "state", "overdue"),
    [
        ("2026-03-02 12:00", SlaState.MET, False),
        ("2026-03-02 09:00", SlaState.MET, False),
        ("2026-03-02 12:00:01", SlaState.MISSED, True),
    ],
)
def test_status_of_done_deadline(done: str, state: SlaState, overdue: bool) -> None:
    # Judged long after: only the completion time matters.
    status = sla.sla_status(DUE, dt(done), dt("2026-04-01 00:00"))
    assert (status.state, status.overdue, status.remaining) == (state, overdue, DUE - dt(done))


def test_paused_status() -> None:
    assert sla.sla_status(DUE, None, dt("2026-03-02 11:55"), paused=True).state is SlaState.PAUSED
    # An overdue complaint stays unmistakable even while waiting for the customer.
    late = sla.sla_status(DUE, None, dt("2026-03-02 12:05"), paused=True)
    assert (late.state, late.overdue) == (SlaState.OVERDUE, True)


@pytest.mark.parametrize(
    ("td", "text"),
    [
        (timedelta(days=2, hours=3, minutes=20), "2 d 3 h"),
        (timedelta(days=2, minutes=20), "2 d"),
        (timedelta(minutes=45), "45 min"),
        (timedelta(hours=1), "1 h"),
        (timedelta(hours=1, minutes=5, seconds=59), "1 h 5 min"),
        (-timedelta(hours=1, minutes=5), "overdue 1 h 5 min"),
        (-timedelta(days=1, hours=2), "overdue 1 d 2 h"),
        (timedelta(0), "0 min"),
        (timedelta(seconds=30), "< 1 min"),
        (-timedelta(seconds=30), "overdue < 1 min"),
    ],
)
def test_format_remaining(td: timedelta, text: str) -> None:
    assert sla.format_remaining(td) == text


def test_received_on_make_up_day_is_a_working_day() -> None:
    # Sanity check of the fixture the table relies on.
    assert OFFICE.is_working_day(date(2026, 2, 14))
    assert not OFFICE.is_working_day(date(2026, 2, 16))


@pytest.mark.parametrize(
    ("start", "window"),
    [
        ("2026-03-02 10:00", timedelta(minutes=40)),  # a 2-hour response: last third
        ("2026-03-02 11:30", timedelta(minutes=10)),  # 30 minutes: never under 10
        ("2026-02-27 12:00", timedelta(days=1)),  # a 3-day resolution: the last day
        (None, timedelta(minutes=10)),  # start unknown (imported data)
        ("2026-03-02 12:00", timedelta(minutes=10)),  # no time allowed at all
    ],
)
def test_near_window_is_the_last_third_at_least_ten_minutes(start: str | None,
                                                             window: timedelta) -> None:
    assert sla.near_window(dt(start) if start else None, DUE) == window


def test_response_turns_amber_in_the_last_third() -> None:
    from helpdesk.domain import deadlines
    from helpdesk.domain.enums import SheetState

    def judged(now: str) -> bool:
        return deadlines.sheet_deadlines(
            SheetState.REGISTERED, response_due_at=DUE, resolution_due_at=DUE + ONE_DAY,
            acknowledged_at=None, resolved_at=None, waiting_since=None, now=dt(now),
            received_at=dt("2026-03-02 09:00")).near

    assert not judged("2026-03-02 10:59")
    assert judged("2026-03-02 11:00")  # 3 hours allowed: amber for the last hour
