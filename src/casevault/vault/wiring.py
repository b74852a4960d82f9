"""How the facade (vault/facade.py) wires its services: `Delegate`, one explicit delegation of a
Vault method to a service's, and `Later`, a service class named by module and imported only on
first use, so the first paint of the window loads none of the services it does not show."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

P = ParamSpec("P")
R = TypeVar("R")


class Delegate(Generic[P, R]):
    """One explicit delegation: `name = Delegate("service", Service.name)` in the class body
    makes `vault.name(...)` call `vault.service.name(...)`, with that method's own signature (for
    mypy) and docstring. A test resolves every one against a real Vault."""

    def __init__(self, service: str, method: Callable[Concatenate[Any, P], R]) -> None:
        self.service = service
        self.name = method.__name__
        self.__doc__ = method.__doc__  # None for a Later's method, until its module is loaded

    @overload
    def __get__(self, obj: None, owner: type) -> Delegate[P, R]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> Callable[P, R]: ...
    def __get__(self, obj: object | None, owner: type) -> Delegate[P, R] | Callable[P, R]:
        if obj is None:
            return self
        method: Callable[P, R] = getattr(getattr(obj, self.service), self.name)
        return method


class MethodName:
    """What a Later hands a Delegate at class creation: the method's name, nothing loaded."""

    __doc__ = None

    def __init__(self, name: str) -> None:
        self.__name__ = name


class Later:
    """A service class named by module, imported only when `load` is called."""

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name

    def __getattr__(self, method: str) -> MethodName:
        if method.startswith("__"):
            raise AttributeError(method)
        return MethodName(method)

    def load(self) -> Any:
        return getattr(importlib.import_module(self._module), self._name)


def loaded(service: type[R]) -> type[R]:
    """The real class of a service named by Later (at run time), or the class itself."""
    return service.load() if isinstance(service, Later) else service
