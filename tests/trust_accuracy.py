"""Scoring the trust answers against tests/places_checked.PLACES: per role, era and half, and by
what decided the answer (official lookup, data-derived footprint, cited override, headquarters
fallback). Shared by the test and by anyone who wants the table:

    cd tests && python trust_accuracy.py ../var/localnhs.sqlite              # answers as shipped
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --data-only  # the cited table hidden
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --areas      # areas decided by each method
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --unseen     # the untuned set, places_unseen.py
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --heldout    # the frozen held-out set, places_heldout.py
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --heldout-b  # the second frozen held-out set,
        # places_heldout_b.py (London, East of England, North West): per role, era and region, the method
        # that decided each cell, and every miss; add --data-only to hide the cited table
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --heldout-c  # the fourth frozen held-out set,
        # places_heldout_c.py (28 councils, four in each NHS England region): the same report per region
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --heldout-d  # the fifth frozen held-out set,
        # places_heldout_d.py (30 ordinary councils, four or five per NHS England region): the same report
    cd tests && python trust_accuracy.py ../var/localnhs.sqlite --heldout-e  # the sixth frozen held-out set,
        # places_heldout_e.py (21 councils, three per region); add --acute-serving to score acute by the set's
        # second definition (ACUTE_SERVING: the trust its pages name as the area's main acute provider)
"""

from __future__ import annotations

from collections import defaultdict

from places_checked import PLACES, half

ERAS = {"2016-04-01": "2016-04-01", None: "today"}
ROLES = ("mental_health", "community", "acute", "ambulance")
# places_heldout_b.py spans three regions, each with one ambulance service: its rows are reported per region.
REGION_BY_AMBULANCE = {"RRU": "London", "RYC": "East of England", "RX7": "North West"}


def expected(row, role, era):
    _, _, y16, now, acute, amb, _ = row
    if role == "ambulance":
        return amb
    if role == "acute":
        return acute[0] if era else acute[1]
    pair = y16 if era else now
    return pair[0] if role == "mental_health" else pair[1]


def matches(role_answer, want) -> bool:
    t = role_answer.trust
    if want.startswith("~"):
        return t is not None and want[1:].lower() in t.name.lower()
    return t is not None and t.code == want


def score(conn, places=None, split=None):
    """{(role, era, half): [right, total]}, {(basis, role): [right, total]}, misses.

    places defaults to places_checked.PLACES split into tuning / held-back halves; the untuned set
    (places_unseen.UNSEEN) is scored whole, as one column "unseen"."""
    from localnhs.query.local_system import local_system

    places = PLACES if places is None else places
    split = split or half

    table = defaultdict(lambda: [0, 0])
    by_basis = defaultdict(lambda: [0, 0])
    misses = []
    for row in places:
        pc = row[0]
        for era, label in ERAS.items():
            ls = local_system(conn, pc, era)
            roles = {t.role: t for t in ls.trusts}
            for role in ROLES:
                want = expected(row, role, era)
                if want is None:
                    continue
                ans = roles[role]
                ok = matches(ans, want)
                for key in ((role, label, split(pc)), (role, label, "all")):
                    table[key][0] += ok
                    table[key][1] += 1
                by_basis[(ans.basis or "?", role)][0] += ok
                by_basis[(ans.basis or "?", role)][1] += 1
                if not ok:
                    misses.append((pc, row[1], label, role, ans.trust.code if ans.trust else None, want, ans.basis))
    return table, by_basis, misses


def cells(conn, places):
    """Every scored cell: (postcode, place, era, role, expected, answered code, answered name, basis, right)."""
    from localnhs.query.local_system import local_system

    out = []
    for row in places:
        for era, label in ERAS.items():
            roles = {t.role: t for t in local_system(conn, row[0], era).trusts}
            for role in ROLES:
                want = expected(row, role, era)
                if want is None:
                    continue
                ans = roles[role]
                t = ans.trust
                out.append((row[0], row[1], label, role, want, t.code if t else None, t.name if t else None,
                            ans.basis or "?", matches(ans, want)))
    return out


def method_table(rows) -> str:
    """Which method decided the cells, per role and era: right/total for each basis
    (lookup = official lookup, data = data-derived footprint, cited = the cited override table,
    headquarters = fallback to the trust headquartered in the area, none = no answer)."""
    counts = defaultdict(lambda: [0, 0])
    bases = sorted({r[7] for r in rows})
    for r in rows:
        counts[(r[3], r[2], r[7])][0] += r[8]
        counts[(r[3], r[2], r[7])][1] += 1
    lines = ["| role | era | " + " | ".join(bases) + " |", "|---|---|" + "---|" * len(bases)]
    for role in ROLES:
        for label in ERAS.values():
            cs = [counts[(role, label, b)] for b in bases]
            lines.append(f"| {role.replace('_', ' ')} | {label} | "
                         + " | ".join(f"{r}/{n}" if n else "-" for r, n in cs) + " |")
    return "\n".join(lines)


