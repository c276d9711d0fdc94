"""Small server-rendered SVG charts (bars over time, histogram, Sankey, structure tree).

Styled by classes in static/app.css (the CSP forbids inline styles); every label escaped;
each chart has role="img" and a <title>, and the pages give the same numbers as a table.
"""

from __future__ import annotations

import textwrap

from xml.sax.saxutils import escape

from localnhs.web import nice_date


def _svg(width: int, height: int, title: str, id_: str, body: str, cls: str = "app-chart") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="{cls}" role="img" '
            f'aria-labelledby="{id_}-title"><title id="{id_}-title">{escape(title)}</title>{body}</svg>')


def _k(n: float) -> str:
    return f"{n / 1000:.0f}k" if n >= 10000 else f"{n / 1000:.1f}k" if n >= 1000 else f"{n:.0f}"


def bars_over_time(points: list[dict], title: str, id_: str = "sizes") -> str:
    """points: [{date, value}] -> vertical bars, one per date, value printed above each."""
    if not points:
        return ""
    w, h, left, bottom, top = 480, 220, 16, 40, 28
    n = len(points)
    slot = (w - 2 * left) / n
    bw = min(72.0, slot * 0.6)
    vmax = max(p["value"] for p in points) or 1
    parts = [f'<line x1="{left}" y1="{h - bottom}" x2="{w - left}" y2="{h - bottom}" class="app-chart__axis"/>']
    for i, p in enumerate(points):
        bh = (h - bottom - top) * p["value"] / vmax
        x = left + slot * i + (slot - bw) / 2
        y = h - bottom - bh
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{bh:.1f}" class="app-chart__bar"/>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="app-chart__label">'
                     f'{int(p["value"]):,}</text>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{h - bottom + 20}" text-anchor="middle" class="app-chart__label">'
                     f'{escape(nice_date(p["date"]))}</text>')
    return _svg(w, h, title, id_, "".join(parts), "app-chart app-chart--small")


