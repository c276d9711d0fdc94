"""GP practices from each epraccur release: the releases as published (practice_release), each
practice's names and status over time, and the commissioner memberships the releases and the
amendments file date (staged: epcmem adds its own before they are written)."""

from __future__ import annotations

from localnhs.sources import epraccur, registry
from localnhs.store.intervals import from_snapshots
from localnhs.store.staging import attributes, names, read_logged

DATASET = "epraccur"


def load(ctx) -> None:
    staged, conn = ctx.staged, ctx.conn
    releases = sorted(registry.files(DATASET, "release").items(), key=lambda kv: kv[1])
    with ctx.step("practices (epraccur)", total=len(releases) + 1) as advance:
        name_obs, status_obs, release_rows = [], [], []
        for fname, as_of in releases:
            parsed = read_logged(ctx, DATASET, fname, epraccur.read, *epraccur.FORMAT[fname])
            staged.release_dates[fname] = as_of
            for p in parsed.rows:
                release_rows.append((fname, as_of, p.code, p.name, p.status, int(p.is_gp), p.country,
                                     p.commissioner or None, p.region or None, p.hlhg or None,
                                     p.postcode or None, p.opened, p.closed))
                if p.is_gp:
                    staged.orgs.put(p.code, name=p.name, kind="gp_practice", address=p.address,
                                    postcode=p.postcode, opened=p.opened, closed=p.closed, source=fname, as_of=as_of)
                    name_obs.append((p.code, fname, p.name, fname))
                    status_obs.append((p.code, fname, p.status, fname))
                if p.commissioner:
                    staged.memberships.append((p.code, p.commissioner, p.joined, p.left, fname))
            advance()
        conn.executemany(f"INSERT INTO practice_release VALUES ({','.join('?' * 13)})", release_rows)

        for fname in registry.files(DATASET, "amendment"):
            parsed = read_logged(ctx, DATASET, fname, epraccur.read, *epraccur.FORMAT[fname])
            staged.memberships += [(p.code, p.commissioner, p.joined, p.left, fname)
                                   for p in parsed.rows if p.commissioner]
        advance()

        opened = {code: r.get("opened") for code, r in staged.orgs.rows.items()}
        names(conn, from_snapshots(name_obs, staged.release_dates, open_first=opened))
        attributes(conn, "status", from_snapshots(status_obs, staged.release_dates, open_first=opened))
