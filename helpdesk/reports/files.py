"""Writing a finished document to its file, for the desktop and the command line alike."""

from __future__ import annotations

from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through ``<name>.part`` and a rename: a failed write
    never leaves half a document under the real name (a good one stays). Raises
    ``OSError``."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
