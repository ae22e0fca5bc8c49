#!/usr/bin/env bash
# HomelabGate TLS benchmark: the gate vs nginx terminating TLS with the same certificate (the gate's local-CA leaf and
# key), proxying to one shared backend. Interleaved, medians of N repetitions. Everything on 127.0.0.1; every process
# this script starts is stopped by pid on exit. See bench/tls/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH=$(cd "$HERE/.." && pwd)
REPO=$(cd "$BENCH/.." && pwd)

# ---- knobs -------------------------------------------------------------------------------------------------------------
QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then _reps=1 _dur=3 _warm=1 _h2n=5000; else _reps=3 _dur=8 _warm=3 _h2n=20000; fi
REPS=${REPS:-$_reps}
DURATION=${DURATION:-$_dur}            # seconds per wrk run and per s_time run
WARMUP=${WARMUP:-$_warm}               # seconds of unrecorded wrk load per proxy before the first repetition
H2_REQUESTS=${H2_REQUESTS:-$_h2n}      # h2load -n
H2_CLIENTS=${H2_CLIENTS:-32}           # h2load -c
H2_STREAMS=${H2_STREAMS:-10}           # h2load -m
CONNECTIONS=${CONNECTIONS:-64}         # wrk -c
STIME_PROCS=${STIME_PROCS:-2}          # parallel `openssl s_time -new` clients (one is client-bound on a slow core)
BACKEND_PORT=${BACKEND_PORT:-18100}
GATE_PORT=${GATE_PORT:-18443}          # the gate's HTTPS listener
GATE_HTTP_PORT=${GATE_HTTP_PORT:-18180} # the gate's plain HTTP listener (unused by the load)
GATE_ADMIN_PORT=${GATE_ADMIN_PORT:-19190}
NGINX_PORT=${NGINX_PORT:-18543}
PIN=${PIN:-1}
CLIENT_CPUS=${CLIENT_CPUS:-0}          # wrk, h2load, s_time
BACKEND_CPUS=${BACKEND_CPUS:-0}
PROXY_CPUS=${PROXY_CPUS:-1}            # the proxy under test, and only it
GATE_BIN=${GATE_BIN:-/tmp/bench-tls-gate-out/gate}
RESULTS_MD=${RESULTS_MD:-}
SCENARIOS="gate nginx"

