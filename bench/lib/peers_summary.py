#!/usr/bin/env python3
"""peers.sh's raw runs -> medians, ratios against nginx and against direct, tables on stdout, a JSON file and, when
asked, a markdown report. Reuses summarize.run_row. Usage: peers_summary.py META_JSON RUNS_JSONL OUT_JSON [OUT_MD]"""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import run_row  # noqa: E402


def main():
    meta = json.load(open(sys.argv[1]))
    runs = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    out_json, out_md = sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None)
    order = meta["config"]["scenarios"].split()
    peers = meta["config"]["peers"].split()

    scen = {}
    for name in order:
        rows = []
        for r in runs:
            if r["scenario"] == name:
                row = run_row(r)
                row["loadavg"] = r.get("loadavg")
                rows.append(row)
        if not rows:
            continue
        med = {k: statistics.median(x[k] for x in rows) for k in ("rps", "p50_ms", "p90_ms", "p99_ms", "proxy_cpu_pct", "other_cpu_pct")}
        med["rps_min"], med["rps_max"] = min(x["rps"] for x in rows), max(x["rps"] for x in rows)
        # per-run req/s per proxy core, then the median (steadier on a shared machine than median/median)
        med["rps_per_proxy_core"] = statistics.median(x["rps"] / (x["proxy_cpu_pct"] / 100) if x["proxy_cpu_pct"] >= 1 else 0 for x in rows)
        med["errors"] = sum(x["errors"] for x in rows)
        scen[name] = {"median": med, "runs": rows}

    def ratio(a, b, key="rps"):
        if a in scen and b in scen and scen[b]["median"][key]:
            return round(scen[a]["median"][key] / scen[b]["median"][key], 3)
        return None

    groups = [("HTTP/1.1 plain, keep-alive (wrk)", "", "req/s"),
              ("HTTPS (TLS 1.3, HTTP/1.1) keep-alive (wrk)", "-tls", "req/s"),
              (f"HTTP/2 over TLS (h2load -c {meta['config'].get('h2_clients')} -m {meta['config'].get('h2_streams')})", "-h2", "req/s"),
              ("new TLS handshakes: one connection per request (h2load --h1, Connection: close)", "-hs", "hs/s"),
              ("TLS 1.3 resumed handshakes (openssl s_time -reuse; a connection not resumed counts as an error)", "-res", "conn/s"),
              (f"latency at the same fixed load for every peer (h2load --h1 --rps, {meta['config'].get('lat_rps')} req/s in total)", "-lat", "req/s")]
    ratios = {}
    for _, suffix, _ in groups:
        for p in peers:
            ratios[f"{p}{suffix}/nginx{suffix}"] = ratio(p + suffix, "nginx" + suffix)
            ratios[f"{p}{suffix}/nginx{suffix} per core"] = ratio(p + suffix, "nginx" + suffix, "rps_per_proxy_core")
            if suffix == "-lat":
                ratios[f"{p}-lat/nginx-lat p99"] = ratio(p + suffix, "nginx" + suffix, "p99_ms")
            if suffix == "":
                ratios[f"{p}/direct"] = ratio(p, "direct")
    startup = {k: {"runs_ms": v, "median_ms": statistics.median(v) if v else None} for k, v in meta["startup_ms"].items()}
    result = {"meta": {k: v for k, v in meta.items() if k not in ("startup_ms", "rss_kb")},
              "scenarios": scen, "ratios": ratios, "startup": startup, "rss_kb": meta["rss_kb"]}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)
    text = render(result, peers, groups)
    print(text)
    if out_md:
        write_md(out_md, result, order, text)


