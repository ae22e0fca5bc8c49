#!/usr/bin/env python3
"""Turns run.sh's raw runs (one JSON line per wrk run) into medians, ratios, a table on stdout, latest.json and,
when asked, a markdown report. Usage: summarize.py META_JSON RUNS_JSONL OUT_JSON [OUT_MD]"""
import json
import statistics
import sys


def core_busy(stat0, stat1):
    """Per-core busy percentage between two snapshots of the cpuN lines of /proc/stat."""
    def parse(s):
        cores = {}
        for line in filter(None, s.split(";")):
            f = line.split()
            v = list(map(int, f[1:]))
            cores[f[0]] = (sum(v), v[3] + v[4])  # total, idle + iowait
        return cores
    a, b = parse(stat0), parse(stat1)
    return {c: round(100 * (1 - (b[c][1] - a[c][1]) / max(1, b[c][0] - a[c][0])), 1) for c in sorted(b)}


def run_row(r):
    w = r["wrk"]
    secs = w["duration_us"] / 1e6
    errors = w["err_connect"] + w["err_read"] + w["err_write"] + w["err_status"] + w["err_timeout"]
    row = {
        "rep": r["rep"],
        "rps": w["requests"] / secs,
        "p50_ms": w["p50_us"] / 1000,
        "p90_ms": w["p90_us"] / 1000,
        "p99_ms": w["p99_us"] / 1000,
        "errors": errors,
        "non2xx": w["err_status"],
        "proxy_cpu_pct": 100 * r["proxy_ticks"] / r["clk_tck"] / secs,
        "core_busy_pct": core_busy(r["stat0"], r["stat1"]),
    }
    # CPU the machine spent that was neither wrk, the backend nor the proxy: other tenants. High values = noisy run.
    ours = 100 * ((r["proxy_ticks"] + r["backend_ticks"]) / r["clk_tck"] + r["wrk_cpu_s"]) / secs
    row["other_cpu_pct"] = max(0.0, sum(row["core_busy_pct"].values()) - ours)
    return row


def main():
    meta = json.load(open(sys.argv[1]))
    runs = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    out_json, out_md = sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None)

    order = meta["config"]["scenarios"].split()
    scen = {}
    for name in order:
        rows = [run_row(r) for r in runs if r["scenario"] == name]
        med = {k: statistics.median(x[k] for x in rows) for k in ("rps", "p50_ms", "p90_ms", "p99_ms", "proxy_cpu_pct", "other_cpu_pct")}
        med["rps_min"], med["rps_max"] = min(x["rps"] for x in rows), max(x["rps"] for x in rows)
        med["rps_per_proxy_core"] = med["rps"] / (med["proxy_cpu_pct"] / 100) if med["proxy_cpu_pct"] >= 1 else 0
        med["errors"] = sum(x["errors"] for x in rows)
        scen[name] = {"median": med, "runs": rows}

    def ratio(a, b):
        return round(scen[a]["median"]["rps"] / scen[b]["median"]["rps"], 3) if a in scen and b in scen else None
    ratios = {"gate/nginx": ratio("gate", "nginx"), "gate/direct": ratio("gate", "direct"),
              "nginx/direct": ratio("nginx", "direct"), "gate-acl/gate": ratio("gate-acl", "gate")}
    for name in order:
        if name.startswith("gate@"):
            ratios[f"{name}/gate"] = ratio(name, "gate")
    startup = {k: {"runs_ms": v, "median_ms": statistics.median(v) if v else None} for k, v in meta["startup_ms"].items()}
    result = {"meta": {k: v for k, v in meta.items() if k not in ("startup_ms", "rss_kb")},
              "scenarios": scen, "ratios": ratios, "startup": startup, "rss_kb": meta["rss_kb"]}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)

    text = render(result, order)
    print(text)
    if out_md:
        write_md(out_md, result, order, text)


def render(result, order):
    c = result["meta"]["config"]
    lines = [f"HomelabGate loopback benchmark  (wrk -t{c['wrk_threads']} -c{c['connections']} -d{c['duration_s']}s, "
             f"{c['reps']} interleaved reps, medians; pin={c['pin']} proxy cpus={c['proxy_cpus']} "
             f"wrk cpus={c['wrk_cpus']} backend cpus={c['backend_cpus']})", ""]
    hdr = f"{'scenario':<16}{'req/s':>10}{'min..max':>19}{'p50 ms':>9}{'p99 ms':>9}{'proxy cpu%':>12}{'req/s/core':>12}{'other cpu%':>12}{'errors':>8}"
    lines += [hdr, "-" * len(hdr)]
    for name in order:
        m = result["scenarios"][name]["median"]
        lines.append(f"{name:<16}{m['rps']:>10.0f}{m['rps_min']:>9.0f}..{m['rps_max']:<8.0f}{m['p50_ms']:>9.2f}{m['p99_ms']:>9.2f}"
                     f"{m['proxy_cpu_pct']:>12.0f}{m['rps_per_proxy_core']:>12.0f}{m['other_cpu_pct']:>12.0f}{m['errors']:>8}")
    lines.append("")
    lines.append("ratios (req/s): " + ", ".join(f"{k} = {v:.3f}" for k, v in result["ratios"].items() if v is not None))
    s = result["startup"]
    lines.append("start -> first proxied 200: " + ", ".join(
        f"{k} median {v['median_ms']} ms (runs {v['runs_ms']})" for k, v in s.items()))
    lines.append("RSS (VmRSS, nginx = master + workers): " + ", ".join(
        f"{k} idle {v['idle'] / 1024:.1f} MiB / after load {v['after_load'] / 1024:.1f} MiB" for k, v in result["rss_kb"].items()))
    return "\n".join(lines)


def write_md(path, result, order, table):
    m = result["meta"]
    out = [f"# Benchmark results {m['date'][:10]}", "",
           "## Command", "", "```", m["command"], "```", "",
           "## Machine", "",
           f"- nproc: {m['nproc']}; CPU: {m['cpu_model']}; kernel {m['kernel']}",
           f"- nginx {m['nginx']}, wrk {m['wrk']}, .NET runtime {m['dotnet']}, gate commit {m['gate_commit']}",
           f"- config: `{json.dumps(m['config'])}`", "",
           "## Summary", "", "```", table, "```", "",
           "## Every run", "", "| scenario | rep | req/s | p50 ms | p99 ms | proxy cpu% | other cpu% | core busy % | errors |",
           "|---|---|---|---|---|---|---|---|---|"]
    for name in order:
        for r in result["scenarios"][name]["runs"]:
            busy = " ".join(f"{k}={v:.0f}" for k, v in r["core_busy_pct"].items())
            out.append(f"| {name} | {r['rep']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                       f"{r['proxy_cpu_pct']:.0f} | {r['other_cpu_pct']:.0f} | {busy} | {r['errors']} |")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
