"""The facade's wiring: a Later names a service without importing it, and a Delegate calls the
service's method with its own signature once the class is loaded."""

from __future__ import annotations

import sys

from casevault.vault.wiring import Delegate, Later, MethodName, loaded


def test_a_later_service_is_imported_only_when_loaded() -> None:
    later = Later("casevault.vault.stats", "Stats")
    assert isinstance(later.figures_for, MethodName) and later.figures_for.__name__ == "figures_for"
    cls = loaded(later)
    assert cls.__name__ == "Stats" and "casevault.vault.stats" in sys.modules
    assert loaded(int) is int  # a class already imported stands for itself


class _Service:
    def greet(self, who: str) -> str:
        """Say hello."""
        return f"hello {who}"


class _Front:
    greet = Delegate("service", _Service.greet)

    def __init__(self) -> None:
        self.service = _Service()


def test_a_delegate_calls_the_services_method_and_keeps_its_docstring() -> None:
    assert _Front().greet("rep") == "hello rep"
    assert isinstance(vars(_Front)["greet"], Delegate)
    assert _Front.greet.__doc__ == "Say hello."
    assert Delegate("x", Later("m", "C").anything).__doc__ is None
