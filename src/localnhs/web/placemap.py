"""A place's map as server-rendered SVG: works with no JavaScript, no network and in the PDF.

Two panels, because a neighbourhood (about 1 km across) and an integrated care board (often
100 km) cannot share one frame: "Around WA5 1QG" shows the neighbourhood (LSOA) and the nearest
GP practices, numbered 1, 2, ...; "The wider area" shows the council, sub-ICB and ICB outlines
and the trusts' headquarters, lettered A, B, ... . Outlines of areas larger than a frame are
drawn as their boundary lines only, so a frame edge never looks like a border. The legend is
HTML beside the panels (``legend``), so screen readers and the PDF read the same names. The
interactive Leaflet map (static/map.js) is an optional layer over the same data.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

import shapely
from shapely.geometry import shape

W, H = 480, 340  # drawn at about this size on desktop (two panels) and phones (one)
KM_PER_DEG_LAT = 111.32
OUTLINE_CLASS = {"lsoa": "app-map-svg__lsoa", "council": "app-map-svg__council", "sub_icb": "app-map-svg__subicb",
                 "commissioner": "app-map-svg__icb"}
OUTLINE_ORDER = ("commissioner", "sub_icb", "council", "lsoa")  # largest first, so the smallest is on top
# Colours, line styles and text as SVG presentation attributes (not stylesheet rules), so the map
# looks the same on the page, with the stylesheet blocked, and in WeasyPrint's PDF.
PAINT = {
    "bg": 'fill="#f0f4f5"',
    "lsoa": 'fill="#d5281b" fill-opacity="0.1" stroke="#d5281b" stroke-width="3"',
    "council": 'fill="none" stroke="#ae2573" stroke-dasharray="2 5" stroke-linecap="round" stroke-width="4"',
    "sub_icb": 'fill="none" stroke="#330072" stroke-dasharray="10 6" stroke-width="2.5"',
    "commissioner": 'fill="none" stroke="#007f3b" stroke-width="3.5"',
    "practice": 'fill="#005eb8" stroke="#ffffff" stroke-width="2"',
    "trust": 'fill="#330072" stroke="#ffffff" stroke-width="2"',
    "symbol": 'fill="#ffffff" font-size="17" font-weight="600"',
    "star": 'fill="#ffeb3b" stroke="#212b32" stroke-width="2"',
    "text": 'fill="#212b32" font-size="18" font-weight="600"',
    "halo": 'fill="none" stroke="#ffffff" stroke-linejoin="round" stroke-width="5" font-size="18" font-weight="600"',
    "line": 'fill="none" stroke="#212b32" stroke-width="2"',
    "leader": 'fill="none" stroke="#212b32" stroke-width="1.5"',
}


_SHAPES: dict[int, tuple[dict, object]] = {}  # id(GeoJSON) -> (that GeoJSON, its shapely geometry)
SHAPES_LIMIT = 512


def _shape(geometry: dict):
    """shape(geometry), made once per GeoJSON object: a council's or commissioner's outline is one
    object shared by every map in it (query/place_map.py). Keyed by the object's id, and the hit
    is checked to be that very object (held here, so its id cannot be reused while kept)."""
    hit = _SHAPES.get(id(geometry))
    if hit is not None and hit[0] is geometry:
        return hit[1]
    g = shape(geometry)
    if len(_SHAPES) >= SHAPES_LIMIT:
        _SHAPES.clear()
    _SHAPES[id(geometry)] = (geometry, g)
    return g


class _Frame:
    """Equirectangular projection around the frame's middle: good to well under 1% at this scale."""

    def __init__(self, lon0, lat0, lon1, lat1, pad=0.15):
        dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
        lon0, lon1, lat0, lat1 = lon0 - dx, lon1 + dx, lat0 - dy, lat1 + dy
        self.k = math.cos(math.radians((lat0 + lat1) / 2))
        span_x, span_y = (lon1 - lon0) * self.k, lat1 - lat0
        self.scale = min(W / span_x, H / span_y)
        self.cx, self.cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
        half_x, half_y = W / 2 / self.scale / self.k, H / 2 / self.scale
        self.bounds = (self.cx - half_x, self.cy - half_y, self.cx + half_x, self.cy + half_y)

    def xy(self, lon, lat):
        return W / 2 + (lon - self.cx) * self.k * self.scale, H / 2 - (lat - self.cy) * self.scale

    def inside(self, lon, lat, margin=12):
        x, y = self.xy(lon, lat)
        return margin <= x <= W - margin and margin <= y <= H - margin

    def km_per_px(self):
        return KM_PER_DEG_LAT / self.scale


def _span(xs, ys, min_deg) -> tuple[float, float, float, float]:
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if y1 - y0 < min_deg:
        y0, y1 = (y0 + y1) / 2 - min_deg / 2, (y0 + y1) / 2 + min_deg / 2
    if x1 - x0 < min_deg * 1.6:
        x0, x1 = (x0 + x1) / 2 - min_deg * 0.8, (x0 + x1) / 2 + min_deg * 0.8
    return x0, y0, x1, y1