def histogram(dist: dict, title: str, id_: str) -> str:
    """A list-size distribution (national_view.list_size_distribution) with the median marked."""
    bins = dist["bins"]
    w, h, left, right, bottom, top = 640, 260, 48, 16, 44, 30
    cmax = max(b["count"] for b in bins) or 1
    bw = (w - left - right) / len(bins)
    parts = [f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" class="app-chart__axis"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{h - bottom}" class="app-chart__axis"/>']
    for frac in (0.5, 1.0):
        v = cmax * frac
        y = h - bottom - (h - bottom - top) * frac
        parts.append(f'<text x="{left - 6}" y="{y + 5:.1f}" text-anchor="end" class="app-chart__label">{v:,.0f}</text>')
    for i, b in enumerate(bins):
        bh = (h - bottom - top) * b["count"] / cmax
        x = left + bw * i
        parts.append(f'<rect x="{x + 1:.1f}" y="{h - bottom - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                     f'class="app-chart__bar"/>')
    for i, b in enumerate(bins):
        if i % 5 == 0 or b["hi"] is None:
            label = _k(b["lo"]) + ("+" if b["hi"] is None else "")
            parts.append(f'<text x="{left + bw * i:.1f}" y="{h - bottom + 18}" text-anchor="middle" '
                         f'class="app-chart__label">{label}</text>')
    width_total = dist["bin_width"] * (len(bins) - 1)
    mx = left + (w - left - right - bw) * min(dist["median"], width_total) / width_total
    parts.append(f'<line x1="{mx:.1f}" y1="{top - 8}" x2="{mx:.1f}" y2="{h - bottom}" class="app-chart__median"/>')
    parts.append(f'<text x="{mx + 6:.1f}" y="{top - 12 + 12}" class="app-chart__label">median {dist["median"]:,.0f}</text>')
    parts.append(f'<text x="{(w + left) / 2:.0f}" y="{h - 6}" text-anchor="middle" class="app-chart__label">'
                 'registered patients per practice</text>')
    return _svg(w, h, title, id_, "".join(parts))


def sankey(national, title: str, id_: str = "money") -> str:
    """The seed's money flows (content/national.yaml) as a left-to-right Sankey: columns by depth."""
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
    cols = max(depth.values()) + 1
    w, h, node_w, pad, gap = 960, 420, 18, 20, 28
    scale = (h - 2 * pad - gap * 2) / max(value.values())
    col_x = {c: pad + c * (w - 2 * pad - node_w - 250) / max(cols - 1, 1) for c in range(cols)}
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
        label = n["label"]
        words, lines, cur = label.split(), [], ""
        for wd in words:
            if len(cur) + len(wd) + 1 > 34 and cur:
                lines.append(cur)
                cur = wd
            else:
                cur = f"{cur} {wd}".strip()
        lines.append(cur)
        ty = y + min(hh, 60) / 2 - (len(lines) - 1) * 8 + 5
        for k, line in enumerate(lines[:4]):
            boxes.append(f'<text x="{x + node_w + 8:.1f}" y="{ty + 16 * k:.1f}" class="app-chart__label">{escape(line)}</text>')
    return _svg(w, h, title, id_, "".join(links) + "".join(boxes), "app-chart app-chart--wide")


def _short(name: str) -> str:
    for a, b in ((" Integrated Care Board", " ICB"), ("NHS England ", ""), (" Clinical Commissioning Group", " CCG")):
        name = name.replace(a, b)
    return name.removeprefix("NHS ").strip()


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width)[:3] or [""]


def structure_tree(st: dict, title: str, id_: str = "structure") -> str:
    """NHS England on top, one column per region, its area teams / ICBs stacked beneath with their counts."""
    regions = st["regions"]
    n = max(len(regions), 1)
    col_w = 176 if n > 4 else 240
    w = max(960, int(n * col_w + 20))
    box_w = col_w - 16
    leaf_word = "CCGs" if st["era"] == "ccg" else "sub-ICB locations"
    parts = []
    top_w = 260
    parts.append(f'<rect x="{(w - top_w) / 2:.0f}" y="10" width="{top_w}" height="40" rx="4" class="app-tree__box app-tree__box--top"/>'
                 f'<text x="{w / 2:.0f}" y="36" text-anchor="middle" class="app-tree__title">NHS England</text>')
    max_y = 60
    for i, reg in enumerate(regions):
        x = 10 + i * (w - 20) / n + ((w - 20) / n - box_w) / 2
        cx = x + box_w / 2
        parts.append(f'<line x1="{w / 2:.0f}" y1="50" x2="{cx:.0f}" y2="80" class="app-tree__edge"/>')
        lines = _wrap(_short(reg["name"]), 20 if n > 4 else 28)
        rh = 16 * len(lines) + 14
        parts.append(f'<rect x="{x:.0f}" y="80" width="{box_w}" height="{rh}" rx="4" class="app-tree__box app-tree__box--region"/>')
        parts += [f'<text x="{cx:.0f}" y="{98 + 16 * k}" text-anchor="middle" class="app-tree__title">{escape(l)}</text>'
                  for k, l in enumerate(lines)]
        y = 80 + rh + 16
        for child in reg["children"]:
            clines = _wrap(_short(child["name"]), 22 if n > 4 else 30)
            ch = 15 * len(clines) + 24
            parts.append(f'<line x1="{x + 6:.0f}" y1="{y - 16:.0f}" x2="{x + 6:.0f}" y2="{y + ch / 2:.0f}" class="app-tree__edge"/>')
            parts.append(f'<rect x="{x + 12:.0f}" y="{y:.0f}" width="{box_w - 12}" height="{ch}" rx="3" class="app-tree__box"/>')
            parts += [f'<text x="{x + 18:.0f}" y="{y + 15 + 15 * k:.0f}" class="app-tree__text">{escape(l)}</text>'
                      for k, l in enumerate(clines)]
            k = len(child["children"])
            parts.append(f'<text x="{x + 18:.0f}" y="{y + ch - 7:.0f}" class="app-tree__count">{k} {leaf_word if k != 1 else leaf_word[:-1]}</text>')
            y += ch + 8
        max_y = max(max_y, y)
    return _svg(w, int(max_y + 10), title, id_, "".join(parts), "app-chart app-chart--tree")
