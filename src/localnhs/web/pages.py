"""The web pages: thin routes that call query/ and render Jinja templates (NHS.UK frontend).

`mount(app)` serves /static and registers the pages; `error_page(...)` renders error.html for
the app's exception handlers. No SQL and no domain rules here: only choosing what to show.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from localnhs.eras import CCG_SNAPSHOT, is_ccg_era
from localnhs.query.dates import AsOf
from localnhs.web import STATIC_DIR, jinja_env, place_href

router = APIRouter(include_in_schema=False)
SNAPSHOT_2016 = CCG_SNAPSHOT.isoformat()  # the "April 2016" switch: the CCG picture the seed describes
NAME_CHARS = re.compile(r"^[\w\s&'’.,()\-/]+$")

def mount(app) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(router)


def render(template: str, status: int = 200, **ctx) -> HTMLResponse:
    html = jinja_env().get_template(template).render(**ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str, hint: str | None = None) -> HTMLResponse:
    return render("error.html", status=status, heading=message, message=hint)


def _conn(request: Request):
    return request.app.state.conn


def _as_of(value: str | None) -> AsOf:
    """The date asked for, parsed here, once ('today', '' or none: today); query/ gets the ``AsOf``,
    links get its ``param`` (None when it is today by default)."""
    return AsOf.parse(value)


def _today() -> str:
    return dt.date.today().isoformat()


def _is_2016(as_of: str) -> bool:
    """Whether an answer (dated by its ISO ``as_of``) is in the CCG era."""
    return is_ccg_era(dt.date.fromisoformat(as_of))


# ---------------------------------------------------------------- home and search


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return render("home.html", errors=None, query="")


def _search_error(q: str, message: str) -> HTMLResponse:
    return render("search.html", status=400, query=q, error=message,
                  errors=[{"text": message, "href": "#q"}], hits=None, suggestions=None)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = Query(None, max_length=200)):
    from localnhs.query import postcode as pc
    from localnhs.query.errors import QueryError
    from localnhs.query.places import locate
    from localnhs.query.search import find

    text = " ".join((q or "").split())
    if not text:
        return _search_error("", "Enter a postcode, place or organisation name, for example WA5 1QG or Warrington")
    if pc.is_full(text):
        return RedirectResponse(place_href(pc.normalise(text)), status_code=303)
    if not NAME_CHARS.match(text):
        return _search_error(text, f"Enter {pc.EXAMPLE}, or a place or organisation name (letters, numbers and spaces)")
    conn = _conn(request)
    part = pc.partial(text)
    if part:
        try:
            loc = locate(conn, text)
        except QueryError as exc:
            return render("search.html", status=exc.status, query=text, hits=[], suggestions=[],
                          message=exc.message, hint=exc.hint, errors=None)
        area = [{"name": loc.label, "href": place_href(loc.postcode), "what": "Postcode area",
                 "note": loc.notes[0] if loc.notes else None}]
        return render("search.html", query=text, hits=area, suggestions=None, errors=None)
    found = find(conn, text, limit=20)
    if not found.hits and re.search(r"\d", text):
        return _search_error(text, f"Enter {pc.EXAMPLE}")
    if not found.hits:
        shown = found.did_you_mean
        return render("search.html", status=404, query=text, hits=[], suggestions=_views(conn, found.suggestions),
                      did_you_mean={"text": shown, "href": "/search?" + urlencode({"q": shown})} if shown else None,
                      errors=None)
    return render("search.html", query=text, hits=_views(conn, found.hits), suggestions=None, errors=None)


def _views(conn, hits) -> list[dict]:
    """At most six areas; every organisation with its town, council and whether it has closed."""
    from localnhs.query.search import area_postcode, whereabouts

    places = whereabouts(conn, [h.code for h in hits if not h.kind.startswith("area_")], AsOf.parse(None).day)
    views, areas, seen = [], 0, set()
    for h in hits:
        if h.kind.startswith("area_"):
            if h.code in seen:  # a unitary council is both a district and an upper-tier area
                continue
            seen.add(h.code)
            areas += 1
            if areas > 6:
                continue
        views.append(_hit_view(conn, h, area_postcode, places.get(h.code)))
    return views


def _hit_view(conn, h, area_postcode, place: dict | None = None) -> dict:
    from localnhs.query.search import hit_word
    from localnhs.web import nice_date, org_href

    what = hit_word(h.kind)
    if h.kind.startswith("area_"):
        pcd = area_postcode(conn, h.kind, h.code)
        href = place_href(pcd) if pcd else None
        return {"name": h.name, "href": href, "what": what,
                "note": f"Shows the local NHS for {pcd}, a postcode near the middle" if pcd else None}
    where = []
    if place:
        where = [x for x in (place["town"], place["council"]) if x]
        if len(where) == 2 and where[0].lower() == where[1].lower():
            where = where[:1]
    label = "Closed " + nice_date(place["closed"]) if place and place["closed"] else None
    if not h.current and place and place["name"] and place["name"] != h.name:
        what = f"Former name of {place['name']}"
    elif h.kind == "former_name":
        what = "Former name"
    return {"name": h.name, "href": org_href({"kind": "gp_practice" if h.kind == "gp_practice" else "org", "code": h.code}),
            "what": what, "where": ", ".join(where) or None, "closed": label,
            "code": h.code, "note": None}


# ---------------------------------------------------------------- a place


def _postcode_or_redirect(postcode: str, as_of: str | None, suffix: str = ""):
    from localnhs.query import postcode as pc
    from localnhs.query.errors import InvalidInput

    if not pc.is_full(postcode):
        raise InvalidInput(f"{postcode!r} is not a valid postcode", hint=f"Enter {pc.EXAMPLE}.")
    norm = pc.normalise(postcode)
    if norm != postcode:
        return norm, RedirectResponse(place_href(norm, as_of, suffix), status_code=301)
    return norm, None


def _switch(postcode: str, as_of: str, suffix: str = "") -> list[dict]:
    is_2016 = _is_2016(as_of)
    return [{"text": "Today", "href": place_href(postcode, None, suffix), "current": not is_2016},
            {"text": "April 2016 (clinical commissioning groups)", "href": place_href(postcode, SNAPSHOT_2016, suffix),
             "current": as_of == SNAPSHOT_2016}]


def _date_fields(day: str | None, month: str | None, year: str | None) -> str | None:
    """The NHS.UK date input's three fields -> an ISO date; a clear message when they are not a real date."""
    from localnhs.query.errors import InvalidInput

    parts = [(x or "").strip() for x in (day, month, year)]
    if not any(parts):
        return None
    try:
        d, mth, y = (int(x) for x in parts)
        return dt.date(y, mth, d).isoformat()
    except ValueError:
        raise InvalidInput("The date must be a real date, with a day, month and year",
                           hint="For example 1 6 2019 for 1 June 2019, between 1 July 2015 and today.") from None


