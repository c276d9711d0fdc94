"""Areas, the two LSOA tables, map shapes and acute catchments, from the ONS lookups.

Every commissioner vintage hangs off an LSOA (2011 up to July 2022, 2021 since April
2024), so a postcode needs only its LSOAs to answer for any date. The lookups are
cross-checked against each other (same LSOA sets, one MSOA per LSOA) because a
silently short lookup would leave places without a commissioner.

Parents: LAD -> county (2016, district councils only) or upper-tier council (2021,
2023/24; unitaries are their own parent); CCG -> NHS England region where ONS published
one (2017, 2018), else -> STP (2019-2021); sub-ICB -> ICB -> region. No ICB -> region
lookup is shipped, so each ICB's ONS label point is tested in the NHSER24 polygons.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import polars as pl
import shapely

from localnhs.sources import registry
from localnhs.sources import ambulance, boundaries, catchments, geographr_lookups, ons_lookups, ons_postcodes, onspd_names
from localnhs.sources._rows import SourceError
from localnhs.store import district_facts

ENGLISH_LSOA11 = 32_844
ENGLISH_LSOA21 = 33_755
# April 2023 Frimley / Surrey Heartlands recoding: ICB22 code -> the ICB23/24 code it became.
ICB22_TO_ICB23 = {"E54000052": "E54000063", "E54000053": "E54000064"}
# Simplification tolerance in degrees (~1e-5 deg = 1.1 m north-south).
TOLERANCE = {"lsoa21": 0.0002, "lad": 0.0004, "utla": 0.0005, "sub_icb": 0.0005, "icb": 0.0008,
             "nhs_region": 0.001, "ccg": 0.0005}


class Areas:
    """area rows keyed by (type, vintage, code); a later put never silently changes a name."""

    def __init__(self):
        self.rows: dict[tuple[str, str, str], tuple] = {}

    def put(self, code, type_, vintage, name, source, ods=None, parent=None):
        key = (type_, vintage, code)
        if key in self.rows:
            return
        self.rows[key] = (code, type_, vintage, name or code, ods or None, parent or None, source)

    def frame(self, df: pl.DataFrame, type_, vintage, source, code="code", name="name", ods=None, parent=None):
        cols = [code, name] + [c for c in (ods, parent) if c]
        for r in df.select(cols).unique(code, keep="first", maintain_order=True).iter_rows(named=True):
            self.put(r[code], type_, vintage, r[name], source, r[ods] if ods else None, r[parent] if parent else None)

    def write(self, conn):
        conn.executemany("INSERT INTO area VALUES (?,?,?,?,?,?,?)", list(self.rows.values()))


class Reader:
    """Reads a declared table, records it in import_log once, remembers it for the step."""

    def __init__(self, ctx, advance):
        self.ctx, self.advance = ctx, advance

    def table(self, module, key, dataset=None):
        t = module.TABLES[key] if isinstance(key, str) else key
        path = self.ctx.path(dataset or module.DATASET, t.file)
        df, rejects = module.read(path, t)
        self.ctx.log(dataset or module.DATASET, path, rejects)
        self.advance(1)
        return df, t.file

    def names(self, file):
        path = self.ctx.path(onspd_names.DATASET, file)
        data, rejects = onspd_names.read(path)
        self.ctx.log(onspd_names.DATASET, path, rejects)
        self.advance(1)
        return data


@lru_cache(maxsize=2)
def lsoa_layer(path):
    """The LSOA boundary layers, shared with the postcode step (parsing one costs ~1.5 s)."""
    prefix = "lsoa11" if "lsoa11" in path.name else "lsoa21"
    return boundaries.read_geographr(path, prefix)


def _one_to_one(df: pl.DataFrame, key: str, value: str, file: str) -> None:
    bad = df.group_by(key).agg(pl.col(value).n_unique().alias("n")).filter(pl.col("n") > 1)
    if bad.height:
        raise SourceError(f"{file}: {bad.height} {key} codes have more than one {value}, e.g. {bad[key][0]}")


def _england(df: pl.DataFrame, col: str) -> pl.DataFrame:
    return df.filter(pl.col(col).str.starts_with("E"))


def load(ctx) -> None:
    conn = ctx.conn
    areas = Areas()
    with ctx.step("geography: lookups", total=36) as advance:
        rd = Reader(ctx, advance)
        lsoa11 = _lsoa11_lookups(ctx, rd, areas)
        lsoa21 = _lsoa21_lookups(rd, areas)
        icb_region = _regions(ctx, rd, areas)
        _commissioner_parents(areas, icb_region)
        _catchments(ctx, conn, rd, advance)
    with ctx.step("geography: LSOA shapes", total=4) as advance:
        lsoa11, lsoa21 = _lsoa_points(ctx, lsoa11, lsoa21, advance)
        conn.executemany(
            "INSERT INTO lsoa11 VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            lsoa11.select("code", "name", "msoa11", "ccg15", "ccg16", "ccg17", "ccg18", "ccg19", "ccg20", "ccg21",
                          "sicbl22", "icb22", "lad16", "lad21", "utla19", "ward17", "ambulance", "lat", "lon").iter_rows(),
        )
        conn.executemany(
            "INSERT INTO lsoa21 VALUES (?,?,?,?,?,?,?,?,?)",
            lsoa21.select("code", "name", "lsoa11", "sicbl24", "icb24", "ward24", "lad24", "lat", "lon").iter_rows(),
        )
    with ctx.step("geography: map shapes", total=7) as advance:
        _geometries(ctx, lsoa11, advance)
    areas.write(conn)
    ctx.notes.append(f"geography: {len(areas.rows):,} areas, {lsoa11.height:,} LSOA11, {lsoa21.height:,} LSOA21")


def _lsoa11_lookups(ctx, rd: Reader, areas: Areas) -> pl.DataFrame:
    ol, gl = ons_lookups, geographr_lookups
    base = None
    for yy in ("15", "16", "17", "18", "19", "20"):
        df, file = rd.table(ol, f"lsoa_ccg{yy}")
        _check_lsoas(df, file)
        vintage = f"20{yy}"
        areas.frame(df, "ccg", vintage, file, code="ccg", name="ccg_name", ods="ccg_ods")
        cols = [pl.col("lsoa11").alias("code"), pl.col("ccg").alias(f"ccg{yy}")]
        if yy == "16":
            cols += [pl.col("lsoa11_name").alias("name"), pl.col("lad").alias("lad16")]
            areas.frame(df, "lad", "2016", file, code="lad", name="lad_name")
            areas.frame(df, "lsoa11", "2011", file, code="lsoa11", name="lsoa11_name")
        part = df.select(cols)
        base = part if base is None else base.join(part, on="code", how="left")

    cty, file = rd.table(ol, "lad16_cty16")
    # Metropolitan counties (E11) and Inner/Outer London (E13) are not councils: only
    # shire-county districts have an upper tier above them.
    cty = cty.filter(pl.col("county").str.starts_with("E10"))
    areas.frame(cty, "county", "2016", file, code="county", name="county_name")
    county_of = dict(cty.select("lad", "county").iter_rows())
    for (t, v, code), row in list(areas.rows.items()):
        if t == "lad" and v == "2016" and code in county_of:
            areas.rows[(t, v, code)] = row[:5] + (county_of[code],) + row[6:]

    utla, file = rd.table(ol, "lsoa_utla19")
    utla = _england(utla, "lsoa11")
    _check_lsoas(utla, file)
    areas.frame(utla, "utla", "2019", file, code="utla", name="utla_name")
    base = base.join(utla.select(pl.col("lsoa11").alias("code"), pl.col("utla").alias("utla19")), on="code", how="left")

    # CCG21 / STP21: ODS codes from NHS Digital's January 2022 practice map.
    pmap, pfile = rd.table(ol, ol.PRACTICE_MAP, dataset="patients_registered")
    ccg21_ods = dict(pmap.select("ccg", "ccg_ods").unique().iter_rows())
    stp21_ods = dict(pmap.select("stp", "stp_ods").unique().iter_rows())
    c21, file = rd.table(gl, "lsoa_ccg21")
    _check_lsoas(c21, file)
    c21 = c21.with_columns(pl.col("ccg").replace_strict(ccg21_ods, default=None).alias("ccg_ods"),
                           pl.col("stp").replace_strict(stp21_ods, default=None).alias("stp_ods"))
    missing = c21.filter(pl.col("ccg_ods").is_null())["ccg"].unique().to_list()
    if missing:
        ctx.notes.append(f"geography: no ODS code in {pfile} for CCG21 {', '.join(missing)}")
    areas.frame(c21, "ccg", "2021", file, code="ccg", name="ccg_name", ods="ccg_ods", parent="stp")
    areas.frame(c21, "stp", "2021", file, code="stp", name="stp_name", ods="stp_ods")
    areas.frame(c21, "lad", "2021", file, code="lad", name="lad_name")
    base = base.join(c21.select(pl.col("lsoa11").alias("code"), pl.col("ccg").alias("ccg21"),
                                pl.col("lad").alias("lad21")), on="code", how="left")

    s22, file = rd.table(gl, "lsoa_sicbl22")
    _check_lsoas(s22, file)
    areas.frame(s22, "sub_icb", "2022", file, code="sicbl", name="sicbl_name", ods="sicbl_ods", parent="icb")
    areas.frame(s22, "icb", "2022", file, code="icb", name="icb_name", ods="icb_ods")
    base = base.join(s22.select(pl.col("lsoa11").alias("code"), pl.col("sicbl").alias("sicbl22"),
                                pl.col("icb").alias("icb22")), on="code", how="left")

    w17, file = rd.table(gl, "lsoa11_ward17")
    w17 = _england(w17, "lsoa11")
    _check_lsoas(w17, file)
    base = base.join(w17.select(pl.col("lsoa11").alias("code"), pl.col("ward").alias("ward17")), on="code", how="left")
    ward_names: dict[str, str] = {}
    for key in ("wd19", "wd16"):  # the 2017 wards mostly kept their 2016 or 2019 names
        df, _ = rd.table(ol, key)
        ward_names.update(df.select("ward", "ward_name").iter_rows())
    for ward in w17["ward"].unique().sort():
        areas.put(ward, "ward", "2017", ward_names.get(ward), file)

    # LSOA11 nests in one MSOA11: take it from the ONS postcode lookup (read once, shared).
    path = ctx.path("ons_postcode_lsoa_lookup", ons_postcodes.FILE)
    pcd, rejects = ons_postcodes.read(path)
    ctx.log("ons_postcode_lsoa_lookup", path, rejects)
    rd.advance(1)
    nest = pcd.select("lsoa11", "msoa11").unique()
    _one_to_one(nest, "lsoa11", "msoa11", ons_postcodes.FILE)
    base = base.join(nest.rename({"lsoa11": "code"}), on="code", how="left")
    names_path = ctx.path(catchments.DATASET, catchments.MSOA_NAMES)
    msoa_names, rejects = catchments.read_msoa_names(names_path)
    ctx.log(catchments.DATASET, names_path, rejects)
    rd.advance(1)
    msoas = nest.select("msoa11").unique().join(msoa_names, on="msoa11", how="left").sort("msoa11")
    areas.frame(msoas, "msoa11", "2011", catchments.MSOA_NAMES, code="msoa11")
    parent_msoa = dict(nest.iter_rows())
    for (t, v, code), row in list(areas.rows.items()):
        if t == "lsoa11":
            areas.rows[(t, v, code)] = row[:5] + (parent_msoa.get(code),) + row[6:]

    lsoa_path = ctx.path(ambulance.DATASET, ambulance.LSOA_FILE)
    amb, rej1 = ambulance.read_lsoa(lsoa_path)
    ccg_path = ctx.path(ambulance.DATASET, ambulance.CCG_FILE)
    amb_ccg, rej2 = ambulance.read_ccg(ccg_path)
    ambulance.check_consistent(amb, amb_ccg)
    ctx.log(ambulance.DATASET, lsoa_path, rej1)
    ctx.log(ambulance.DATASET, ccg_path, rej2)
    rd.advance(2)
    _check_lsoas(amb, ambulance.LSOA_FILE)
    base = base.join(amb.select(pl.col("lsoa11").alias("code"), pl.col("trust").alias("ambulance")),
                     on="code", how="left")
    return base.sort("code")


def _check_lsoas(df: pl.DataFrame, file: str, col: str = "lsoa11", expect: int = ENGLISH_LSOA11) -> None:
    codes = df.filter(pl.col(col).str.starts_with("E"))[col]
    if codes.n_unique() != expect or codes.len() != expect:
        raise SourceError(f"{file}: expected {expect:,} English {col} rows, one each; "
                          f"found {codes.len():,} rows, {codes.n_unique():,} distinct")


def _lsoa21_lookups(rd: Reader, areas: Areas) -> pl.DataFrame:
    gl = geographr_lookups
    i24, file = rd.table(gl, "lsoa21_icb24")
    _check_lsoas(i24, file, "lsoa21", ENGLISH_LSOA21)
    areas.frame(i24, "sub_icb", "2024", file, code="sicbl", name="sicbl_name", ods="sicbl_ods", parent="icb")
    areas.frame(i24, "icb", "2024", file, code="icb", name="icb_name", ods="icb_ods")
    areas.frame(i24, "lsoa21", "2021", file, code="lsoa21", name="lsoa21_name")
    base = i24.select(pl.col("lsoa21").alias("code"), pl.col("lsoa21_name").alias("name"),
                      pl.col("sicbl").alias("sicbl24"), pl.col("icb").alias("icb24"))

    w24, file = rd.table(gl, "lsoa21_ward24")
    w24 = _england(w24, "lsoa21")
    _check_lsoas(w24, file, "lsoa21", ENGLISH_LSOA21)
    areas.frame(w24, "ward", "2024", file, code="ward", name="ward_name", parent="lad")
    base = base.join(w24.select(pl.col("lsoa21").alias("code"), pl.col("ward").alias("ward24"),
                                pl.col("lad").alias("lad24")), on="code", how="left")

    u21, file = rd.table(gl, "ltla21_utla21")
    u21 = _england(u21, "lad")
    areas.frame(u21, "utla", "2021", file, code="utla", name="utla_name")
    _set_parents(areas, "lad", "2021", dict(u21.select("lad", "utla").iter_rows()))
    u23, file23 = rd.table(gl, "ltla23_utla23")
    u23 = _england(u23, "lad")
    areas.frame(u23, "utla", "2023", file23, code="utla", name="utla_name")
    r24, file = rd.table(gl, "ltla24_region24")
    district_facts.regions(rd.ctx.conn, r24, file)
    areas.frame(r24, "region", "2024", file, code="region", name="region_name")
    areas.frame(r24, "lad", "2024", file, code="lad", name="lad_name")
    utla_of = dict(u23.select("lad", "utla").iter_rows())
    _set_parents(areas, "lad", "2024", utla_of)

    # Code-Point (Oct 2025) districts and wards, named from the ONSPD lists: two 2025 codes
    # (Barnsley, Sheffield boundary changes) postdate the 2024 lookups.
    for code, v in rd.names("districts.json").items():
        parent = utla_of.get(code) or (code if code[:3] in ("E06", "E08", "E09", "W06", "S12") else None)
        areas.put(code, "lad", "2025", v["name"], "districts.json", parent=parent)
    for code, v in rd.names("wards.json").items():
        areas.put(code, "ward", "2025", v["name"], "wards.json")
    counties = rd.names("counties.json")
    for (t, v, code), row in list(areas.rows.items()):  # fill any county the 2016 lookup left unnamed
        if t == "county" and row[3] == code and code in counties:
            areas.rows[(t, v, code)] = row[:3] + (counties[code]["name"],) + row[4:]

    pairs, file = rd.table(gl, "lsoa11_lsoa21")
    pairs = _england(pairs, "lsoa21")
    return base.join(_best_lsoa11(pairs), on="code", how="left")


def _best_lsoa11(pairs: pl.DataFrame) -> pl.DataFrame:
    """Candidate LSOA11s per LSOA21 in file order; the overlap choice is made with the shapes."""
    return pairs.group_by("lsoa21", maintain_order=True).agg(pl.col("lsoa11").alias("lsoa11_candidates")) \
        .rename({"lsoa21": "code"})


def _set_parents(areas: Areas, type_, vintage, parent_of: dict) -> None:
    for (t, v, code), row in list(areas.rows.items()):
        if t == type_ and v == vintage and parent_of.get(code):
            areas.rows[(t, v, code)] = row[:5] + (parent_of[code],) + row[6:]


def _regions(ctx, rd: Reader, areas: Areas) -> dict[str, str]:
    """NHS England regions of 2017, 2018 and 2024; returns ICB code -> 2024 region code."""
    ol = ons_lookups
    r17, file17 = rd.table(ol, "ccg17_nhser17")
    r18, file18 = rd.table(ol, "ccg18_nhser18")
    ods18 = dict(r18.select("nhser", "nhser_ods").unique().iter_rows())
    r17 = r17.with_columns(pl.col("nhser").replace_strict(ods18, default=None).alias("nhser_ods"))
    areas.frame(r17, "nhs_region", "2017", file17, code="nhser", name="nhser_name", ods="nhser_ods")
    areas.frame(r18, "nhs_region", "2018", file18, code="nhser", name="nhser_name", ods="nhser_ods")
    _set_parents(areas, "ccg", "2017", dict(r17.select("ccg", "nhser").iter_rows()))
    _set_parents(areas, "ccg", "2018", dict(r18.select("ccg", "nhser").iter_rows()))
    stp_links = []
    ends = {"17": "2018-03-31", "18": "2019-03-31", "19": "2020-03-31", "20": "2021-03-31"}
    for yy in ("17", "18", "19", "20"):
        df, file = rd.table(ol, f"ccg_stp{yy}")
        areas.frame(df, "stp", f"20{yy}", file, code="stp", name="stp_name", ods="stp_ods" if yy == "20" else None)
        if yy in ("19", "20"):
            _set_parents(areas, "ccg", f"20{yy}", dict(df.select("ccg", "stp").iter_rows()))
        # CCG -> STP as dated relationships: the footprint used to place trusts before ICBs.
        # STP footprints date from 2016; the first ONS lookup (April 2017) also stands for 2016.
        start = None if yy == "17" else f"20{yy}-04-01"
        for ccg, stp in df.select("ccg", "stp").iter_rows():
            row = areas.rows.get(("ccg", f"20{yy}", ccg))
            if row is not None and row[4]:
                stp_links.append((row[4], stp, "in_stp", start, ends[yy], file, "ONS CCG to STP lookup", None))
    c21 = [(code, row[5], row[4], row[6]) for (t, v, code), row in areas.rows.items() if t == "ccg" and v == "2021"]
    stp_links += [(ods, stp, "in_stp", "2021-04-01", "2022-06-30", src, "ONS LSOA to CCG to STP lookup", None)
                  for _code, stp, ods, src in c21 if ods and stp]
    ctx.conn.executemany(
        "INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
        " VALUES (?,?,?,?,?,?,?,?)", stp_links)

    # 2024: ONS codes and names from ONSPD; the Y-codes by name from NHSER19 (the 2019
    # scheme's names are unchanged, four ONS codes were reissued since).
    r19, file19 = rd.table(ol, "nhser19")
    y_by_name = {n.lower(): y for n, y in r19.select("nhser_name", "nhser_ods").iter_rows()}
    for code, v in rd.names("nhs_regions.json").items():
        ods = y_by_name.get(v["name"].lower())
        if ods is None:
            raise SourceError(f"nhs_regions.json: region {code} {v['name']!r} has no namesake in {file19}")
        areas.put(code, "nhs_region", "2024", v["name"], "nhs_regions.json", ods=ods)

    # ICB -> region: each ICB23's label point in the NHSER24 polygons.
    icb_file, icb_prefix = boundaries.ONS_FILES["icb23"]
    reg_file, reg_prefix = boundaries.ONS_FILES["nhser24"]
    icb_path, reg_path = ctx.path(boundaries.ONS, icb_file), ctx.path(boundaries.ONS, reg_file)
    icbs, regs = boundaries.read_ons(icb_path, icb_prefix), boundaries.read_ons(reg_path, reg_prefix)
    ctx.log(boundaries.ONS, icb_path, icbs.rejects)
    ctx.log(boundaries.ONS, reg_path, regs.rejects)
    rd.advance(2)
    tree = shapely.STRtree(regs.geoms)
    pt_idx, reg_idx = tree.query(icbs.label, predicate="within")
    found = dict(zip(icbs.codes[pt_idx], regs.codes[reg_idx]))
    for i, code in enumerate(icbs.codes):
        if code not in found:  # label point on a coast / generalised edge: nearest region
            found[code] = regs.codes[tree.nearest(icbs.label[i])]
    unknown = set(found.values()) - {c for (t, v, c) in areas.rows if t == "nhs_region" and v == "2024"}
    if unknown:
        raise SourceError(f"{reg_file}: region codes {sorted(unknown)} are not in nhs_regions.json")
    for old, new in ICB22_TO_ICB23.items():
        found[old] = found[new]
    rd.names("icb.json")  # recorded; the lookup's own ICB names are used (identical list)
    sub_ods = rd.names("ccgs.json")
    for (t, v, code), row in areas.rows.items():
        if t == "sub_icb" and v == "2024" and code in sub_ods and sub_ods[code]["ods"] not in (None, row[4]):
            ctx.notes.append(f"geography: sub-ICB {code} ODS {row[4]} in the 2024 lookup, {sub_ods[code]['ods']} in ccgs.json")
    return found


def _commissioner_parents(areas: Areas, icb_region: dict[str, str]) -> None:
    for vintage in ("2022", "2024"):
        missing = [c for (t, v, c) in areas.rows if t == "icb" and v == vintage and c not in icb_region]
        if missing:
            raise SourceError(f"no NHS England region found for ICB {', '.join(missing)}")
        _set_parents(areas, "icb", vintage, icb_region)


def _catchments(ctx, conn, rd: Reader, advance) -> None:
    for year, file in catchments.FILES.items():
        path = ctx.path(catchments.DATASET, file)
        df, rejects = catchments.read(path)
        ctx.log(catchments.DATASET, path, rejects)
        conn.executemany(
            "INSERT INTO catchment VALUES (?,?,?,?,?)",
            df.select("msoa11", "trust", pl.lit(year).alias("year"), "share", pl.lit(file).alias("source")).iter_rows(),
        )
        advance(1)


def _lsoa_points(ctx, lsoa11: pl.DataFrame, lsoa21: pl.DataFrame, advance):
    """Representative points (always inside the shape) and the best LSOA11 per LSOA21."""
    layers = {}
    for key in ("lsoa11", "lsoa21"):
        file, _ = boundaries.GEOGRAPHR_FILES[key]
        path = ctx.path(boundaries.GEOGRAPHR, file)
        layer = lsoa_layer(path)
        ctx.log(boundaries.GEOGRAPHR, path, layer.rejects)
        layers[key] = layer
        advance(1)
    out = []
    for key, df in (("lsoa11", lsoa11), ("lsoa21", lsoa21)):
        layer = layers[key]
        pts = shapely.point_on_surface(layer.geoms)
        xy = shapely.get_coordinates(pts)
        shapes = pl.DataFrame({"code": layer.codes.astype(str), "lon": np.round(xy[:, 0], 6),
                               "lat": np.round(xy[:, 1], 6), "_g": np.arange(len(layer.codes))})
        df = df.join(shapes, on="code", how="left")
        nogeom = df.filter(pl.col("lat").is_null())
        if nogeom.height:
            ctx.notes.append(f"geography: {nogeom.height} {key} without a boundary, e.g. {nogeom['code'][0]}")
        out.append(df)
        advance(1)
    lsoa11, lsoa21 = out

    # LSOA21 -> one LSOA11: unchanged and split LSOAs have one candidate; for merged and
    # complex ones take the LSOA11 whose 2011 shape overlaps the 2021 shape most (ties:
    # the lookup's first row).
    g11 = dict(zip(layers["lsoa11"].codes, range(len(layers["lsoa11"].codes))))
    cand = lsoa21.select("code", "_g", "lsoa11_candidates").explode("lsoa11_candidates")
    multi = cand.filter(pl.col("code").is_duplicated())
    best = {}
    if multi.height:
        i21 = multi["_g"].to_numpy()
        i11 = np.array([g11.get(c, -1) for c in multi["lsoa11_candidates"]])
        ok = i11 >= 0
        area = np.zeros(len(i21))
        area[ok] = shapely.area(shapely.intersection(layers["lsoa21"].geoms[i21[ok]], layers["lsoa11"].geoms[i11[ok]]))
        m = multi.with_columns(pl.Series("overlap", area), pl.int_range(pl.len()).alias("_order"))
        m = m.sort(["code", "overlap", "_order"], descending=[False, True, False]).unique("code", keep="first")
        best = dict(m.select("code", "lsoa11_candidates").iter_rows())
    lsoa21 = lsoa21.with_columns(
        pl.col("lsoa11_candidates").list.first().alias("lsoa11")
    ).with_columns(
        pl.col("code").replace_strict(best, default=None).fill_null(pl.col("lsoa11")).alias("lsoa11")
    )
    return lsoa11, lsoa21


def _round5(geoms):
    return shapely.transform(geoms, lambda c: np.round(c, 5))


def _geojson(type_, geoms, tolerance):
    simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    return shapely.to_geojson(_round5(simple))


def _geometries(ctx, lsoa11: pl.DataFrame, advance) -> None:
    conn = ctx.conn
    rows = []
    layer = lsoa_layer(ctx.path(boundaries.GEOGRAPHR, boundaries.GEOGRAPHR_FILES["lsoa21"][0]))
    eng = np.array([c.startswith("E") for c in layer.codes])
    gj = _geojson("lsoa21", layer.geoms[eng], TOLERANCE["lsoa21"])
    rows += [("lsoa21", "2021", c, g, boundaries.GEOGRAPHR_FILES["lsoa21"][0]) for c, g in zip(layer.codes[eng], gj)]
    advance(1)
    for key, type_, vintage in (("icb23", "icb", "2024"), ("sicbl23", "sub_icb", "2024"),
                                ("nhser24", "nhs_region", "2024"), ("lad24", "lad", "2024"),
                                ("ctyua23", "utla", "2023")):
        file, prefix = boundaries.ONS_FILES[key]
        path = ctx.path(boundaries.ONS, file)
        layer = boundaries.read_ons(path, prefix)
        if key not in ("icb23", "nhser24"):
            ctx.log(boundaries.ONS, path, layer.rejects)
        eng = np.array([c.startswith("E") for c in layer.codes])
        gj = _geojson(type_, layer.geoms[eng], TOLERANCE[type_])
        rows += [(type_, vintage, c, g, file) for c, g in zip(layer.codes[eng], gj)]
        advance(1)

    # CCG 2016 has no published boundary: LSOA11s nest exactly in CCG16s, so dissolve them.
    l11 = lsoa_layer(ctx.path(boundaries.GEOGRAPHR, boundaries.GEOGRAPHR_FILES["lsoa11"][0]))
    order = lsoa11.filter(pl.col("_g").is_not_null()).select("ccg16", "_g").sort("ccg16", "_g")
    source = f"{boundaries.GEOGRAPHR_FILES['lsoa11'][0]} dissolved by {ons_lookups.TABLES['lsoa_ccg16'].file}"
    for (ccg,), grp in order.group_by(["ccg16"], maintain_order=True):
        parts = l11.geoms[grp["_g"].to_numpy()]
        shape = shapely.coverage_union_all(parts)  # exact and fast when the LSOAs tile cleanly
        if not shapely.is_valid(shape):
            shape = shapely.union_all(parts)
        rows.append(("ccg", "2016", ccg, _geojson("ccg", np.array([shape]), TOLERANCE["ccg"])[0], source))
    advance(1)
    conn.executemany("INSERT INTO area_geometry VALUES (?,?,?,?,?)", rows)
