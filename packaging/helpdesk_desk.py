"""The bundle's ``helpdesk-desk`` program: the desktop, without a console window."""

from helpdesk.cli import desktop

raise SystemExit(desktop())