def _frames(map_data) -> tuple[_Frame | None, _Frame | None]:
    """(near, wide): near fits the LSOA, the place and the practices (at least ~1.5 km across);
    wide fits the largest outline and every trust headquarters."""
    near_x, near_y, wide_x, wide_y = [], [], [], []
    for o in map_data["outlines"]:
        x0, y0, x1, y1 = _shape(o["geometry"]).bounds
        if o["kind"] == "lsoa":
            near_x += [x0, x1]
            near_y += [y0, y1]
        else:
            wide_x += [x0, x1]
            wide_y += [y0, y1]
    for p in map_data["points"]:
        if p["kind"] in ("place", "practice"):
            near_x.append(p["lon"])
            near_y.append(p["lat"])
        if p["kind"] in ("place", "trust"):
            wide_x.append(p["lon"])
            wide_y.append(p["lat"])
    near = _Frame(*_span(near_x, near_y, 0.0135)) if near_x else None
    wide = _Frame(*_span(wide_x, wide_y, 0.1), pad=0.06) if wide_x else None
    return near, wide


def _ring_path(coords, f: _Frame, close: bool) -> str:
    pts = [f.xy(x, y) for x, y in coords]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + ("Z" if close else "")


def _polygons(geom, f: _Frame) -> str:
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.geom_type == "Polygon" and not poly.is_empty:
            out += [_ring_path(r.coords, f, True) for r in [poly.exterior, *poly.interiors]]
    return "".join(out)


def _lines(geom, f: _Frame) -> str:
    out = []
    for line in getattr(geom, "geoms", [geom]):
        if line.geom_type in ("LineString", "LinearRing") and not line.is_empty:
            out.append(_ring_path(line.coords, f, False))
    return "".join(out)


def legend(map_data) -> dict:
    """Markers with their symbols (1, 2, ... practices; A, B, ... trusts) and the outlines, largest
    first: the same numbering and order as the panels."""
    place = next((p for p in map_data["points"] if p["kind"] == "place"), None)
    practices, trusts = [], []
    for p in map_data["points"]:
        if p["kind"] == "practice":
            practices.append({**p, "symbol": str(len(practices) + 1)})
        elif p["kind"] == "trust":
            trusts.append({**p, "symbol": chr(ord("A") + len(trusts))})
    outlines = sorted(map_data["outlines"], key=lambda o: OUTLINE_ORDER.index(o["kind"]) if o["kind"] in OUTLINE_ORDER else 0)
    return {"place": place, "practices": practices, "trusts": trusts, "outlines": outlines}


def _scale_bar(f: _Frame) -> str:
    target = f.km_per_px() * W / 5
    step = next((s for s in (0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100) if s >= target * 0.6), 100)
    px = step / f.km_per_px()
    x, y = 16, H - 14
    label = f"{step:g} km" if step >= 1 else f"{step * 1000:.0f} m"
    return (f'<g class="app-map-svg__scale"><path d="M{x},{y - 7}V{y}H{x + px:.1f}V{y - 7}" {PAINT["line"]}/>'
            f'<text x="{x + px / 2:.1f}" y="{y - 12}" text-anchor="middle" class="app-map-svg__halo" {PAINT["halo"]}>{label}</text>'
            f'<text x="{x + px / 2:.1f}" y="{y - 12}" text-anchor="middle" {PAINT["text"]}>{label}</text></g>')


def _spread(markers: list[dict], f: _Frame, place: dict | None) -> list[tuple[dict, float, float, float, float]]:
    """Marker positions, each nudged clear of the place's star and of markers already placed
    (a short leader line joins a nudged marker to its true position)."""
    taken = [f.xy(place["lon"], place["lat"])] if place else []
    label = _label_box(place, f) if place else None

    def clear(x, y):
        if label and label[0] - 16 <= x <= label[2] + 16 and label[1] - 16 <= y <= label[3] + 16:
            return False
        return all(math.hypot(x - a, y - b) >= 30 for a, b in taken)

    out = []
    for m in markers:
        x0, y0 = f.xy(m["lon"], m["lat"])
        x, y = x0, y0
        for k in range(18):
            if clear(x, y):
                break
            angle = math.pi / 4 + k * math.pi / 3
            x, y = x0 + 34 * math.cos(angle) * (1 + k // 6), y0 - 34 * math.sin(angle) * (1 + k // 6)
        taken.append((x, y))
        out.append((m, x, y, x0, y0))
    return out


def _marker(m: dict, x: float, y: float, x0: float, y0: float) -> str:
    leader = f'<path d="M{x0:.1f},{y0:.1f}L{x:.1f},{y:.1f}" class="app-map-svg__leader" {PAINT["leader"]}/>' if (x, y) != (x0, y0) else ""
    label = escape(m["name"] + (f" ({m['note']})" if m.get("note") else ""))
    shape_ = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="14" {PAINT["practice"]}/>' if m["kind"] == "practice"
              else f'<rect x="{x - 14:.1f}" y="{y - 14:.1f}" width="28" height="28" rx="3" {PAINT["trust"]}/>')
    return (f'<g class="app-map-svg__{m["kind"]}"><title>{m["symbol"]}: {label}</title>{leader}{shape_}'
            f'<text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle" {PAINT["symbol"]}>{m["symbol"]}</text></g>')


