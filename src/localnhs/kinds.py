"""The registry of body kinds and trust roles: each kind of body declared once.

In the spirit of MapIt's ``Type``: a kind's code (``organisation.kind`` in the store), what one is
called on a date (labels change with the eras: a CCG's code is a sub-ICB location's from 1 July
2022), its plural and short word, the word under its name in the diagram, the ways-in content
(``content/bodies/<file>.yaml``) that speaks for it on a date, and the ODS role codes that make an
ODS record one. The loaders, the domain (labels, search order, ways in) and the renderings (search
results, diagram, terminal tables) all read it; ``tests/test_kinds.py`` checks every entry.

Trust roles are declared the same way: the four roles a trust plays for a place (acute, mental
health, community, ambulance), with the words each rendering uses, plus the care-trust type.

A leaf module (it imports only ``eras``), so every layer may read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from localnhs.eras import ICB_ERA

Dated = tuple[tuple[dt.date | None, str | None], ...]  # (first day, value): the last one begun wins


def _on(values: Dated, day: dt.date) -> str | None:
    out = None
    for start, value in values:
        if start is None or day >= start:
            out = value
    return out


@dataclass(frozen=True)
class Kind:
    code: str                       # organisation.kind in the store
    labels: Dated                   # what one is called, by the first day of each era
    plural: str                     # several of them, in running text
    word: str                       # one of them in a list of search results
    ways_in: Dated                  # the content file that speaks for it, by era (None: none then)
    short: str | None = None        # abbreviation in running text ("CCG"); else the word
    diagram: str | None = None      # the line under its name in the diagram; else its label
    also: tuple[str, ...] = ()      # further content files for the same kind (chosen by its flags)
    ods_roles: tuple[str, ...] = () # ODS role codes that make a record this kind (checked in registry order)
    search_order: int = 2           # rank among equally good search results (0 first)

    def label(self, day: dt.date) -> str:
        return _on(self.labels, day) or self.code

    def content(self, day: dt.date) -> str | None:
        return _on(self.ways_in, day)

    def content_files(self) -> tuple[str, ...]:
        files = [v for _, v in self.ways_in if v] + list(self.also)
        return tuple(dict.fromkeys(files))


def _k(code, label, plural, word, ways_in, **kw) -> Kind:
    labels = label if isinstance(label, tuple) else ((None, label),)
    ways = ways_in if isinstance(ways_in, tuple) else ((None, ways_in),)
    return Kind(code, labels, plural, word, ways, **kw)


_COMMISSIONER_LABELS = ((None, "Clinical Commissioning Group (CCG)"), (ICB_ERA, "Sub-ICB location (formerly CCG)"))
_COMMISSIONER_WAYS_IN = ((None, "ccg"), (ICB_ERA, "sub_icb_location"))
_STP = "Sustainability and Transformation Partnership (STP)"

# Declared closest to the resident first; ways-in files are listed in this order within a level.
_KINDS: tuple[Kind, ...] = (
    _k("gp_practice", "GP practice", "GP practices", "GP practice", "gp_practice", ods_roles=("RO76",),
       search_order=1),
    _k("pcn", "Primary care network (PCN)", "primary care networks", "Primary care network", "pcn", short="PCN"),
    _k("commissioning_hub", "NHS England commissioning hub", "NHS England commissioning hubs",
       "NHS England commissioning hub", "nhs_england", ods_roles=("RO218",)),
    _k("sub_icb_reporting_entity", "Sub-ICB reporting entity", "sub-ICB reporting entities",
       "Sub-ICB reporting entity", "sub_icb_location", ods_roles=("RO327",)),
    # A CCG's code carried on as a sub-ICB location from 1 July 2022: one label and content by the date.
    _k("ccg", _COMMISSIONER_LABELS, "clinical commissioning groups", "Clinical commissioning group", _COMMISSIONER_WAYS_IN, short="CCG"),
    _k("sub_icb_location", _COMMISSIONER_LABELS, "sub-ICB locations", "Sub-ICB location (formerly CCG)",
       _COMMISSIONER_WAYS_IN, short="sub-ICB location", ods_roles=("RO319",), search_order=1),
    # Before July 2022 the same code was an STP: a partnership, not a statutory body, with no ways in of its own.
    _k("icb", ((None, _STP), (ICB_ERA, "Integrated Care Board (ICB)")), "integrated care boards", "Integrated care board",
       ((None, None), (ICB_ERA, "icb")), short="ICB", search_order=1),
    _k("stp", _STP, "sustainability and transformation partnerships", "Sustainability and transformation partnership", "icb", short="STP"),
    _k("area_team", "NHS England area team (local office)", "area teams (local offices)", "NHS England area team",
       "nhs_england"),
    _k("region", "NHS England region", "regions", "NHS England region", "nhs_england"),
    # Labelled by its type and foundation status (``trust_label``); a foundation trust has its own content.
    _k("nhs_trust", "NHS trust", "NHS trusts", "NHS trust", "nhs_trust", also=("foundation_trust",),
       search_order=1),
    _k("independent_provider", "Community health provider (not an NHS trust)", "non-NHS community providers",
       "Community health provider", ()),
    # Labelled by its tier (``COUNCIL_TIERS``); a district council has its own content.
    _k("council", "Council", "councils", "Council", "council", also=("district_council",)),
    _k("hwb", "Health and Wellbeing Board", "Health and Wellbeing Boards", "Health and Wellbeing Board", "hwb",
       diagram="Health and Wellbeing Board"),
    _k("healthwatch", "Local Healthwatch", "local Healthwatch organisations", "Local Healthwatch", "healthwatch",
       diagram="local Healthwatch"),
    # Not in the ODS files: each national body is its own content file (``NATIONAL_BODIES``), its code the id.
    _k("national_body", "National body", "national bodies", "National body", (), diagram="national"),
)
KINDS: dict[str, Kind] = {k.code: k for k in _KINDS}

# National bodies, each a content file of its own (names and dates there), in the order shown.
NATIONAL_BODIES: tuple[str, ...] = ("nhs_england", "cqc", "nice", "monitor", "tda", "phe")


def kind(code: str) -> Kind | None:
    return KINDS.get(code)


def label(code: str, day: dt.date) -> str:
    """A kind's label on the date; an unknown kind in words."""
    k = KINDS.get(code)
    return k.label(day) if k else code.replace("_", " ")


