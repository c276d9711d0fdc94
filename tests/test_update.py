"""`localnhs update` against a loopback HTTP server standing in for the publishers: it serves the
real raw files, plus the ways a refresh goes wrong (an HTML error page with status 200, a body
cut short of its Content-Length, a damaged zip, a 404, a redirect off https). Each bad case is
refused naming the file, and leaves no folder behind and an existing folder byte for byte."""

from __future__ import annotations

import hashlib
import http.server
import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

HTML = b"<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Try later</body></html>"


def _handler(raw: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(raw), **kw)

        def log_message(self, *a):
            pass

        def _send(self, status, body, ctype, length=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802
            real = (raw / "etr" / "etr_2025-12_dse.csv").read_bytes()
            zipped = (raw / "os_codepoint_open" / "codepo_gb_2025.4.0.zip").read_bytes()
            bad = {
                "/bad/html": lambda: self._send(200, HTML, "text/html; charset=utf-8"),
                "/bad/html-as-csv": lambda: self._send(200, HTML, "text/csv"),
                "/bad/short": lambda: self._send(200, real[:20_000], "text/csv", length=len(real)),
                "/bad/zip": lambda: self._send(200, zipped[: len(zipped) // 2], "application/zip"),
                "/bad/offsite": lambda: (self.send_response(302), self.send_header("Location", "http://example.org/etr.csv"),
                                         self.send_header("Content-Length", "0"), self.end_headers()),
            }
            if self.path in bad:
                return bad[self.path]()
            return super().do_GET()

    return Handler


@pytest.fixture(scope="module")
def publisher(raw):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(raw))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _update(dest: Path, urls: dict, *extra):
    toml = dest.parent / f"{dest.name}-urls.toml"
    toml.write_text("".join(f"[{json.dumps(ds)}]\n" + "".join(f"{json.dumps(f)} = {json.dumps(u)}\n" for f, u in files.items())
                            for ds, files in urls.items()))
    return subprocess.run([sys.executable, "-m", "localnhs", "update", "--dest", str(dest), "--urls", str(toml), *extra],
                          capture_output=True, text=True, env={"PATH": "", "COLUMNS": "300"}, timeout=300)


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def existing(tmp_path, publisher):
    """A good update already in place (same day), which no later update may touch."""
    dest = tmp_path / "raw"
    res = _update(dest, {"etr": {"etr_2025-12_dse.csv": f"{publisher}/etr/etr_2025-12_dse.csv"}})
    assert res.returncode == 0, res.stderr
    (folder,) = dest.iterdir()
    return dest, folder, _tree(folder)


@pytest.mark.parametrize("path, says", [
    ("/bad/html", "sent a web page (text/html)"),
    ("/bad/html-as-csv", "sent an HTML page"),
    ("/bad/short", "cut short"),
    ("/bad/zip", "damaged or cut short"),
    ("/bad/missing.csv", "HTTP Error 404"),
    ("/bad/offsite", "http://example.org/etr.csv is not an https URL"),
])
def test_junk_downloads_are_refused(existing, publisher, path, says):
    dest, folder, before = existing
    name = "codepo_gb_2025.4.0.zip" if path == "/bad/zip" else "etr_2025-12_dse.csv"
    res = _update(dest, {"etr": {"etr_2025-12_dse.csv": f"{publisher}/etr/etr_2025-12_dse.csv"},
                         "os_codepoint_open" if path == "/bad/zip" else "etr2": {name: publisher + path}})
    assert res.returncode == 1, res.stdout
    msg = " ".join(res.stderr.split())
    assert says in msg and f"/{name}" in msg and "Traceback" not in msg, msg
    assert list(dest.iterdir()) == [folder] and _tree(folder) == before


@pytest.mark.parametrize("dataset, name, url, says", [
    ("etr", "../../../escaped.csv", "{p}/etr/etr_2025-12_dse.csv", "not a plain file name"),
    ("..", "escaped.csv", "{p}/etr/etr_2025-12_dse.csv", "not a plain file name"),
    ("etr", "/tmp/escaped.csv", "{p}/etr/etr_2025-12_dse.csv", "not a plain file name"),
    ("etr", "etr.csv", "file:///etc/hostname", "is not an https URL"),
    ("etr", "etr.csv", "http://example.org/etr.csv", "is not an https URL"),
])
def test_names_and_schemes_checked_before_anything_is_fetched(existing, publisher, tmp_path, dataset, name, url, says):
    dest, folder, before = existing
    res = _update(dest, {dataset: {name: url.format(p=publisher)}})
    assert res.returncode == 1 and says in " ".join(res.stderr.split()), res.stderr
    assert list(dest.iterdir()) == [folder] and _tree(folder) == before
    assert not list(tmp_path.rglob("escaped.csv"))


def test_a_second_update_the_same_day_keeps_the_first(existing, publisher):
    dest, folder, before = existing
    res = _update(dest, {"etr": {"etr_2025-12_dse.csv": f"{publisher}/etr/etr_2025-12_dse.csv"}})
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in dest.iterdir()) == [folder.name, folder.name + ".2"]
    assert _tree(folder) == before


def test_update_then_build_end_to_end(raw, publisher, tmp_path, conn):
    """Every raw file through the loopback publisher, then a full build of what update wrote."""
    files = [p.relative_to(raw) for p in sorted(raw.rglob("*")) if p.is_file() and p.name not in ("PROVENANCE.md", "README.md")]
    urls: dict[str, dict[str, str]] = {}
    for rel in files:
        urls.setdefault(rel.parts[0], {})["/".join(rel.parts[1:])] = f"{publisher}/{rel.as_posix()}"
    dest = tmp_path / "raw"
    res = _update(dest, urls)
    assert res.returncode == 0, res.stderr
    (folder,) = dest.iterdir()
    manifest = json.loads((folder / "MANIFEST.json").read_text())
    assert len(manifest["files"]) == len(files)
    for entry in manifest["files"]:
        src = raw / entry["dataset"] / entry["file"]
        assert entry["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest() and entry["bytes"] == src.stat().st_size
    db = tmp_path / "built.sqlite"
    lookups = tmp_path / "lookup"
    res = subprocess.run([sys.executable, "-m", "localnhs", "build", "--raw", str(folder), "--db", str(db)],
                         capture_output=True, text=True, timeout=900,
                         env={"PATH": "", "COLUMNS": "300", "LOCALNHS_LOOKUP": str(lookups)})
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr
    # and the new build's bulk lookup is compiled beside it, so no request or server start has to
    assert "bulk lookup (compiled)" in res.stdout and list(lookups.glob("*/facts.arrow"))
    # from the postcode tables the build has just written, not read back from the file
    assert "postcodes from the tables just written" in res.stdout, res.stdout[-1500:]
    new = sqlite3.connect(db)
    logged = {(s, f): d for s, f, d in new.execute("SELECT source, file, sha256 FROM import_log")}
    assert logged == {(r["source"], r["file"]): r["sha256"] for r in conn.execute("SELECT * FROM import_log")}
    assert new.execute("SELECT value FROM meta WHERE key = 'count:active_gp_practices'").fetchone() == ("6207",)
    new.close()
