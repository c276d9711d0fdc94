"""Contacts and representatives as built from the shipped raw files: checked values, refusals
reported with file and line, trust names matched to ODS codes, MPs and constituency overlaps."""

from __future__ import annotations

import pytest

from localnhs.sources import contacts_check as check


def scalar(conn, sql, *args):
    return conn.execute(sql, args).fetchone()[0]


@pytest.mark.parametrize("text, shown, noted", [
    ("http://www.qpmc.org.uk", "http://www.qpmc.org.uk/", False),          # 2019 GP.csv, A81002
    ("www.ssphealth.com", "http://www.ssphealth.com/", True),               # listed without a scheme
    ("Http://www.derwentvalleymedicalpractice.co.uk", "http://www.derwentvalleymedicalpractice.co.uk/", False),
    ("http://www.peltonfellsurgery.nhs.uk.", "http://www.peltonfellsurgery.nhs.uk/", False),
])
def test_listed_websites_are_read_as_web_addresses(text, shown, noted):
    got = check.website(text)
    assert isinstance(got, check.Checked) and got.value == shown and bool(got.note) == noted


@pytest.mark.parametrize("text", ["http://www.thedovecotsurgery@nhs.uk", "www.chicheleroadsurgery .co.uk",
                                  "https://www..queensviewmedicalcentre.co.uk", "Websitenotdound",
                                  "https:/www.canburymedicalcentre.co.uk"])
def test_malformed_websites_are_refused(text):
    assert isinstance(check.website(text), check.Refused)


@pytest.mark.parametrize("text, shown", [
    ("01642606490", "01642 606490"), ("0161 819 4790", "0161 819 4790"), ("02086742083", "020 8674 2083"),
    ("01482335533 (ext. 1)", "01482 335533 ext. 1"), ("1482824768", "01482 824768"),
    ("0844 4773030 / 01535 631813", "0844 477 3030"),
])
def test_listed_phone_numbers_are_uk_numbers(text, shown):
    got = check.phone(text)
    assert isinstance(got, check.Checked) and got.value == shown


def test_placeholders_are_no_value_and_words_are_refused():
    assert check.blank("0000000000") and check.blank("00000 000000") and check.blank("n/a")
    assert isinstance(check.phone("Main Sugery"), check.Refused)
    assert isinstance(check.phone("489 2298/511 5905"), check.Refused)   # no area code: not dialable as listed


def test_refused_values_are_reported_with_file_line_and_reason(conn):
    rows = conn.execute("SELECT line, reason FROM reject WHERE file = '2019-05/GP.csv'").fetchall()
    by_line = {r["line"]: r["reason"] for r in rows}
    assert "email address, not a web address" in by_line[26] and by_line[26].startswith("A81025")
    # The practice row itself is kept: its phone is there, its refused website is not.
    kinds = {r[0] for r in conn.execute("SELECT kind FROM contact WHERE code = 'A81025' AND source LIKE '%2019-05%'")}
    assert "phone" in kinds and "website" not in kinds


def test_warrington_contacts_are_dated_facts_with_sources(conn):
    row = conn.execute("SELECT * FROM contact WHERE code = 'RWW' AND kind = 'website' "
                       "AND source LIKE 'contacts_and_representatives/%'").fetchone()
    assert row["value"] == "https://www.whh.nhs.uk/" and row["as_of"] == "2023-10-26"
    council = conn.execute("SELECT * FROM contact WHERE code = 'E06000007' AND kind = 'website'").fetchone()
    assert council["value"] == "https://www.warrington.gov.uk/" and council["listed_by"] == "GOV.UK"
    # Warrington Hospital's switchboard as NHS.UK listed it in January 2020.
    site = conn.execute("SELECT value FROM contact WHERE code = 'RWWWH' AND kind = 'phone' "
                        "AND source = 'nhsuk_sites/2020-01/Hospital.csv'").fetchone()
    assert site["value"] == "01925 635911"


def test_north_yorkshire_homepage_follows_the_council_that_replaced_the_county(conn):
    row = conn.execute("SELECT value, note FROM contact WHERE code = 'E06000065' AND kind = 'website'").fetchone()
    assert row["value"].startswith("http") and "E10000023" in row["note"]


def test_trust_names_are_matched_and_every_miss_says_why(conn):
    total = scalar(conn, "SELECT count(*) FROM trust_name_match")
    matched = scalar(conn, "SELECT count(*) FROM trust_name_match WHERE code IS NOT NULL")
    assert total == 213 and matched >= 205
    assert scalar(conn, "SELECT count(DISTINCT code) FROM trust_name_match WHERE code IS NOT NULL") == matched
    misses = conn.execute("SELECT listed_name, reason FROM trust_name_match WHERE code IS NULL").fetchall()
    assert all(r["reason"] for r in misses)
    # Royal Brompton and Harefield merged into Guy's and St Thomas' in 2021: no open trust has its name.
    assert any(r["listed_name"].startswith("Royal Brompton") for r in misses)
    assert scalar(conn, "SELECT code FROM trust_name_match WHERE listed_name LIKE 'Wirral Community%'") == "RY7"


def test_mps_elected_in_july_2024(conn):
    row = conn.execute("SELECT * FROM member_of_parliament WHERE constituency = 'E14001564'").fetchone()
    assert row["name"] == "Charlotte Nichols" and row["party"] == "Lab" and row["elected"] == "2024-07-04"
    assert scalar(conn, "SELECT count(*) FROM member_of_parliament") == 650
    assert scalar(conn, "SELECT name FROM constituency WHERE code = 'E14001565'") == "Warrington South"


def test_every_english_lsoa_overlaps_a_constituency_with_an_mp(conn):
    n = scalar(conn, "SELECT count(DISTINCT o.lsoa11) FROM constituency_overlap o JOIN member_of_parliament m "
                     "ON m.constituency = o.constituency WHERE o.lsoa11 LIKE 'E01%'")
    assert n == scalar(conn, "SELECT count(*) FROM lsoa11 WHERE code LIKE 'E%'") == 32_844
