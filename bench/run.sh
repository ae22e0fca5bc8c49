#!/usr/bin/env bash
# HomelabGate loopback benchmark: the gate vs nginx vs the backend directly, interleaved, medians of N repetitions.
# Everything runs on 127.0.0.1; every process this script starts is stopped by pid on exit. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

# ---- knobs (all overridable from the environment) -------------------------------------------------------------------
QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then _reps=1 _dur=3 _warm=1 _starts=1; else _reps=3 _dur=10 _warm=4 _starts=3; fi
REPS=${REPS:-$_reps}                  # interleaved repetitions of every scenario
DURATION=${DURATION:-$_dur}           # seconds per measured wrk run
WARMUP=${WARMUP:-$_warm}              # seconds of unrecorded load per scenario before the first repetition (JIT, pools)
STARTUP_REPS=${STARTUP_REPS:-$_starts} # cold starts measured (start -> first proxied 200)
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-1}
BACKEND_PORT=${BACKEND_PORT:-18000}
GATE_PORT=${GATE_PORT:-18080}         # gate variant i listens on GATE_PORT+10*i, admin on GATE_ADMIN_PORT+10*i
GATE_ADMIN_PORT=${GATE_ADMIN_PORT:-19180}
NGINX_PORT=${NGINX_PORT:-18081}
PIN=${PIN:-1}                         # 1: pin with taskset (below); 0: let the scheduler place everything
WRK_CPUS=${WRK_CPUS:-0}
BACKEND_CPUS=${BACKEND_CPUS:-0}
PROXY_CPUS=${PROXY_CPUS:-1}           # the proxy under test (gate or nginx) gets these cores, and only it does
GATE_BIN=${GATE_BIN:-/tmp/bench-gate-out/gate}
GATE_ENV=${GATE_ENV:-}                # extra environment for every gate process, e.g. "DOTNET_gcServer=1"
GATE_VARIANTS=${GATE_VARIANTS:-}      # extra gates to compare, e.g. "srvgc:DOTNET_gcServer=1 nopgo:DOTNET_TieredPGO=0"
SCENARIOS=${SCENARIOS:-gate gate-acl nginx direct}  # each variant v adds "gate@v"
RESULTS_JSON=${RESULTS_JSON:-$HERE/results/latest.json}
RESULTS_MD=${RESULTS_MD:-}            # also write a markdown report here (the committed results files)
PASSWORD=benchpass                    # basic-auth password of the access-list scenario (loopback only)

