"""The "ways in" content: what each kind of NHS body does and how a resident can get a say.

The words live in YAML beside this module so they are reviewed like code, and every
statement must cite a source from ``sources.yaml``: a resident should be able to check
any claim we make. The loader refuses content that breaks those rules rather than
showing an uncited sentence.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from localnhs.kinds import COUNCIL_TIERS, SPECIAL_COUNCILS, content_files

__all__ = [
    "ContentError",
    "Source",
    "Statement",
    "BodyContent",
    "CommunityPlanningItem",
    "KINDS",
    "SECTIONS",
    "PLACEHOLDERS",
    "load_sources",
    "load_bodies",
    "load_community_planning",
    "load_national",
    "load_healthwatch_areas",
    "HealthwatchArea",
]

# The ways-in files (one per kind of body we explain), from the registry of kinds. Files in bodies/ must match.
KINDS: tuple[str, ...] = content_files()
SECTIONS: tuple[str, ...] = (
    "what_it_does",
    "what_it_decides",
    "duty_to_involve",
    "ways_in",
    "community_planning",
    "changes_since_2016",
)
# Filled in at run time; anything else in braces is a typo that would leak to a resident.
PLACEHOLDERS: frozenset[str] = frozenset({"name", "place"})
# official: government, Parliament and NHS bodies' own pages; briefing: independent explainers and
# local news that report an official fact (used where the official page itself was not read).
SOURCE_KINDS: frozenset[str] = frozenset({"seed", "act", "guidance", "official", "briefing"})
# Council tiers and other flags a statement's ``when`` may name.
TIERS: frozenset[str] = frozenset(COUNCIL_TIERS) | {tier for tier, _ in SPECIAL_COUNCILS.values()}
FLAGS: frozenset[str] = frozenset({"sole_sub_icb", "shared_sub_icb"})

_BODY_KEYS = {"kind", "title", "level", "valid_from", "valid_to", "checked", "statements", "by_type"}


class ContentError(ValueError):
    """Raised with "<file>: <what is wrong>" so a reviewer knows where to look."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    url: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Statement:
    text: str
    sources: tuple[str, ...]
    checked: dt.date
    title: str | None = None  # ways_in only
    date: dt.date | None = None  # changes_since_2016 only
    # When the statement is true: answers for dates in [valid_from, valid_to], and, if ``when`` is
    # given, only for bodies with one of those flags (a council's tier: "tier:district"; a sub-ICB
    # location alone in its ICB: "sole_sub_icb"). Lets 2016 and today, county and district, differ.
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    when: tuple[str, ...] = ()

    def render(self, **values: str) -> str:
        """Fill {name} / {place}; unknown values are left visible rather than guessed."""
        return _fill(self.text, values)

    def applies(self, day: dt.date, flags: frozenset[str] | set[str] = frozenset()) -> bool:
        if self.valid_from and day < self.valid_from or self.valid_to and day > self.valid_to:
            return False
        return not self.when or any(f in flags for f in self.when)


@dataclass(frozen=True)
class BodyContent:
    kind: str
    title: str
    level: int
    valid_from: dt.date | None
    valid_to: dt.date | None
    checked: dt.date
    statements: Mapping[str, tuple[Statement, ...]]
    # nhs_trust / foundation_trust only: notes per trust type (acute, ambulance, ...)
    by_type: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def section(self, name: str) -> tuple[Statement, ...]:
        return self.statements.get(name, ())

    def all_statements(self) -> list[Statement]:
        """Every statement, including the per-type notes, for checks that must see them all."""
        out = [s for sec in self.statements.values() for s in sec]
        for entry in self.by_type.values():
            for sec in entry["statements"].values():
                out.extend(sec)
        return out

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class CommunityPlanningItem:
    topic: str
    to: tuple[str, ...]
    text: str
    sources: tuple[str, ...]
    checked: dt.date
    to_2016: tuple[str, ...] = ()
    text_2016: str | None = None   # the same advice in 2016 words (no PCNs, no ICBs), when different


@dataclass(frozen=True)
class HealthwatchArea:
    name: str
    councils: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    sources: tuple[str, ...]
    checked: dt.date


# ---------------------------------------------------------------- reading


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, values: Mapping[str, str]) -> str:
    return string.Formatter().vformat(text, (), _Safe(values))


