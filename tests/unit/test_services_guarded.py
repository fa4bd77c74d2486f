"""Every use case passes the one input check (issue 16): each public function of a
service module whose first parameter is ``uow`` is wrapped by ``common.guard_use_cases``
— including the modules that later issues added."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import helpdesk.services
from helpdesk.domain.inputs import InputRefused
from helpdesk.services import customer_list
from helpdesk.services.customer_list import CustomerFilter

# ``common`` holds the guard and the helpers use cases call inside their transaction;
# ``diagnostics`` only reads facts for a crash report, never the user's input.
NOT_USE_CASES = {"common", "diagnostics"}


def _use_cases():
    for info in pkgutil.iter_modules(helpdesk.services.__path__):
        if info.name in NOT_USE_CASES:
            continue
        module = importlib.import_module(f"helpdesk.services.{info.name}")
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            original = inspect.unwrap(fn)
            if original.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(original).parameters)
            if parameters and parameters[0] == "uow":
                yield f"{info.name}.{name}", fn


def test_every_use_case_is_guarded():
    found = dict(_use_cases())
    assert len(found) > 50  # the walk found the services
    unguarded = sorted(name for name, fn in found.items()
                       if not getattr(fn, "__guarded__", False))
    assert not unguarded, f"not behind common.guard_use_cases: {unguarded}"


def test_the_guard_checks_positional_keyword_and_filter_values_alike():
    """Issue 13: the guard binds by position without ``inspect``; every way of passing
    a value is still checked, and a wrong call is still a TypeError."""
    search = customer_list.search_customers
    nul = CustomerFilter(text="张\x00三")
    with pytest.raises(InputRefused):
        search(None, 1, nul)
    with pytest.raises(InputRefused):
        search(None, 1, customer_filter=nul)
    with pytest.raises(InputRefused):
        search(None, 2**64, CustomerFilter())
    with pytest.raises(InputRefused):
        search(None, 1, CustomerFilter(owner_user_id=2**40))
    with pytest.raises(InputRefused):
        search(None, 1, CustomerFilter(), first=2**70)
    with pytest.raises(TypeError):
        search(None, 1, CustomerFilter(), 200)  # ``first`` is keyword-only
    with pytest.raises(TypeError):
        search(None, 1, CustomerFilter(), actor_id=1)
