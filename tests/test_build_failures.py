"""A corrupt raw file stops the build with a message naming file and line, and the previous
database stays in place, byte for byte. Each case corrupts a copy of one real file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from localnhs.sources import epraccur
from localnhs.store.build import BuildError, build


def _raw_with(raw: Path, tmp: Path, dataset: str) -> Path:
    """A raw folder that links every dataset to the real one but holds a private copy of `dataset`."""
    out = tmp / "raw"
    out.mkdir()
    for d in raw.iterdir():
        if d.is_dir() and d.name != dataset:
            (out / d.name).symlink_to(d)
    shutil.copytree(raw / dataset, out / dataset)
    return out


def _lines(p: Path, encoding="utf-8") -> list[str]:
    return p.read_text(encoding=encoding).splitlines(keepends=True)


@pytest.fixture
def previous_db(tmp_path) -> tuple[Path, str]:
    db = tmp_path / "var" / "localnhs.sqlite"
    db.parent.mkdir()
    db.write_bytes(b"the previous database, still serving")
    return db, hashlib.sha256(db.read_bytes()).hexdigest()


def _assert_kept(db: Path, digest: str) -> None:
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert [p.name for p in db.parent.iterdir()] == [db.name], "temporary build file left behind"


def test_truncated_file(raw, tmp_path, previous_db):
    r = _raw_with(raw, tmp_path, "etr")
    f = r / "etr" / "etr_2025-12_dse.csv"
    data = f.read_bytes()
    f.write_bytes(data[: len(data) // 2 - 7])
    with pytest.raises(BuildError, match=r"etr_2025-12_dse\.csv:\d+: file ends in an incomplete row"):
        build(r, previous_db[0], show_progress=False)
    _assert_kept(*previous_db)


def test_wrong_columns(raw, tmp_path, previous_db):
    r = _raw_with(raw, tmp_path, "nhs_trusts")
    f = r / "nhs_trusts" / "etr_2016.csv"
    lines = _lines(f)
    lines[0] = lines[0].replace("close_date", "closing")
    f.write_text("".join(lines))
    with pytest.raises(BuildError, match=r"etr_2016\.csv:1: missing column\(s\) close_date"):
        build(r, previous_db[0], show_progress=False)
    _assert_kept(*previous_db)


def test_bad_dates(raw, tmp_path, previous_db):
    r = _raw_with(raw, tmp_path, "epraccur")
    f = r / "epraccur" / "epraccur_2017-02.csv"
    lines = _lines(f)
    for i in range(0, len(lines), 20):  # 5 % of rows get an impossible open date
        lines[i] = lines[i].replace('","19740401","', '","19741345","', 1)
    f.write_text("".join(lines))
    with pytest.raises(BuildError, match=r"epraccur_2017-02\.csv: \d+ of 13385 rows rejected[\s\S]*epraccur_2017-02\.csv:\d+: bad date"):
        build(r, previous_db[0], show_progress=False)
    _assert_kept(*previous_db)


def test_duplicate_codes(raw, tmp_path, previous_db):
    r = _raw_with(raw, tmp_path, "eccg")
    f = r / "eccg" / "eccg_2025-12_dse.csv"
    lines = _lines(f)
    f.write_text("".join(lines + lines))
    with pytest.raises(BuildError, match=r"eccg_2025-12_dse\.csv:32\d: duplicate organisation code"):
        build(r, previous_db[0], show_progress=False)
    _assert_kept(*previous_db)


def test_missing_raw_folder(tmp_path, previous_db):
    with pytest.raises(BuildError, match="does not exist"):
        build(tmp_path / "nowhere", previous_db[0], show_progress=False)
    _assert_kept(*previous_db)


def test_a_few_bad_rows_are_rejected_with_file_and_line(raw, tmp_path):
    f = tmp_path / "epraccur_2015-11-27.csv"
    lines = _lines(raw / "epraccur" / "epraccur_2015-11-27.csv")
    code = lines[9].split('"')[1]
    lines[9] = lines[9].replace(f'"{code}"', f'"{code.lower()}-"', 1)
    f.write_text("".join(lines))
    parsed = epraccur.read(f, "classic", "utf-8")
    assert parsed.rejects.lines() == [f"epraccur_2015-11-27.csv:10: organisation code '{code.lower()}-' is not an ODS code"]
    assert len(parsed.rows) == 12921
    parsed.rejects.check()  # one in 12,922 is within the stated fraction
