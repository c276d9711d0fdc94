"""`localnhs update`: fetch the raw files from their official publishers into a dated folder,
for users who do not have ../shared/data/raw. The default URLs are the datasets' `downloads` in
sources/registry.py; they are configurable (a TOML file of
dataset -> file -> URL) because publishers move files; each download is recorded with its
URL, date and sha256 in the folder's PROVENANCE.md.

Files that only exist as community extracts (see each PROVENANCE.md under shared/data/raw)
have no official URL and are listed as such rather than silently skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tomllib
import urllib.request
from pathlib import Path

from localnhs.sources import registry



class DownloadError(Exception):
    """A file could not be fetched; the message names the dataset, file and URL."""


def load_urls(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None:
        return registry.download_urls()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DownloadError(f"{path}: cannot read URL list ({exc})") from None
    if not all(isinstance(v, dict) for v in data.values()):
        raise DownloadError(f"{path}: expected [dataset] tables of file = \"url\"")
    return data


def download_all(dest: Path, urls_file: Path | None = None, today: dt.date | None = None) -> Path:
    urls = load_urls(urls_file)
    folder = Path(dest) / (today or dt.date.today()).isoformat()
    tmp = folder.with_name(folder.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    for dataset, files in urls.items():
        (tmp / dataset).mkdir(parents=True, exist_ok=True)
        lines = [f"# {dataset}", "", "| file | url | downloaded | sha256 |", "|---|---|---|---|"]
        for name, url in files.items():
            target = tmp / dataset / name
            try:
                with urllib.request.urlopen(url, timeout=60) as resp, open(target, "wb") as fh:
                    shutil.copyfileobj(resp, fh)
            except Exception as exc:  # urllib raises URLError, HTTPError, OSError, ValueError...
                shutil.rmtree(tmp, ignore_errors=True)
                raise DownloadError(f"{dataset}/{name}: cannot download {url} ({exc})") from None
            digest = hashlib.sha256(target.read_bytes()).hexdigest()
            lines.append(f"| {name} | {url} | {dt.date.today().isoformat()} | {digest} |")
        (tmp / dataset / "PROVENANCE.md").write_text("\n".join(lines) + "\n")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder
