"""The ICBs that began and closed on 1 April 2026 (store/icb_2026.py does the work, checked
against the ODS successions already loaded)."""

from __future__ import annotations

from localnhs.store import icb_2026


def load(ctx) -> None:
    icb_2026.load(ctx, ctx.staged.orgs)