def word(code: str) -> str:
    k = KINDS.get(code)
    return k.word if k else code.replace("_", " ").capitalize()


def ods_kind(roles) -> str | None:
    """The kind an ODS record's role codes make it (the first kind in the registry holding one), or None."""
    for k in _KINDS:
        if any(r in roles for r in k.ods_roles):
            return k.code
    return None


def content_files() -> tuple[str, ...]:
    """Every ways-in file the registry names, closest to the resident first; then the national bodies."""
    files = [f for k in _KINDS for f in k.content_files()] + list(NATIONAL_BODIES)
    return tuple(dict.fromkeys(files))


# ---------------------------------------------------------------- council tiers

COUNCIL_TIERS: dict[str, str] = {
    "unitary": "Unitary council", "metropolitan": "Metropolitan borough council",
    "london_borough": "London borough council", "county": "County council", "district": "District council",
}
# Single-tier authorities of their own kind (sui generis), though ONS codes them with the London
# boroughs (E09) and the unitaries (E06): ONS code -> (tier, label).
SPECIAL_COUNCILS: dict[str, tuple[str, str]] = {
    "E09000001": ("city_of_london", "City of London Corporation"),
    "E06000053": ("isles_of_scilly", "Council of the Isles of Scilly"),
}


def council_tier(label_: str) -> str | None:
    """The tier a council's label names (the flag its ways-in statements are chosen by)."""
    for tier, text in COUNCIL_TIERS.items():
        if text == label_:
            return tier
    for tier, text in SPECIAL_COUNCILS.values():
        if text == label_:
            return tier
    return None


# ---------------------------------------------------------------- trust roles and types


@dataclass(frozen=True)
class Role:
    code: str           # trust_type attribute value; TrustRole.role
    adjective: str      # in a trust's label: "NHS mental health trust"
    heading: str        # the place page's first screen: "Mental health services"
    table: str          # the terminal table: "Mental health"
    text: str           # running text: "your mental health trust"
    diagram: str        # the diagram: "mental health trust"
    service: str        # one trust of the role: "mental health trust"
    serves_places: bool = True  # one of the roles answered for every place


ROLES: dict[str, Role] = {r.code: r for r in (
    Role("acute", "acute", "Hospital", "Hospital (acute)", "hospital", "hospital", "acute (hospital) trust"),
    Role("mental_health", "mental health", "Mental health services", "Mental health", "mental health",
         "mental health", "mental health trust"),
    Role("community", "community", "Community health services", "Community health", "community health",
         "community", "community health trust"),
    Role("ambulance", "ambulance", "Ambulance service", "Ambulance", "ambulance", "ambulance", "ambulance service"),
    Role("care_trust", "care", "Care trust", "Care trust", "care", "care", "care trust", serves_places=False),
)}
PLACE_ROLES: tuple[str, ...] = tuple(c for c, r in ROLES.items() if r.serves_places)


def trust_label(trust_type: str | None, foundation: bool | None) -> str:
    """"NHS acute foundation trust", "NHS ambulance trust", "NHS trust" (type unknown)."""
    role = ROLES.get(trust_type or "")
    what = f"{role.adjective} " if role else ""
    return f"NHS {what}{'foundation trust' if foundation else 'trust'}"


def role_word(role: str, use: str = "text") -> str:
    r = ROLES.get(role)
    return getattr(r, use) if r else role
