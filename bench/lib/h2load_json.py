#!/usr/bin/env python3
"""h2load's text output + --log-file -> one JSON line in the shape of report.lua's (so summarize.run_row reads it).
Usage: h2load_json.py H2LOAD_STDOUT H2LOAD_LOG
requests = succeeded requests; err_status = non-2xx (3xx + 4xx + 5xx); err_read = errored (network errors);
err_timeout = timeout; the raw counters are under "h2load".
Latency percentiles come from the per-request log (request start -> end of response; the TLS handshake of a new
connection comes before the request starts and is not in it)."""
import json
import re
import sys


def parse(out_path, log_path):
    text = open(out_path).read()
    lat, starts, statuses = [], [], []
    try:
        for line in open(log_path):
            f = line.split("\t")
            if len(f) >= 3:
                starts.append(int(f[0]))
                statuses.append(f[1])
                lat.append(int(f[2]))
    except FileNotFoundError:
        pass
    m = re.search(r"finished in ([\d.]+)(us|ms|s),", text)
    if m:
        secs = float(m.group(1)) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[m.group(2)]
        req = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout", text)
        total, started, done, ok, failed, errored, timeout = map(int, req.groups())
        codes = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text)
        non2xx = sum(map(int, codes.groups()[1:]))
        from_log = False
    else:  # h2load never printed its summary (it hung after "Stopped all clients" and was killed): count its log
        secs = (max(starts) - min(starts)) / 1e6 if starts else 1.0
        done = total = started = len(statuses)
        ok = sum(1 for s in statuses if s.startswith("2"))
        non2xx = failed = total - ok
        errored = timeout = 0
        from_log = True
    lat.sort()

    def pct(p):
        return lat[min(len(lat) - 1, int(len(lat) * p / 100))] if lat else 0
    return {"requests": ok, "duration_us": int(secs * 1e6), "bytes": 0,
            "p50_us": pct(50), "p90_us": pct(90), "p99_us": pct(99),
            "mean_us": sum(lat) / len(lat) if lat else 0, "max_us": lat[-1] if lat else 0,
            "err_connect": 0, "err_read": errored, "err_write": 0, "err_status": non2xx, "err_timeout": timeout,
            "h2load": {"total": total, "started": started, "done": done, "succeeded": ok, "failed": failed,
                       "errored": errored, "timeout": timeout, "non2xx": non2xx, "summary_missing_counted_from_log": from_log}}


def main():
    print(json.dumps(parse(sys.argv[1], sys.argv[2])))


if __name__ == "__main__":
    main()