def _root(root: str | os.PathLike | None) -> Traversable:
    # Installed packages may live in a zip, so the default goes through importlib.resources.
    return files("localnhs.content") if root is None else Path(root)


def _read(base: Traversable, rel: str) -> Any:
    node = base
    for part in rel.split("/"):
        node = node.joinpath(part)
    if not node.is_file():
        raise ContentError(f"{rel}: file not found")
    try:
        data = yaml.safe_load(node.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ContentError(f"{rel}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{rel}: expected a mapping at the top level")
    return data


def _date(rel: str, value: Any, what: str, *, required: bool) -> dt.date | None:
    if value is None:
        if required:
            raise ContentError(f"{rel}: missing '{what}'")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ContentError(f"{rel}: '{what}' is not a date (YYYY-MM-DD): {value!r}")


def _checked(rel: str, data: Mapping[str, Any]) -> dt.date:
    if "checked" not in data:
        raise ContentError(f"{rel}: missing 'checked' (date the content was last checked)")
    return _date(rel, data["checked"], "checked", required=True)  # type: ignore[return-value]


_FIELD = re.compile(r"\{([^{}]*)\}")


def _check_text(rel: str, where: str, text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ContentError(f"{rel}: {where}: missing 'text'")
    for name in _FIELD.findall(text):
        if name not in PLACEHOLDERS:
            raise ContentError(
                f"{rel}: {where}: unknown placeholder {{{name}}} (allowed: {sorted(PLACEHOLDERS)})"
            )
    return " ".join(text.split())


def _cites(rel: str, where: str, raw: Any, known: Mapping[str, Source]) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not raw:
        raise ContentError(f"{rel}: {where}: statement has no sources")
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise ContentError(f"{rel}: {where}: 'sources' must be a list of source ids")
    for sid in raw:
        if sid not in known:
            raise ContentError(f"{rel}: {where}: unknown source id {sid!r}")
    return tuple(raw)


def _statement(
    rel: str, where: str, raw: Any, section: str, default_checked: dt.date, known: Mapping[str, Source]
) -> Statement:
    if not isinstance(raw, dict):
        raise ContentError(f"{rel}: {where}: expected a mapping with text and sources")
    text = _check_text(rel, where, raw.get("text"))
    sources = _cites(rel, where, raw.get("sources"), known)
    checked = _date(rel, raw.get("checked"), "checked", required=False) or default_checked
    title = raw.get("title")
    if section == "ways_in" and not (isinstance(title, str) and title.strip()):
        raise ContentError(f"{rel}: {where}: a way in needs a short 'title'")
    day = _date(rel, raw.get("date"), "date", required=section == "changes_since_2016")
    unknown = set(raw) - {"text", "sources", "checked", "title", "date", "valid_from", "valid_to", "when"}
    if unknown:
        raise ContentError(f"{rel}: {where}: unknown keys {sorted(unknown)}")
    start = _date(rel, raw.get("valid_from"), "valid_from", required=False)
    end = _date(rel, raw.get("valid_to"), "valid_to", required=False)
    if start and end and end < start:
        raise ContentError(f"{rel}: {where}: valid_to is before valid_from")
    when = raw.get("when") or []
    if isinstance(when, str):
        when = [when]
    for flag in when:
        if not (flag in FLAGS or flag.startswith("tier:") and flag[5:] in TIERS):
            raise ContentError(f"{rel}: {where}: unknown 'when' flag {flag!r}")
    return Statement(text=text, sources=sources, checked=checked, title=title, date=day,
                     valid_from=start, valid_to=end, when=tuple(when))


def _sections(
    rel: str, where: str, raw: Any, checked: dt.date, known: Mapping[str, Source]
) -> Mapping[str, tuple[Statement, ...]]:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ContentError(f"{rel}: {where}: expected a mapping of sections")
    out: dict[str, tuple[Statement, ...]] = {}
    for section, items in raw.items():
        if section not in SECTIONS:
            raise ContentError(f"{rel}: {where}: unknown section {section!r} (allowed: {list(SECTIONS)})")
        if not isinstance(items, list):
            raise ContentError(f"{rel}: {where}.{section}: expected a list of statements")
        out[section] = tuple(
            _statement(rel, f"{where}.{section}[{i}]", item, section, checked, known)
            for i, item in enumerate(items)
        )
    return MappingProxyType(out)


# ---------------------------------------------------------------- public loaders


@lru_cache(maxsize=None)
def load_sources(root: str | os.PathLike | None = None) -> Mapping[str, Source]:
    """Sources by id; every other file is checked against this list."""
    rel = "sources.yaml"
    data = _read(_root(root), rel)
    _checked(rel, data)
    items = data.get("sources")
    if not isinstance(items, list) or not items:
        raise ContentError(f"{rel}: expected a non-empty 'sources' list")
    out: dict[str, Source] = {}
    for i, item in enumerate(items):
        where = f"sources[{i}]"
        if not isinstance(item, dict):
            raise ContentError(f"{rel}: {where}: expected a mapping")
        for key in ("id", "title", "publisher", "kind"):
            if not item.get(key):
                raise ContentError(f"{rel}: {where}: missing '{key}'")
        sid = item["id"]
        if sid in out:
            raise ContentError(f"{rel}: {where}: duplicate id {sid!r}")
        if item["kind"] not in SOURCE_KINDS:
            raise ContentError(f"{rel}: {sid}: kind {item['kind']!r} not one of {sorted(SOURCE_KINDS)}")
        url = item.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            raise ContentError(f"{rel}: {sid}: url must be an https:// address or null")
        out[sid] = Source(
            id=sid,
            title=" ".join(str(item["title"]).split()),
            publisher=item["publisher"],
            kind=item["kind"],
            url=url,
            date=_date(rel, item.get("date"), f"{sid}.date", required=False),
        )
    return MappingProxyType(out)


def _load_body(rel: str, data: Mapping[str, Any], known: Mapping[str, Source]) -> BodyContent:
    checked = _checked(rel, data)
    unknown = set(data) - _BODY_KEYS
    if unknown:
        raise ContentError(f"{rel}: unknown keys {sorted(unknown)}")
    kind = data.get("kind")
    expected = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
    if kind != expected:
        raise ContentError(f"{rel}: kind {kind!r} does not match the file name {expected!r}")
    if kind not in KINDS:
        raise ContentError(f"{rel}: unknown kind {kind!r}")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ContentError(f"{rel}: missing 'title'")
    level = data.get("level")
    if not isinstance(level, int) or not 1 <= level <= 9:
        raise ContentError(f"{rel}: 'level' must be an integer 1..9")
    valid_from = _date(rel, data.get("valid_from"), "valid_from", required=False)
    valid_to = _date(rel, data.get("valid_to"), "valid_to", required=False)
    if valid_from and valid_to and valid_to < valid_from:
        raise ContentError(f"{rel}: valid_to is before valid_from")
    statements = _sections(rel, "statements", data.get("statements"), checked, known)
    if not any(statements.values()):
        raise ContentError(f"{rel}: no statements")
    by_type_raw = data.get("by_type") or {}
    if not isinstance(by_type_raw, dict):
        raise ContentError(f"{rel}: 'by_type' must be a mapping of trust type to notes")
    by_type: dict[str, Mapping[str, Any]] = {}
    for type_id, entry in by_type_raw.items():
        where = f"by_type.{type_id}"
        if not isinstance(entry, dict) or not entry.get("title"):
            raise ContentError(f"{rel}: {where}: needs a 'title'")
        extra = set(entry) - {"title", "statements"}
        if extra:
            raise ContentError(f"{rel}: {where}: unknown keys {sorted(extra)}")
        by_type[type_id] = MappingProxyType(
            {
                "title": entry["title"],
                "statements": _sections(rel, where, entry.get("statements"), checked, known),
            }
        )
    return BodyContent(
        kind=kind,
        title=title,
        level=level,
        valid_from=valid_from,
        valid_to=valid_to,
        checked=checked,
        statements=statements,
        by_type=MappingProxyType(by_type),
    )


@lru_cache(maxsize=None)
def load_bodies(root: str | os.PathLike | None = None) -> Mapping[str, BodyContent]:
    """Body content by kind id, in the order of KINDS (closest first) where known."""
    base = _root(root)
    known = load_sources(root)
    folder = base.joinpath("bodies")
    if not folder.is_dir():
        raise ContentError("bodies/: folder not found")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    if not names:
        raise ContentError("bodies/: no body files")
    bodies = {}
    for name in names:
        rel = f"bodies/{name}"
        body = _load_body(rel, _read(base, rel), known)
        bodies[body.kind] = body
    order = {k: i for i, k in enumerate(KINDS)}
    ordered = dict(sorted(bodies.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    return MappingProxyType(ordered)


@lru_cache(maxsize=None)
def load_community_planning(root: str | os.PathLike | None = None) -> tuple[CommunityPlanningItem, ...]:
    """What a neighbourhood plan or forum can take to whom; targets must be known kinds."""
    rel = "community_planning.yaml"
    data = _read(_root(root), rel)
    checked = _checked(rel, data)
    known = load_sources(root)
    items = data.get("items")
    if not isinstance(items, list) or not items:
        raise ContentError(f"{rel}: expected a non-empty 'items' list")
    out = []
    for i, item in enumerate(items):
        where = f"items[{i}]"
        if not isinstance(item, dict) or not item.get("topic"):
            raise ContentError(f"{rel}: {where}: needs a 'topic'")
        targets = {}
        for key in ("to", "to_2016"):
            value = item.get(key) or []
            if isinstance(value, str):
                value = [value]
            for kind in value:
                if kind not in KINDS:
                    raise ContentError(f"{rel}: {where}: unknown kind {kind!r} in '{key}'")
            targets[key] = tuple(value)
        if not targets["to"]:
            raise ContentError(f"{rel}: {where}: 'to' names no body")
        out.append(
            CommunityPlanningItem(
                topic=item["topic"],
                to=targets["to"],
                to_2016=targets["to_2016"],
                text=_check_text(rel, where, item.get("text")),
                text_2016=_check_text(rel, where, item["text_2016"]) if item.get("text_2016") else None,
                sources=_cites(rel, where, item.get("sources"), known),
                checked=_date(rel, item.get("checked"), "checked", required=False) or checked,
            )
        )
    return tuple(out)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@lru_cache(maxsize=None)
def load_national(root: str | os.PathLike | None = None) -> Mapping[str, Any]:
    """The seed's 2016 money and counts, kept apart so nobody mistakes them for today's."""
    rel = "national.yaml"
    data = _read(_root(root), rel)
    _checked(rel, data)
    known = load_sources(root)
    nodes = data.get("nodes") or []
    node_ids = {n.get("id") for n in nodes if isinstance(n, dict)}
    for i, flow in enumerate(data.get("flows") or []):
        where = f"flows[{i}]"
        if not isinstance(flow, dict):
            raise ContentError(f"{rel}: {where}: expected a mapping")
        for key in ("from", "to"):
            if flow.get(key) not in node_ids:
                raise ContentError(f"{rel}: {where}: '{key}' {flow.get(key)!r} is not a node id")
        if not isinstance(flow.get("value"), (int, float)):
            raise ContentError(f"{rel}: {where}: 'value' must be a number")
        if not isinstance(flow.get("year"), int):
            raise ContentError(f"{rel}: {where}: missing 'year'")
        _cites(rel, where, flow.get("source"), known)
    figures = data.get("seed_figures")
    if not isinstance(figures, list) or not figures:
        raise ContentError(f"{rel}: expected a non-empty 'seed_figures' list")
    seen = set()
    for i, fig in enumerate(figures):
        where = f"seed_figures[{i}]"
        if not isinstance(fig, dict):
            raise ContentError(f"{rel}: {where}: expected a mapping")
        for key in ("id", "text", "value", "unit", "year"):
            if fig.get(key) is None:
                raise ContentError(f"{rel}: {where}: missing '{key}'")
        if fig["id"] in seen:
            raise ContentError(f"{rel}: {where}: duplicate id {fig['id']!r}")
        seen.add(fig["id"])
        _check_text(rel, where, fig["text"])
        _cites(rel, where, fig.get("sources"), known)
    for i, fig in enumerate(data.get("official_2016_17") or []):
        where = f"official_2016_17[{i}]"
        if not isinstance(fig, dict) or not isinstance(fig.get("value"), (int, float)):
            raise ContentError(f"{rel}: {where}: needs a numeric 'value'")
        _check_text(rel, where, fig.get("text"))
        _cites(rel, where, fig.get("sources"), known)
    return _freeze(data)


_COUNCIL_CODE = re.compile(r"^E(06|07|08|09|10)\d{6}$")


@lru_cache(maxsize=None)
def load_healthwatch_areas(root: str | os.PathLike | None = None) -> tuple[HealthwatchArea, ...]:
    """Cited local Healthwatch areas (councils sharing one, names that are not the council's)."""
    rel = "healthwatch_areas.yaml"
    data = _read(_root(root), rel)
    checked = _checked(rel, data)
    known = load_sources(root)
    items = data.get("areas")
    if not isinstance(items, list) or not items:
        raise ContentError(f"{rel}: expected a non-empty 'areas' list")
    out = []
    for i, item in enumerate(items):
        where = f"areas[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ContentError(f"{rel}: {where}: needs a 'name'")
        councils = item.get("councils") or []
        if not councils or not all(isinstance(c, str) and _COUNCIL_CODE.match(c) for c in councils):
            raise ContentError(f"{rel}: {where}: 'councils' must list ONS council codes (E06/E07/E08/E09/E10...)")
        start = _date(rel, item.get("valid_from"), "valid_from", required=False)
        end = _date(rel, item.get("valid_to"), "valid_to", required=False)
        if start and end and end < start:
            raise ContentError(f"{rel}: {where}: valid_to is before valid_from")
        out.append(HealthwatchArea(item["name"].strip(), tuple(councils), start, end,
                                   _cites(rel, where, item.get("sources"), known), checked))
    return tuple(out)


@dataclass(frozen=True)
class Finder:
    """The official finder or page for a kind of body the data has no contact for (contact_finders.yaml)."""

    kind: str
    title: str
    url: str | None
    says: str
    read: tuple[str, ...]          # the addresses read to choose it
    checked: dt.date
    phone: str | None = None


@lru_cache(maxsize=None)
def load_contact_finders(root: str | os.PathLike | None = None) -> tuple[Mapping[str, Finder], Mapping[str, str]]:
    """(kind -> Finder, party abbreviation -> name), each checked and cited."""
    rel = "contact_finders.yaml"
    data = _read(_root(root), rel)
    checked = _checked(rel, data)
    finders = data.get("finders")
    if not isinstance(finders, dict) or not finders:
        raise ContentError(f"{rel}: expected a 'finders' mapping")
    out = {}
    for kind, f in finders.items():
        where = f"finders.{kind}"
        if not isinstance(f, dict) or not isinstance(f.get("title"), str) or not isinstance(f.get("says"), str):
            raise ContentError(f"{rel}: {where}: needs 'title' and 'says'")
        url = f.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            raise ContentError(f"{rel}: {where}: 'url' must be an https address or null")
        read = f.get("read") or []
        if not read or not all(isinstance(r, dict) and str(r.get("url", "")).startswith("http") for r in read):
            raise ContentError(f"{rel}: {where}: 'read' must list the pages read (each with a url)")
        out[kind] = Finder(kind, f["title"].strip(), url, " ".join(f["says"].split()),
                           tuple(r["url"] for r in read), checked, f.get("phone"))
    parties = (data.get("parties") or {})
    names = parties.get("names") or {}
    if not isinstance(names, dict) or not parties.get("read"):
        raise ContentError(f"{rel}: parties: needs 'names' and the pages 'read'")
    return out, {str(k): str(v) for k, v in names.items()}


@lru_cache(maxsize=None)
def load_contact_messages(root: str | os.PathLike | None = None) -> Mapping[str, Mapping[str, str]]:
    """kind -> {look_for, message}: the next step at a body and a message a resident can adapt."""
    rel = "contact_finders.yaml"
    data = _read(_root(root), rel)
    msgs = data.get("messages")
    if not isinstance(msgs, dict) or not msgs:
        raise ContentError(f"{rel}: expected a 'messages' mapping")
    out = {}
    for kind, m in msgs.items():
        if not isinstance(m, dict) or not all(isinstance(m.get(k), str) and m[k].strip() for k in ("look_for", "message")):
            raise ContentError(f"{rel}: messages.{kind}: needs 'look_for' and 'message'")
        out[kind] = {"look_for": " ".join(m["look_for"].split()), "message": " ".join(m["message"].split())}
    return out
