"""The Vault's paper-trail rules (issue 5): sealed entries with versions, the originals register,
review against the first meeting, and emails imported into the paper trail. A mixin."""

from __future__ import annotations


class PaperTrailMixin:
    pass
