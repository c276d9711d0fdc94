"""The charts' axes use round ticks and are labelled, drawn from the real national figures."""

from __future__ import annotations

import math
import re

from hypothesis import given, strategies as st

from localnhs.web import charts


@given(st.floats(min_value=0.01, max_value=1e9, allow_nan=False))
def test_nice_ticks_are_round_and_cover_the_data(vmax):
    ticks = charts.nice_ticks(vmax)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and ticks[-1] >= vmax * (1 - 1e-9) and 2 <= len(ticks) <= 6
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5)), step
    assert all(math.isclose(b - a, step) for a, b in zip(ticks, ticks[1:]))


def _labels(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_histogram_axes_labelled_with_round_ticks(conn):
    from localnhs.query import list_sizes as nv

    date = nv.list_size_dates(conn)[-1]
    dist = nv.list_size_distribution(conn, date)
    svg = charts.histogram(dist, "t", "h")
    labels = _labels(svg)
    assert "Practices" in labels and "Registered patients per practice" in labels
    for anchor in ("end", "middle"):  # the value axis (right-aligned ticks), then the patients axis
        ticks = re.findall(rf'text-anchor="{anchor}" class="app-chart__label">([^<]*)</text>', svg)
        values = [float(t.rstrip("+k")) * (1000 if "k" in t else 1) for t in ticks]
        steps = {b - a for a, b in zip(values, values[1:])}
        assert values[0] == 0 and len(values) >= 4 and len(steps) == 1, ticks
        step = steps.pop()
        assert step / 10 ** math.floor(math.log10(step)) in (1, 2, 2.5, 5), ticks
    # drawn at the size shown: width/height in CSS px are the viewBox's, so it is never scaled up
    vw, vh, w, h = re.search(r'viewBox="0 0 (\d+) (\d+)" width="(\d+)" height="(\d+)"', svg).groups()
    assert (vw, vh) == (w, h)


def test_bars_over_time_axes_labelled(conn):
    from localnhs.query.organisations import organisation

    sizes = organisation(conn, "N81013", None).figures["registered_patients"]
    labels = _labels(charts.bars_over_time(sizes, "t"))
    assert "Registered patients" in labels and "Date of the count" in labels
    assert "1 January 2016" in labels  # dates on the axis in GOV.UK style
