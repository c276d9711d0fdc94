"""Write the JSON answers for a fixed random sample of postcodes, both eras, to a file.

Run it on the code you start from; tests/test_answers_unchanged.py then compares the answers
of the code you changed with the saved ones:

    .venv/bin/python scripts/answers_snapshot.py var/answers-baseline.json [database]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ERAS = (None, "2016-04-01")
SEED = 12
N = 60


def sample_postcodes(conn, n: int = N, seed: int = SEED) -> list[str]:
    # A dev script, not the app: it reads the table directly to draw its sample.
    live = [r[0] for r in conn.execute(
        "SELECT pcd FROM postcode WHERE country = 'E92000001' AND status = 'live' ORDER BY pcd")]
    rng = random.Random(seed)
    return sorted(rng.sample(live, n)) + ["NN17 1AA", "WA5 1QG", "TR21 0HE", "CF10 1EP", "EH1 1YZ", "ZZ99 9ZZ"]


def snapshot(client, postcodes: list[str]) -> dict:
    out = {}
    for pcd in postcodes:
        for era in ERAS:
            params = {"as_of": era} if era else {}
            r = client.get(f"/api/places/{pcd}", params=params)
            out[f"place {pcd} {era}"] = [r.status_code, r.json()]
    for era in ERAS:
        r = client.post("/api/places:bulk", json={"postcodes": postcodes[:20], "as_of": era})
        out[f"bulk {era}"] = [r.status_code, r.json()]
        params = {"as_of": era} if era else {}
        r = client.get("/api/stats", params=params)
        out[f"stats {era}"] = [r.status_code, r.json()]
    for code in ("03V", "RJ1", "Q71", "N81013", "QYG", "E38000010"):
        for era in ERAS:
            params = {"as_of": era} if era else {}
            r = client.get(f"/api/organisations/{code}", params=params)
            out[f"org {code} {era}"] = [r.status_code, r.json()]
    for q in ("Warrington", "Corby", "Birmingham CrossCity", "royal free"):
        r = client.get("/api/search", params={"q": q})
        out[f"search {q}"] = [r.status_code, r.json()]
    return out


def main(target: str, db: str | None = None) -> None:
    from fastapi.testclient import TestClient

    from localnhs.api.app import create_app

    app = create_app(db)
    postcodes = sample_postcodes(app.state.conn)
    with TestClient(app) as client:
        data = snapshot(client, postcodes)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text(json.dumps({"postcodes": postcodes, "answers": data}, indent=1, sort_keys=True,
                                       ensure_ascii=False, default=str))
    print(f"{len(data)} answers for {len(postcodes)} postcodes -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