count_cpus() { python3 -c 'import sys; n=0
for p in sys.argv[1].split(","):
    a,_,b=p.partition("-"); n+= (int(b)-int(a)+1) if b else 1
print(n)' "$1"; }
NGINX_WORKERS=${NGINX_WORKERS:-$( [[ $PIN == 1 ]] && count_cpus "$PROXY_CPUS" || nproc )}

for tool in nginx wrk curl python3 taskset; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done

# ---- process bookkeeping and helpers (start_bg, stop_pid, render, http_code, wait_for_200, rss_kb, ...) ------------------
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

# ---- build the gate if needed ----------------------------------------------------------------------------------------
if [[ ! -x $GATE_BIN || ${BUILD:-0} == 1 ]]; then
    echo "bench: publishing the gate to $(dirname "$GATE_BIN")" >&2
    (cd "$REPO" && dotnet publish src/HomelabGate -c Release -o "$(dirname "$GATE_BIN")" >/dev/null)
fi

# ---- the shared backend ----------------------------------------------------------------------------------------------
mkdir -p "$WORK/backend"
render "$HERE/templates/backend.nginx.conf" "$WORK/backend/nginx.conf" DIR="$WORK/backend" BACKEND_PORT="$BACKEND_PORT"
start_bg "$BACKEND_CPUS" "$WORK/backend/stdout.log" nginx -c "$WORK/backend/nginx.conf" -p "$WORK/backend" -e "$WORK/backend/backend.err"
BACKEND_PID=$LAST_PID
wait_for_200 "http://127.0.0.1:$BACKEND_PORT/" app.bench.test

BENCH_HASH=$(echo "$PASSWORD" | "$GATE_BIN" hash-password)
BASIC_AUTH="Basic $(printf 'bench:%s' "$PASSWORD" | base64)"

# ---- gates: "default" plus one per GATE_VARIANTS entry ----------------------------------------------------------------
declare -A GATE_PORTS GATE_ADMINS GATE_ENVS GATE_PIDS
GATE_NAMES=(default)
GATE_ENVS[default]=""
i=0
for spec in $GATE_VARIANTS; do
    i=$((i + 1)); name=${spec%%:*}
    GATE_NAMES+=("$name"); GATE_ENVS[$name]=${spec#*:}; GATE_ENVS[$name]=${GATE_ENVS[$name]//,/ }
    SCENARIOS="$SCENARIOS gate@$name"
done
i=0
for name in "${GATE_NAMES[@]}"; do
    GATE_PORTS[$name]=$((GATE_PORT + 10 * i)); GATE_ADMINS[$name]=$((GATE_ADMIN_PORT + 10 * i)); i=$((i + 1))
done

prepare_gate_dir() { # prepare_gate_dir DIR NAME
    mkdir -p "$1"
    render "$HERE/templates/gate.yaml" "$1/homelab.yaml" GATE_PORT="${GATE_PORTS[$2]}" GATE_ADMIN_PORT="${GATE_ADMINS[$2]}" \
        BACKEND_PORT="$BACKEND_PORT" BENCH_HASH="$BENCH_HASH"
}
start_gate() { # start_gate DIR NAME -> LAST_PID
    # A variant may name another build with GATE_BIN=PATH (before/after comparisons); the rest is its environment.
    local bin=$GATE_BIN kv envs=()
    for kv in ${GATE_ENVS[$2]}; do
        if [[ $kv == GATE_BIN=* ]]; then bin=${kv#GATE_BIN=}; else envs+=("$kv"); fi
    done
    # shellcheck disable=SC2086 # GATE_ENV is a word list of KEY=VALUE
    start_bg "$PROXY_CPUS" "$1/gate.log" env $GATE_ENV "${envs[@]}" "$bin" run -f "$1/homelab.yaml" --state-dir "$1/data"
}

# ---- cold start: process start -> first proxied 200 (fresh state dir each time) ---------------------------------------
STARTUP_GATE_MS=() STARTUP_NGINX_MS=()
for ((s = 1; s <= STARTUP_REPS; s++)); do
    dir="$WORK/start-gate-$s"; prepare_gate_dir "$dir" default
    t0=$(now_us); start_gate "$dir" default; pid=$LAST_PID
    wait_for_200 "http://127.0.0.1:$GATE_PORT/" app.bench.test; t1=$(now_us)
    STARTUP_GATE_MS+=("$(( (t1 - t0) / 1000 ))"); stop_pid "$pid"; forget_pid "$pid"; rm -rf "$dir"

    dir="$WORK/start-nginx-$s"; mkdir -p "$dir"
    render "$HERE/templates/proxy.nginx.conf" "$dir/nginx.conf" DIR="$dir" BACKEND_PORT="$BACKEND_PORT" NGINX_PORT="$NGINX_PORT" NGINX_WORKERS="$NGINX_WORKERS"
    t0=$(now_us); start_bg "$PROXY_CPUS" "$dir/stdout.log" nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/nginx.err"; pid=$LAST_PID
    wait_for_200 "http://127.0.0.1:$NGINX_PORT/" app.bench.test; t1=$(now_us)
    STARTUP_NGINX_MS+=("$(( (t1 - t0) / 1000 ))"); stop_pid "$pid"; forget_pid "$pid"; rm -rf "$dir"
done

# ---- the proxies under test, kept running for the load phase -----------------------------------------------------------
for name in "${GATE_NAMES[@]}"; do
    prepare_gate_dir "$WORK/gate-$name" "$name"; start_gate "$WORK/gate-$name" "$name"; GATE_PIDS[$name]=$LAST_PID
    wait_for_200 "http://127.0.0.1:${GATE_PORTS[$name]}/" app.bench.test # one at a time: starts compete for the core
done
mkdir -p "$WORK/nginx"
render "$HERE/templates/proxy.nginx.conf" "$WORK/nginx/nginx.conf" DIR="$WORK/nginx" BACKEND_PORT="$BACKEND_PORT" NGINX_PORT="$NGINX_PORT" NGINX_WORKERS="$NGINX_WORKERS"
start_bg "$PROXY_CPUS" "$WORK/nginx/stdout.log" nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx/nginx.err"
NGINX_PID=$LAST_PID

# target SCENARIO -> URL HOST AUTH PROC (PROC: whose CPU time and memory count as "the proxy")
target() {
    local name=${1#*@}; [[ $1 == *@* ]] || name=default
    AUTH=""; HOST=app.bench.test
    case ${1%@*} in
        gate) URL="http://127.0.0.1:${GATE_PORTS[$name]}/"; PROC="gate:$name" ;;
        gate-acl) URL="http://127.0.0.1:${GATE_PORTS[$name]}/"; HOST=acl.bench.test; AUTH=$BASIC_AUTH; PROC="gate:$name" ;;
        nginx) URL="http://127.0.0.1:$NGINX_PORT/"; PROC=nginx ;;
        direct) URL="http://127.0.0.1:$BACKEND_PORT/"; PROC=backend ;;
        *) echo "bench: unknown scenario $1" >&2; exit 1 ;;
    esac
}
proc_pids() {
    case $1 in
        gate:*) echo "${GATE_PIDS[${1#gate:}]}" ;;
        nginx) with_children "$NGINX_PID" ;;
        backend) with_children "$BACKEND_PID" ;;
    esac
}