def report(table, by_basis, columns=("tuning", "held_back", "all")) -> str:
    head = " | ".join(c.replace("_", " ") for c in columns)
    lines = [f"| role | era | {head} |", "|---|---|" + "---|" * len(columns)]
    for role in ROLES:
        for label in ERAS.values():
            cells = []
            for h in columns:
                r, n = table[(role, label, h)]
                cells.append(f"{r}/{n} ({r / n:.0%})" if n else "-")
            lines.append(f"| {role.replace('_', ' ')} | {label} | " + " | ".join(cells) + " |")
    lines += ["", "| decided by | role | right |", "|---|---|---|"]
    for (basis, role), (r, n) in sorted(by_basis.items()):
        lines.append(f"| {basis} | {role.replace('_', ' ')} | {r}/{n} |")
    return "\n".join(lines)


def without_overrides(conn) -> None:
    """Score the data alone: a temporary view of the same name hides the cited rows for this connection."""
    conn.execute("CREATE TEMP VIEW provider_footprint AS SELECT * FROM main.provider_footprint WHERE method != 'override'")
    from localnhs.query import compiled

    # the build's compiled answers hold the cited rows: this connection works every answer out instead
    compiled.compiled_for(conn).stored.clear()


def override_rows(conn) -> int:
    """Rows of the cited table (content/provider_overrides.yaml) as the build loaded them."""
    return conn.execute("SELECT count(*) FROM main.provider_footprint WHERE method = 'override'").fetchone()[0]


def areas_by_method(conn) -> str:
    """How many council areas each method decides, per role and era (the cited row wins where both exist)."""
    rows = conn.execute("""
        SELECT area_kind, role, method, count(DISTINCT area_code) FROM main.provider_footprint f
        WHERE method = 'override' OR NOT EXISTS (SELECT 1 FROM main.provider_footprint o WHERE o.method = 'override'
              AND o.area_code = f.area_code AND o.area_kind = f.area_kind AND o.role = f.role)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC""").fetchall()
    lines = ["| councils of | role | method | areas |", "|---|---|---|---|"]
    lines += [f"| {k} | {r.replace('_', ' ')} | {m} | {n} |" for k, r, m, n in rows]
    return "\n".join(lines)


def print_heldout(conn, places, region, columns, verbose=False) -> None:
    """The report of a frozen held-out set (places_heldout_b.py, _c.py, _d.py): per role, era and
    region, the method that decided each scored cell, and every miss (with verbose, every cell)."""
    table, by_basis, _ = score(conn, places, region.get)
    print(report(table, by_basis, (*columns, "all")))
    rows = cells(conn, places)
    print("\nmethod that decided each scored cell (right/cells):\n" + method_table(rows))
    print("\nmisses: postcode | place | era | role | expected | answered | decided by")
    for r in rows:
        if not r[8]:
            print(f"{r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} {r[6] or ''} | {r[7]}")
    if verbose:
        print("\nevery cell: postcode | era | role | expected | answered | decided by | right")
        for r in rows:
            print(f"{r[0]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[7]} | {'yes' if r[8] else 'NO'}")


if __name__ == "__main__":
    import sqlite3
    import sys

    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    conn = sqlite3.connect(args[0] if args else "var/localnhs.sqlite")
    conn.row_factory = sqlite3.Row
    if "--areas" in sys.argv:
        print(areas_by_method(conn))
        sys.exit(0)
    if "--data-only" in sys.argv:
        without_overrides(conn)
    if any(f in sys.argv for f in ("--heldout-b", "--heldout-c", "--heldout-d", "--heldout-e")):
        if "--heldout-e" in sys.argv:
            from places_heldout_e import ACUTE_SERVING, HELDOUT_E as places, REGION as region, REGIONS as columns

            if "--acute-serving" in sys.argv:
                places = [(pc, place, y16, now, ACUTE_SERVING.get(pc, (None, None)), amb, sources)
                          for pc, place, y16, now, _, amb, sources in places]
        elif "--heldout-d" in sys.argv:
            from places_heldout_d import HELDOUT_D as places, REGION as region, REGIONS as columns
        elif "--heldout-c" in sys.argv:
            from places_heldout_c import HELDOUT_C as places, REGION as region, REGIONS as columns
        else:
            from places_heldout_b import HELDOUT_B as places

            columns = ("London", "East of England", "North West")
            region = {row[0]: REGION_BY_AMBULANCE[row[5]] for row in places}
        print_heldout(conn, places, region, columns, verbose="-v" in sys.argv)
        misses = []
    elif "--heldout" in sys.argv:
        from places_heldout import HELDOUT

        table, by_basis, misses = score(conn, HELDOUT, lambda pc: "heldout")
        print(report(table, by_basis, ("heldout",)))
    elif "--unseen" in sys.argv:
        from places_unseen import UNSEEN

        table, by_basis, misses = score(conn, UNSEEN, lambda pc: "unseen")
        print(report(table, by_basis, ("unseen",)))
    else:
        table, by_basis, misses = score(conn)
        print(report(table, by_basis))
    print(f"\ncited table: {override_rows(conn)} rows")
    if "-v" in sys.argv:
        for m in misses:
            print(m)
