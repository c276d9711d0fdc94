"""Server-rendered SVG of a place's local system: who oversees, who commissions, who provides,
and the local council side. Styled by classes in static/app.css (the CSP forbids inline styles);
every label is escaped here.

Layout, on a grid of four columns:
  row 0  national bodies (NHS England, CQC, NICE, Monitor while it existed)
  rows 1-3  the commissioning chain down the first column: region -> ICB (or area team) -> the
            place's commissioner; the council, Health and Wellbeing Board and Healthwatch beside it
  row 4  the nearest GP practices      row 5  the trusts (one box per trust, its roles joined)
Edges are drawn orthogonally: the commissioner reaches its practices over a bus line above
row 4, and its trusts over a second bus reached down the left margin, so no line crosses a box.
Names are wrapped in full (never cut), boxes grow to the longest name, and every box is a link
to the organisation's page. This wide layout is for desktop and print; below desktop width
the page shows the same bodies stacked (templates/_diagram_stacked.html).
"""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from localnhs.kinds import KINDS, role_word

COLS, COL_W, BOX_W, TOP, LEFT, LINE, WRAP = 4, 240, 216, 16, 28, 17, 24
W = LEFT + COLS * COL_W
COLOURS = {"national": "#005eb8", "commissioner": "#007f3b", "provider": "#330072", "local": "#ae2573",
           "practice": "#4c6272"}
# Text and line styles as SVG presentation attributes, so the drawing looks the same where the
# page's stylesheet does not reach it (WeasyPrint's PDF); the CSS only adds hover and focus.
T = 'font-size="14" font-weight="600" fill="#212b32"'
S = 'font-size="13" fill="#4c6272"'


def _wrap(text: str, width: int = WRAP) -> list[str]:
    """The whole name, over as many lines as it needs."""
    return textwrap.wrap(text, width) or [""]


def _box_h(ls) -> int:
    """Every box as tall as the longest name needs, plus its one-line description."""
    names = [b.name for b in [*ls.national, *ls.commissioners, *ls.councils, ls.hwb, ls.healthwatch] if b]
    names += [p.practice.name for p in ls.practices] + [r.trust.name for r in ls.trusts if r.trust]
    lines = max((len(_wrap(n)) for n in names), default=1)
    return 14 + LINE * lines + 22




class _Canvas:
    def __init__(self, box_h: int):
        self.box_h, self.row_h = box_h, box_h + 50
        self.boxes: dict[str, tuple[float, float]] = {}  # id -> (x, y) of the top-left corner
        self.parts: list[str] = []
        self.lines: list[str] = []

    def box(self, key: str, row: int, col: int, title: str, sub: str, colour: str, href: str | None = None) -> None:
        x = LEFT + col * COL_W + (COL_W - BOX_W) / 2
        y = TOP + row * self.row_h
        self.boxes[key] = (x, y)
        text = "".join(f'<text x="{x + 10:.0f}" y="{y + 20 + LINE * k:.0f}" class="t" {T}>{escape(line)}</text>'
                       for k, line in enumerate(_wrap(title)))
        # one line of description: "Sub-ICB location (formerly CCG)" drops its aside rather than be cut
        if len(sub) > 30:
            sub = sub.split(" (")[0]
        sub_lines = textwrap.wrap(sub, 30)[:1] or [""]
        inner = (f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{self.box_h}" rx="4" fill="#fff" '
                 f'stroke="{COLOURS[colour]}" stroke-width="3"/>{text}'
                 f'<text x="{x + 10:.0f}" y="{y + self.box_h - 9:.0f}" class="s" {S}>{escape(sub_lines[0])}</text>')
        if href:
            self.parts.append(f'<a href="{escape(href)}" class="app-diagram__link">{inner}</a>')
        else:
            self.parts.append(f"<g>{inner}</g>")

    def centre_x(self, key: str) -> float:
        return self.boxes[key][0] + BOX_W / 2

    def path(self, points: list[tuple[float, float]], label: str | None = None, at: int = 0) -> None:
        d = " ".join(f"{'M' if i == 0 else 'L'}{x:.0f},{y:.0f}" for i, (x, y) in enumerate(points))
        self.lines.append(f'<path d="{d}" fill="none" class="e" stroke="#4c6272" stroke-width="1.5"/>')
        if label:
            (x1, y1), (x2, y2) = points[at], points[at + 1]
            # beside a vertical segment, above a horizontal one: never on the line itself
            x, y = ((x1 + x2) / 2 + 6, (y1 + y2) / 2 + 4) if x1 == x2 else ((x1 + x2) / 2 - 30, y1 - 5)
            self.lines.append(f'<text x="{x:.0f}" y="{y:.0f}" class="l" {S}>{escape(label)}</text>')

    def down(self, upper: str, lower: str, label: str) -> None:
        """A straight vertical link between two boxes in the same column."""
        if upper in self.boxes and lower in self.boxes:
            x = self.centre_x(upper)
            self.path([(x, self.boxes[upper][1] + self.box_h), (x, self.boxes[lower][1])], label)


