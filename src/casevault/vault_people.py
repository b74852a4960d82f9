"""The Vault's people and their permissions (issue 5): parties with roles and the conflict check,
consent, escalation records and the closing guard. A mixin, so `Vault` stays the one API."""

from __future__ import annotations


class PeopleMixin:
    pass
