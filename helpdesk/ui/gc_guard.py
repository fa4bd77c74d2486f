"""Garbage collection only in the UI thread.

Python's cyclic garbage collector runs in whichever thread happens to allocate. When
that is a worker thread (lists and reports are built off the UI thread), it can
destroy Qt objects caught in reference cycles there, while the UI thread is using them
— an intermittent crash. The remedy pyqtgraph uses too: switch automatic collection
off and collect, generation by generation as the thresholds say, from a timer in the UI
thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    """Attributes: timer — fires every ``INTERVAL_MS`` in the thread that made it."""

    def __init__(self, *, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timeout)
        self.timer.start(interval_ms)

    def _on_timeout(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