@router.get("/places/{postcode}", response_class=HTMLResponse)
def place_page(request: Request, postcode: str, as_of: str | None = None, day: str | None = None,
               month: str | None = None, year: str | None = None):
    picked = _date_fields(day, month, year)
    if picked:
        return RedirectResponse(place_href(postcode, picked), status_code=303)
    when = _as_of(as_of)
    norm, redirect = _postcode_or_redirect(postcode, when.param)
    if redirect:
        return redirect
    return HTMLResponse(place_html(_conn(request), norm, when))


def place_html(conn, norm: str, when: AsOf) -> str:
    """The place page for a normalised postcode on a date."""
    from localnhs.query.about import sources_of_place
    from localnhs.query.engage import engage
    from localnhs.query.local_system import local_system
    from localnhs.query.place_map import place_map
    from localnhs.web import place_view
    from localnhs.web.diagram import local_system_svg
    from localnhs.web.placemap import legend, map_panels

    ls = local_system(conn, norm, when)
    plan = engage(conn, norm, when, system=ls)
    map_data = place_map(conn, ls)
    shown = dt.date.fromisoformat(ls.as_of)
    return jinja_env().get_template("place.html").render(
        ls=ls, plan=plan, as_of_param=when.param, is_2016=_is_2016(ls.as_of), today=_today(),
        diagram_svg=local_system_svg(ls), map_json=json.dumps(map_data, separators=(",", ":")),
        map_data=map_data, map_panels=map_panels(map_data), map_legend=legend(map_data), switch=_switch(norm, ls.as_of), search_query="",
        rows=place_view.first_screen(ls, plan), say=place_view.three_ways(plan),
        sources=sources_of_place(conn, ls, map_data), shown={"day": shown.day, "month": shown.month, "year": shown.year},
        briefing_href=place_href(norm, when.param, "/briefing"), pdf_href=place_href(norm, when.param, "/briefing.pdf"),
        breadcrumbs=[{"text": "Home", "href": "/"}],
    )


