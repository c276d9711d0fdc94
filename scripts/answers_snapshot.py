"""Record the JSON API's answers over a fixed sample of postcodes, both eras, as the committed
snapshot ``tests/snapshots/answers.json`` that ``tests/test_answers_unchanged.py`` checks.

    .venv/bin/python scripts/answers_snapshot.py            # regenerate the snapshot
    .venv/bin/python scripts/answers_snapshot.py --new-sample   # also draw a new sample of postcodes

It answers from the database the test suite uses (``var/test/localnhs-<hash of the build code>.sqlite``,
built from the raw data first if this code has not built it yet), through the API in-process, so the
snapshot is the recorded output of the shipped data, not a restatement of the code.

What is recorded, for each sampled postcode on each date: who serves the place (nearest practices
with their PCN and commissioner, the trust for each role with its confidence and method, the
councils, Health and Wellbeing Board, Healthwatch, the commissioner chain, the national bodies),
where it is (LSOAs, how it was placed), which kinds of contact each body has, the MP and ward. Plus
the bulk answer for the first 20 postcodes, /api/stats, six organisations and four searches.
Free text that only words an answer (contact wording, ways-in prose) is left out, so the snapshot
stays small (well under 1 MB) and a diff reads as a list of changed answers.

An intended change of answers is made by running this and committing the new snapshot in the same
commit, whose message says what changed and why; ``git diff`` then shows exactly which answers moved.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "answers.json"
# Both eras on fixed days (not "today", whose answer moves with the calendar): the April 2016
# CCG picture and a day in the ICB era after the April 2026 ICB changes.
DATES = ("2016-04-01", "2026-12-01")
SEED = 12
N = 60
FIXED = ("NN17 1AA", "WA5 1QG", "TR21 0HE", "CF10 1EP", "EH1 1YZ", "ZZ99 9ZZ")
ORGANISATIONS = ("03V", "RJ1", "Q71", "N81013", "QYG", "E38000010")
SEARCHES = ("Warrington", "Corby", "Birmingham CrossCity", "royal free")


# ---------------------------------------------------------------- what is recorded


def _body(b: dict | None, how: bool = True) -> str | None:
    """One line per body: code, name, label, confidence and method (unless ``how`` is False), source file."""
    if not b:
        return None
    parts = [f"{b.get('code')} {b.get('name')}", b.get("label"), *((b.get("confidence"), b.get("method")) if how else ()),
             b.get("source")]
    if b.get("closed"):
        parts.append(f"closed {b['closed']}")
    return " | ".join(str(p) for p in parts if p)


def _practice(p: dict) -> str:
    parts = [_body(p.get("practice")), f"{p.get('distance_km')} km"]
    if p.get("list_size") is not None:
        parts.append(f"list {p['list_size']} ({p.get('list_size_date')})")
    for key in ("pcn", "commissioner"):
        if p.get(key):
            parts.append(f"{key} {p[key].get('code')} ({p[key].get('method')})")
    if p.get("note"):
        parts.append(p["note"])
    return " | ".join(str(x) for x in parts if x)


def _trust(r: dict) -> str:
    parts = [_body(r.get("trust"), how=False) or "none", f"confidence {r.get('confidence')}", f"basis {r.get('basis')}",
             r.get("method"), f"share {r.get('share')}" if r.get("share") is not None else None,
             f"{r.get('distance_km')} km" if r.get("distance_km") is not None else None,
             "others " + ", ".join(str(o.get("code") if isinstance(o, dict) else o) for o in r["others"]) if r.get("others") else None,
             r.get("note")]
    return " | ".join(str(x) for x in parts if x)


def _location(loc: dict) -> str:
    keys = ("postcode", "status", "country", "lsoa11", "lsoa21", "msoa11", "placed_by", "located_by", "terminated", "lat", "lon")
    return " | ".join(f"{k} {loc.get(k)}" for k in keys if loc.get(k) is not None)


def _representatives(r: dict | None) -> dict | None:
    if not r:
        return None
    mp = r.get("mp") or {}
    ward = r.get("ward") or {}
    return {"mp": mp.get("text"), "ward": f"{ward.get('code')} {ward.get('name')}" if ward else None,
            "split": r.get("split"), "others": len(r.get("others") or [])}


def place(answer: dict) -> dict:
    """A place's answer as the lines a reviewer reads."""
    if "error" in answer:
        return answer
    contacts = answer.get("contacts") or {}
    return {
        "as_of": answer.get("as_of"),
        "location": _location(answer.get("location") or {}),
        "notes": answer.get("notes") or [],
        "practices": [_practice(p) for p in answer.get("practices") or []],
        "trusts": {r.get("role"): _trust(r) for r in answer.get("trusts") or []},
        "commissioners": [_body(b) for b in answer.get("commissioners") or []],
        "councils": [_body(b) for b in answer.get("councils") or []],
        "hwb": _body(answer.get("hwb")),
        "healthwatch": _body(answer.get("healthwatch")),
        "national": " ".join(b.get("code", "") for b in answer.get("national") or []),
        "contacts": {code: " ".join(sorted({c.get("kind", "") for c in cs})) for code, cs in sorted(contacts.items())},
        "representatives": _representatives(answer.get("representatives")),
    }


