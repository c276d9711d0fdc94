"""Briefing PDFs are rendered in a child process, so they do not slow the server's other answers,
and the child is stopped when nobody waits for it any more - against a real `localnhs serve`.
Faults are real ones done to the real renderer child: killed while it renders (a 503 pdf_failed in
the error shape), or stopped so it hangs (the request timeout's 503, the child killed and reaped).

Judged by where the work happens and by order, never by the clock: the CPU the server spends on
8 PDFs is its children's (a process's reaped children's CPU time, /proc/<pid>/stat), and plain
lookups keep coming back while the PDFs are made. Timings are in bench/."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from live import error_of, ready, request, until

from localnhs.api.launch import launched

OUTCODES = ("WA5 ", "NN17 ", "SW1A ", "LS1 ", "M1 ", "B1 ", "PL1 ", "NE1 ", "CB2 ", "EX4 ")



def _until(check, bound_s=60.0):
    return until(check, bound_s)


def cpu_ticks(pid: int) -> tuple[int, int]:
    """(the process's own CPU ticks, its reaped children's) from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in (11, 12, 13, 14))
    return utime + stime, cutime + cstime


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


@pytest.fixture(scope="module")
def places(conn) -> list[str]:
    """Live English postcodes, one outcode at a time (each lookup below is of a new postcode, so
    no answer comes from the server's cache)."""
    from localnhs.store import read

    return [r["pcd"] for oc in OUTCODES for r in read.postcodes_in(conn, oc)
            if r["country"] == "E92000001" and r["lat"] is not None]


def test_eight_pdfs_render_outside_the_server_and_lookups_go_on(db_path, places):
    pdf_places, lookups = places[:8], iter(places[8:])
    with launched(db_path, pdf_concurrency=2, pdf_queue=8, request_timeout_s=900) as server:
        pid = server.process.pid
        assert request(server.port, "GET", "/api/places/" + quote(next(lookups)))[0] == 200  # warm
        own0, kids0 = cpu_ticks(pid)
        results: list[tuple[int, bytes]] = []
        events: list[str] = []

        def pdf(pc):
            status, _, body = request(server.port, "GET", f"/places/{quote(pc)}/briefing.pdf", timeout=900)
            results.append((status, body[:4]))
            events.append("pdf")

        threads = [threading.Thread(target=pdf, args=(pc,)) for pc in pdf_places]
        for t in threads:
            t.start()
        statuses = []
        while any(t.is_alive() for t in threads):
            statuses.append(request(server.port, "GET", "/api/places/" + quote(next(lookups)))[0])
            events.append("lookup")
            time.sleep(0.02)  # one client asking now and then, not a load test
        for t in threads:
            t.join()
        own1, kids1 = cpu_ticks(pid)
    assert sorted(results) == [(200, b"%PDF")] * 8
    assert statuses and set(statuses) == {200}
    own, kids = own1 - own0, kids1 - kids0
    # The rendering is the children's work: the server's own share of it is the HTML and the
    # lookups. (In-process rendering put all of it in the server: kids == 0.)
    assert kids > own, f"CPU ticks during 8 PDFs: server {own}, its PDF children {kids}"
    # Lookups are answered while the PDFs are made, not after them.
    before_first_pdf = events.index("pdf")
    assert before_first_pdf >= 20, f"only {before_first_pdf} lookups came back before the first PDF: {events[:40]}"


@pytest.fixture(scope="module")
def short(db_path):
    """One PDF at a time, 3 s per request (a PDF takes longer): the request timeout stops it."""
    with launched(db_path, pdf_concurrency=1, pdf_queue=2, request_timeout_s=3) as server:
        yield server


def test_a_pdf_stopped_by_the_timeout_kills_its_child(short, places):
    pid = short.process.pid
    status, _, body = request(short.port, "GET", f"/places/{quote(places[20])}/briefing.pdf", timeout=60)
    assert status == 503 and error_of(body)["code"] == "timeout"
    assert _until(lambda: not children(pid)), f"the PDF child outlived its request: {children(pid)}"
    assert request(short.port, "GET", "/api/places/" + quote(places[21]))[0] == 200


