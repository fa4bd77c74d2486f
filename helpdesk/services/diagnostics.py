"""The log file and what a support person asks for: version, system, database.

Both entry points (the ``helpdesk`` command and the ``helpdesk-desk`` window) call
:func:`configure_logging` once at start: stdlib ``logging`` into
``<data folder>/logs/helpdesk.log``, rotated at :data:`MAX_BYTES` with
:data:`BACKUP_COUNT` old files kept, always UTF-8. Modules log through
``logging.getLogger(__name__)``; nothing is printed to a console that a windowed
program does not have. :func:`install_exception_hooks` sends every uncaught exception
(main thread and other threads) to the log, with its traceback, and on to a callback
(the desktop shows a dialog there instead of vanishing).
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import helpdesk
from helpdesk.storage import engine as engine_mod

LOG_FILE = "helpdesk.log"
MAX_BYTES = 1_000_000  # about 5 000 lines; enough for weeks of a store's work
BACKUP_COUNT = 5
SLOW_SECONDS = 2.0  # background jobs slower than this are logged as slow
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger(__name__)


class _HelpdeskFileHandler(logging.FileHandler):
    """The log file, rotated: once a line would take it to ``max_bytes`` it becomes
    ``<file>.1`` (the older ones move up to ``.<backup_count>``, the oldest goes) and a
    new file is begun. Ours, so that configuring again replaces it rather than adding a
    second one.

    What ``logging.handlers.RotatingFileHandler`` does, written here because importing
    ``logging.handlers`` loads ``socket``, ``pickle``, ``queue`` and eight more modules,
    ~15 ms before the login window (issue 13)."""

    def __init__(self, path: Path, *, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:  # noqa: BLE001 - logging reports its own failures, never raises
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        path = self.baseFilename
        if self.max_bytes <= 0 or self.backup_count <= 0 or (
                os.path.exists(path) and not os.path.isfile(path)):  # /dev/null, a pipe
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        line = f"{self.format(record)}{self.terminator}".encode()
        return self.stream.tell() + len(line) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # FileHandler.emit reopens it if the renames fail
        base = self.baseFilename
        for n in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def log_dir() -> Path:
    return engine_mod.data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_FILE


def configure_logging(program: str, *, max_bytes: int = MAX_BYTES,
                      backup_count: int = BACKUP_COUNT) -> Path | None:
    """Log into the data folder's rotating file; returns its path (None: not writable,
    the program runs on without a log rather than not at all)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _HelpdeskFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _HelpdeskFileHandler(path, max_bytes=max_bytes, backup_count=backup_count)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # libraries: warnings and errors only
    # Ours at INFO; Alembic's own INFO lines are noise (``migrate`` logs each upgrade).
    logging.getLogger("helpdesk").setLevel(logging.INFO)
    logging.captureWarnings(True)
    log.info("Helpdesk %s started (%s); Python %s on %s; data folder %s",
             helpdesk.__version__, program, platform.python_version(), _os_text(),
             engine_mod.data_dir())
    return path


def install_exception_hooks(
        show: Callable[[BaseException], None] | None = None) -> Callable[[], None]:
    """Log uncaught exceptions with their traceback; then ``show(exc)`` (which may be
    called from any thread) or, without it, Python's own report on stderr.

    Returns a function that puts the previous hooks back."""
    previous = (sys.excepthook, threading.excepthook)

    def excepthook(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        if show is not None:
            show(exc)
        elif sys.stderr is not None:
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        log.critical("unexpected error in thread %s", thread,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        if show is not None:
            show(args.exc_value)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous

    return restore


def log_exception(message: str, exc: BaseException) -> None:
    """Log an error that was handled (shown to the user) with its traceback."""
    log.error("%s: %s", message, exc, exc_info=(type(exc), exc, exc.__traceback__))


# ------------------------------------------------------------------ diagnostics
@dataclass(frozen=True)
class Diagnostics:
    """What "Copy diagnostics" copies.

    Attributes:
        version: Helpdesk's version.
        python: Python's version (and "frozen" inside the bundle).
        system: the operating system.
        database_kind: ``sqlite`` or ``postgresql`` ("" when unknown).
        database: the file or server (no password).
        revision: the database's Alembic revision ("" when unknown).
        data_folder: where the config, logs and backups are.
        log_file: the current log file.
        extra: further lines given by the caller (the desktop adds Qt's version).
    """

    version: str
    python: str
    system: str
    database_kind: str
    database: str
    revision: str
    data_folder: str
    log_file: str
    extra: tuple[tuple[str, str], ...] = ()

    def as_text(self) -> str:
        lines = [
            ("Helpdesk", self.version),
            ("Python", self.python),
            *self.extra,
            ("OS", self.system),
            ("Database", f"{self.database_kind} {self.database}".strip()),
            ("Alembic revision", self.revision or "?"),
            ("Data folder", self.data_folder),
            ("Log file", self.log_file),
        ]
        return "\n".join(f"{name}: {value}" for name, value in lines)


def collect(uow: Any = None, *, database: str = "",
            extra: tuple[tuple[str, str], ...] = ()) -> Diagnostics:
    """The facts of this installation; ``uow`` (a unit of work of the open database)
    adds its kind and schema revision."""
    kind, revision = database_facts(uow) if uow is not None else ("", "")
    python = platform.python_version() + (" (bundle)" if getattr(sys, "frozen", False) else "")
    return Diagnostics(
        version=helpdesk.__version__, python=python, system=_os_text(),
        database_kind=kind, database=database, revision=revision,
        data_folder=str(engine_mod.data_dir()), log_file=str(log_path()), extra=extra)


def database_facts(uow: Any) -> tuple[str, str]:
    """The database's kind and Alembic revision ("" for what cannot be read)."""
    engine = getattr(uow, "engine", None)
    if engine is None:
        return "", ""
    from helpdesk.storage import migrate

    try:
        revision = migrate.current_revision(engine) or ""
    except Exception as exc:  # noqa: BLE001 - diagnostics must not fail on a bad database
        log.warning("reading the schema revision failed: %s", exc)
        revision = ""
    return engine.dialect.name, revision


def _os_text() -> str:
    """The system, its release and version, the machine: ``Linux 6.1.0 (#1 SMP …) x86_64
    (posix)``, ``Windows 10 (10.0.19045) AMD64 (nt)``.

    Not ``platform.platform()``: it asks for the processor, which on Linux runs ``uname
    -p`` in a subprocess — 20–80 ms of every start, before the login window (issue 13)."""
    uname = platform.uname()  # the processor is looked up only when read
    parts = [uname.system, uname.release, f"({uname.version})" if uname.version else "",
             uname.machine]
    text = " ".join(part for part in parts if part)
    return f"{text} ({os.name})" if text else os.name