@router.get("/places/{postcode}/briefing", response_class=HTMLResponse)
def briefing_page(request: Request, postcode: str, as_of: str | None = None):
    from localnhs.web.briefing import render_html

    when = _as_of(as_of)
    norm, redirect = _postcode_or_redirect(postcode, when.param, "/briefing")
    if redirect:
        return redirect
    return HTMLResponse(render_html(_conn(request), norm, when))


@router.get("/places/{postcode}/briefing.pdf")
def briefing_pdf(request: Request, postcode: str, as_of: str | None = None):
    from localnhs.web.briefing import PdfFailed, pdf_in_child, render_html

    when = _as_of(as_of)
    norm, redirect = _postcode_or_redirect(postcode, when.param, "/briefing.pdf")
    if redirect:
        return redirect
    from localnhs.api.limits import check_cancelled

    html = render_html(_conn(request), norm, when, site=str(request.base_url))
    stopped = getattr(request.state, "cancelled", None)  # set by api/limits.py: client gone or timed out
    try:
        pdf = pdf_in_child(html, stopped.is_set if stopped is not None else None)
    except PdfFailed as exc:  # the renderer died or hung: say so in the error shape, and where the page is
        from fastapi.responses import JSONResponse

        from localnhs.api.responses import error_body

        page = place_href(norm, when.param, "/briefing")
        return JSONResponse(error_body(503, "pdf_failed", f"The briefing PDF could not be made ({exc}); "
                                       f"try again later, or print the briefing page {page}."),
                            status_code=503, headers={"retry-after": "10"})
    if pdf is None:
        check_cancelled(request)  # raises: nobody is waiting for this answer
    name = f"localnhs-briefing-{norm.replace(' ', '')}-{when.iso}.pdf"
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


# ---------------------------------------------------------------- one organisation


def _org_page(request: Request, code: str, as_of: str | None, base: str):
    from localnhs.query.about import files_by_dataset, source_of
    from localnhs.query.engage import ways_in_for
    from localnhs.query.organisations import organisation, split_history
    from localnhs.web.charts import bars_over_time

    when = _as_of(as_of)
    view = organisation(_conn(request), code, when)
    files = files_by_dataset(_conn(request))
    sizes = view.figures.get("registered_patients", [])
    chart = bars_over_time(sizes, f"Registered patients at {view.body.name} over time", "sizes") if sizes else None
    groups: dict[str, list] = {}
    for link in view.current:
        groups.setdefault(link.relation, []).append(link)
    path = base + quote(view.body.code, safe="")
    is_2016 = _is_2016(view.as_of)
    switch = [{"text": "Today", "href": path, "current": not is_2016},
              {"text": "April 2016", "href": path + "?as_of=" + SNAPSHOT_2016, "current": view.as_of == SNAPSHOT_2016}]
    history, memberships = split_history(view)
    return render(
        "organisation.html", view=view, groups=groups, counts=view.counts, chart_svg=chart, sizes=sizes,
        history=history, memberships=memberships,
        ways=ways_in_for(view.body, when), switch=switch, is_2016=is_2016, today=_today(),
        source_of=lambda f: source_of(files, f),
        breadcrumbs=[{"text": "Home", "href": "/"}], closed_line=_closed_line(view),
    )