def test_a_pdf_the_client_leaves_kills_its_child(short, places):
    pid = short.process.pid
    gone = ready(short.base)["limits"]["client_gone"]
    s = socket.create_connection(("127.0.0.1", short.port), timeout=30)
    s.sendall(f"GET /places/{quote(places[22])}/briefing.pdf HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert _until(lambda: bool(children(pid)), 30), "a child process renders the PDF"
    s.close()  # the client leaves before the PDF is made
    assert _until(lambda: not children(pid)), f"the PDF child outlived its client: {children(pid)}"
    assert ready(short.base)["limits"]["client_gone"] == gone + 1  # stopped because the client left
    assert request(short.port, "GET", "/api/places/" + quote(places[23]))[0] == 200


def _gone(pid: int) -> bool:
    """No such process any more, not even a zombie: killed and reaped."""
    return not Path(f"/proc/{pid}").exists()


@pytest.fixture(scope="module")
def patient(db_path):
    """One PDF at a time and a request timeout far beyond a PDF's: only the renderer's fate decides."""
    with launched(db_path, pdf_concurrency=1, pdf_queue=2, request_timeout_s=300) as server:
        yield server


def _signal_the_renderer(server, place: str, sig: int, timeout_s: float, child_wait_s: float):
    """Ask the server for a briefing PDF and, once its renderer child runs, send that child sig:
    (the answer as request() gives it, the child's pid)."""
    pid = server.process.pid
    got: dict = {}
    asked = threading.Thread(target=lambda: got.update(answer=request(
        server.port, "GET", f"/places/{quote(place)}/briefing.pdf", timeout=timeout_s)))
    asked.start()
    assert _until(lambda: bool(children(pid)), child_wait_s), "a child process renders the PDF"
    (child,) = children(pid)
    os.kill(child, sig)
    asked.join(timeout_s)
    return got["answer"], child


def test_a_pdf_renderer_that_dies_is_a_clear_error_and_the_server_goes_on(patient, places):
    """The real renderer child is killed (SIGKILL) while it renders: the answer is a 503 in the one
    error shape saying the renderer died and where the printable page is; no child is left and the
    next lookup and the next PDF are answered."""
    pid = patient.process.pid
    (status, headers, body), child = _signal_the_renderer(patient, places[30], signal.SIGKILL, 300, 60)
    err = error_of(body)
    assert status == 503 and err["status"] == 503 and err["code"] == "pdf_failed", err
    assert "exited with -9" in err["message"], err["message"]
    assert f"/places/{quote(places[30])}/briefing" in err["message"], err["message"]
    assert headers.get("retry-after") == "10"
    assert _until(lambda: _gone(child)), f"the killed renderer {child} was not reaped"
    assert not children(pid)
    assert request(patient.port, "GET", "/api/places/" + quote(places[31]))[0] == 200
    status, _, body = request(patient.port, "GET", f"/places/{quote(places[32])}/briefing.pdf", timeout=300)
    assert status == 200 and body[:4] == b"%PDF"


def test_a_hung_pdf_renderer_is_stopped_at_the_timeout_and_killed(short, places):
    """The real renderer child hangs (SIGSTOP: it never answers, nor acts on SIGTERM): at the
    request timeout the answer is the 503 timeout in the error shape, and the child is killed and
    reaped, not left stopped."""
    pid = short.process.pid
    timed_out = ready(short.base)["limits"]["timed_out"]
    (status, _, body), child = _signal_the_renderer(short, places[33], signal.SIGSTOP, 60, 30)
    err = error_of(body)
    assert status == 503 and err["code"] == "timeout", err
    assert _until(lambda: _gone(child)), f"the hung renderer {child} outlived its request"
    assert not children(pid)
    assert ready(short.base)["limits"]["timed_out"] == timed_out + 1
    assert request(short.port, "GET", "/api/places/" + quote(places[34]))[0] == 200
