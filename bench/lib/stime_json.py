#!/usr/bin/env python3
"""`openssl s_time -reuse` output -> one JSON line in the shape of report.lua's (so summarize.run_row reads it).
Usage: stime_json.py STIME_OUTPUT ELAPSED_US. s_time prints one character per connection after the first: 'r' when
the session was resumed; "N connections in X.XXs" is its CPU time, so the rate uses the wall-clock time measured
around it. Connections that were not resumed count as errors (err_status): a resumption benchmark that silently ran
full handshakes would otherwise look like a slow resumption."""
import json
import re
import sys


def main():
    text = open(sys.argv[1]).read()
    elapsed_us = max(1, int(sys.argv[2]))
    m = re.findall(r"(\d+) connections in [\d.]+s;", text)
    total = int(m[-1]) if m else 0
    marks = "".join(line for line in text.splitlines() if re.fullmatch(r"[r*.]+", line.strip() or "x"))
    resumed = marks.count("r")
    print(json.dumps({"requests": total, "duration_us": elapsed_us, "bytes": 0, "p50_us": 0, "p90_us": 0, "p99_us": 0,
                      "mean_us": 0, "max_us": 0, "err_connect": 0 if total else 1, "err_read": 0, "err_write": 0,
                      "err_status": max(0, total - resumed - 1), "err_timeout": 0, "resumed": resumed}))


if __name__ == "__main__":
    main()
