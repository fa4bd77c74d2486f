"""The sheet form's customer picker shows its best matches and says when it holds
fewer than the search found (issue 15: no list stops silently)."""

from __future__ import annotations

from helpdesk.services import customers
from helpdesk.ui.complaints import customer_finder
from helpdesk.ui.complaints.form import SheetForm
from tests.ui.helpers import activate, type_text


def _form(qtbot, ctx) -> SheetForm:
    form = SheetForm(ctx)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


def test_a_cut_picker_list_says_so(qtbot, make_ctx, sample, ui_db):
    desk = sample.staff.desk
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀"
    assert len(given) > customer_finder.MAX_HITS
    for i, g in enumerate(given):
        customers.create_customer(ui_db.uow(), desk, customers.CustomerInput(
            name="欧阳" + g, phones=(f"1370000{i:04d}",)))
    form = _form(qtbot, make_ctx(desk))

    type_text(qtbot, form.finder.search_edit, "欧阳")
    form.finder.search_now()
    assert len(form.finder.hits) == customer_finder.MAX_HITS
    assert str(customer_finder.MAX_HITS) in form.finder.info_label.text()

    form.finder.search_edit.clear()
    type_text(qtbot, form.finder.search_edit, "欧阳伟")
    form.finder.search_now()
    assert [h.name for h in form.finder.hits] == ["欧阳伟"]
    assert str(customer_finder.MAX_HITS) not in form.finder.info_label.text()
