#!/usr/bin/env python3
"""reload.sh's raw outputs -> tables (load through the reloads, the edits), every failure matched to the edit before
it, a JSON file and, when asked, a markdown report. Usage: reload_summary.py OUT_DIR OUT_JSON [OUT_MD]"""
import bisect
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from h2load_json import parse as parse_h2load  # noqa: E402


def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    if not v:
        return None
    k = max(1, -(-len(v) * p // 100))  # ceil
    return v[int(k) - 1]


def main():
    out, out_json = sys.argv[1], sys.argv[2]
    out_md = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    meta = json.load(open(os.path.join(out, "meta.json")))
    edits = [json.loads(line) for line in open(os.path.join(out, "edits.jsonl")) if line.strip()]
    sentinel = json.load(open(os.path.join(out, "sentinel.json")))
    win = meta["load_window"]

    loads, failures = [], []
    w = json.loads([line for line in open(os.path.join(out, "wrk.out")) if line.startswith("{")][-1])
    loads.append({"client": f"wrk -c{meta['config']['wrk_connections']}", "what": "HTTP/1.1 keep-alive, plain",
                  "requests": w["requests"], "ok": w["ok_2xx"], "non2xx": w["non_2xx"],
                  "socket": w["err_connect"] + w["err_read"] + w["err_write"], "timeouts": w["err_timeout"],
                  "p50_ms": w["p50_us"] / 1e3, "p99_ms": w["p99_us"] / 1e3, "max_ms": w["max_us"] / 1e3,
                  "rps": w["requests"] / (w["duration_us"] / 1e6), "raw": w})
    failures += [{"t": ms / 1000, "client": "wrk", "what": f"status {st}"} for ms, st in w.get("non_2xx_first", [])]

    c = meta["config"]
    for name, label in (("h2load", f"h2load -c{c['h2_clients']} -m{c['h2_streams']}: HTTP/2 over TLS, keep-alive"),
                        ("churn", f"h2load --h1 -c{c['churn_clients']} --rps {c['churn_rps']}: new TLS connection per request")):
        path = os.path.join(out, name + ".out")
        if not os.path.exists(path):
            continue
        h = parse_h2load(path, os.path.join(out, name + ".log"))
        if h["h2load"]["summary_missing_counted_from_log"]:
            label += " [h2load hung at exit and was stopped; counted from its log]"
        loads.append({"client": name, "what": label, "requests": h["h2load"]["total"], "ok": h["requests"],
                      "non2xx": h["err_status"], "socket": h["err_read"], "timeouts": h["err_timeout"],
                      "failed": h["h2load"]["failed"], "not_done": h["h2load"]["total"] - h["h2load"]["done"],
                      "p50_ms": h["p50_us"] / 1e3, "p99_ms": h["p99_us"] / 1e3, "max_ms": h["max_us"] / 1e3,
                      "rps": h["requests"] / (h["duration_us"] / 1e6), "raw": h})
        for line in open(os.path.join(out, name + ".log")):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3 and not f[1].startswith("2"):
                failures.append({"t": int(f[0]) / 1e6, "client": name, "what": f"status {f[1]}"})
    sc = sentinel["counts"]
    loads.append({"client": "sentinel", "what": f"1 request / {sentinel['interval_ms']} ms, new connection, HTTP and HTTPS alternating",
                  "requests": sum(sc.values()), "ok": sum(sc.values()) - len(sentinel["failures"]),
                  "non2xx": sum(1 for f in sentinel["failures"] if "status" in f and f["status"] != 200),
                  "socket": sum(1 for f in sentinel["failures"] if "error" in f), "timeouts": 0,
                  "p50_ms": None, "p99_ms": None, "max_ms": None, "rps": None})
    for f in sentinel["failures"]:
        failures.append({"t": f["t"], "client": "sentinel-" + f["kind"], "what": f.get("error") or f"status {f.get('status')}"
                         + (" unknown certificate" if f.get("unknown_cert") else "")})

    # attribute every failure to the last edit saved before it
    saves = [e["saved_at"] for e in edits]
    for f in failures:
        i = bisect.bisect_right(saves, f["t"]) - 1
        if i >= 0:
            e = edits[i]
            f["after_edit"] = e["version"]
            f["edit_kind"] = e["kind"]
            f["ms_after_save"] = round((f["t"] - e["saved_at"]) * 1000, 1)
        else:
            f["after_edit"] = 0
            f["ms_after_save"] = round((f["t"] - win["start"]) * 1000, 1)
    failures.sort(key=lambda f: f["t"])

    applied = [e for e in edits if e["applied"]]
    in_window = [e for e in edits if win["start"] <= e["saved_at"] and e["done_at"] <= win["end"]]

    def stats(key, rows):
        v = [e[key] for e in rows if e.get(key) is not None]
        return {"n": len(v), "median": statistics.median(v) if v else None, "p99": pct(v, 99), "max": max(v) if v else None,
                "min": min(v) if v else None}
    edit_stats = {"route_ms": stats("route_ms", edits), "hash_ms": stats("hash_ms", edits), "cert_ms": stats("cert_ms", edits)}
    by_kind = {k: {"route_ms": stats("route_ms", [e for e in edits if e["kind"] == k]),
                   "hash_ms": stats("hash_ms", [e for e in edits if e["kind"] == k])} for k in ("host", "pool", "cert")}
    checks = {
        "old_probe_not_200": sum(1 for e in edits if e.get("old_probe_status") != 200),
        "new_probe_https_200": sum(1 for e in edits if e.get("new_probe_https") == 200),
        "new_probe_cert_ok": sum(1 for e in edits if e.get("new_probe_cert_ok")),
    }
    gate_log = open(os.path.join(out, "gate.log")).read().splitlines()
    apply_ms = [int(x) for x in re.findall(r"Applied: .*\(file change, (\d+) ms\)", "\n".join(gate_log))]
    notable = [line for line in gate_log if re.search(r"\b(warn|fail|error|crit)\b", line[:40], re.I) or "Exception" in line]

    total_req = sum(l["requests"] for l in loads)
    total_err = sum(l["non2xx"] + l["socket"] + l["timeouts"] for l in loads)
    result = {"meta": meta, "loads": loads, "edits": {"count": len(edits), "applied": len(applied), "inside_load_window": len(in_window),
                                                      "stats": edit_stats, "gate_apply_ms": {"n": len(apply_ms), "median": statistics.median(apply_ms) if apply_ms else None,
                                                                               "p99": pct(apply_ms, 99), "max": max(apply_ms) if apply_ms else None}, "by_kind": by_kind, "checks": checks},
              "totals": {"requests": total_req, "errors": total_err}, "failures": failures, "gate_log_notable": notable[:50],
              "edit_rows": edits}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)
    text = render(result)
    print(text)
    if out_md:
        write_md(out_md, result, text)


def fmt(v, spec=".1f"):
    return "-" if v is None else format(v, spec)


def render(r):
    m, e = r["meta"], r["edits"]
    lines = [f"HomelabGate reload benchmark: {e['count']} manifest edits under load ({m['config']['load_seconds']} s of load; "
             f"gate on cpus {m['config']['proxy_cpus']}, load + edits + backends on cpus {m['config']['load_cpus']})", "",
             "Load through the reloads"]
    hdr = f"{'client':<10}{'requests':>10}{'2xx':>10}{'non-2xx':>9}{'socket err':>11}{'timeouts':>9}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>9}  what"
    lines += [hdr, "-" * (len(hdr) + 40)]
    for l in r["loads"]:
        lines.append(f"{l['client']:<10}{l['requests']:>10}{l['ok']:>10}{l['non2xx']:>9}{l['socket']:>11}{l['timeouts']:>9}"
                     f"{fmt(l['rps'], '.0f'):>8}{fmt(l['p50_ms'], '.2f'):>8}{fmt(l['p99_ms'], '.2f'):>8}{fmt(l['max_ms'], '.1f'):>9}  {l['what']}")
    t = r["totals"]
    lines.append(f"total: {t['requests']} requests, {t['errors']} errors (non-2xx + socket errors + timeouts)")
    lines += ["", f"Edits: {e['applied']}/{e['count']} applied (new route served and /api/status hash matched), "
                  f"{e['inside_load_window']} inside the load window; gate log 'Applied' lines during load: {m['gate']['applied_log_lines']}"]
    hdr = f"{'ms from save (rename)':<44}{'n':>5}{'median':>9}{'p99':>9}{'max':>9}{'min':>9}"
    lines += [hdr, "-" * len(hdr)]
    for key, label in (("route_ms", "new route served (first 200 from probe-N)"), ("hash_ms", "/api/status shows the new hash"),
                       ("cert_ms", "new certificate served (cert edits)")):
        s = e["stats"][key]
        lines.append(f"{label:<44}{s['n']:>5}{fmt(s['median']):>9}{fmt(s['p99']):>9}{fmt(s['max']):>9}{fmt(s['min']):>9}")
    for k, v in e["by_kind"].items():
        s = v["route_ms"]
        lines.append(f"{'  route, ' + k + ' edits':<44}{s['n']:>5}{fmt(s['median']):>9}{fmt(s['p99']):>9}{fmt(s['max']):>9}{fmt(s['min']):>9}")
    a = e["gate_apply_ms"]
    lines.append(f"{'  gate log: apply step (after debounce+load)':<44}{a['n']:>5}{fmt(a['median']):>9}{fmt(a['p99']):>9}{fmt(a['max']):>9}")
    c = e["checks"]
    lines.append(f"checks: old probe host no longer 200 after {c['old_probe_not_200']}/{e['count']} edits; new probe 200 over HTTPS "
                 f"{c['new_probe_https_200']}/{e['count']}, with the expected certificate {c['new_probe_cert_ok']}/{e['count']}")
    g = m["gate"]
    lines.append(f"gate: alive after {g['alive_after']}, cpu {g['cpu_pct']}% of one core over the load, RSS after {g['rss_kb_after'] / 1024:.1f} MiB; "
                 f"warning/error lines in its log: {len(r['gate_log_notable'])}")
    la = m["loadavg"]
    lines.append(f"1-min load average: {la['start']} at start, {la['end']} at end (waited {la['waited_s']} s for < {la['max_load']})")
    lines += ["", f"Failures: {len(r['failures'])} recorded with a timestamp"]
    for f in r["failures"][:40]:
        lines.append(f"  {f['client']:<16} {f['what']:<40} edit {f['after_edit']} ({f.get('edit_kind', 'before edits')}) +{f['ms_after_save']} ms")
    return "\n".join(lines)


def write_md(path, r, text):
    m = r["meta"]
    v = m["versions"]
    out = [f"# Reload benchmark {m['date'][:10]}: {r['edits']['count']} manifest edits under load", "",
           "## Command", "", "```", m["command"], "```", "",
           "## Machine", "",
           f"- {m['os']}, kernel {m['kernel']}; nproc {m['nproc']}; CPU: {m['cpu_model']}",
           f"- gate commit {m['gate_commit']} (.NET runtime {v['dotnet']}), wrk {v['wrk']}, h2load {v['h2load']}, nginx {v['nginx']} (backends)",
           f"- 1-min load average (shared machine): {m['loadavg']}",
           f"- config: `{json.dumps(m['config'])}`", "",
           "## Summary", "", "```", text, "```", "",
           "## Every edit", "", "| # | kind | pool | cert | route ms | hash ms | cert ms | old probe | new probe https |",
           "|---|---|---|---|---|---|---|---|---|"]
    for e in r["edit_rows"]:
        out.append(f"| {e['version']} | {e['kind']} | {e['pool']} | {e['cert']} | {fmt(e.get('route_ms'))} | {fmt(e.get('hash_ms'))} | "
                   f"{fmt(e.get('cert_ms'))} | {e.get('old_probe_status')} | {e.get('new_probe_https')} |")
    if r["gate_log_notable"]:
        out += ["", "## Warnings and errors in the gate's log", "", "```"] + r["gate_log_notable"] + ["```"]
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
