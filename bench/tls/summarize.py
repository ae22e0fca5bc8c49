#!/usr/bin/env python3
"""Turns bench/tls/run.sh's runs into medians and gate/nginx ratios: a table on stdout and, when asked, a markdown
report. Usage: summarize.py META_JSON RUNS_JSONL [OUT_MD]"""
import json
import statistics
import sys

KINDS = [
    ("https-h1", "HTTPS req/s, HTTP/1.1 keep-alive (wrk)"),
    ("https-h2", "HTTPS req/s, HTTP/2 (h2load)"),
    ("handshakes", "new TLS handshakes/s (s_time -new)"),
]


def rate(run):
    d = run["data"]
    return d["rps"] if "rps" in d else d["requests"] / d["duration_us"] * 1e6


def errors(run):
    d = run["data"]
    if "err_connect" in d:
        return sum(d[k] for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout"))
    return d.get("failed", 0)


def main():
    meta = json.load(open(sys.argv[1]))
    runs = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    out_md = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    cfg = meta["config"]
    lines = [f"HomelabGate TLS benchmark  ({cfg['reps']} interleaved reps, medians; pin={cfg['pin']} proxy cpus={cfg['proxy_cpus']} "
             f"client cpus={cfg['client_cpus']} backend cpus={cfg['backend_cpus']}, nginx workers={cfg['nginx_workers']})", ""]
    header = f"{'measurement':42} {'proxy':6} {'median/s':>10} {'min..max':>17} {'proxy cpu%':>10} {'/s/core':>8} {'errors':>7}"
    lines += [header, "-" * len(header)]
    ratios, core_ratios = [], []
    for kind, title in KINDS:
        med, per_core = {}, {}
        for proxy in ("gate", "nginx"):
            rs = [r for r in runs if r["kind"] == kind and r["proxy"] == proxy]
            if not rs:
                continue
            rates = [rate(r) for r in rs]
            med[proxy] = statistics.median(rates)
            cpu = statistics.median(r["proxy_cpu_pct"] for r in rs)
            errs = sum(errors(r) for r in rs)
            per_core[proxy] = statistics.median(rate(r) / max(0.01, r["proxy_cpu_pct"] / 100) for r in rs)
            lines.append(f"{title:42} {proxy:6} {med[proxy]:10.0f} {min(rates):8.0f}..{max(rates):<8.0f} {cpu:10.0f} {per_core[proxy]:8.0f} {errs:7d}")
        if "gate" in med and "nginx" in med and med["nginx"] > 0:
            ratios.append(f"{kind} gate/nginx = {med['gate'] / med['nginx']:.3f}")
            core_ratios.append(f"{kind} gate/nginx = {per_core['gate'] / per_core['nginx']:.3f}")
    lines += ["", "ratios of per-second medians: " + ", ".join(ratios),
              "ratios of per-proxy-core medians (/s divided by the proxy's CPU share): " + ", ".join(core_ratios)]
    summary = "\n".join(lines)
    print(summary)
    if out_md:
        md = [f"# TLS benchmark results {meta['date'][:10]}", "", "## Command", "", "```", meta["command"], "```", "",
              "## Machine", "",
              f"- nproc: {meta['nproc']}; CPU: {meta['cpu_model']}; kernel {meta['kernel']}",
              f"- nginx {meta['nginx']}, {meta['openssl']}, {meta['h2load']}, .NET runtime {meta['dotnet']}, gate commit {meta['gate_commit']}",
              f"- certificate (both proxies): {meta['leaf']}",
              f"- config: `{json.dumps(cfg)}`", "", "## Summary", "", "```", summary, "```", "", "## Every run", "",
              "| measurement | proxy | rep | per second | proxy cpu% | errors | notes |", "|---|---|---|---|---|---|---|"]
        for r in runs:
            d = r["data"]
            note = f"p50 {d['p50_us'] / 1000:.2f} ms, p99 {d['p99_us'] / 1000:.2f} ms" if "p50_us" in d else (
                f"{d.get('protocol', '')}, {d.get('ok2xx', '')} 2xx" if "protocol" in d else "")
            md.append(f"| {r['kind']} | {r['proxy']} | {r['rep']} | {rate(r):.0f} | {r['proxy_cpu_pct']:.0f} | {errors(r)} | {note} |")
        open(out_md, "w").write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
