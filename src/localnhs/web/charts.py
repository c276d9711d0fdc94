"""Small server-rendered SVG charts (bars over time, histogram, money flows, structure tree).

Legible at every width: each chart is drawn at the size it is shown, in user units of one CSS
pixel (text 13-14 px), with width/height attributes so the browser never scales it up and only
scales it down a little on the narrowest phones. Charts too wide for a phone (the money flows and
the structure tree) come in two drawings: the wide one for desktop, a narrow one stacked for
phones and tablets (`pair`, toggled in static/app.css at the desktop breakpoint). Axes are labelled
with round ticks. Styled by classes in static/app.css (the CSP forbids inline styles); every
label escaped; each chart has role="img" and a <title>, and the pages give the same numbers as a
table or list behind it.
"""

from __future__ import annotations

import math
import textwrap
from xml.sax.saxutils import escape

from localnhs.web import nice_date

CHAR_W = 0.53  # average advance of a character, in ems, for wrapping labels to a width


def _svg(width: float, height: float, title: str, id_: str, body: str, cls: str = "app-chart") -> str:
    w, h = int(math.ceil(width)), int(math.ceil(height))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            f'class="{cls}" role="img" aria-labelledby="{id_}-title"><title id="{id_}-title">{escape(title)}</title>'
            f'{body}</svg>')


def pair(wide: str, narrow: str) -> str:
    """The wide drawing on desktop, the narrow one below it; only the shown one is read out."""
    return (f'<div class="app-chart-pair__wide">{wide}</div>'
            f'<div class="app-chart-pair__narrow">{narrow}</div>')


