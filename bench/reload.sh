#!/usr/bin/env bash
# Zero dropped requests across manifest reloads: sustained load through `gate run` while lib/reload_driver.py rewrites
# the manifest EDITS times (temp + rename), waiting after each edit until the new route answers and /api/status serves
# the new manifest hash. Loopback only; every process started here is stopped by pid on exit. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

EDITS=${EDITS:-100}
LOAD_SECONDS=${LOAD_SECONDS:-75}      # every load generator runs this long; the edits must fit inside (checked;
                                      # 100 edits took ~36 s here)
LEAD_SECONDS=${LEAD_SECONDS:-3}       # load before the first edit
WARMUP=${WARMUP:-5}                   # unrecorded load before everything (JIT, connection pools)
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32} # wrk: HTTP/1.1 keep-alive, plain
TLS=${TLS:-1}                         # 1: also h2load HTTP/2 over TLS (keep-alive) and a TLS churn client
H2_CLIENTS=${H2_CLIENTS:-4}           # h2load keep-alive: connections x concurrent streams
H2_STREAMS=${H2_STREAMS:-8}
CHURN_CLIENTS=${CHURN_CLIENTS:-2}     # h2load --h1, Connection: close: a new TLS handshake per request, rate-limited
CHURN_RPS=${CHURN_RPS:-25}            # per churn client
POLL_MS=${POLL_MS:-2}                 # route / status poll interval of the edit loop
SENTINEL_MS=${SENTINEL_MS:-20}        # sentinel: one new-connection request every SENTINEL_MS
EDIT_TIMEOUT=${EDIT_TIMEOUT:-30}      # seconds an edit may take to be served before it counts as not applied
GAP_MS=${GAP_MS:-0}                   # pause after an edit is confirmed, before the next save
BACKEND1_PORT=${BACKEND1_PORT:-18300}
BACKEND2_PORT=${BACKEND2_PORT:-18301}
GATE_PORT=${GATE_PORT:-18380}
GATE_TLS_PORT=${GATE_TLS_PORT:-18390}
GATE_ADMIN_PORT=${GATE_ADMIN_PORT:-19380}
PIN=${PIN:-1}
LOAD_CPUS=${LOAD_CPUS:-0}             # load generators, the edit loop and both backends
PROXY_CPUS=${PROXY_CPUS:-1}           # the gate
GATE_BIN=${GATE_BIN:-/tmp/bench-gate-out/gate}
MAX_LOAD=${MAX_LOAD:-3}
QUIET_WAIT=${QUIET_WAIT:-0}
RESULTS_JSON=${RESULTS_JSON:-$HERE/results/latest-reload.json}
RESULTS_MD=${RESULTS_MD:-}

for tool in nginx wrk curl python3 taskset openssl; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done
if [[ $TLS == 1 ]]; then command -v h2load >/dev/null || { echo "bench: h2load is not installed" >&2; exit 1; }; fi

# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
require_free_ports "$BACKEND1_PORT" "$BACKEND2_PORT" "$GATE_PORT" "$GATE_TLS_PORT" "$GATE_ADMIN_PORT"

if [[ $QUIET_WAIT -gt 0 ]]; then wait_quiet "$MAX_LOAD" "$QUIET_WAIT"; fi
if [[ ! -x $GATE_BIN || ${BUILD:-0} == 1 ]]; then
    echo "bench: publishing the gate to $(dirname "$GATE_BIN")" >&2
    (cd "$REPO" && dotnet publish src/HomelabGate -c Release -o "$(dirname "$GATE_BIN")" >/dev/null)
fi

# ---- certificates, backends, the gate with version 0 -------------------------------------------------------------------
mkdir -p "$WORK/tls" "$WORK/backends" "$WORK/gate" "$WORK/out"
make_cert "$WORK/tls" a; make_cert "$WORK/tls" b
render "$HERE/templates/reload/backends.nginx.conf" "$WORK/backends/nginx.conf" DIR="$WORK/backends" \
    BACKEND1_PORT="$BACKEND1_PORT" BACKEND2_PORT="$BACKEND2_PORT"
start_bg "$LOAD_CPUS" "$WORK/backends/stdout.log" nginx -c "$WORK/backends/nginx.conf" -p "$WORK/backends" -e "$WORK/backends/backends.err"
BACKENDS_PID=$LAST_PID
wait_for_200 "http://127.0.0.1:$BACKEND1_PORT/" app.bench.test
wait_for_200 "http://127.0.0.1:$BACKEND2_PORT/" app.bench.test