NGINX_WORKERS=${NGINX_WORKERS:-$( [[ $PIN == 1 ]] && python3 -c 'import sys; n=0
for p in sys.argv[1].split(","):
    a,_,b=p.partition("-"); n+=(int(b)-int(a)+1) if b else 1
print(n)' "$PROXY_CPUS" || nproc )}

for tool in nginx wrk h2load openssl curl python3 taskset; do command -v "$tool" >/dev/null || { echo "bench/tls: $tool is not installed" >&2; exit 1; }; done

# ---- process bookkeeping and helpers shared by every bench script (start_bg, stop_pid, render, cpu_ticks, ...) ---------
# shellcheck source=../lib/common.sh
. "$BENCH/lib/common.sh"
wait_for_verified_200() { # wait_for_verified_200 PORT -> https://app.home.test:PORT/ trusting the gate's root, polled for up to 30 s
    local code deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --cacert "$WORK/gate/data/ca/root.pem" \
            --resolve "app.home.test:$1:127.0.0.1" "https://app.home.test:$1/" || true)
        [[ $code == 200 ]] && return 0
        sleep 0.01
    done
    echo "bench/tls: port $1 never answered 200 over verified TLS" >&2
    find "$WORK" -name '*.log' -o -name '*.err' | while read -r f; do echo "== $f" >&2; tail -5 "$f" >&2; done
    return 1
}

if [[ ! -x $GATE_BIN || ${BUILD:-0} == 1 ]]; then
    echo "bench/tls: publishing the gate to $(dirname "$GATE_BIN")" >&2
    (cd "$REPO" && dotnet publish src/HomelabGate -c Release -o "$(dirname "$GATE_BIN")" >/dev/null)
fi

# ---- backend, gate, then nginx with the gate's certificate -------------------------------------------------------------
mkdir -p "$WORK/backend" "$WORK/gate" "$WORK/nginx"
render "$BENCH/templates/backend.nginx.conf" "$WORK/backend/nginx.conf" DIR="$WORK/backend" BACKEND_PORT="$BACKEND_PORT"
start_bg "$BACKEND_CPUS" "$WORK/backend/stdout.log" nginx -c "$WORK/backend/nginx.conf" -p "$WORK/backend" -e "$WORK/backend/backend.err"
BACKEND_PID=$LAST_PID

render "$HERE/templates/gate.yaml" "$WORK/gate/homelab.yaml" GATE_PORT="$GATE_PORT" GATE_HTTP_PORT="$GATE_HTTP_PORT" \
    GATE_ADMIN_PORT="$GATE_ADMIN_PORT" BACKEND_PORT="$BACKEND_PORT"
start_bg "$PROXY_CPUS" "$WORK/gate/gate.log" "$GATE_BIN" run -f "$WORK/gate/homelab.yaml" --state-dir "$WORK/gate/data"
GATE_PID=$LAST_PID
for ((i = 0; i < 600; i++)); do [[ -s $WORK/gate/data/ca/root.pem ]] && break; sleep 0.1; done
wait_for_verified_200 "$GATE_PORT"

CERT_DIR="$WORK/gate/data/certificates/wild"
cat "$CERT_DIR/cert.pem" "$CERT_DIR/chain.pem" >"$WORK/nginx/fullchain.pem"
install -m 600 "$CERT_DIR/key.pem" "$WORK/nginx/key.pem"
render "$HERE/templates/proxy.nginx.conf" "$WORK/nginx/nginx.conf" DIR="$WORK/nginx" BACKEND_PORT="$BACKEND_PORT" \
    NGINX_PORT="$NGINX_PORT" NGINX_WORKERS="$NGINX_WORKERS"
start_bg "$PROXY_CPUS" "$WORK/nginx/stdout.log" nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx/nginx.err"
NGINX_PID=$LAST_PID
wait_for_verified_200 "$NGINX_PORT"

# Both must present the same leaf, or the comparison is not like for like.
leaf() { openssl s_client -connect "127.0.0.1:$1" -servername app.home.test </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256; }
[[ $(leaf "$GATE_PORT") == "$(leaf "$NGINX_PORT")" ]] || { echo "bench/tls: the gate and nginx present different certificates" >&2; exit 1; }

port_of() { [[ $1 == gate ]] && echo "$GATE_PORT" || echo "$NGINX_PORT"; }
pids_of() { if [[ $1 == gate ]]; then echo "$GATE_PID"; else echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); fi; }

# ---- the three measurements: each prints one JSON object -----------------------------------------------------------------
measure_wrk() { # HTTP/1.1 over TLS, keep-alive: requests/s
    pin "$CLIENT_CPUS" wrk -t1 -c"$CONNECTIONS" -d"$2"s --latency -s "$BENCH/lib/report.lua" -H "Host: app.home.test" \
        "https://127.0.0.1:$(port_of "$1")/" | grep '^{' | tail -1
}
measure_h2() { # HTTP/2 over TLS, multiplexed: requests/s
    local out
    out=$(pin "$CLIENT_CPUS" h2load -n "$H2_REQUESTS" -c "$H2_CLIENTS" -m "$H2_STREAMS" -H ":authority: app.home.test" \
        "https://127.0.0.1:$(port_of "$1")/" 2>&1)
    python3 - "$out" <<'PY'
import json, re, sys
o = sys.argv[1]
m = re.search(r"finished in ([\d.]+)(m?s), ([\d.]+) req/s", o)
r = re.search(r"requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored", o)
s = re.search(r"status codes: (\d+) 2xx", o)
p = re.search(r"Application protocol: (\S+)", o)
if not (m and r):
    sys.exit("h2load output not understood:\n" + o)
secs = float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)
print(json.dumps({"rps": float(m.group(3)), "seconds": secs, "succeeded": int(r.group(2)), "failed": int(r.group(3)) + int(r.group(4)),
                  "ok2xx": int(s.group(1)) if s else 0, "protocol": p.group(1) if p else "?"}))
