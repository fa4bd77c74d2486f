"""What one operation changed, so every open view can decide whether to redraw."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """What one operation changed; every open view decides whether to redraw."""

    sheet_ids: frozenset[int] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    settings: bool = False  # store, calendar, SLA policy, categories, phrases
    users: bool = False
    everything: bool = False  # import, demo data, restore

    def touches_sheets(self) -> bool:
        return self.everything or bool(self.sheet_ids)

    def touches_customers(self) -> bool:
        return self.everything or bool(self.customer_ids)

    def touches_settings(self) -> bool:
        return self.everything or self.settings or self.users
