"""The bundle's ``helpdesk`` program: the command line (no command: the desktop)."""

from helpdesk.cli import main

raise SystemExit(main())
