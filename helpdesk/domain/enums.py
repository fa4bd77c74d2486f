"""Small enumerations shared by the complaint model and the SLA rules.

Values are stable strings: they are stored in the database and in the JSON of the SLA
policies the administrator edits, so renaming a member is fine but changing a value
needs a migration.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """How the complaint reached the store (接收渠道)."""

    CARE_VISIT = "care_visit"
    """Found by customer care during a return visit (客户关爱回访中发现)."""
    RECEPTION = "reception"
    """Told to a service advisor at reception (服务顾问接待中)."""
    OEM_HOTLINE = "oem_hotline"
    """Passed on by the manufacturer's 400 hotline (厂家400热线)."""
    MEDIA = "media"
    """Media, consumers' association or trade regulator (媒体/消协/行业管理)."""
    PHONE = "phone"
    """Telephone (电话)."""
    ONLINE = "online"
    """Web, WeChat or e-mail (网络/微信/邮件)."""
    IN_STORE = "in_store"
    """At the counter of a retail store (门店现场)."""


class Severity(StrEnum):
    """How serious the complaint is: major (重大) or general (一般)."""

    MAJOR = "major"
    GENERAL = "general"


class SheetState(StrEnum):
    """Where a complaint sheet stands in its workflow (状态); see ``complaints.TRANSITIONS``."""

    REGISTERED = "registered"  # 已登记
    ACKNOWLEDGED = "acknowledged"  # 已响应
    IN_PROGRESS = "in_progress"  # 处理中
    WAITING = "waiting"  # 等待客户 (the resolution clock stands still)
    RESOLVED = "resolved"  # 已解决, 待回访
    VISITED = "visited"  # 已回访
    CLOSED = "closed"  # 已关闭


OPEN_STATES = frozenset(
    {
        SheetState.REGISTERED,
        SheetState.ACKNOWLEDGED,
        SheetState.IN_PROGRESS,
        SheetState.WAITING,
    }
)
"""States in which the complaint is not yet resolved (waiting stops its clock, see
``deadlines``)."""