def local_system_svg(ls) -> str:
    from localnhs.web import org_href

    c = _Canvas(_box_h(ls))
    box_h, row_h = c.box_h, c.row_h
    for i, b in enumerate(ls.national[:COLS]):
        c.box(f"n:{b.code}", 0, i, b.name, KINDS["national_body"].diagram, "national", org_href(b))
    chain = list(reversed(ls.commissioners))  # region first, the place's commissioner last
    for i, b in enumerate(chain[:3]):
        c.box(f"c:{b.code}", 1 + i + (3 - len(chain[:3])), 0, b.name, b.label, "commissioner", org_href(b))
    if "n:NHS_ENGLAND" in c.boxes and chain:
        c.down("n:NHS_ENGLAND", f"c:{chain[0].code}", "oversees")
    for upper, lower in zip(chain, chain[1:]):
        c.down(f"c:{upper.code}", f"c:{lower.code}", "oversees" if upper.kind == "region" else "includes")

    upper_council = ls.councils[0] if ls.councils else None
    for i, b in enumerate(ls.councils[:2]):
        c.box(f"k:{b.code}", 2, 1 + i, b.name, b.label, "local", org_href(b))
    if ls.hwb:
        c.box("hwb", 3, 1, ls.hwb.name, KINDS["hwb"].diagram, "local", org_href(ls.hwb))
    if ls.healthwatch:
        c.box("hw", 3, 2 if len(ls.councils) < 2 else 3, ls.healthwatch.name, KINDS["healthwatch"].diagram, "local",
              org_href(ls.healthwatch))
    if upper_council and ls.hwb:
        c.down(f"k:{upper_council.code}", "hwb", "runs")
    if upper_council and ls.healthwatch and len(ls.councils) < 2:
        x1 = c.centre_x(f"k:{upper_council.code}") + 40
        y1 = c.boxes[f"k:{upper_council.code}"][1] + box_h
        x2 = c.centre_x("hw")
        y2 = c.boxes["hw"][1]
        mid = (y1 + y2) / 2
        c.path([(x1, y1), (x1, mid), (x2, mid), (x2, y2)], "funds", at=1)

    commissioner = f"c:{chain[-1].code}" if chain else None
    practices = ls.practices[:COLS]
    for i, p in enumerate(practices):
        c.box(f"p:{p.practice.code}", 4, i, p.practice.name, f"{KINDS['gp_practice'].word}, {p.distance_km:.1f} km", "practice",
              org_href(p.practice))
    trusts: dict[str, list[str]] = {}
    bodies: dict[str, object] = {}
    for r in ls.trusts:
        if r.trust:
            trusts.setdefault(r.trust.code, []).append(role_word(r.role, "diagram"))
            bodies[r.trust.code] = r.trust
    for i, (code, roles) in enumerate(list(trusts.items())[:COLS]):
        c.box(f"t:{code}", 5, i, bodies[code].name, " and ".join(roles) + " trust", "provider", org_href(bodies[code]))

    if commissioner in c.boxes:
        cx, cy = c.centre_x(commissioner), c.boxes[commissioner][1] + box_h
        if practices:
            bus = TOP + 4 * row_h - 18
            xs = [c.centre_x(f"p:{p.practice.code}") for p in practices]
            c.path([(cx, cy), (cx, bus)], "commissions")
            c.path([(min(xs + [cx]), bus), (max(xs + [cx]), bus)])
            for x in xs:
                c.path([(x, bus), (x, bus + 18)])
        if trusts:
            bus = TOP + 5 * row_h - 18
            left = LEFT / 2
            codes = list(trusts)[:COLS]
            xs = [c.centre_x(f"t:{code}") for code in codes]
            x0, ymid = c.boxes[commissioner][0], c.boxes[commissioner][1] + box_h / 2
            c.path([(x0, ymid), (left, ymid), (left, bus), (max(xs), bus)], "commissions", at=2)
            for x in xs:
                c.path([(x, bus), (x, bus + 18)])

    height = TOP + 6 * row_h - (row_h - box_h) + TOP
    from localnhs.web import nice_date

    title = f"How the NHS fits together for {ls.location.label} on {nice_date(ls.as_of)}"
    desc = ("National bodies at the top; the commissioning chain down the left, with the council, its Health and "
            "Wellbeing Board and local Healthwatch beside it; the nearest GP practices and the trusts serving "
            "the place below, all commissioned by the place's commissioner.")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height:.0f}" role="group" '
        f'aria-labelledby="diagram-title diagram-desc" class="system-diagram">'
        f'<title id="diagram-title">{escape(title)}</title><desc id="diagram-desc">{escape(desc)}</desc>'
        + "".join(c.lines) + "".join(c.parts) + "</svg>"
    )
