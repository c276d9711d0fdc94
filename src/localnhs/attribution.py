"""The attribution statements the licences require, shown in README, `localnhs about` and
every web page footer: the statements the datasets in sources/registry.py declare."""

from localnhs.sources.registry import attribution_lines

LINES = attribution_lines()
SHORT = " ".join(LINES[:4])
