"""Where the raw files are read from and where outputs go.

The raw folder is never copied into the repository: a build reads it in place, from
``--raw``, else ``LOCALNHS_RAW``, else ``../shared/data/raw`` beside the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def var_dir() -> Path:
    """Outputs (database, caches) live under var/, git-ignored."""
    return Path(os.environ.get("LOCALNHS_VAR", REPO_ROOT / "var"))


def default_db() -> Path:
    return Path(os.environ.get("LOCALNHS_DB", var_dir() / "localnhs.sqlite"))


def raw_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("LOCALNHS_RAW")
    if env:
        return Path(env)
    return (REPO_ROOT.parent / "shared" / "data" / "raw").resolve()