def nice_ticks(vmax: float, most: int = 5) -> list[float]:
    """Round tick values from 0 to at least vmax: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if vmax <= 0:
        return [0.0, 1.0]
    raw = vmax / max(most - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    n = math.ceil(vmax / step - 1e-9)
    return [step * i for i in range(n + 1)]


def _k(n: float) -> str:
    """10000 -> '10k', 2500 -> '2.5k', 500 -> '500'."""
    if n >= 1000:
        v = n / 1000
        return f"{v:.0f}k" if v == int(v) else f"{v:.1f}k"
    return f"{n:,.0f}"


def _wrap(text: str, px: float, font: float = 13) -> list[str]:
    """Whole words, as many lines as the text needs to fit px at this font size."""
    return textwrap.wrap(text, max(int(px / (font * CHAR_W)), 6)) or [""]


def _text(x: float, y: float, s: str, cls: str = "app-chart__label", anchor: str | None = None) -> str:
    a = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{a} class="{cls}">{escape(s)}</text>'


def _y_axis(parts: list, ticks: list[float], left: float, right: float, top: float, base: float, label: str) -> None:
    """Gridlines and round tick labels up the left, the axis title above it."""
    span = ticks[-1] or 1
    for t in ticks:
        y = base - (base - top) * t / span
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
                     f'class="{"app-chart__axis" if t == 0 else "app-chart__grid"}"/>')
        parts.append(_text(left - 6, y + 4.5, _k(t), anchor="end"))
    parts.append(_text(4, top - 14, label))


def bars_over_time(points: list[dict], title: str, id_: str = "sizes") -> str:
    """points: [{date, value}] -> one bar per date on a labelled value axis, the value above each bar."""
    if not points:
        return ""
    n = len(points)
    left, right, top, bottom = 48, 12, 40, 46
    w = max(320, left + right + 96 * n)
    h = 230
    base = h - bottom
    ticks = nice_ticks(max(p["value"] for p in points))
    parts: list[str] = []
    _y_axis(parts, ticks, left, w - right, top, base, "Registered patients")
    slot = (w - left - right) / n
    bw = min(56.0, slot * 0.6)
    for i, p in enumerate(points):
        bh = (base - top) * p["value"] / ticks[-1]
        x = left + slot * i + (slot - bw) / 2
        parts.append(f'<rect x="{x:.1f}" y="{base - bh:.1f}" width="{bw:.1f}" height="{bh:.1f}" class="app-chart__bar"/>')
        parts.append(_text(x + bw / 2, base - bh - 5, f'{int(p["value"]):,}', "app-chart__value", "middle"))
        d = nice_date(p["date"])
        parts.append(_text(x + bw / 2, base + 18, d, anchor="middle"))
    parts.append(_text((left + w - right) / 2, h - 6, "Date of the count", "app-chart__axis-title", "middle"))
    return _svg(w, h, title, id_, "".join(parts), "app-chart")


def histogram(dist: dict, title: str, id_: str) -> str:
    """A list-size distribution (query/list_sizes.list_size_distribution) with the median marked."""
    bins = dist["bins"]
    w, h, left, right, top, bottom = 360, 270, 48, 20, 44, 52
    base = h - bottom
    ticks = nice_ticks(max(b["count"] for b in bins))
    parts: list[str] = []
    _y_axis(parts, ticks, left, w - right, top, base, "Practices")
    bw = (w - left - right) / len(bins)
    for i, b in enumerate(bins):
        bh = (base - top) * b["count"] / ticks[-1]
        parts.append(f'<rect x="{left + bw * i + 0.5:.1f}" y="{base - bh:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" '
                     f'class="app-chart__bar"/>')
    # round x ticks: every bin edge that is a multiple of a round step, the open last bin marked "+"
    width = dist["bin_width"]
    step = nice_ticks(bins[-1]["lo"], 5)[1] if len(bins) > 1 else width
    for i, b in enumerate(bins):
        if b["lo"] % step == 0:
            x = left + bw * i
            parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 5}" class="app-chart__axis"/>')
            parts.append(_text(x, base + 19, _k(b["lo"]) + ("+" if b["hi"] is None else ""), anchor="middle"))
    span = width * (len(bins) - 1)
    mx = left + bw * min(dist["median"], span) / width
    parts.append(f'<line x1="{mx:.1f}" y1="{top - 6}" x2="{mx:.1f}" y2="{base}" class="app-chart__median"/>')
    label = f'median {dist["median"]:,.0f}'
    right_side = mx + 6 + len(label) * 13 * CHAR_W < w
    parts.append(_text(mx + 6 if right_side else mx - 6, top + 4, label, "app-chart__value",
                       None if right_side else "end"))
    parts.append(_text((left + w - right) / 2, h - 8, "Registered patients per practice", "app-chart__axis-title", "middle"))
    return _svg(w, h, title, id_, "".join(parts))


def _flow_layout(national) -> tuple[dict, list, dict, dict]:
    nodes = {n["id"]: n for n in national["nodes"]}
    flows = list(national["flows"])
    depth = {nid: 0 for nid in nodes}
    for _ in range(len(nodes)):
        for f in flows:
            depth[f["to"]] = max(depth[f["to"]], depth[f["from"]] + 1)
    value = {}
    for nid in nodes:
        out = sum(f["value"] for f in flows if f["from"] == nid)
        inn = sum(f["value"] for f in flows if f["to"] == nid)
        value[nid] = max(out, inn)
    return nodes, flows, depth, value


def sankey(national, title: str, id_: str = "money") -> str:
    """The seed's money flows (content/national.yaml): a left-to-right Sankey for desktop and, for
    phones, the same bodies as indented bars (each under the body its money comes from)."""
    return pair(_sankey_wide(national, title, id_), _flow_bars(national, title, id_ + "-narrow"))


def _sankey_wide(national, title: str, id_: str) -> str:
    nodes, flows, depth, value = _flow_layout(national)
    cols = max(depth.values()) + 1
    w, h, node_w, pad, gap, label_w = 960, 420, 18, 20, 28, 230
    scale = (h - 2 * pad - gap * 2) / max(value.values())
    col_x = {c: pad + c * (w - 2 * pad - node_w - label_w) / max(cols - 1, 1) for c in range(cols)}
    ys: dict[str, float] = {}
    for c in range(cols):
        y = pad
        for nid in [n for n in nodes if depth[n] == c]:
            ys[nid] = y
            y += value[nid] * scale + gap
    out_off = {nid: 0.0 for nid in nodes}
    in_off = {nid: 0.0 for nid in nodes}
    links, boxes = [], []
    for f in flows:
        a, b = f["from"], f["to"]
        th = f["value"] * scale
        x0, x1 = col_x[depth[a]] + node_w, col_x[depth[b]]
        y0 = ys[a] + out_off[a] + th / 2
        y1 = ys[b] + in_off[b] + th / 2
        out_off[a] += th
        in_off[b] += th
        mid = (x0 + x1) / 2
        cls = "app-sankey__link app-sankey__link--derived" if f.get("derived") else "app-sankey__link"
        links.append(f'<path d="M{x0:.1f},{y0:.1f} C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}" '
                     f'class="{cls}" stroke-width="{max(th, 1):.1f}"><title>{escape(f["text"])}</title></path>')
    for nid, n in nodes.items():
        x, y, hh = col_x[depth[nid]], ys[nid], value[nid] * scale
        boxes.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{node_w}" height="{max(hh, 2):.1f}" class="app-sankey__node"/>')
        lines = _wrap(n["label"], label_w - 16, 14)
        ty = y + min(hh, 60) / 2 - (len(lines) - 1) * 9 + 5
        boxes += [_text(x + node_w + 8, ty + 18 * k, line, "app-chart__label app-chart__label--l")
                  for k, line in enumerate(lines)]
    return _svg(w, h, title, id_, "".join(links) + "".join(boxes), "app-chart")


def _flow_bars(national, title: str, id_: str, w: int = 340) -> str:
    nodes, flows, depth, value = _flow_layout(national)
    derived = {f["to"] for f in flows if f.get("derived")}
    children: dict[str, list[str]] = {}
    for f in flows:
        children.setdefault(f["from"], []).append(f["to"])
    roots = [nid for nid in nodes if depth[nid] == 0]
    order: list[str] = []

    def walk(nid):
        order.append(nid)
        for c in children.get(nid, []):
            walk(c)

    for r in roots:
        walk(r)
    vmax = max(value.values()) or 1
    indent, y, parts = 16, 8.0, []
    for nid in order:
        x = 4 + indent * depth[nid]
        if depth[nid]:
            parts.append(f'<line x1="{x - 9}" y1="{y - 4:.1f}" x2="{x - 9}" y2="{y + 10:.1f}" class="app-tree__edge"/>')
        for line in _wrap(nodes[nid]["label"], w - x - 4, 13):
            y += 17
            parts.append(_text(x, y, line))
        y += 6
        bw = (w - x - 64) * value[nid] / vmax
        cls = "app-chart__bar app-chart__bar--derived" if nid in derived else "app-chart__bar"
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{max(bw, 2):.1f}" height="16" class="{cls}"/>')
        parts.append(_text(x + bw + 6, y + 13, f"£{value[nid]:,.0f}bn", "app-chart__value"))
        y += 26
    return _svg(w, y + 4, title, id_, "".join(parts))


def _short(name: str) -> str:
    for a, b in ((" Integrated Care Board", " ICB"), ("NHS England ", ""), (" Clinical Commissioning Group", " CCG")):
        name = name.replace(a, b)
    return name.removeprefix("NHS ").strip()


def structure_tree(st: dict, title: str, id_: str = "structure") -> str:
    """NHS England on top, its regions, and the area teams / ICBs in each with their counts: a tree
    in bands of four regions for desktop, the regions with their counts stacked for phones."""
    return pair(_tree_wide(st, title, id_), _tree_narrow(st, title, id_ + "-narrow"))


def _leaf_words(st: dict, k: int) -> str:
    word = "CCGs" if st["era"] == "ccg" else "sub-ICB locations"
    return f"{k} {word if k != 1 else word[:-1]}"


def _tree_wide(st: dict, title: str, id_: str) -> str:
    regions = st["regions"]
    per_row, col_w, w = 4, 235, 960
    box_w = col_w - 15
    parts: list[str] = []
    top_w = 260
    parts.append(f'<rect x="{(w - top_w) / 2:.0f}" y="10" width="{top_w}" height="40" rx="4" class="app-tree__box app-tree__box--top"/>'
                 + _text(w / 2, 36, "NHS England", "app-tree__title app-tree__title--top", "middle"))
    band_top, spine_x, first_bus = 84.0, 4.0, 70.0
    bands = [regions[i:i + per_row] for i in range(0, len(regions), per_row)]
    parts.append(f'<line x1="{w / 2:.0f}" y1="50" x2="{w / 2:.0f}" y2="{first_bus:.0f}" class="app-tree__edge"/>')
    for b, row in enumerate(bands):
        xs = [10 + i * col_w for i in range(len(row))]
        bus_y = band_top - 14
        # one bus line per band; bands below the first are reached down the left margin
        lo = spine_x if len(bands) > 1 else min(xs[0] + box_w / 2, w / 2)
        hi = max(xs[-1] + box_w / 2, w / 2 if b == 0 else 0)
        parts.append(f'<line x1="{lo:.0f}" y1="{bus_y:.0f}" x2="{hi:.0f}" y2="{bus_y:.0f}" class="app-tree__edge"/>')
        if b:
            parts.append(f'<line x1="{spine_x}" y1="{first_bus:.0f}" x2="{spine_x}" y2="{bus_y:.0f}" class="app-tree__edge"/>')
        bottom = band_top
        for x, reg in zip(xs, row):
            cx = x + box_w / 2
            parts.append(f'<line x1="{cx:.0f}" y1="{bus_y:.0f}" x2="{cx:.0f}" y2="{band_top:.0f}" class="app-tree__edge"/>')
            lines = _wrap(_short(reg["name"]), box_w - 12, 14)
            rh = 18 * len(lines) + 14
            parts.append(f'<rect x="{x:.0f}" y="{band_top:.0f}" width="{box_w}" height="{rh}" rx="4" class="app-tree__box app-tree__box--region"/>')
            parts += [_text(cx, band_top + 20 + 18 * k, l, "app-tree__title", "middle") for k, l in enumerate(lines)]
            y = band_top + rh + 12
            elbow = None
            for child in reg["children"]:
                clines = _wrap(_short(child["name"]), box_w - 30, 13)
                ch = 17 * len(clines) + 28
                elbow = y + ch / 2
                parts.append(f'<line x1="{x + 6:.0f}" y1="{elbow:.0f}" x2="{x + 12:.0f}" y2="{elbow:.0f}" class="app-tree__edge"/>')
                parts.append(f'<rect x="{x + 12:.0f}" y="{y:.0f}" width="{box_w - 12}" height="{ch}" rx="3" class="app-tree__box"/>')
                parts += [_text(x + 18, y + 17 + 17 * k, l, "app-tree__text") for k, l in enumerate(clines)]
                parts.append(_text(x + 18, y + ch - 8, _leaf_words(st, len(child["children"])), "app-tree__count"))
                y += ch + 8
            if elbow is not None:  # one unbroken line from the region down to its last body
                parts.append(f'<line x1="{x + 6:.0f}" y1="{band_top + rh:.0f}" x2="{x + 6:.0f}" y2="{elbow:.0f}" class="app-tree__edge"/>')
            bottom = max(bottom, y)
        band_top = bottom + 34
    band_top -= 24
    return _svg(w, band_top, title, id_, "".join(parts))


def _tree_narrow(st: dict, title: str, id_: str, w: int = 340) -> str:
    middle = st["levels"][2]
    parts = [f'<rect x="0" y="4" width="{w}" height="36" rx="4" class="app-tree__box app-tree__box--top"/>'
             + _text(w / 2, 28, "NHS England", "app-tree__title app-tree__title--top", "middle")]
    y = 56.0
    for reg in st["regions"]:
        lines = _wrap(_short(reg["name"]), w - 40, 14)
        n_mid = len(reg["children"])
        n_leaf = sum(len(c["children"]) for c in reg["children"])
        count = f"{n_mid} {middle if n_mid != 1 else middle[:-1]}, {_leaf_words(st, n_leaf)}"
        clines = _wrap(count, w - 40, 13)
        bh = 18 * len(lines) + 17 * len(clines) + 14
        elbow = y + bh / 2
        parts.append(f'<line x1="10" y1="{elbow:.0f}" x2="20" y2="{elbow:.0f}" class="app-tree__edge"/>')
        parts.append(f'<rect x="20" y="{y:.0f}" width="{w - 20}" height="{bh}" rx="4" class="app-tree__box app-tree__box--region"/>')
        ty = y + 19
        for l in lines:
            parts.append(_text(30, ty, l, "app-tree__title"))
            ty += 18
        for l in clines:
            parts.append(_text(30, ty, l, "app-tree__text"))
            ty += 17
        y += bh + 12
    if st["regions"]:
        parts.insert(1, f'<line x1="10" y1="40" x2="10" y2="{elbow:.0f}" class="app-tree__edge"/>')
    return _svg(w, y, title, id_, "".join(parts))
