#!/usr/bin/env python3
"""Checks a trace written by gol's trace-event JSON renderer (src/teach/trace_json.cpp).

Usage: check_trace.py FILE.json [--no-prints]

Validates the documented shape: a JSON object with traceEvents; every (pid, tid) that carries
slices or thread-scoped instants has a thread_name; X slices on one lane nest or are disjoint,
never partly overlap; every flow_out bind_id has exactly one flow_in, on another lane (and
every flow_in one flow_out); the program's prints are present as "print" instants. Exits 0 when
the trace is fine, 1 with one message per problem otherwise.
"""
import json
import sys
from collections import defaultdict


def nanos(micros):
    """Trace times are microseconds with up to 3 decimals: compare them as integer ns."""
    return round(micros * 1000)


def lane(event):
    return (event.get("pid"), event.get("tid"))


def on_lane(event):
    """Events drawn on a thread lane: slices and thread-scoped instants."""
    ph = event.get("ph")
    return ph == "X" or (ph in ("i", "I") and event.get("s", "t") == "t")


def check_top_level(trace, problems):
    if not isinstance(trace, dict):
        problems.append("the trace is not a JSON object (expected the Object format)")
        return []
    events = trace.get("traceEvents")
    if not isinstance(events, list):
        problems.append("no traceEvents array")
        return []
    if trace.get("displayTimeUnit") not in (None, "ms", "ns"):
        problems.append(f"displayTimeUnit is {trace.get('displayTimeUnit')!r}")
    for i, e in enumerate(events):
        if not isinstance(e, dict) or not isinstance(e.get("ph"), str):
            problems.append(f"traceEvents[{i}] is not an event object with a ph")
    return [e for e in events if isinstance(e, dict) and isinstance(e.get("ph"), str)]


def check_thread_names(events, problems):
    named = {lane(e) for e in events if e["ph"] == "M" and e.get("name") == "thread_name"
             and isinstance(e.get("args", {}).get("name"), str)}
    used = {lane(e) for e in events if on_lane(e)}
    for pid, tid in sorted(used - named, key=str):
        problems.append(f"lane pid={pid} tid={tid} has events but no thread_name")


def check_overlaps(events, problems):
    slices = defaultdict(list)
    for e in events:
        if e["ph"] != "X":
            continue
        ts, dur = e.get("ts"), e.get("dur")
        if not isinstance(ts, (int, float)) or not isinstance(dur, (int, float)) or dur < 0:
            problems.append(f"X event {e.get('name')!r} has a bad ts/dur")
            continue
        slices[lane(e)].append((nanos(ts), nanos(ts + dur), e.get("name")))
    for key, spans in slices.items():
        spans.sort(key=lambda s: (s[0], -s[1]))
        open_slices = []  # enclosing slices, innermost last
        for start, end, name in spans:
            # Close the slices that ended by `start`; a zero-length slice at a parent's end
            # still counts as inside it.
            while open_slices and open_slices[-1][1] <= start and not (open_slices[-1][1] == start == end):
                open_slices.pop()
            if open_slices and end > open_slices[-1][1]:
                outer = open_slices[-1]
                problems.append(f"lane {key}: {name!r} [{start}, {end}) ns partly overlaps "
                                f"{outer[2]!r} [{outer[0]}, {outer[1]}) ns")
            open_slices.append((start, end, name))


def check_flows(events, problems):
    outs, ins = defaultdict(list), defaultdict(list)
    for e in events:
        if "bind_id" not in e:
            continue
        if e.get("flow_out"):
            outs[e["bind_id"]].append(lane(e))
        if e.get("flow_in"):
            ins[e["bind_id"]].append(lane(e))
        if not e.get("flow_out") and not e.get("flow_in"):
            problems.append(f"event {e.get('name')!r} has bind_id {e['bind_id']} but no flow direction")
    for bind_id, sources in outs.items():
        targets = ins.get(bind_id, [])
        if len(sources) != 1:
            problems.append(f"bind_id {bind_id} has {len(sources)} flow_out events")
        if len(targets) != 1:
            problems.append(f"bind_id {bind_id} has {len(targets)} flow_in events (want 1)")
        elif targets[0] == sources[0]:
            problems.append(f"bind_id {bind_id} starts and ends on the same lane {sources[0]}")
    for bind_id in ins.keys() - outs.keys():
        problems.append(f"bind_id {bind_id} has a flow_in but no flow_out")
    return len(outs)


def check_prints(events, problems, want_prints):
    prints = [e for e in events if e["ph"] in ("i", "I") and e.get("name") == "print"]
    for e in prints:
        if not isinstance(e.get("args", {}).get("text"), str):
            problems.append(f"print instant at ts={e.get('ts')} has no args.text")
    if want_prints and not prints:
        problems.append("no print instants (the program printed nothing, or they were lost)")
    return len(prints)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as f:
            trace = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        print(f"{args[0]}: not a readable JSON file: {err}", file=sys.stderr)
        return 1
    problems = []
    events = check_top_level(trace, problems)
    check_thread_names(events, problems)
    check_overlaps(events, problems)
    flows = check_flows(events, problems)
    prints = check_prints(events, problems, "--no-prints" not in argv)
    if problems:
        for p in problems:
            print(f"{args[0]}: {p}", file=sys.stderr)
        return 1
    slices = sum(1 for e in events if e["ph"] == "X")
    print(f"{args[0]}: ok ({len(events)} events, {slices} slices, {flows} arrows, {prints} prints)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
