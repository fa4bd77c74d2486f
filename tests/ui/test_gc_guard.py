"""Garbage is collected by the UI thread's timer, never automatically elsewhere."""

from __future__ import annotations

import gc

from helpdesk.ui.gc_guard import GarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_switches_automatic_collection_off_and_collects_on_its_timer(qtbot):
    outer_enabled = gc.isenabled()  # False: the UI tests run under a collector too
    gc.enable()
    collector = GarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        threshold = gc.get_threshold()[0]
        for _ in range(threshold * 3):
            _Cycle()
        assert gc.get_count()[0] > threshold  # nothing collected them automatically
        qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()
    if not outer_enabled:
        gc.disable()  # back to the UI tests' own collector (tests/ui/conftest.py)