def bulk(answer: dict) -> dict:
    """A one-date bulk answer: each item's place answer as place() records it, or its error."""
    if "results" not in answer:
        return answer
    return {"as_of": answer.get("as_of"), "count": answer.get("count"),
            "results": [[i.get("query"), place(i["result"]) if i.get("result") else i.get("error")]
                        for i in answer["results"]]}


def organisation(answer: dict) -> dict:
    if "error" in answer:
        return answer

    def link(x):
        return " | ".join(str(v) for v in (x.get("relation"), f"{x.get('code')} {x.get('name')}", x.get("kind"),
                                           f"{x.get('valid_from')} to {x.get('valid_to')}", x.get("method")) if v)

    return {
        "as_of": answer.get("as_of"),
        "body": _body(answer.get("body")),
        "counts": answer.get("counts"),
        "current": [link(x) for x in answer.get("current") or []],
        "history": [link(x) for x in answer.get("history") or []],
        "successors": [_body(b) if isinstance(b, dict) else b for b in answer.get("successors") or []],
        "names": [f"{n.get('name')} ({n.get('valid_from')} to {n.get('valid_to')})" for n in answer.get("names") or []],
        "attributes": [f"{a.get('attribute')} = {a.get('value')} ({a.get('valid_from')} to {a.get('valid_to')})"
                       for a in answer.get("attributes") or []],
        "figures": {m: [f"{f.get('date')} {f.get('value')}" for f in fs] for m, fs in (answer.get("figures") or {}).items()},
        "contacts": " ".join(sorted({c.get("kind", "") for c in answer.get("contacts") or []})),
        "postcode": answer.get("postcode"),
    }


def snapshot(client, postcodes: list[str]) -> dict:
    """{name: [status, recorded answer]} for every question the snapshot asks."""
    out = {}
    for pcd in postcodes:
        for day in DATES:
            r = client.get(f"/api/places/{pcd}", params={"as_of": day})
            out[f"place {pcd} {day}"] = [r.status_code, place(r.json())]
    for day in DATES:
        r = client.post("/api/places:bulk", json={"postcodes": postcodes[:20], "as_of": day})
        out[f"bulk {day}"] = [r.status_code, bulk(r.json())]
        r = client.get("/api/stats", params={"as_of": day})
        out[f"stats {day}"] = [r.status_code, r.json()]
        for code in ORGANISATIONS:
            r = client.get(f"/api/organisations/{code}", params={"as_of": day})
            out[f"organisation {code} {day}"] = [r.status_code, organisation(r.json())]
    for q in SEARCHES:
        r = client.get("/api/search", params={"q": q})
        out[f"search {q}"] = [r.status_code, r.json()]
    return json.loads(json.dumps(out, sort_keys=True, default=str))


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- the database and the sample


def suite_database() -> Path:
    """The database the test suite answers from (built now if this build code has none yet)."""
    spec = importlib.util.spec_from_file_location("suite_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    target = ROOT / "var" / "test" / f"localnhs-{conftest._code_hash()}.sqlite"
    if not target.exists():
        from localnhs.paths import raw_dir
        from localnhs.store.build import build

        target.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {target.relative_to(ROOT)} from the raw data first (a minute or two)")
        build(raw_dir(), target, show_progress=False)
    return target


def sample_postcodes(conn, n: int = N, seed: int = SEED) -> list[str]:
    # A dev script, not the app: it reads the table directly to draw its sample.
    live = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' ORDER BY pcd")]
    return sorted(random.Random(seed).sample(live, n)) + list(FIXED)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="database to answer from (default: the test suite's)")
    ap.add_argument("--out", type=Path, default=SNAPSHOT)
    ap.add_argument("--new-sample", action="store_true", help="draw the postcodes again instead of keeping the snapshot's")
    args = ap.parse_args(argv)

    from fastapi.testclient import TestClient

    from localnhs.api.app import create_app

    app = create_app(str(args.db or suite_database()))
    if args.out.exists() and not args.new_sample:
        postcodes = json.loads(args.out.read_text())["postcodes"]
    else:
        postcodes = sample_postcodes(app.state.conn)
    with TestClient(app) as client:
        data = {"dates": list(DATES), "postcodes": postcodes, "answers": snapshot(client, postcodes)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(data))
    print(f"{len(data['answers'])} answers for {len(postcodes)} postcodes -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