CONFIG="$WORK/driver.json"
cat >"$CONFIG" <<JSON
{"template": "$HERE/templates/reload/gate.yaml", "manifest": "$WORK/gate/homelab.yaml",
 "http_port": $GATE_PORT, "https_port": $GATE_TLS_PORT, "admin_port": $GATE_ADMIN_PORT,
 "backend1_port": $BACKEND1_PORT, "backend2_port": $BACKEND2_PORT,
 "certs": {"a": {"crt": "$WORK/tls/a.crt", "key": "$WORK/tls/a.key"}, "b": {"crt": "$WORK/tls/b.crt", "key": "$WORK/tls/b.key"}},
 "edits": $EDITS, "poll_ms": $POLL_MS, "sentinel_ms": $SENTINEL_MS, "edit_timeout_s": $EDIT_TIMEOUT, "gap_ms": $GAP_MS,
 "lead_s": $LEAD_SECONDS, "tail_s": 0}
JSON
python3 "$HERE/lib/reload_driver.py" init "$CONFIG"
start_bg "$PROXY_CPUS" "$WORK/gate/gate.log" "$GATE_BIN" run -f "$WORK/gate/homelab.yaml" --state-dir "$WORK/gate/data"
GATE_PID=$LAST_PID
wait_for_200 "http://127.0.0.1:$GATE_PORT/" app.bench.test
wait_for_200 "https://127.0.0.1:$GATE_TLS_PORT/" app.bench.test
kill -0 "$GATE_PID" 2>/dev/null || { echo "bench: the gate exited" >&2; exit 1; }
served=$(curl -s --max-time 2 "http://127.0.0.1:$GATE_ADMIN_PORT/api/status" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("servingManifestHash"))')
expected=$(sha256sum "$WORK/gate/homelab.yaml" | cut -d' ' -f1)
echo "bench: gate serves manifest $served (sha256 of the file: $expected)" >&2

H2_URL="https://app.bench.test:$GATE_TLS_PORT/"
echo "bench: warm-up ${WARMUP}s" >&2
pin "$LOAD_CPUS" wrk -t1 -c"$WRK_CONNECTIONS" -d"$WARMUP"s -H "Host: app.bench.test" "http://127.0.0.1:$GATE_PORT/" >/dev/null
if [[ $TLS == 1 ]]; then
    pin "$LOAD_CPUS" h2load -D "$WARMUP" -c "$H2_CLIENTS" -m "$H2_STREAMS" --connect-to="127.0.0.1:$GATE_TLS_PORT" "$H2_URL" >/dev/null
fi

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
APPLIED_BEFORE=$(grep -c 'Applied' "$WORK/gate/gate.log" || true)
GATE_TICKS0=$(cpu_ticks "$GATE_PID")

# ---- the loads (fixed duration) and the edit loop ---------------------------------------------------------------------
LOAD_START=$(date +%s.%N)
start_bg "$LOAD_CPUS" "$WORK/out/wrk.out" wrk -t1 -c"$WRK_CONNECTIONS" -d"$LOAD_SECONDS"s --latency --timeout 2s \
    -s "$HERE/lib/reload.lua" -H "Host: app.bench.test" "http://127.0.0.1:$GATE_PORT/"
LOAD_PIDS=("$LAST_PID")
if [[ $TLS == 1 ]]; then
    start_bg "$LOAD_CPUS" "$WORK/out/h2load.out" h2load -D "$LOAD_SECONDS" -c "$H2_CLIENTS" -m "$H2_STREAMS" \
        --connect-to="127.0.0.1:$GATE_TLS_PORT" --log-file="$WORK/out/h2load.log" "$H2_URL"
    LOAD_PIDS+=("$LAST_PID")
    start_bg "$LOAD_CPUS" "$WORK/out/churn.out" h2load --h1 -D "$LOAD_SECONDS" -c "$CHURN_CLIENTS" --rps="$CHURN_RPS" \
        -H 'Connection: close' --connect-to="127.0.0.1:$GATE_TLS_PORT" --log-file="$WORK/out/churn.log" "$H2_URL"
    LOAD_PIDS+=("$LAST_PID")