for sc in $SCENARIOS; do
    target "$sc"; wait_for_200 "$URL" "$HOST" "$AUTH"
done
# The access list must refuse a wrong password, or the acl scenario measures nothing.
if [[ " $SCENARIOS " == *" gate-acl "* ]]; then
    target gate-acl
    [[ $(http_code "$URL" "$HOST" "Basic $(printf 'bench:wrong' | base64)") == 401 ]] || { echo "bench: access list did not refuse a wrong password" >&2; exit 1; }
fi

declare -A RSS_IDLE
for name in "${GATE_NAMES[@]}"; do RSS_IDLE[gate:$name]=$(rss_kb "${GATE_PIDS[$name]}"); done
RSS_IDLE[nginx]=$(rss_kb $(proc_pids nginx))

run_wrk() { # run_wrk SECONDS SCENARIO -> prints wrk's JSON line
    target "$2"
    local args=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$HERE/lib/report.lua" -H "Host: $HOST")
    [[ -n $AUTH ]] && args+=(-H "Authorization: $AUTH")
    local TIMEFORMAT='%U %S' # wrk's own CPU seconds go to $WORK/wrk.time (to tell our load from other tenants')
    { time pin "$WRK_CPUS" wrk "${args[@]}" "$URL" >"$WORK/wrk.out"; } 2>"$WORK/wrk.time"
    grep '^{' "$WORK/wrk.out" | tail -1
}

