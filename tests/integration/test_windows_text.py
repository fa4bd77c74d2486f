"""Text in and out of the command line when the system's encoding is not UTF-8.

On a Chinese Windows, redirected output was written in GBK and files were read in
GBK: ``report letter --draft > letter.txt`` then ``--text letter.txt`` failed, and a
name outside GBK (吉𠮷, with a 4-byte character) ended ``sheet list --json``. Here
the child process runs in the C locale with UTF-8 mode off and no
``PYTHONIOENCODING``, so its locale encoding is ASCII — stricter than GBK."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk.cli import main
from helpdesk.storage.database import open_database
from tests.conftest import PASSWORD, staff_store

ROOT = Path(__file__).resolve().parents[2]
NAME = "吉𠮷"  # 𠮷 (U+20BB7) is outside the BMP and outside GBK


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "LC_CTYPE", "LC_ALL", "LANG", "HELPDESK_LANG",
                        "HELPDESK_DATABASE_URL")}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", HELPDESK_HOME=str(home),
               HELPDESK_PASSWORD=PASSWORD)
    return env


def _helpdesk(*argv: str, home: Path, stdout: int | object = subprocess.PIPE
              ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "helpdesk", *argv], cwd=ROOT, env=_env(home),
                          stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False)


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """A staffed database with one sheet of the customer 吉𠮷; returns it and the number."""
    path = tmp_path / "text.db"
    db = open_database(f"sqlite:///{path}")
    staff_store(db)
    db.dispose()
    os.environ["HELPDESK_PASSWORD"] = PASSWORD
    try:
        code = main(["--database", str(path), "--json", "sheet", "register", "--user", "desk",
                     "--channel", "reception", "--severity", "general", "--category",
                     "price", "--description", f"{NAME}先生说收费高", "--customer-name", NAME,
                     "--phone", "13812345678"])
    finally:
        del os.environ["HELPDESK_PASSWORD"]
    out = capsys.readouterr().out
    assert code == 0, out
    return path, json.loads(out)["number"]


def test_the_child_really_has_a_non_utf8_locale(tmp_path: Path) -> None:
    probe = subprocess.run([sys.executable, "-c",
                            "import locale, sys; print(sys.flags.utf8_mode, "
                            "locale.getpreferredencoding(False))"],
                           env=_env(tmp_path), capture_output=True, text=True, check=True)
    utf8_mode, encoding = probe.stdout.split()
    assert utf8_mode == "0" and encoding.lower().replace("-", "") != "utf8"


def test_letter_draft_redirected_to_a_file_reads_back(database: tuple[Path, str],
                                                      tmp_path: Path) -> None:
    path, number = database
    letter = tmp_path / "letter.txt"
    with letter.open("wb") as out:
        drafted = _helpdesk("--database", str(path), "--lang", "zh_CN", "report", "letter",
                            number, "--draft", home=tmp_path, stdout=out)
    assert drafted.returncode == 0, drafted.stderr.decode("utf-8", "replace")
    text = letter.read_bytes().decode("utf-8")  # UTF-8, not the locale's encoding
    assert NAME in text

    made = _helpdesk("--database", str(path), "report", "letter", number, "--text",
                     str(letter), "--out", str(tmp_path / "letter.pdf"), home=tmp_path)
    assert made.returncode == 0, made.stderr.decode("utf-8", "replace")
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_a_gb18030_letter_file_is_accepted_too(database: tuple[Path, str],
                                               tmp_path: Path) -> None:
    path, number = database
    letter = tmp_path / "letter-gbk.txt"
    letter.write_bytes(f"尊敬的{NAME}先生：\n您好！\n".encode("gb18030"))
    made = _helpdesk("--database", str(path), "report", "letter", number, "--text",
                     str(letter), "--out", str(tmp_path / "gbk.pdf"), home=tmp_path)
    assert made.returncode == 0, made.stderr.decode("utf-8", "replace")
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "gbk.pdf").pages)
    assert "尊敬的吉" in pdf_text


def test_sheet_list_json_carries_a_four_byte_character(database: tuple[Path, str],
                                                       tmp_path: Path) -> None:
    path, number = database
    listed = _helpdesk("--database", str(path), "sheet", "list", "--json", home=tmp_path)
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    sheets = json.loads(listed.stdout.decode("utf-8"))["sheets"]
    assert [(s["number"], s["customer_name"]) for s in sheets] == [(number, NAME)]
    # Errors are UTF-8 as well (a Chinese message in an ASCII locale).
    missing = _helpdesk("--database", str(path), "--lang", "zh_CN", "sheet", "show",
                        "TS-2026-999999", home=tmp_path)
    assert missing.returncode == 1
    assert "错误" in missing.stderr.decode("utf-8")
