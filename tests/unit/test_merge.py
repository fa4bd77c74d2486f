"""Merging two records of one customer (issue 15): nothing lost, consent never widened
unless a person chooses it (and the audit trail says so), every conflict listed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from helpdesk.domain.customers import (
    MERGE_FIELDS,
    Customer,
    Gender,
    MergeSide,
    Tier,
    merge_conflicts,
    merge_default,
    merge_widens_consent,
)
from helpdesk.domain.errors import ValidationError
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from tests.conftest import Clock
from tests.fakes import FakeUnitOfWork, Staff, seed_staff

KEEP, DUP = MergeSide.KEEP, MergeSide.DUPLICATE


@pytest.mark.parametrize(
    ("field", "keep", "duplicate", "side"),
    [
        # consent: always the narrower one
        ("consent_marketing", False, True, KEEP),
        ("consent_marketing", True, False, DUP),
        ("consent_marketing", True, True, KEEP),
        ("consent_marketing", False, False, KEEP),
        # tier: the higher one
        ("tier", Tier.REGULAR, Tier.VIP, DUP),
        ("tier", Tier.VIP, Tier.REGULAR, KEEP),
        # other fields: the kept value, or the duplicate's where the kept one is empty
        ("address", "深圳市南山区", "深圳市福田区", KEEP),
        ("address", "", "深圳市福田区", DUP),
        ("birthday", None, date(1982, 3, 4), DUP),
        ("birthday", date(1996, 1, 2), date(1982, 3, 4), KEEP),
        ("gender", Gender.UNKNOWN, Gender.FEMALE, DUP),
    ],
)
def test_merge_default(field: str, keep: Any, duplicate: Any, side: MergeSide) -> None:
    a, b = Customer(name="王伟"), Customer(name="王伟")
    setattr(a, field, keep)
    setattr(b, field, duplicate)
    assert merge_default(field, a, b) is side


def test_conflicts_are_the_fields_both_fill_differently() -> None:
    a = Customer(name="王伟", address="南山区", birthday=date(1996, 1, 2), email="a@x.cn",
                 consent_marketing=False)
    b = Customer(name="王伟", address="福田区", birthday=date(1982, 3, 4), email="",
                 wechat="wangwei", consent_marketing=True)
    assert merge_conflicts(a, b) == ("birthday", "address", "consent_marketing")
    assert set(merge_conflicts(a, b)) <= set(MERGE_FIELDS)
    assert not merge_widens_consent(a, b, {})
    assert not merge_widens_consent(a, b, {"consent_marketing": KEEP})
    assert merge_widens_consent(a, b, {"consent_marketing": DUP})


@pytest.fixture
def team(clock: Clock) -> tuple[FakeUnitOfWork, Staff]:
    uow = FakeUnitOfWork()
    return uow, seed_staff(uow)


def _two(uow: FakeUnitOfWork, team: Staff) -> tuple[int, int]:
    keep = customers.create_customer(uow, team.desk, CustomerInput(
        name="王伟", phones=("13812345678",), consent_marketing=False,
        birthday=date(1996, 1, 2), address="深圳市南山区科技园"))
    dup = customers.create_customer(uow, team.desk, CustomerInput(
        name="王伟", phones=("13912345678",), consent_marketing=True,
        birthday=date(1982, 3, 4), address="深圳市福田区华强北", email="ww@example.cn"))
    return keep.id, dup.id


def test_a_merge_never_widens_consent_by_itself(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    keep, dup = _two(uow, staff)
    kept = customers.merge_customers(uow, staff.manager, keep, dup)
    assert kept.consent_marketing is False
    # nothing filled is lost: the kept values stay, the empty e-mail is filled
    assert (kept.birthday, kept.address, kept.email) == \
        (date(1996, 1, 2), "深圳市南山区科技园", "ww@example.cn")
    entry = next(e for e in uow.committed.audit if e.action == "customer.merge")
    assert entry.change_map["conflicts"] == {
        "birthday": {"keep": "1996-01-02", "duplicate": "1982-03-04"},
        "address": {"keep": "深圳市南山区科技园", "duplicate": "深圳市福田区华强北"},
        "consent_marketing": {"keep": False, "duplicate": True},
    }
    assert "consent_widened_by_choice" not in entry.change_map


def test_the_narrower_consent_wins_when_the_kept_record_says_yes(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    keep, dup = _two(uow, staff)
    kept = customers.merge_customers(uow, staff.manager, dup, keep)  # the "yes" one kept
    assert kept.consent_marketing is False


def test_a_person_may_choose_each_conflicting_field_and_a_wider_consent_is_audited(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    keep, dup = _two(uow, staff)
    kept = customers.merge_customers(uow, staff.manager, keep, dup, {
        "consent_marketing": "duplicate", "birthday": MergeSide.DUPLICATE,
        "address": "keep"})
    assert kept.consent_marketing is True
    assert (kept.birthday, kept.address) == (date(1982, 3, 4), "深圳市南山区科技园")
    entry = next(e for e in uow.committed.audit if e.action == "customer.merge")
    assert entry.change_map["consent_widened_by_choice"] is True
    assert entry.change_map["choices"] == {"consent_marketing": "duplicate",
                                           "birthday": "duplicate", "address": "keep"}
    assert entry.change_map["consent_marketing"] == [False, True]


def test_a_bad_choice_is_refused_and_nothing_is_merged(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    keep, dup = _two(uow, staff)
    for bad in ({"password": "keep"}, {"birthday": "both"}):
        with pytest.raises(ValidationError) as caught:
            customers.merge_customers(uow, staff.manager, keep, dup, bad)
        assert caught.value.code == "merge.choice"
    assert uow.committed.customers[dup].merged_into_id is None
