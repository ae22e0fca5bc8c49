#!/usr/bin/env python3
"""Issue 14's table from goals.sh's parts: peers.sh's JSON (one interleaved run), the manifest timings and the reload
runs. One row per goal: the gate's value, nginx's, the ratio and the goal; each gate variant and HAProxy/Caddy as
further columns. Usage: goals_summary.py PEERS_JSON MANIFEST_JSON OUT_JSON OUT_MD|"" PEERS_TXT NAME=RELOAD_JSON..."""
import json
import statistics
import sys


def main():
    peers = json.load(open(sys.argv[1]))
    manifest = json.load(open(sys.argv[2]))
    out_json, out_md, peers_txt = sys.argv[3], sys.argv[4], sys.argv[5]
    reloads = {a.split("=", 1)[0]: json.load(open(a.split("=", 1)[1])) for a in sys.argv[6:]}
    scen, startup, rss = peers["scenarios"], peers["startup"], peers["rss_kb"]
    names = peers["meta"]["config"]["peers"].split()
    gates = [n for n in names if n.startswith("gate")]
    others = [n for n in names if not n.startswith("gate") and n != "nginx"]

    def med(name, key):
        return scen[name]["median"][key] if name in scen else None

    def tls_row(title, suffix, key, goal, higher=True):
        return {"measure": title, "goal": goal, "higher_is_better": higher,
                "values": {n: med(n + suffix, key) for n in names}, "ratio_to": "nginx"}

    resumed = {n: (scen[n + "-res"]["median"]["rps"] if n + "-res" in scen and scen[n + "-res"]["median"]["errors"] == 0 else None)
               for n in names}
    rows = [
        tls_row("HTTP/1.1 keep-alive req/s per proxy core", "", "rps_per_proxy_core", ">= 0.85 (stretch 1.0)"),
        tls_row("HTTP/1.1 keep-alive req/s", "", "rps", "(context)"),
        tls_row("HTTPS HTTP/1.1 req/s", "-tls", "rps", ">= 0.80"),
        tls_row("HTTPS HTTP/1.1 req/s per proxy core", "-tls", "rps_per_proxy_core", "(context)"),
        tls_row("HTTP/2 over TLS req/s (h2load)", "-h2", "rps", ">= 0.90"),
        tls_row("HTTP/2 over TLS req/s per proxy core", "-h2", "rps_per_proxy_core", "(context)"),
        tls_row("new full TLS handshakes/s (h2load, new connection per request)", "-hs", "rps", ">= 0.80"),
        tls_row("new full TLS handshakes/s per proxy core", "-hs", "rps_per_proxy_core", "(context)"),
        {"measure": "TLS 1.3 resumed handshakes/s (s_time -reuse; empty = not all resumed)", "goal": "works",
         "higher_is_better": True, "values": resumed, "ratio_to": "nginx"},
        tls_row("TLS 1.3 resumed handshakes/s per proxy core", "-res", "rps_per_proxy_core", "(context)"),
        tls_row("p99 latency ms at the same fixed load", "-lat", "p99_ms", "<= 1.5", higher=False),
        {"measure": "start -> first proxied 200, ms (median)", "goal": "<= 150 ms", "higher_is_better": False,
         "values": {n: startup.get(n, {}).get("median_ms") for n in names}, "ratio_to": "nginx"},
        {"measure": "resident memory idle, MiB", "goal": "<= 40 MiB", "higher_is_better": False,
         "values": {n: rss[n]["idle"] / 1024 if n in rss else None for n in names}, "ratio_to": "nginx"},
        {"measure": "resident memory at its peak under load, MiB", "goal": "(context)", "higher_is_better": False,
         "values": {n: rss[n]["peak"] / 1024 if n in rss and "peak" in rss[n] else None for n in names}, "ratio_to": "nginx"},
        {"measure": "resident memory after load, MiB", "goal": "<= 64 MiB", "higher_is_better": False,
         "values": {n: rss[n]["after_load"] / 1024 if n in rss else None for n in names}, "ratio_to": "nginx"},
        {"measure": "  same, after QUIET_AFTER (15) s without load, MiB", "goal": "(context)", "higher_is_better": False,
         "values": {n: rss[n]["after_quiet"] / 1024 if n in rss and "after_quiet" in rss[n] else None for n in names}, "ratio_to": "nginx"},
    ]
    for cmd in ("validate", "plan"):
        rows.append({"measure": f"{manifest_hosts(sys.argv[2])}-host manifest: gate {cmd}, s (wall, median)", "goal": "<= 0.25 s",
                     "higher_is_better": False, "ratio_to": None,
                     "values": {n: manifest["gates"][n][cmd]["wall_ms"] / 1000 if n in manifest["gates"] else None for n in names}})
        rows.append({"measure": f"  same, CPU s (user + system)", "goal": "(context)", "higher_is_better": False, "ratio_to": None,
                     "values": {n: manifest["gates"][n][cmd]["cpu_ms"] / 1000 if n in manifest["gates"] else None for n in names}})
    rows.append({"measure": "manifest save -> new route served under load, ms (median)", "goal": "<= 100 ms", "higher_is_better": False,
                 "ratio_to": None, "values": {n: r["edits"]["stats"]["route_ms"]["median"] for n, r in reloads.items()}})
    rows.append({"measure": "  same: failed requests / requests during the edits", "goal": "0", "higher_is_better": False, "ratio_to": None,
                 "values": {n: f"{r['totals']['errors']} / {r['totals']['requests']}" for n, r in reloads.items()}})

    text = render(rows, gates, others, peers)
    print(text)
    result = {"meta": peers["meta"], "rows": rows, "manifest": manifest,
              "reload": {n: {"edits": r["edits"], "totals": r["totals"], "failures": r["failures"]} for n, r in reloads.items()},
              "peers": peers}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)
    if out_md:
        write_md(out_md, peers, text, open(peers_txt).read())


