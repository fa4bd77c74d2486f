"""The translations: every .ts has an up-to-date .qm, the Chinese files are complete,
English exists, and switching the language changes what the screens say."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.errors import ValidationError
from helpdesk.ui import i18n, labels, messages, resources

TRANSLATIONS = resources.translations_dir()
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))


def _lrelease() -> str:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


def test_resources_are_found():
    assert TRANSLATIONS.is_dir()
    assert (TRANSLATIONS / "helpdesk_zh_CN.ts").exists()


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_ts_has_an_up_to_date_qm(ts: Path, tmp_path: Path):
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing: run scripts/update_translations.py"
    fresh = tmp_path / committed.name
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == committed.read_bytes(), \
        f"{committed.name} is out of date: run scripts/update_translations.py --release-only"


@pytest.mark.parametrize("ts", [p for p in TS_FILES if p.stem.endswith(("_zh_CN", "_zh_TW"))],
                         ids=lambda p: p.name)
def test_chinese_translations_are_complete(ts: Path):
    unfinished = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in translation.iter("numerusform")] if \
                message.get("numerus") == "yes" else [translation.text]
            if kind == "unfinished" or not all(f and f.strip() for f in forms):
                unfinished.append(f"{name}: {message.findtext('source')!r}")
    assert not unfinished, f"{ts.name}: {len(unfinished)} unfinished, e.g. {unfinished[:5]}"


def test_every_area_has_english_too():
    areas = {p.stem.rsplit("_", 2)[0] if p.stem.endswith(("_zh_CN", "_zh_TW")) else
             p.stem.rsplit("_", 1)[0] for p in TS_FILES}
    for area in areas:
        for lang in ("zh_CN", "zh_TW", "en"):
            assert (TRANSLATIONS / f"{area}_{lang}.ts").exists(), f"{area}_{lang}.ts missing"


def test_every_error_code_raised_has_a_template():
    """Walk the domain and services for the codes they raise; each one gets a text."""
    import ast

    root = Path(__file__).resolve().parents[2] / "helpdesk"
    codes: set[str] = set()
    for path in [*root.joinpath("domain").rglob("*.py"), *root.joinpath("services").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if not name.endswith(("Error", "PermissionDenied", "NotFound")):
                continue
            candidates = list(node.args[1:2]) if name == "ValidationError" else []
            candidates += [kw.value for kw in node.keywords if kw.arg == "code"]
            for value in candidates:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    codes.add(value.value)
    missing = [code for code in sorted(codes) if not messages.has_template(code)]
    assert not missing, f"codes without a translated template: {missing}"


def test_every_permission_says_what_it_allows():
    from helpdesk.domain.users import Permission

    assert [p.value for p in Permission if p not in messages.PERMISSION_ACTIONS] == []


def test_error_text_fills_parameters():
    error = ValidationError("vin", "vin.length", "…", value="ABC", length=3)
    assert messages.error_text(error) == "A VIN has exactly 17 characters; ABC has 3."
    assert messages.format_code("permission.close", {"allowed": "service_director"}) == \
        "Only Service director may close complaint sheets."
    assert messages.format_code("customer_kind.invalid", {"value": "x"}) == \
        "x is not one of the choices."


def test_language_switch_changes_the_labels(qtbot, qsettings):
    loaded = i18n.switch("zh_CN", qsettings)
    assert "helpdesk_zh_CN.qm" in loaded and any(name.startswith("qtbase") for name in loaded)
    assert labels.label(SheetState.CLOSED) == "已关闭"
    assert messages.error_text(ValidationError("description", "text.required", "x")) == \
        "此项必填。"
    i18n.switch("zh_TW", qsettings)
    assert labels.label(SheetState.CLOSED) == "已關閉"
    i18n.switch("en", qsettings)
    assert labels.label(SheetState.CLOSED) == "Closed"
    assert qsettings.value(i18n.SETTINGS_KEY) == "en"
    assert QT_TRANSLATE_NOOP("labels", "Closed") == "Closed"


def test_open_widgets_follow_the_switch(qtbot, make_ctx, sample, qsettings):
    from helpdesk.ui.complaints.form import SheetForm
    from helpdesk.ui.settings.page import PersonalTab

    ctx = make_ctx(sample.staff.director)
    form = SheetForm(ctx, sheet_id=sample.visited)
    qtbot.addWidget(form)
    tab = PersonalTab(ctx)
    qtbot.addWidget(tab)
    assert form.analysis_box.title() == "Root cause, correction and measure"
    with qtbot.waitSignal(ctx.bus.language_changed) as switched:
        tab.language_combo.setCurrentIndex(tab.language_combo.findData("zh_CN"))
    assert switched.args == ["zh_CN"]
    # Qt delivers the LanguageChange event to every window through the event loop.
    qtbot.waitUntil(lambda: form.analysis_box.title() == "根本原因、缺点纠正与措施")
    assert form.save_button.text() == "保存"
    assert form.state_label.text() == "【已回访】"
    assert form.action_buttons[next(iter(form.action_buttons))].text() == "响应"
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("zh_TW"))
    qtbot.waitUntil(lambda: form.analysis_box.title() == "根本原因、缺點糾正與措施")


@pytest.mark.parametrize("area", ["helpdesk", "customers", "reports"])
def test_every_text_in_the_sources_is_in_the_ts_files(area: str, tmp_path: Path):
    # A tr() text added without running scripts/update_translations.py would show in
    # English in the Chinese UI; lupdate on a copy finds it as a new, unfinished entry.
    scripts = Path(__file__).resolve().parents[2] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        import update_translations as ut
    finally:
        sys.path.remove(str(scripts))
    lupdate = ut.tool("pyside6-lupdate")
    copy = tmp_path / f"{area}_zh_CN.ts"
    shutil.copyfile(TRANSLATIONS / f"{area}_zh_CN.ts", copy)
    files = [str(p.relative_to(ut.ROOT)) for p in ut.sources(area)]
    subprocess.run([lupdate, "-no-obsolete", "-source-language", "en",
                    "-target-language", "zh_CN", *files, "-ts", str(copy)],
                   cwd=ut.ROOT, check=True, capture_output=True)
    missing = [m.findtext("source") for m in ET.parse(copy).getroot().iter("message")
               if m.find("translation").get("type") == "unfinished"]
    assert missing == [], f"run scripts/update_translations.py --area {area} and translate"