PY
}
measure_handshakes() { # new full TLS handshakes per second: STIME_PROCS parallel `openssl s_time -new`
    local i
    for ((i = 0; i < STIME_PROCS; i++)); do
        pin "$CLIENT_CPUS" openssl s_time -connect "127.0.0.1:$(port_of "$1")" -new -time "$2" >"$WORK/stime.$i" 2>&1 &
    done
    wait $(jobs -p) 2>/dev/null || true
    python3 - "$WORK"/stime.* <<'PY'
import json, re, sys
total = 0.0
for f in sys.argv[1:]:
    o = open(f).read()
    m = re.search(r"(\d+) connections in (\d+) real seconds", o)
    if not m:
        sys.exit("s_time output not understood:\n" + o)
    total += int(m.group(1)) / max(1, int(m.group(2)))
print(json.dumps({"rps": total}))
PY
    rm -f "$WORK"/stime.*
}

RUNS="$WORK/runs.jsonl"; : >"$RUNS"
CLK_TCK=$(getconf CLK_TCK)
echo "bench/tls: warm-up ${WARMUP}s per proxy" >&2
for sc in $SCENARIOS; do measure_wrk "$sc" "$WARMUP" >/dev/null; measure_h2 "$sc" >/dev/null; done
for ((rep = 1; rep <= REPS; rep++)); do
    for kind in https-h1 https-h2 handshakes; do
        for sc in $SCENARIOS; do
            pids=$(pids_of "$sc"); t0=$(cpu_ticks $pids); s0=$(date +%s.%N)
            case $kind in
                https-h1) line=$(measure_wrk "$sc" "$DURATION") ;;
                https-h2) line=$(measure_h2 "$sc") ;;
                handshakes) line=$(measure_handshakes "$sc" "$DURATION") ;;
            esac
            t1=$(cpu_ticks $pids); s1=$(date +%s.%N)
            cpu=$(python3 -c 'import sys; print(round(100 * int(sys.argv[1]) / int(sys.argv[2]) / (float(sys.argv[4]) - float(sys.argv[3])), 1))' \
                "$((t1 - t0))" "$CLK_TCK" "$s0" "$s1")
            printf '{"kind":"%s","proxy":"%s","rep":%d,"proxy_cpu_pct":%s,"data":%s}\n' "$kind" "$sc" "$rep" "$cpu" "$line" >>"$RUNS"
            echo "bench/tls: rep $rep/$REPS $kind $sc: $(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(round(d["rps"] if "rps" in d else d["requests"]/d["duration_us"]*1e6), "/s")' "$line") (proxy cpu ${cpu}%)" >&2
        done
    done
done

META="$WORK/meta.json"
python3 - "$META" <<PY
import json, subprocess, sys
def sh(c):
    return subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
json.dump({
    "command": """${BENCH_COMMAND:-bench/tls/run.sh}""", "date": sh("date -u +%FT%TZ"), "nproc": int(sh("nproc")),
    "cpu_model": sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'"), "kernel": sh("uname -r"),
    "nginx": sh("nginx -v 2>&1 | cut -d/ -f2"), "openssl": sh("openssl version"), "h2load": sh("h2load --version | head -1"),
    "dotnet": sh("dotnet --list-runtimes 2>/dev/null | awk '/NETCore.App/ {v=\$2} END {print v}'"),
    "gate_commit": sh("git -C '$REPO' rev-parse --short HEAD"),
    "leaf": sh("openssl x509 -in '$CERT_DIR/cert.pem' -noout -subject -ext subjectAltName | tr '\\\\n' ' '") + " " + sh("openssl x509 -in '$CERT_DIR/cert.pem' -noout -text | grep -m1 'Public Key Algorithm' | sed 's/^ *//'"),
    "config": {"reps": $REPS, "duration_s": $DURATION, "warmup_s": $WARMUP, "wrk_connections": $CONNECTIONS,
               "h2load": "-n $H2_REQUESTS -c $H2_CLIENTS -m $H2_STREAMS", "s_time_procs": $STIME_PROCS, "pin": $PIN,
               "client_cpus": "$CLIENT_CPUS", "backend_cpus": "$BACKEND_CPUS", "proxy_cpus": "$PROXY_CPUS", "nginx_workers": $NGINX_WORKERS},
}, open(sys.argv[1], "w"))
PY
python3 "$HERE/summarize.py" "$META" "$RUNS" "$RESULTS_MD"