def _label_side(place: dict, f: _Frame) -> tuple[float, float, str]:
    x, y = f.xy(place["lon"], place["lat"])
    return (x - 16, y - 10, "end") if x > W * 0.65 else (x + 16, y - 10, "start")


def _label_box(place: dict, f: _Frame) -> tuple[float, float, float, float]:
    """Roughly where the place's name is drawn (18 px bold: about 11 px a character)."""
    tx, ty, anchor = _label_side(place, f)
    width = 11 * len(place["name"])
    x0 = tx - width if anchor == "end" else tx
    return x0, ty - 16, x0 + width, ty + 4


def _place(place: dict, f: _Frame) -> str:
    x, y = f.xy(place["lon"], place["lat"])
    tx, _, anchor = _label_side(place, f)
    name = escape(place["name"])
    star = " ".join(f"{x + r * math.sin(math.pi * k / 5):.1f},{y - r * math.cos(math.pi * k / 5):.1f}"
                    for k, r in zip(range(10), [14, 6] * 5))
    return (f'<g class="app-map-svg__place"><title>{name}</title><polygon points="{star}" {PAINT["star"]}/>'
            f'<text x="{tx:.1f}" y="{y - 10:.1f}" text-anchor="{anchor}" class="app-map-svg__halo" {PAINT["halo"]}>{name}</text>'
            f'<text x="{tx:.1f}" y="{y - 10:.1f}" text-anchor="{anchor}" {PAINT["text"]}>{name}</text></g>')


def _panel(f: _Frame, lg: dict, id_: str, title: str, desc: str, kinds: tuple[str, ...], markers: list[dict]) -> str:
    lon0, lat0, lon1, lat1 = f.bounds
    dx, dy = (lon1 - lon0) * 0.05, (lat1 - lat0) * 0.05
    shapes = []
    for o in lg["outlines"]:
        if o["kind"] not in kinds:
            continue
        g = _shape(o["geometry"])
        cls = OUTLINE_CLASS.get(o["kind"], "app-map-svg__icb")
        if o["kind"] == "lsoa":
            d = _polygons(shapely.clip_by_rect(g, lon0 - dx, lat0 - dy, lon1 + dx, lat1 + dy), f)
        else:
            d = _lines(shapely.clip_by_rect(g.boundary, lon0 - dx, lat0 - dy, lon1 + dx, lat1 + dy), f)
        if d:
            shapes.append(f'<path d="{d}" class="{cls}" {PAINT.get(o["kind"], PAINT["commissioner"])}/>')
    shown = [m for m in markers if f.inside(m["lon"], m["lat"], margin=0)]
    marks = [_marker(*spot) for spot in _spread(shown, f, lg["place"])]
    if lg["place"] is not None:
        marks.append(_place(lg["place"], f))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" class="app-map-svg" role="img" '
            f'aria-labelledby="{id_}-title {id_}-desc"><title id="{id_}-title">{escape(title)}</title>'
            f'<desc id="{id_}-desc">{escape(desc)}</desc><rect width="{W}" height="{H}" class="app-map-svg__bg" {PAINT["bg"]}/>'
            + "".join(shapes) + "".join(marks) + _scale_bar(f) + "</svg>")


def map_panels(map_data) -> list[dict]:
    """[{id, heading, svg}] for the near and wide panels ([] when the place has no position)."""
    near, wide = _frames(map_data)
    lg = legend(map_data)
    name = lg["place"]["name"] if lg["place"] else "the place"
    out = []
    if near is not None:
        out.append({"id": "map-near", "heading": f"Around {name}", "svg": _panel(
            near, lg, "map-near", f"Map around {name}",
            f"The neighbourhood and the {len(lg['practices'])} nearest GP practices, numbered as in the legend.",
            ("lsoa", "council"), lg["practices"] + lg["trusts"])})
    if wide is not None:
        out.append({"id": "map-wide", "heading": "The wider area", "svg": _panel(
            wide, lg, "map-wide", f"Map of the wider area around {name}",
            "The council, sub-ICB location and integrated care board boundaries and the trusts' headquarters, "
            "lettered as in the legend.", ("council", "sub_icb", "commissioner"), lg["trusts"])})
    return out
