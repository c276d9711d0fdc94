"""Primary care networks (ePCN, January 2023): each PCN, its sub-ICB location and its practices."""

from __future__ import annotations

from localnhs.sources import epcn, registry
from localnhs.sources._rows import Rejects
from localnhs.store.staging import relationships

DATASET = "epcn"


def load(ctx) -> None:
    for fname, as_of in registry.files(DATASET).items():
        path = ctx.path(DATASET, fname)
        details, members = epcn.read(path)
        members.rejects.check()
        # One workbook, two sheets: logged (and guarded) as one file with both sheets' rows.
        both = Rejects(path.name, details.rejects.rows + members.rejects.rows,
                       details.rejects.items + members.rejects.items)
        details.rejects.check()
        ctx.log(DATASET, path, both)
        for p in details.rows:
            ctx.staged.orgs.put(p.code, name=p.name, kind="pcn", address=p.address, postcode=p.postcode,
                                opened=p.opened, closed=p.closed, source=fname, as_of=as_of)
        relationships(ctx.conn, [
            (p.code, p.sub_icb, "part_of", p.opened, p.closed, fname, "ODS PCN parent", None)
            for p in details.rows if p.sub_icb
        ] + [
            (m.practice, m.pcn, "member_of", m.start, m.end, fname, "ODS PCN core partner", None)
            for m in members.rows
        ])
