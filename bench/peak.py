"""Run one command and print, as one JSON line, its wall time and the peak memory of its process
tree: `python bench/peak.py [--out FILE] CMD ARGS...` -> {"rc": 0, "seconds": 61.2, "peak_rss_mb":
1432.0, ...} on stdout, or into FILE (the command's own output then stays apart from it).

Why a process of its own: Linux's ru_maxrss of a child starts at the resident size of the
process that forked it (at exec the kernel keeps the larger of the old and new memory's peak),
so a build started straight from the benchmark, which by then holds the bulk tables and the
HTTP load's buffers, reported the benchmark's own peak (4,467 MB) instead of the build's
(~2,400 MB by /usr/bin/time -v). This launcher is a fresh, small interpreter (~15 MB): the
command it starts begins from that, so wait4's ru_maxrss is the command's own peak, the largest
of it and of every descendant it waited for.

Children running side by side would each count only as the largest of them in ru_maxrss, so the
tree (the command and its descendants, from /proc) is also sampled every 0.1 s and its summed RSS
kept: peak_rss_mb is the larger of the two (wait4_maxrss_mb and sampled_tree_rss_mb beside it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time


def process_tree(pid: int) -> list[int]:
    """The process and every descendant, from /proc (a process that ends meanwhile is skipped)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], **popen) -> dict:
    """Run ``cmd`` (from this small process) and return rc, seconds and the peak figures in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, **popen)
    sampled = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal sampled
        while not done.wait(0.1):
            sampled = max(sampled, sum(_rss_kb(p) for p in process_tree(proc.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"rc": proc.returncode, "seconds": seconds, "peak_rss_mb": max(usage.ru_maxrss, sampled) / 1024,
            "wait4_maxrss_mb": usage.ru_maxrss / 1024, "sampled_tree_rss_mb": sampled / 1024,
            "user_s": usage.ru_utime, "sys_s": usage.ru_stime}


if __name__ == "__main__":
    args = sys.argv[1:]
    out = None
    if args[:1] == ["--out"] and len(args) >= 2:
        out, args = args[1], args[2:]
    if not args:
        sys.exit("usage: python bench/peak.py [--out FILE] CMD [ARGS...]")
    line = json.dumps(measure(args))
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(line + "\n")
    else:
        print(line, flush=True)
