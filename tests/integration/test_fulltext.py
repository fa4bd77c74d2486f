"""Full-text search over what a sheet says, and sheet numbers by their tail (issue 11),
on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from helpdesk.domain.errors import NotFound
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from helpdesk.storage.database import Database
from tests.conftest import NOW, Clock
from tests.fakes import Staff, seed_staff
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def team(any_db: Database, clock: Clock) -> Staff:
    return seed_staff(any_db.uow())


def _customer(db: Database, team: Staff) -> int:
    found = customers.find_customers(db.uow(), team.desk, "13812345678")
    if found:
        return found[0].id
    return customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",))).id


def _sheet(db: Database, team: Staff, description: str, request: str = "") -> int:
    return cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description=description, customer_request=request, customer_id=_customer(db, team),
        received_at=NOW - timedelta(hours=1))).id


def _found(db: Database, team: Staff, query: str, **kw: object) -> set[int]:
    return set(cs.list_sheet_ids(db.uow(), team.desk, SheetFilter(text=query, **kw)))


def test_two_and_three_character_chinese_queries_find_the_text(
        any_db: Database, team: Staff) -> None:
    smell = _sheet(any_db, team, "车内空调有异味，开窗也散不掉")
    noise = _sheet(any_db, team, "刹车时左前轮异响", request="免费检查刹车片")
    other = _sheet(any_db, team, "保养等候时间太长")
    assert _found(any_db, team, "异味") == {smell}
    assert _found(any_db, team, "空调有异味") == {smell}
    assert _found(any_db, team, "刹车片") == {noise}  # the customer's request
    assert _found(any_db, team, "异") == set()  # one character is no text search
    assert other not in _found(any_db, team, "异响")
    # Closed or not: the text search leaves the other filters as they were.
    assert _found(any_db, team, "异味", include_closed=True) == {smell}


def test_progress_notes_and_the_analysis_are_searched_as_soon_as_saved(
        any_db: Database, team: Staff) -> None:
    sheet = _sheet(any_db, team, "发动机故障灯亮")
    assert _found(any_db, team, "点火线圈") == set()
    cs.acknowledge(any_db.uow(), team.manager, sheet)
    cs.assign(any_db.uow(), team.director, sheet, "technical", team.manager)
    cs.add_progress(any_db.uow(), team.manager, sheet, "已订点火线圈，周五到货")
    assert _found(any_db, team, "点火线圈") == {sheet}
    cs.record_analysis(any_db.uow(), team.manager, sheet,
                       root_cause="火花塞积碳导致失火，上次保养未检查")
    assert _found(any_db, team, "积碳") == {sheet}
    assert _found(any_db, team, "上次保养") == {sheet}


def test_the_match_is_shown_with_its_surroundings(any_db: Database, team: Staff) -> None:
    sheet = _sheet(any_db, team, "客户反映车内空调有异味，开窗也散不掉，要求清洗蒸发箱")
    before, hit, after = cs.text_matches(any_db.uow(), team.desk, [sheet], "异味")[sheet]
    assert hit == "异味"
    assert before.endswith("空调有") and after.startswith("，开窗")


def test_like_wildcards_in_the_query_are_taken_literally(
        any_db: Database, team: Staff) -> None:
    percent = _sheet(any_db, team, "多收了10%工时费")
    _sheet(any_db, team, "多收了工时费")
    assert _found(any_db, team, "0%") == {percent}
    assert _found(any_db, team, "10%工时") == {percent}


def test_a_sheet_number_is_found_by_any_tail(any_db: Database, team: Staff) -> None:
    ids = [_sheet(any_db, team, f"第{i}张") for i in range(12)]
    number = cs.get_sheet(any_db.uow(), team.desk, ids[11]).number  # TS-2026-000012
    year = number.split("-")[1]
    for tail in ("12", "012", "000012", f"{year}-000012", f"{year}-12", number.lower()):
        assert ids[11] in _found(any_db, team, tail), tail
        assert cs.find_sheet_id(any_db.uow(), tail) == ids[11], tail
    assert _found(any_db, team, "000012") == {ids[11]}
    with pytest.raises(NotFound) as caught:
        cs.find_sheet_id(any_db.uow(), "13")
    assert caught.value.code == "sheet.not_found"


def test_a_tail_that_fits_two_years_is_not_guessed(any_db: Database, team: Staff,
                                                    clock: Clock) -> None:
    first = _sheet(any_db, team, "去年的单")
    clock.advance(days=400)
    second = cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="今年的单", customer_id=_customer(any_db, team))).id
    numbers = {cs.get_sheet(any_db.uow(), team.desk, i).number for i in (first, second)}
    assert len({n.split("-")[1] for n in numbers}) == 2
    assert _found(any_db, team, "1") >= {first, second}
    with pytest.raises(NotFound) as caught:
        cs.find_sheet_id(any_db.uow(), "000001")
    assert caught.value.code == "sheet.ambiguous"
    assert set(caught.value.params["numbers"]) == numbers


def test_two_characters_at_the_very_end_and_in_any_case_are_found(
        any_db: Database, team: Staff) -> None:
    end = _sheet(any_db, team, "客户说车里有异味")  # the pair ends the text
    abs_light = _sheet(any_db, team, "仪表ABS灯亮")
    assert _found(any_db, team, "异味") == {end}
    assert _found(any_db, team, "ab") == {abs_light}
    assert _found(any_db, team, "Ab") == {abs_light}
    assert _found(any_db, team, "灯亮") == {abs_light}
    assert _found(any_db, team, "无关") == set()


def test_a_two_character_query_uses_the_index_on_sqlite(db: Database, clock: Clock) -> None:
    from sqlalchemy import event

    team = seed_staff(db.uow())
    smell = _sheet(db, team, "空调有异味")
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda *args: statements.append(str(args[2])))
    assert _found(db, team, "异味") == {smell}
    assert any("sheet_fts_vocab" in s for s in statements)
    assert not any("LIKE" in s and "sheet_texts" in s for s in statements)


def test_walking_the_list_and_visiting_the_matches_give_the_same_window(
        any_db: Database, team: Staff, clock: Clock) -> None:
    """A window of a frequent word is read by walking the list's order and testing each
    sheet (SQLite, ``fulltext.matches(probe=True)``): the same ids, in the same order, as
    reading every match — for all sheets and for the open ones, from both ends."""
    from helpdesk.storage import sheet_queries

    words = ["空调有异味", "座椅有异味", "保养等候太久", "刹车异响"]
    made = []
    for i in range(24):
        clock.advance(minutes=7)
        made.append(_sheet(any_db, team, words[i % len(words)] + f"，第{i}次"))
    for sheet_id in made[:6]:  # some closed, so "open" and "all" differ
        cs.assign(any_db.uow(), team.manager, sheet_id, "service", team.manager)
        cs.record_analysis(any_db.uow(), team.manager, sheet_id,
                           root_cause="交车前未检查空调滤芯，异味来源未排除",
                           correction="更换空调滤芯",
                           long_term_measure="服务经理陈刚在12月1日前把滤芯检查加入交车检查表")
        cs.resolve(any_db.uow(), team.manager, sheet_id)
        cs.record_return_visit(any_db.uow(), team.care, sheet_id, 5, "满意")
        cs.close(any_db.uow(), team.director, sheet_id, "结案")
    assert sheet_queries.PROBE_FROM * 2 <= 12  # a window of 2 walks: 12 sheets match
    for include_closed in (True, False):
        f = SheetFilter(text="异味", include_closed=include_closed)
        everything = cs.list_sheet_ids(any_db.uow(), team.desk, f)
        assert len(everything) >= 6
        assert cs.list_sheet_ids(any_db.uow(), team.desk, f, limit=2) == everything[:2]
        windows = cs.list_sheets(any_db.uow(), team.desk, f)
        assert len(windows) == len(everything) and list(windows) == everything
    # Counted from the index plus what the customer or number finds besides: every
    # sheet is 张三's, one also says 张三 — each counted once.
    mention = _sheet(any_db, team, "张三说空调还是有异味")
    by_name = SheetFilter(text="张三")
    assert len(cs.list_sheets(any_db.uow(), team.desk, by_name)) == len(made) + 1
    assert mention in cs.list_sheet_ids(any_db.uow(), team.desk, by_name)
    # The open ones (tested against the sets of ids found by customer and by text) are
    # the same sheets less the closed.
    open_ones = cs.list_sheet_ids(any_db.uow(), team.desk,
                                  SheetFilter(text="张三", include_closed=False))
    assert open_ones == [i for i in cs.list_sheet_ids(any_db.uow(), team.desk, by_name)
                         if i not in made[:6]]
    with any_db.uow().reading() as uow:  # from the end: the last window, backwards
        ids = sheet_queries.search_ids(uow.session, SheetFilter(text="异味"), NOW, 2,
                                       from_end=True)
    assert ids == cs.list_sheet_ids(any_db.uow(), team.desk, SheetFilter(text="异味"))[::-1][:2]
