"""`localnhs update`: fetch the raw files into a dated folder laid out as `build --raw` reads it
(`<folder>/<dataset>/<file>`), for users who do not have ../shared/data/raw.

Nothing is trusted: every file goes into a temporary folder beside the destination and is
checked - HTTP status 200, not an HTML page (by Content-Type and by its first bytes), exactly
Content-Length bytes, and its format (a CSV parses, a zip opens, JSON loads, a spreadsheet has
its signature). Only when every file passed is MANIFEST.json (URL, bytes, sha256, type) written
and the folder renamed into place. An existing folder is never deleted or overwritten: a second
update on the same day gets `YYYY-MM-DD.2`. Names from the URL list must be plain relative
paths (no `..`, no absolute path), and URLs https - plain http only to a loopback address, and
file:// only with ``allow_file_urls`` (tests).

URLs are configurable (a TOML file of `[dataset]` tables of `"file" = "url"`) because publishers
move files. The defaults are the datasets' `downloads` in sources/registry.py; files that only
exist as community extracts (see each PROVENANCE.md under shared/data/raw) have no official URL.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import http.client
import ipaddress
import json
import os
import re
import shutil
import tomllib
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from localnhs.sources import registry

TIMEOUT_S = 60
MAX_BYTES = 2 << 30  # no raw file is near 2 GB; a larger body is not the file we asked for
SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()+,-]*$")
MANIFEST = "MANIFEST.json"


class DownloadError(Exception):
    """A file could not be fetched or is not what was asked for; the message names dataset, file and URL."""


def load_urls(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None:
        return registry.download_urls()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DownloadError(f"{path}: cannot read URL list ({exc})") from None
    if not data or not all(isinstance(v, dict) and all(isinstance(u, str) for u in v.values()) for v in data.values()):
        raise DownloadError(f'{path}: expected [dataset] tables of "file" = "url"')
    return data


def safe_relative(dataset: str, name: str) -> Path:
    """dataset/name as a relative path that stays inside the folder, or DownloadError."""
    parts = [dataset, *name.split("/")]
    for part in parts:
        if part in ("", ".", "..") or not SAFE_PART.match(part):
            raise DownloadError(f"{dataset}/{name}: not a plain file name (letters, digits, ._-() and "
                                "sub-folders only; no '..', no absolute path)")
    return Path(*parts)


def check_url(dataset: str, name: str, url: str, *, allow_file_urls: bool) -> None:
    u = urllib.parse.urlsplit(url)
    if u.scheme == "https" and u.hostname:
        return
    if u.scheme == "http" and u.hostname and _loopback(u.hostname):
        return
    if u.scheme == "file" and allow_file_urls:
        return
    raise DownloadError(f"{dataset}/{name}: {url} is not an https URL "
                        "(http only to a loopback address; file:// only with --allow-file-urls)")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to a URL the list itself could have named."""

    def __init__(self, allow_file_urls: bool, label: str):
        self.allow_file_urls, self.label = allow_file_urls, label

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        dataset, _, name = self.label.partition("/")
        check_url(dataset, name, newurl, allow_file_urls=self.allow_file_urls)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, target: Path, label: str, *, allow_file_urls: bool) -> dict:
    """Stream url into target, checking status, type and length; returns the manifest entry."""
    opener = urllib.request.build_opener(_Redirects(allow_file_urls, label))
    h = hashlib.sha256()
    size = 0
    try:
        with opener.open(url, timeout=TIMEOUT_S) as resp, open(target, "wb") as fh:
            status = getattr(resp, "status", None) or 200
            if status != 200:
                raise DownloadError(f"{label}: {url} answered HTTP {status}, not 200")
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype in ("text/html", "application/xhtml+xml"):
                raise DownloadError(f"{label}: {url} sent a web page ({ctype}), not the data file")
            length = resp.headers.get("Content-Length")
            while chunk := resp.read(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise DownloadError(f"{label}: {url} sent more than {MAX_BYTES:,} bytes")
                h.update(chunk)
                fh.write(chunk)
    except DownloadError:
        raise
    except http.client.IncompleteRead as exc:
        raise DownloadError(f"{label}: {url} sent {size + len(exc.partial):,} bytes of the {length} it announced "
                            "(cut short)") from None
    except Exception as exc:  # urllib raises URLError, HTTPError, OSError, ValueError, IncompleteRead...
        raise DownloadError(f"{label}: cannot download {url} ({exc})") from None
    if length is not None and length.isdigit() and int(length) != size:
        raise DownloadError(f"{label}: {url} sent {size:,} bytes of the {int(length):,} it announced (cut short?)")
    if size == 0:
        raise DownloadError(f"{label}: {url} sent an empty file")
    check_format(target, label)
    return {"url": url, "bytes": size, "sha256": h.hexdigest(), "content_type": ctype or None}


def check_format(path: Path, label: str) -> None:
    """Refuse a body that is not the kind of file its name says (an HTML error page above all)."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if re.match(rb"^\s*(<!doctype html|<html|<head|<body)", head[:512].lstrip(b"\xef\xbb\xbf"), re.I):
        raise DownloadError(f"{label}: the server sent an HTML page, not the data file")
    name = path.name.lower()
    try:
        if name.endswith((".zip", ".xlsx")):
            with zipfile.ZipFile(path) as z:
                bad = z.testzip()
                if bad:
                    raise DownloadError(f"{label}: zip member {bad} is damaged")
        elif name.endswith(".xls"):
            if not head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
                raise DownloadError(f"{label}: not an Excel .xls workbook")
        elif name.endswith(".7z"):
            if not head.startswith(b"7z\xbc\xaf\x27\x1c"):
                raise DownloadError(f"{label}: not a 7-Zip archive")
        elif name.endswith(".parquet"):
            with open(path, "rb") as fh:
                fh.seek(-4, os.SEEK_END)
                if not head.startswith(b"PAR1") or fh.read(4) != b"PAR1":
                    raise DownloadError(f"{label}: not a Parquet file (or cut short)")
        else:
            _check_text(path, name, label)
    except (zipfile.BadZipFile, EOFError, gzip.BadGzipFile, OSError) as exc:
        raise DownloadError(f"{label}: damaged or cut short ({exc})") from None


def _check_text(path: Path, name: str, label: str) -> None:
    base = name.removesuffix(".gz")
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read() if base.endswith((".json", ".geojson")) else fh.read(1 << 20)
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:  # read to the end: a cut-off gzip fails here
            while fh.read(1 << 20):
                pass
    if base.endswith((".json", ".geojson")):
        try:
            json.loads(data)
        except ValueError as exc:
            raise DownloadError(f"{label}: not valid JSON ({exc})") from None
    elif base.endswith(".csv"):
        if b"\0" in data:
            raise DownloadError(f"{label}: not a CSV file (binary data)")
        text = data.decode("latin-1")  # any byte decodes: only the shape is checked here
        lines = text.splitlines()[:2]
        # Publishers use commas, tabs, pipes, semicolons and (NHS.UK) tildes or the not sign (0xAC).
        delimiter = max(",\t|;~\xac", key=lines[0].count) if lines else ","
        rows = list(csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE))
        if not rows or any(len(r) < 2 for r in rows):
            raise DownloadError(f"{label}: not a CSV file (its first lines have no delimited fields)")


def _free_folder(dest: Path, day: str) -> Path:
    folder, n = dest / day, 1
    while folder.exists():
        n += 1
        folder = dest / f"{day}.{n}"
    return folder


def download_all(dest: Path, urls_file: Path | None = None, today: dt.date | None = None, *,
                 allow_file_urls: bool = False) -> Path:
    urls = load_urls(urls_file)
    plan = []
    for dataset, files in urls.items():
        for name, url in files.items():
            rel = safe_relative(dataset, name)
            check_url(dataset, name, url, allow_file_urls=allow_file_urls)
            plan.append((dataset, name, rel, url))
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    day = (today or dt.date.today()).isoformat()
    tmp = dest / f".{day}.partial-{os.getpid()}"
    tmp.mkdir()
    manifest = {"created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "files": []}
    try:
        for dataset, name, rel, url in plan:
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            entry = fetch(url, target, f"{dataset}/{name}", allow_file_urls=allow_file_urls)
            manifest["files"].append({"dataset": dataset, "file": name, **entry})
        _provenance(tmp, manifest["files"], day)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        folder = _free_folder(dest, day)
        tmp.rename(folder)  # atomic; fails rather than replace if someone made the folder meanwhile
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def _provenance(tmp: Path, files: list[dict], day: str) -> None:
    by_dataset: dict[str, list[dict]] = {}
    for f in files:
        by_dataset.setdefault(f["dataset"], []).append(f)
    for dataset, entries in by_dataset.items():
        lines = [f"# {dataset}", "", "| file | url | downloaded | bytes | sha256 |", "|---|---|---|---|---|"]
        lines += [f"| {e['file']} | {e['url']} | {day} | {e['bytes']} | {e['sha256']} |" for e in entries]
        (tmp / dataset / "PROVENANCE.md").write_text("\n".join(lines) + "\n")
