"""Where the time of each page measurement went, from the app's trace (phi_core/ui/trace.py).

``bench/pages.py`` notes every measurement (way, page, wall-clock start,
seconds, load); the app notes its script runs, cache computations, warm-ups
and garbage collections. Matching them by time splits a slow measurement
into server script, garbage collection and the rest (the browser: starting
a renderer, loading the frontend, drawing).
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import dataclass
from pathlib import Path

# A measurement counts as slow above these (seconds): the page targets.
SLOW_S = {"cold tab": 1.5, "warm tab": 1.5, "in app": 0.5}


@dataclass
class Measurement:
    way: str
    page: str
    start: float  # time.time() when the navigation began
    seconds: float
    load: float  # 1-minute load average when it ended
    # New tabs: seconds from the navigation's start to html loaded, frontend mounted, run seen running, finished, heading.
    marks: dict[str, float] | None = None

    @property
    def end(self) -> float:
        return self.start + self.seconds


def measured(way: str, page: str, start: float, seconds: float, **browser_split: float) -> Measurement:
    return Measurement(way, page, start, seconds, os.getloadavg()[0], **browser_split)


def read_events(path: Path) -> list[dict]:
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut by the server stopping
            continue
    return events


def _within(events: list[dict], kind: str, start: float, end: float) -> list[dict]:
    return [e for e in events if e["kind"] == kind and start <= e["start"] < end]


def breakdown(m: Measurement, events: list[dict]) -> dict:
    """What the server did during one measurement."""
    scripts = _within(events, "script", m.start, m.end)
    collections = _within(events, "gc", m.start, m.end)
    computed = _within(events, "computed", m.start, m.end) + _within(events, "built", m.start, m.end)
    warmups = [
        e for e in events if e["kind"] == "warmup" and e["start"] < m.end and e["start"] + e["seconds"] > m.start
    ]
    script_s = sum(e["seconds"] for e in scripts)
    return {
        "script_s": script_s,
        "script_cpu_s": sum(e["cpu"] for e in scripts),
        "scripts": len(scripts),
        "gc_s": sum(e["seconds"] for e in collections),
        "gc_full": sum(1 for e in collections if e["gen"] == 2),
        "computed": [(e["name"].rsplit(".", 1)[-1], e["seconds"]) for e in computed],
        "warmup": bool(warmups),
        "rest_s": m.seconds - script_s,
    }


def _line(m: Measurement, b: dict) -> str:
    computed = ", ".join(f"{name} {s:.2f}" for name, s in b["computed"]) or "-"
    tab = (
        "  tab: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(m.marks.items(), key=lambda kv: kv[1]))
        if m.marks
        else ""
    )
    return (
        f"  {m.way:<8} {m.page:<18} {m.seconds:5.2f} s  load {m.load:4.1f}  script {b['script_s']:.2f} "
        f"(cpu {b['script_cpu_s']:.2f}, {b['scripts']} run{'s' if b['scripts'] != 1 else ''})  "
        f"gc {b['gc_s']:.2f} ({b['gc_full']} full)  outside script {b['rest_s']:.2f}{tab}  "
        f"computed: {computed}{'  WARM-UP RUNNING' if b['warmup'] else ''}"
    )


def _tab_summary(mine: list[Measurement]) -> str:
    """Medians of the new tabs' marks: in the browser until the frontend asks for a run, then the run, then drawing."""
    parts = []
    for name in ("html", "frontend", "running", "finished", "heading"):
        values = [m.marks[name] for m in mine if m.marks and name in m.marks]
        if values:
            parts.append(f"{name} {statistics.median(values):.2f} (max {max(values):.2f})")
    return "; tab marks, median: " + ", ".join(parts) if parts else ""


def report(measurements: list[Measurement], trace_path: Path) -> None:
    """Print the server's share of every measurement over its target, and a summary per way."""
    events = read_events(trace_path)
    if not events:
        print("\n(no trace from the app: nothing to break down)")
        return
    rows = [(m, breakdown(m, events)) for m in measurements]
    print("\nwhere the time went (server script vs the rest, per measurement; trace of the app process):")
    for way in SLOW_S:
        mine = [(m, b) for m, b in rows if m.way == way]
        if not mine:
            continue
        print(
            f"  {way}: median {statistics.median(m.seconds for m, _ in mine):.2f} s, of which script "
            f"{statistics.median(b['script_s'] for _, b in mine):.2f} s (median); "
            f"outside script median {statistics.median(b['rest_s'] for _, b in mine):.2f} s, "
            f"max {max(b['rest_s'] for _, b in mine):.2f} s" + _tab_summary([m for m, _ in mine])
        )
    slow = [(m, b) for m, b in rows if m.seconds > SLOW_S[m.way]]
    print(f"measurements over target: {len(slow)}")
    for m, b in slow:
        print(_line(m, b))
    print("the slowest of each way:")
    for way in SLOW_S:
        mine = sorted(((m, b) for m, b in rows if m.way == way), key=lambda r: -r[0].seconds)[:3]
        for m, b in mine:
            print(_line(m, b))
    full = [e for e in events if e["kind"] == "gc" and e["gen"] == 2]
    slow_gc = [e for e in events if e["kind"] == "gc"]
    if slow_gc:
        pauses = sorted(e["seconds"] for e in slow_gc)
        print(
            f"garbage collections noted: {len(full)} full (gen 2), {len(slow_gc) - len(full)} slow younger; "
            f"pause median {statistics.median(pauses):.3f} s, max {pauses[-1]:.3f} s"
        )
    scripts = [e for e in events if e["kind"] == "script" and e.get("peak_mb")]
    if scripts:
        print(
            f"app process peak memory: {scripts[0]['peak_mb']:.0f} MB after its first script run, "
            f"{scripts[-1]['peak_mb']:.0f} MB after its last; objects out of the collector's walk "
            f"(frozen) at the end: {scripts[-1].get('frozen', 0):,}"
        )
    warmups = [e for e in events if e["kind"] == "warmup"]
    took = ", ".join(f"{e['seconds']:.2f} s" for e in warmups) or "none"
    print(f"warm-ups: {len(warmups)} ({took})")