def manifest_hosts(path):
    return json.load(open(path)).get("hosts", "N")


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"


def ratio(x, base):
    return fmt(x / base) if isinstance(x, (int, float)) and isinstance(base, (int, float)) and base else ""


def floor_of(gate):
    return "yarp" if gate == "gate@r2r" else "yarp@aot" if gate == "gate" else None


def render(rows, gates, others, peers):
    # The floor: each gate build against bare YARP built the same way (the gate ships Native AOT; a variant named r2r
    # is the ReadyToRun build), i.e. what our own layers cost on top of Kestrel + YARP.
    floors = [(g, f) for g in gates for f in [floor_of(g)] if f in others]
    head = ["measure", "goal"] + [g for g in gates] + ["nginx"] + [f"{g}/nginx" for g in gates] + [f"{o}/nginx" for o in others] \
        + [f"{g}/{f}" for g, f in floors]
    widths = [64, 24] + [max(12, len(h) + 2) for h in head[2:]]
    lines = ["".join(h.ljust(w) if i < 2 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))), "-" * sum(widths)]
    for r in rows:
        v = r["values"]
        base = v.get("nginx")
        cells = [r["measure"], r["goal"]] + [fmt(v.get(g)) for g in gates] + [fmt(base)]
        for n in gates + others:
            x = v.get(n)
            cells.append(ratio(x, base) if r["ratio_to"] else "")
        for g, f in floors:
            cells.append(ratio(v.get(g), v.get(f)) if r["ratio_to"] else "")
        lines.append("".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))))
    la = peers["meta"].get("loadavg", {})
    lines += ["", f"1-min load average during the peers run: {la.get('start')} at start, {la.get('end')} at end "
              "(a shared 2-core machine: compare within this run, not across files)"]
    return "\n".join(lines)


def write_md(path, peers, table, peers_text):
    m = peers["meta"]
    v = m["versions"]
    out = [f"# Issue 14 goals {m['date'][:10]}: the gate against nginx, every row from one run", "", "## Command", "",
           "```", m["command"], "```", "", "## Machine", "",
           f"- {m['os']}, kernel {m['kernel']}; nproc {m['nproc']}; CPU: {m['cpu_model']}; memory {m['mem_total']}",
           f"- gate commit {m['gate_commit']} (.NET runtime {v['dotnet']}), nginx {v['nginx']}, wrk {v['wrk']}, h2load {v['h2load']}, "
           f"OpenSSL {v['openssl']}",
           f"- 1-min load average (shared machine): {m['loadavg']}",
           f"- config: `{json.dumps(m['config'])}`", "", "## Goals", "", "```", table, "```", "",
           "## The peers run in full", "", "```", peers_text.strip(), "```", ""]
    with open(path, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
