"""The Vault's vault-wide records (issue 5): the employer's policy library and the breach record.
A mixin, so `Vault` stays the one API."""

from __future__ import annotations


class LibraryMixin:
    pass
