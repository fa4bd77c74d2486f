"""Type-checked only (listed in the ``mypy`` files of pyproject.toml): both units of
work, and each of their repositories, are what ``services.ports`` says a use case gets.
A missing method or a changed signature on either side is a mypy error here."""

from __future__ import annotations

from sqlalchemy import Engine

from helpdesk.services import ports
from helpdesk.storage.uow import SqlAlchemyUnitOfWork
from tests import fakes


def real(engine: Engine) -> ports.UnitOfWork:
    return SqlAlchemyUnitOfWork(engine)


def fake() -> ports.UnitOfWork:
    return fakes.FakeUnitOfWork()


def real_repositories(uow: SqlAlchemyUnitOfWork) -> tuple[
        ports.Stores, ports.Users, ports.Customers, ports.Sheets, ports.AuditTrail,
        ports.Settings]:
    return uow.stores, uow.users, uow.customers, uow.sheets, uow.audit, uow.settings


def fake_repositories(uow: fakes.FakeUnitOfWork) -> tuple[
        ports.Stores, ports.Users, ports.Customers, ports.Sheets, ports.AuditTrail,
        ports.Settings]:
    return uow.stores, uow.users, uow.customers, uow.sheets, uow.audit, uow.settings