# ---- load: warm up each scenario once, then REPS interleaved rounds ----------------------------------------------------
RUNS="$WORK/runs.jsonl"; : >"$RUNS"
CLK_TCK=$(getconf CLK_TCK)
echo "bench: warm-up ${WARMUP}s per scenario: $SCENARIOS" >&2
for sc in $SCENARIOS; do run_wrk "$WARMUP" "$sc" >/dev/null; done
for ((rep = 1; rep <= REPS; rep++)); do
    for sc in $SCENARIOS; do
        target "$sc"; pids=$(proc_pids "$PROC")
        bpids=$(proc_pids backend); [[ $PROC == backend ]] && bpids=""
        stat0=$(grep '^cpu[0-9]' /proc/stat | tr '\n' ';'); ticks0=$(cpu_ticks $pids); bticks0=$(cpu_ticks $bpids)
        run_wrk "$DURATION" "$sc" >"$WORK/line"
        stat1=$(grep '^cpu[0-9]' /proc/stat | tr '\n' ';'); ticks1=$(cpu_ticks $pids); bticks1=$(cpu_ticks $bpids)
        line=$(cat "$WORK/line"); read -r wrk_user wrk_sys <"$WORK/wrk.time"
        printf '{"scenario":"%s","rep":%d,"wrk":%s,"proxy_ticks":%d,"backend_ticks":%d,"wrk_cpu_s":%s,"clk_tck":%d,"stat0":"%s","stat1":"%s"}\n' \
            "$sc" "$rep" "$line" "$((ticks1 - ticks0))" "$((bticks1 - bticks0))" "$(awk -v u="$wrk_user" -v s="$wrk_sys" 'BEGIN { print u + s }')" "$CLK_TCK" "$stat0" "$stat1" >>"$RUNS"
        echo "bench: rep $rep/$REPS $sc: $(python3 -c 'import json,sys; w=json.loads(sys.argv[1]); print(round(w["requests"]/w["duration_us"]*1e6), "req/s")' "$line")" >&2
    done
done

# ---- memory after load, machine facts, summary -------------------------------------------------------------------------
META="$WORK/meta.json"
{
    echo "{"
    echo "\"command\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${BENCH_COMMAND:-bench/run.sh}"),"
    echo "\"date\": \"$(date -u +%FT%TZ)\", \"nproc\": $(nproc),"
    echo "\"cpu_model\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')\","
    echo "\"kernel\": \"$(uname -r)\", \"nginx\": \"$(nginx -v 2>&1 | cut -d/ -f2)\","
    echo "\"wrk\": \"$(wrk -v 2>&1 | head -1 | awk '{print $2}')\","
    echo "\"dotnet\": \"$(dotnet --list-runtimes 2>/dev/null | awk '/NETCore.App/ {v=$2} END {print v}')\","
    echo "\"gate_commit\": \"$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)\","
    echo "\"config\": {\"reps\": $REPS, \"duration_s\": $DURATION, \"warmup_s\": $WARMUP, \"connections\": $CONNECTIONS, \"wrk_threads\": $WRK_THREADS,"
    echo "  \"pin\": $PIN, \"wrk_cpus\": \"$WRK_CPUS\", \"backend_cpus\": \"$BACKEND_CPUS\", \"proxy_cpus\": \"$PROXY_CPUS\", \"nginx_workers\": $NGINX_WORKERS,"
    echo "  \"gate_env\": \"$GATE_ENV\", \"gate_variants\": \"$GATE_VARIANTS\", \"scenarios\": \"$SCENARIOS\"},"
    echo "\"startup_ms\": {\"gate\": [$(IFS=,; echo "${STARTUP_GATE_MS[*]}")], \"nginx\": [$(IFS=,; echo "${STARTUP_NGINX_MS[*]}")]},"
    echo "\"rss_kb\": {"
    for name in "${GATE_NAMES[@]}"; do
        echo "  \"gate:$name\": {\"idle\": ${RSS_IDLE[gate:$name]}, \"after_load\": $(rss_kb "${GATE_PIDS[$name]}")},"
    done
    echo "  \"nginx\": {\"idle\": ${RSS_IDLE[nginx]}, \"after_load\": $(rss_kb $(proc_pids nginx))}"
    echo "}}"
} >"$META"
mkdir -p "$(dirname "$RESULTS_JSON")"
python3 "$HERE/lib/summarize.py" "$META" "$RUNS" "$RESULTS_JSON" "$RESULTS_MD"