def render(result, peers, groups):
    c = result["meta"]["config"]
    scen = result["scenarios"]
    lines = [f"HomelabGate vs peers on loopback  (wrk -t{c['wrk_threads']} -c{c['connections']} -d{c['duration_s']}s; "
             f"h2load -n {c['hs_requests']} -c {c['hs_clients']} -m 1; {c['reps']} interleaved reps, medians; "
             f"proxy on cpus {c['proxy_cpus']} with {c['proxy_workers']} worker/thread, load + backend on cpus {c['wrk_cpus']})"]
    for title, suffix, unit in groups:
        names = [p + suffix for p in peers] + (["direct"] if suffix == "" else [])
        names = [n for n in names if n in scen]
        if not names:
            continue
        lines += ["", title]
        hdr = (f"{'scenario':<18}{unit:>9}{'min..max':>17}{'p50 ms':>8}{'p99 ms':>8}{'cpu%':>6}{unit + '/core':>12}"
               f"{'other cpu%':>11}{'err':>5}{'/nginx':>8}{'/nginx core':>12}" + (f"{'/direct':>9}" if suffix == "" else ""))
        lines += [hdr, "-" * len(hdr)]
        base = scen.get("nginx" + suffix)
        for n in names:
            m = scen[n]["median"]
            rn = m["rps"] / base["median"]["rps"] if base and base["median"]["rps"] else float("nan")
            rc = m["rps_per_proxy_core"] / base["median"]["rps_per_proxy_core"] if base and base["median"]["rps_per_proxy_core"] else float("nan")
            row = (f"{n:<18}{m['rps']:>9.0f}{m['rps_min']:>8.0f}..{m['rps_max']:<7.0f}{m['p50_ms']:>8.2f}{m['p99_ms']:>8.2f}"
                   f"{m['proxy_cpu_pct']:>6.0f}{m['rps_per_proxy_core']:>12.0f}{m['other_cpu_pct']:>11.0f}{m['errors']:>5}"
                   f"{rn:>8.3f}{rc:>12.3f}")
            if suffix == "":
                row += f"{m['rps'] / scen['direct']['median']['rps']:>9.3f}" if "direct" in scen else ""
            lines.append(row)
    lines.append("")
    lines.append("start -> first proxied 200 (plain HTTP), median of runs: " + ", ".join(
        f"{k} {v['median_ms']} ms {v['runs_ms']}" for k, v in result["startup"].items()))
    quiet = result["meta"]["config"].get("quiet_after_s", 15)
    lines.append(f"RSS idle / peak (VmHWM) / after all load / {quiet} s later (VmRSS; nginx = master + worker): " + ", ".join(
        f"{k} {v.get('idle', 0) / 1024:.1f} / {v.get('peak', 0) / 1024:.1f} / {v['after_load'] / 1024:.1f} / {v.get('after_quiet', 0) / 1024:.1f} MiB"
        for k, v in result["rss_kb"].items()))
    la = result["meta"].get("loadavg", {})
    lines.append(f"1-min load average: {la.get('start')} at start of load, {la.get('end')} at end (waited {la.get('waited_s')} s for < {la.get('max_load')})")
    return "\n".join(lines)


def write_md(path, result, order, table):
    m = result["meta"]
    v = m["versions"]
    out = [f"# Peers benchmark {m['date'][:10]}: the gate vs nginx, Caddy, HAProxy", "",
           "## Command", "", "```", m["command"], "```", "",
           "## Machine", "",
           f"- {m['os']}, kernel {m['kernel']}; nproc {m['nproc']}; CPU: {m['cpu_model']}; memory {m['mem_total']}",
           f"- gate commit {m['gate_commit']} (.NET runtime {v['dotnet']}), nginx {v['nginx']}, Caddy {v['caddy']}, "
           f"HAProxy {v['haproxy']}, wrk {v['wrk']}, h2load {v['h2load']}, OpenSSL {v['openssl']}",
           f"- 1-min load average (shared machine): {m['loadavg']}",
           f"- config: `{json.dumps(m['config'])}`", "",
           "## Summary", "", "```", table, "```", "",
           "## Every run", "", "| scenario | rep | req/s | p50 ms | p99 ms | proxy cpu% | other cpu% | core busy % | load avg | errors |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for name in order:
        for r in result["scenarios"].get(name, {}).get("runs", []):
            busy = " ".join(f"{k}={v:.0f}" for k, v in r["core_busy_pct"].items())
            out.append(f"| {name} | {r['rep']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                       f"{r['proxy_cpu_pct']:.0f} | {r['other_cpu_pct']:.0f} | {busy} | {r['loadavg']} | {r['errors']} |")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