def _closed_line(view) -> str | None:
    """'NHS Norfolk and Waveney ICB (1 July 2022 - 31 March 2026), succeeded by NHS Norfolk and Suffolk ICB.'"""
    from localnhs.query.names import short
    from localnhs.web import nice_date

    b = view.body
    if not view.successors:
        return None
    names = [f"{short(s.name)} ({s.code})" for s in view.successors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    span = f" ({nice_date(b.opened)} – {nice_date(b.closed)})" if b.opened and b.closed else (
        f" (closed {nice_date(b.closed)})" if b.closed else "")
    split = " (split between them by council area)" if len(names) > 1 else ""
    return f"{short(b.name)}{span}, succeeded by {joined}{split}."


@router.get("/organisations/{code}", response_class=HTMLResponse)
def organisation_page(request: Request, code: str, as_of: str | None = None):
    return _org_page(request, code, as_of, "/organisations/")


@router.get("/practices/{code}", response_class=HTMLResponse)
def practice_page(request: Request, code: str, as_of: str | None = None):
    return _org_page(request, code, as_of, "/practices/")


# ---------------------------------------------------------------- the national picture


@router.get("/national", response_class=HTMLResponse)
def national_page(request: Request, as_of: str | None = None):
    # stats() scans every postcode (~0.6 s): the app's answer cache (api/cache.py) keeps the
    # rendered page per (build, today, date asked).
    return HTMLResponse(_national_html(_conn(request), _as_of(as_of)))


def _national_html(conn, when: AsOf) -> str:
    from localnhs.content import load_national, load_sources
    from localnhs.query import list_sizes
    from localnhs.query.about import files_by_dataset, source_of
    from localnhs.query.stats import stats
    from localnhs.query.structure import structure, trusts_by_type
    from localnhs.web import charts, nice_date

    files = files_by_dataset(conn)
    st = structure(conn, when)
    era_word = "April 2016" if st["era"] == "ccg" else "today"
    tree = charts.structure_tree(st, f"How NHS England was organised on {nice_date(st['as_of'])}: "
                                     f"{st['counts']['regions']} regions, {st['counts']['middle']} "
                                     f"{st['levels'][2]}, {st['counts']['leaves']} {st['levels'][3]}")
    today = AsOf.parse(None)
    then, now = stats(conn, CCG_SNAPSHOT), stats(conn, today)
    trusts_then, trusts_now = trusts_by_type(conn, CCG_SNAPSHOT), trusts_by_type(conn, today)
    dates = list_sizes.list_size_dates(conn)
    dists = []
    for d in ([dates[0], dates[-1]] if len(dates) > 1 else dates):
        dist = list_sizes.list_size_distribution(conn, d)
        if dist:
            dist["svg"] = charts.histogram(dist, f"Registered patients per GP practice, {nice_date(d)}: "
                                                 f"median {dist['median']:,.0f}", f"hist-{d}")
            dists.append(dist)
    ccg_pop = list_sizes.seed_commissioners(conn)
    icb_range = list_sizes.icb_population_range(conn)
    national = load_national()
    sources = load_sources()
    flow_sources = sorted({f["source"] for f in national["flows"]})
    sankey = charts.sankey(national, f"NHS money in England, {national['year']}: the seed's figures (£bn a year)")
    return jinja_env().get_template("national.html").render(
        st=st, tree_svg=tree, era_word=era_word, then=then, now=now, trusts_then=trusts_then,
        trusts_now=trusts_now, dists=dists, ccg_pop=ccg_pop, icb_range=icb_range, national=national,
        sankey_svg=sankey, source_of=lambda f: source_of(files, f), flow_sources=[sources[s] for s in flow_sources if s in sources],
        snapshot=SNAPSHOT_2016, today=_today(), breadcrumbs=[{"text": "Home", "href": "/"}],
        switch=[{"text": "Today", "href": "/national", "current": st["era"] == "icb"},
                {"text": "April 2016", "href": "/national?as_of=" + SNAPSHOT_2016, "current": st["era"] == "ccg"}],
    )


@router.get("/about/data", response_class=HTMLResponse)
def about_data(request: Request):
    from localnhs import attribution
    from localnhs.query.about import data_files
    from localnhs.store import read

    conn = _conn(request)
    rows = [{**r, "sha": r["sha256"][:12]} for r in data_files(conn)]
    meta = read.meta(conn)
    return render("about_data.html", rows=rows, lines=attribution.LINES, built_at=meta.get("built_at"),
                  breadcrumbs=[{"text": "Home", "href": "/"}])