fi
pin "$LOAD_CPUS" python3 "$HERE/lib/reload_driver.py" edits "$CONFIG" "$WORK/out"
EDITS_END=$(date +%s.%N)
echo "bench: edits done after $(awk -v a="$LOAD_START" -v b="$EDITS_END" 'BEGIN { printf "%.0f", b - a }') s of ${LOAD_SECONDS} s load; waiting for the load to finish" >&2
# h2load --h1 with Connection: close sometimes hangs after "Stopped all clients" without printing its summary; give
# every load generator 20 s past its duration, then stop it (the summary then counts that client from its log).
for pid in "${LOAD_PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && awk -v s="$LOAD_START" -v d="$LOAD_SECONDS" -v now="$(date +%s.%N)" 'BEGIN { exit !(now < s + d + 20) }'; do sleep 1; done
    kill -0 "$pid" 2>/dev/null && echo "bench: load generator $pid still running 20 s after its end; stopping it" >&2
    stop_pid "$pid"; forget_pid "$pid"
done
LOAD_END=$(date +%s.%N)
GATE_TICKS1=$(cpu_ticks "$GATE_PID")
APPLIED_AFTER=$(grep -c 'Applied' "$WORK/gate/gate.log" || true)
kill -0 "$GATE_PID" 2>/dev/null && GATE_ALIVE=true || GATE_ALIVE=false
cp "$WORK/gate/gate.log" "$WORK/out/gate.log"

META="$WORK/out/meta.json"
{
    echo "{"
    echo "\"command\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${BENCH_COMMAND:-bench/reload.sh}"),"
    echo "\"date\": \"$(date -u +%FT%TZ)\", \"nproc\": $(nproc),"
    echo "\"cpu_model\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')\","
    echo "\"kernel\": \"$(uname -r)\", \"os\": \"$(. /etc/os-release; echo "$PRETTY_NAME")\","
    echo "\"versions\": {\"wrk\": \"$(wrk -v 2>&1 | head -1 | awk '{print $2}')\", \"h2load\": \"$(h2load --version 2>/dev/null | awk '{print $2}')\","
    echo "  \"dotnet\": \"$(dotnet --list-runtimes 2>/dev/null | awk '/NETCore.App/ {v=$2} END {print v}')\", \"nginx\": \"$(nginx -v 2>&1 | cut -d/ -f2)\"},"
    echo "\"gate_commit\": \"$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)\","
    echo "\"loadavg\": {\"start\": \"$LOAD_AT_START\", \"end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"waited_s\": ${QUIET_WAIT_S:-0}, \"max_load\": $MAX_LOAD},"
    echo "\"load_window\": {\"start\": $LOAD_START, \"edits_end\": $EDITS_END, \"end\": $LOAD_END},"
    echo "\"gate\": {\"alive_after\": $GATE_ALIVE, \"applied_log_lines\": $((APPLIED_AFTER - APPLIED_BEFORE)), \"cpu_pct\": $(awk -v t=$((GATE_TICKS1 - GATE_TICKS0)) -v hz="$(getconf CLK_TCK)" -v a="$LOAD_START" -v b="$LOAD_END" 'BEGIN { printf "%.1f", 100 * t / hz / (b - a) }'), \"rss_kb_after\": $(rss_kb "$GATE_PID")},"
    echo "\"config\": {\"edits\": $EDITS, \"load_seconds\": $LOAD_SECONDS, \"wrk_connections\": $WRK_CONNECTIONS, \"tls\": $TLS,"
    echo "  \"h2_clients\": $H2_CLIENTS, \"h2_streams\": $H2_STREAMS, \"churn_clients\": $CHURN_CLIENTS, \"churn_rps\": $CHURN_RPS,"
    echo "  \"poll_ms\": $POLL_MS, \"sentinel_ms\": $SENTINEL_MS, \"edit_timeout_s\": $EDIT_TIMEOUT, \"gap_ms\": $GAP_MS,"
    echo "  \"pin\": $PIN, \"load_cpus\": \"$LOAD_CPUS\", \"proxy_cpus\": \"$PROXY_CPUS\"}"
    echo "}"
} >"$META"
mkdir -p "$(dirname "$RESULTS_JSON")"
python3 "$HERE/lib/reload_summary.py" "$WORK/out" "$RESULTS_JSON" "$RESULTS_MD"
