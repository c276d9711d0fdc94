"""postcodes.io's published clients, unchanged, against a real `localnhs serve` on loopback:
the Python client from PyPI (postcodes-io-api) with its base URL pointed at the server, and
the Node.js client from npm (postcodesio-client) where node_modules has it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from localnhs.paths import REPO_ROOT


@pytest.fixture(scope="module")
def server(db_path):
    """`localnhs serve --postcodesio-root` in its own process; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "localnhs", "serve", "--port", str(port), "--postcodesio-root"],
                            env={**os.environ, "LOCALNHS_DB": str(db_path)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(base + "/postcodes/SW1A1AA", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"localnhs serve exited: {proc.stderr.read().decode()[-2000:]}")
                if time.monotonic() > deadline:
                    pytest.fail("localnhs serve did not answer within 180 s")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("prefix", ["", "/postcodesio"])
def test_python_client(server, prefix):
    from postcodes_io_api import Api

    api = Api(base_url=server + prefix, timeout=120)
    one = api.get_postcode("SW1A 1AA")
    assert one["status"] == 200 and one["result"]["admin_district"] == "Westminster"
    assert api.is_postcode_valid("SW1A1AA") is True
    assert api.is_postcode_valid("ZZ99 9ZZ") is False
    bulk = api.get_bulk_postcodes(["WA5 1QG", "SW1A 1AA", "nonsense"])
    assert [x["result"]["postcode"] if x["result"] else None for x in bulk["result"]] == ["WA5 1QG", "SW1A 1AA", None]
    lat, lon = one["result"]["latitude"], one["result"]["longitude"]
    near = api.get_nearest_postcodes_for_coordinates(latitude=lat, longitude=lon, limit=3, radius=500)
    assert near["result"][0]["postcode"] == "SW1A 1AA" and len(near["result"]) == 3
    geo = api.get_bulk_reverse_geocode({"geolocations": [{"latitude": lat, "longitude": lon, "radius": 500, "limit": 2}]})
    assert geo["result"][0]["result"][0]["postcode"] == "SW1A 1AA"
    assert api.get_nearest_postcodes_for_postcode(postcode="SW1A1AA", limit=2)["result"][0]["postcode"] == "SW1A 1AA"
    assert all(p.startswith("WA5 1") for p in api.get_autocomplete_postcode(postcode="WA51")["result"])
    assert "Warrington" in api.get_outcode("WA5")["result"]["admin_district"]
    assert api.get_nearest_outcodes_for_outcode(outcode="WA5")["result"][0]["outcode"] == "WA5"
    assert api.get_nearest_outcodes_for_coordinates(latitude=lat, longitude=lon)["result"][0]["outcode"].startswith("SW1")
    assert api.get_random_postcode()["result"]["postcode"]
    assert api.is_postcode_terminated("AL1 1AA") is True  # terminated May 1994
    assert api.is_postcode_terminated("SW1A 1AA") is False


NODE_CLIENT = REPO_ROOT / "node_modules" / "postcodesio-client"
NODE_SCRIPT = """
const PostcodesIO = require('postcodesio-client');
const client = new PostcodesIO(process.argv[1]);
(async () => {
  const out = {};
  out.lookup = await client.lookup('SW1A 1AA');
  out.outcode = await client.lookup('WA5');
  out.near = await client.nearCoordinate(out.lookup.latitude, out.lookup.longitude, {limit: 2, radius: 500});
  out.nearPostcode = await client.nearPostcode('SW1A 1AA');
  out.reverse = await client.reverseGeocode(out.lookup.latitude, out.lookup.longitude);
  out.valid = await client.validate('WA5 1QG');
  out.random = await client.random();
  out.missing = await client.lookup('ZZ99 9ZZ');
  process.stdout.write(JSON.stringify(out));
})().catch(e => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
"""


@pytest.mark.skipif(not NODE_CLIENT.is_dir() or shutil.which("node") is None,
                    reason="npm client not installed (make test runs npm ci first)")
def test_node_client(server):
    out = subprocess.run(["node", "-e", NODE_SCRIPT, server], capture_output=True, text=True, timeout=120,
                         cwd=REPO_ROOT)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["lookup"]["postcode"] == "SW1A 1AA" and got["lookup"]["codes"]["ccg"].startswith("E38")
    assert got["outcode"]["outcode"] == "WA5" and "Warrington" in got["outcode"]["admin_district"]
    assert [r["postcode"] for r in got["near"]][:1] == ["SW1A 1AA"] and len(got["near"]) == 2
    assert got["nearPostcode"][0]["postcode"] == "SW1A 1AA"
    assert got["reverse"]["postcode"] == "SW1A 1AA"
    assert got["valid"] is True and got["random"]["postcode"]
    assert got["missing"] is None  # the client turns postcodes.io's 404 into null
