"""Start Helpdesk: the desktop application, or a command (``python main.py sheet list``).

The wiring lives in ``helpdesk.cli.main`` so that ``helpdesk``, ``python -m helpdesk``
and this script behave the same.
"""

from helpdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
