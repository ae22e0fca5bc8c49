#!/usr/bin/env python3
"""`gate validate` and `gate plan` of one manifest (its DNS is a hosts file: nothing leaves the machine), timed per
gate build, interleaved, REPS times each: wall-clock and CPU (user + system) milliseconds of the whole process, as a
user waits for it. Usage:
manifest_timing.py OUT_JSON REPS MANIFEST STATE_DIR NAME=GATE_BIN..."""
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    # validate: 0 valid; plan: 0 no changes, 2 changes. Anything else is a failed run, not a time.
    if done.returncode not in (0, 2):
        sys.exit(f"bench: {' '.join(cmd)} exited {done.returncode}: {done.stderr[-500:]}")
    return wall, cpu


def count_hosts(manifest):
    return sum(1 for line in open(manifest) if line.startswith("  ") and not line.startswith("   ") and line.strip().startswith("svc"))


def main():
    out, reps, manifest, state = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    gates = dict(a.split("=", 1) for a in sys.argv[5:])
    runs = {name: {"validate": [], "plan": []} for name in gates}
    for _ in range(reps):
        for name, binary in gates.items():
            runs[name]["validate"].append(run([binary, "validate", "-f", manifest]))
            runs[name]["plan"].append(run([binary, "plan", "-f", manifest, "--state-dir", os.path.join(state, name)]))
    result = {name: {cmd: {"wall_ms": statistics.median(w for w, _ in r), "cpu_ms": statistics.median(c for _, c in r),
                           "runs": [{"wall_ms": round(w, 1), "cpu_ms": round(c, 1)} for w, c in r]}
                     for cmd, r in cmds.items()} for name, cmds in runs.items()}
    with open(out, "w") as f:
        json.dump({"hosts": count_hosts(manifest), "reps": reps, "loadavg": open("/proc/loadavg").read().split()[:3], "gates": result}, f, indent=2)
    for name, cmds in result.items():
        print(f"{name}: " + ", ".join(f"{c} {v['wall_ms']:.0f} ms wall / {v['cpu_ms']:.0f} ms cpu" for c, v in cmds.items()))


if __name__ == "__main__":
    main()
