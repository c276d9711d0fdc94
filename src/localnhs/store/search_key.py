"""The form names are stored and matched in (search.name_key): written by the build
(store/derive.py) and applied to what a user types (query/search.py), so both sides agree."""

from __future__ import annotations

import re


def name_key(text: str) -> str:
    """Case, punctuation and '&'/'and' do not matter."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())
