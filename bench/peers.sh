#!/usr/bin/env bash
# The gate against nginx, Caddy and HAProxy on loopback: plain HTTP/1.1 keep-alive, HTTPS keep-alive and new TLS
# handshakes per second, interleaved, medians of REPS; plus start -> first proxied 200, RSS, proxy CPU and req/s per
# proxy core. Everything on 127.0.0.1; every process started here is stopped by pid on exit. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

# ---- knobs ------------------------------------------------------------------------------------------------------------
QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then _reps=1 _dur=3 _warm=1 _starts=1 _hs=500; else _reps=3 _dur=10 _warm=4 _starts=3 _hs=2000; fi
REPS=${REPS:-$_reps}
DURATION=${DURATION:-$_dur}           # seconds per wrk run
WARMUP=${WARMUP:-$_warm}              # unrecorded seconds of load per scenario before rep 1
STARTUP_REPS=${STARTUP_REPS:-$_starts}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-1}
HS_REQUESTS=${HS_REQUESTS:-$_hs}      # handshake scenario: h2load -n HS_REQUESTS -c HS_CLIENTS -m 1, a new TLS
HS_CLIENTS=${HS_CLIENTS:-20}          # connection per request (HTTP/1.1 + Connection: close)
PEERS=${PEERS:-gate nginx caddy haproxy}
GATE_VARIANTS=${GATE_VARIANTS:-}      # "NAME:GATE_BIN=/path/gate,KEY=VAL ..." -> extra peers gate@NAME (another build or env)
TLS=${TLS:-1}                         # 0: plain HTTP scenarios only
KINDS=${KINDS:-plain tls h2 hs res lat} # which scenario kinds run (see README); plain and tls as before
H2_CLIENTS=${H2_CLIENTS:-32}          # h2 kind: h2load -c H2_CLIENTS -m H2_STREAMS for DURATION s
H2_STREAMS=${H2_STREAMS:-10}
LAT_RPS=${LAT_RPS:-8000}              # lat kind: the same fixed load for every peer (h2load --h1 --rps), req/s in total
LAT_CLIENTS=${LAT_CLIENTS:-16}
PROXY_WORKERS=${PROXY_WORKERS:-1}     # nginx worker_processes, HAProxy nbthread, Caddy GOMAXPROCS
PORT_BASE=${PORT_BASE:-18280}         # peer i: HTTP PORT_BASE+i, HTTPS PORT_BASE+10+i; gate admin PORT_BASE+1000
BACKEND_PORT=${BACKEND_PORT:-18200}
PIN=${PIN:-1}
WRK_CPUS=${WRK_CPUS:-0}
BACKEND_CPUS=${BACKEND_CPUS:-0}
PROXY_CPUS=${PROXY_CPUS:-1}
GATE_BIN=${GATE_BIN:-/tmp/bench-gate-out/gate}
BARE_YARP_BIN=${BARE_YARP_BIN:-/tmp/bench-bare-yarp/bare-yarp} # the `yarp` peer: bench/bare-yarp, published on demand
BARE_YARP_AOT_BIN=${BARE_YARP_AOT_BIN:-/tmp/bench-bare-yarp-aot/bare-yarp} # `yarp@aot`: the same, Native AOT like the gate
QUIET_AFTER=${QUIET_AFTER:-15}           # seconds without load before the last memory reading
MAX_LOAD=${MAX_LOAD:-3}               # wait for the 1-minute load average to drop below this ...
QUIET_WAIT=${QUIET_WAIT:-0}           # ... for up to this many seconds (0: do not wait)
RESULTS_JSON=${RESULTS_JSON:-$HERE/results/latest-peers.json}
RESULTS_MD=${RESULTS_MD:-}

for tool in nginx wrk curl python3 taskset openssl; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done
declare -A VARIANT_BIN VARIANT_ENV
for v in $GATE_VARIANTS; do
    name=${v%%:*}; VARIANT_BIN[gate@$name]=$GATE_BIN; VARIANT_ENV[gate@$name]=""
    IFS=, read -ra kvs <<<"${v#*:}"
    for kv in "${kvs[@]}"; do
        if [[ $kv == GATE_BIN=* ]]; then VARIANT_BIN[gate@$name]=${kv#GATE_BIN=}; else VARIANT_ENV[gate@$name]+=" $kv"; fi
    done
    PEERS="$PEERS gate@$name"
done
for p in $PEERS; do
    case $p in
        caddy) command -v caddy >/dev/null || { echo "bench: caddy is not installed (apt-get install -y caddy)" >&2; exit 1; } ;;
        haproxy) command -v haproxy >/dev/null || { echo "bench: haproxy is not installed (apt-get install -y haproxy)" >&2; exit 1; } ;;
    esac
done
if [[ $TLS == 1 ]]; then command -v h2load >/dev/null || { echo "bench: h2load is not installed (nghttp2-client)" >&2; exit 1; }; fi

# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
export BENCH_LIB="$HERE/lib"

# publish_missing BIN PROJECT WHAT [MSBUILD ARGS...]: publish PROJECT next to BIN when BIN is missing or BUILD=1
publish_missing() {
    local bin=$1 project=$2 what=$3; shift 3
    if [[ ! -x $bin || ${BUILD:-0} == 1 ]]; then
        echo "bench: publishing $what to $(dirname "$bin")" >&2
        (cd "$REPO" && dotnet publish "$project" -c Release "$@" -o "$(dirname "$bin")" >/dev/null)
    fi
}
publish_missing "$GATE_BIN" src/HomelabGate "the gate"
if [[ " $PEERS " == *" yarp "* ]]; then publish_missing "$BARE_YARP_BIN" bench/bare-yarp "bench/bare-yarp"; fi
# Published the way the gate is (src/HomelabGate/HomelabGate.csproj), so gate / yarp@aot is our layers' cost alone.
if [[ " $PEERS " == *" yarp@aot "* ]]; then
    publish_missing "$BARE_YARP_AOT_BIN" bench/bare-yarp "bench/bare-yarp as Native AOT" \
        -p:PublishAot=true -p:PublishReadyToRun=false -p:SelfContained=true -p:OptimizationPreference=Speed
fi

# ---- ports, certificate, backend --------------------------------------------------------------------------------------
declare -A HTTP_PORT HTTPS_PORT PEER_PID ADMIN_OFFSET RSS_IDLE RSS_AFTER RSS_QUIET RSS_PEAK
i=0
for p in $PEERS; do HTTP_PORT[$p]=$((PORT_BASE + i)); HTTPS_PORT[$p]=$((PORT_BASE + 10 + i)); ADMIN_OFFSET[$p]=$i; i=$((i + 1)); done
GATE_ADMIN_PORT=$((PORT_BASE + 1000))
require_free_ports "$BACKEND_PORT" "$GATE_ADMIN_PORT" "${HTTP_PORT[@]}" "${HTTPS_PORT[@]}"
if [[ $QUIET_WAIT -gt 0 ]]; then wait_quiet "$MAX_LOAD" "$QUIET_WAIT"; fi
mkdir -p "$WORK/tls" "$WORK/backend"
make_cert "$WORK/tls" bench

render "$HERE/templates/backend.nginx.conf" "$WORK/backend/nginx.conf" DIR="$WORK/backend" BACKEND_PORT="$BACKEND_PORT"
start_bg "$BACKEND_CPUS" "$WORK/backend/stdout.log" nginx -c "$WORK/backend/nginx.conf" -p "$WORK/backend" -e "$WORK/backend/backend.err"
BACKEND_PID=$LAST_PID
wait_for_200 "http://127.0.0.1:$BACKEND_PORT/" app.bench.test

# start_peer PEER DIR -> LAST_PID (a fresh DIR: config rendered from templates/peers/, state inside DIR)
start_peer() {
    local p=$1 dir=$2
    mkdir -p "$dir"
    local common=(DIR="$dir" HTTP_PORT="${HTTP_PORT[$p]}" HTTPS_PORT="${HTTPS_PORT[$p]}" BACKEND_PORT="$BACKEND_PORT"
        CERT="$WORK/tls/bench.crt" KEY="$WORK/tls/bench.key" PEM="$WORK/tls/bench.pem" WORKERS="$PROXY_WORKERS")
    case $p in
        gate|gate@*)
            render "$HERE/templates/peers/gate.yaml" "$dir/homelab.yaml" "${common[@]}" ADMIN_PORT="$((GATE_ADMIN_PORT + ${ADMIN_OFFSET[$p]}))"
            # shellcheck disable=SC2086 # the variant's KEY=VAL words
            start_bg "$PROXY_CPUS" "$dir/gate.log" env ${VARIANT_ENV[$p]:-} "${VARIANT_BIN[$p]:-$GATE_BIN}" run -f "$dir/homelab.yaml" --state-dir "$dir/data" ;;
        nginx)
            render "$HERE/templates/peers/nginx.conf" "$dir/nginx.conf" "${common[@]}"
            start_bg "$PROXY_CPUS" "$dir/stdout.log" nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/nginx.err" ;;
        caddy)
            render "$HERE/templates/peers/Caddyfile" "$dir/Caddyfile" "${common[@]}" GOMAXPROCS="$PROXY_WORKERS"
            start_bg "$PROXY_CPUS" "$dir/caddy.log" env GOMAXPROCS="$PROXY_WORKERS" HOME="$dir" XDG_DATA_HOME="$dir/xdg-data" \
                XDG_CONFIG_HOME="$dir/xdg-config" caddy run --config "$dir/Caddyfile" --adapter caddyfile ;;
        haproxy)
            render "$HERE/templates/peers/haproxy.cfg" "$dir/haproxy.cfg" "${common[@]}"
            start_bg "$PROXY_CPUS" "$dir/haproxy.log" haproxy -db -f "$dir/haproxy.cfg" ;;
        yarp|yarp@aot) # the floor: Kestrel + YARP's forwarder alone, tuned like the gate (bench/bare-yarp/Program.cs)
            local bin=$BARE_YARP_BIN; [[ $p == yarp@aot ]] && bin=$BARE_YARP_AOT_BIN
            start_bg "$PROXY_CPUS" "$dir/yarp.log" "$bin" "${HTTP_PORT[$p]}" "${HTTPS_PORT[$p]}" \
                "http://127.0.0.1:$BACKEND_PORT" "$WORK/tls/bench.crt" "$WORK/tls/bench.key" ;;
        *) echo "bench: unknown peer $p" >&2; exit 1 ;;
    esac
}

# ---- cold start: process start -> first proxied 200 over plain HTTP, fresh directory each time -------------------------
declare -A STARTUP_MS
for ((s = 1; s <= STARTUP_REPS; s++)); do
    for p in $PEERS; do
        dir="$WORK/start-$p-$s"
        t0=$(now_us); start_peer "$p" "$dir"; pid=$LAST_PID
        wait_for_200 "http://127.0.0.1:${HTTP_PORT[$p]}/" app.bench.test; t1=$(now_us)
        STARTUP_MS[$p]="${STARTUP_MS[$p]:+${STARTUP_MS[$p]},}$(( (t1 - t0) / 1000 ))"
        kill -0 "$pid" 2>/dev/null || { echo "bench: $p exited during its start-up run" >&2; exit 1; }
        stop_pid "$pid"; forget_pid "$pid"; rm -rf "$dir"
    done
done

# ---- the peers under test, all kept running (idle ones sit on the proxy core too, the same for each) --------------------
for p in $PEERS; do
    start_peer "$p" "$WORK/$p"; PEER_PID[$p]=$LAST_PID
    wait_for_200 "http://127.0.0.1:${HTTP_PORT[$p]}/" app.bench.test
    if [[ $TLS == 1 ]]; then wait_for_200 "https://127.0.0.1:${HTTPS_PORT[$p]}/" app.bench.test; fi
done
for p in $PEERS; do # each one must still be alive and own its ports (nobody else answering in its place)
    kill -0 "${PEER_PID[$p]}" 2>/dev/null || { echo "bench: $p exited; log in $WORK/$p" >&2; exit 1; }
done

has_kind() { [[ " $KINDS " == *" $1 "* ]]; }
SCENARIOS=""
if has_kind plain; then SCENARIOS="$PEERS direct"; fi
if [[ $TLS == 1 ]]; then
    for kind in tls h2 hs res; do
        if has_kind $kind; then for p in $PEERS; do SCENARIOS="$SCENARIOS $p-$kind"; done; fi
    done
fi
if has_kind lat; then for p in $PEERS; do SCENARIOS="$SCENARIOS $p-lat"; done; fi

# target SCENARIO -> KIND (wrk|hs) URL PORT PROC
target() {
    local p=${1%-*}
    KIND=wrk
    case $1 in
        direct) URL="http://127.0.0.1:$BACKEND_PORT/"; PORT=$BACKEND_PORT; PROC=backend; return ;;
        *-tls) PORT=${HTTPS_PORT[$p]}; URL="https://app.bench.test:$PORT/" ;;
        *-hs|*-h2|*-res) KIND=${1##*-}; PORT=${HTTPS_PORT[$p]}; URL="https://app.bench.test:$PORT/" ;;
        *-lat) KIND=lat; PORT=${HTTP_PORT[$p]}; URL="http://app.bench.test:$PORT/" ;;
        *) p=$1; PORT=${HTTP_PORT[$p]}; URL="http://127.0.0.1:$PORT/" ;;
    esac
    PROC=$p
}
proc_pids() { if [[ $1 == backend ]]; then with_children "$BACKEND_PID"; else with_children "${PEER_PID[$1]}"; fi; }
sleep 2 # idle memory: after the first requests (above), before any load
for p in $PEERS; do RSS_IDLE[$p]=$(rss_kb $(proc_pids "$p")); done

# run_load SECONDS SCENARIO -> one JSON line in wrk's report.lua shape (h2load's numbers mapped onto it)
run_load() {
    target "$2"
    local TIMEFORMAT='%U %S'
    if [[ $KIND == wrk ]]; then
        local args=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$HERE/lib/peers.lua" -H "Host: app.bench.test")
        { time pin "$WRK_CPUS" wrk "${args[@]}" "$URL" >"$WORK/load.out"; } 2>"$WORK/load.time"
        grep '^{' "$WORK/load.out" | tail -1
    elif [[ $KIND == res ]]; then
        # TLS 1.3 resumption: s_time reuses the first connection's session (ticket) for every later one; -www reads a
        # response, so the tickets the server sends after the handshake arrive. Resumed connections are counted.
        # s_time sends no server name: each peer answers with its only (or default) certificate.
        local t0; t0=$(now_us)
        { time pin "$WRK_CPUS" openssl s_time -connect "127.0.0.1:$PORT" -tls1_3 -reuse \
            -www / -time "$1" >"$WORK/load.out" 2>&1; } 2>"$WORK/load.time"
        python3 "$HERE/lib/stime_json.py" "$WORK/load.out" "$(( $(now_us) - t0 ))"
    else
        rm -f "$WORK/h2load.log"
        local args=(--connect-to="127.0.0.1:$PORT" --log-file="$WORK/h2load.log")
        case $KIND in
            hs) args+=(--h1 -n "$HS_REQUESTS" -c "$HS_CLIENTS" -m 1 -H 'Connection: close') ;;
            h2) args+=(-D "$1" -c "$H2_CLIENTS" -m "$H2_STREAMS") ;;
            # Host comes from the URL (with --connect-to): an -H Host: on top makes a second Host header, a 400.
            lat) args+=(--h1 -D "$1" -c "$LAT_CLIENTS" -m 1 --rps "$((LAT_RPS / LAT_CLIENTS))") ;;
        esac
        local bound=$(( $1 + 30 )); [[ $KIND == hs ]] && bound=300
        # h2load 1.52 sometimes spins after "Stopped all clients" (seen with --rps on a busy machine): bounded, and
        # h2load_json.py then counts its per-request log instead of the summary it never printed.
        { time pin "$WRK_CPUS" timeout -s INT -k 5 "$bound" h2load "${args[@]}" "$URL" >"$WORK/load.out" || true; } 2>"$WORK/load.time"
        python3 "$HERE/lib/h2load_json.py" "$WORK/load.out" "$WORK/h2load.log"
    fi
}

# ---- load -------------------------------------------------------------------------------------------------------------
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
RUNS="$WORK/runs.jsonl"; : >"$RUNS"
CLK_TCK=$(getconf CLK_TCK)
echo "bench: warm-up per scenario: $SCENARIOS" >&2
for sc in $SCENARIOS; do run_load "$WARMUP" "$sc" >/dev/null; done
for ((rep = 1; rep <= REPS; rep++)); do
    for sc in $SCENARIOS; do
        target "$sc"; pids=$(proc_pids "$PROC")
        bpids=$(proc_pids backend); [[ $PROC == backend ]] && bpids=""
        stat0=$(grep '^cpu[0-9]' /proc/stat | tr '\n' ';'); ticks0=$(cpu_ticks $pids); bticks0=$(cpu_ticks $bpids)
        run_load "$DURATION" "$sc" >"$WORK/line"
        stat1=$(grep '^cpu[0-9]' /proc/stat | tr '\n' ';'); ticks1=$(cpu_ticks $pids); bticks1=$(cpu_ticks $bpids)
        line=$(cat "$WORK/line"); read -r load_user load_sys <"$WORK/load.time"
        printf '{"scenario":"%s","rep":%d,"wrk":%s,"proxy_ticks":%d,"backend_ticks":%d,"wrk_cpu_s":%s,"clk_tck":%d,"stat0":"%s","stat1":"%s","loadavg":"%s"}\n' \
            "$sc" "$rep" "$line" "$((ticks1 - ticks0))" "$((bticks1 - bticks0))" "$(awk -v u="$load_user" -v s="$load_sys" 'BEGIN { print u + s }')" \
            "$CLK_TCK" "$stat0" "$stat1" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RUNS"
        echo "bench: rep $rep/$REPS $sc: $(python3 -c 'import json,sys; w=json.loads(sys.argv[1]); print(round(w["requests"]/w["duration_us"]*1e6), "req/s")' "$line")" >&2
    done
done
LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)
for p in $PEERS; do RSS_AFTER[$p]=$(rss_kb $(proc_pids "$p")); RSS_PEAK[$p]=$(peak_rss_kb $(proc_pids "$p")); done
# and once the load has been gone a while (the gate gives its heap's free pages back when quiet: IdleHeapTrimmer)
sleep "$QUIET_AFTER"
for p in $PEERS; do RSS_QUIET[$p]=$(rss_kb $(proc_pids "$p")); done

# ---- memory after load, machine facts, summary ------------------------------------------------------------------------
META="$WORK/meta.json"
{
    echo "{"
    echo "\"command\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${BENCH_COMMAND:-bench/peers.sh}"),"
    echo "\"date\": \"$(date -u +%FT%TZ)\", \"nproc\": $(nproc),"
    echo "\"cpu_model\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')\","
    echo "\"mem_total\": \"$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)\","
    echo "\"kernel\": \"$(uname -r)\", \"os\": \"$(. /etc/os-release; echo "$PRETTY_NAME")\","
    echo "\"versions\": {\"nginx\": \"$(nginx -v 2>&1 | cut -d/ -f2)\", \"caddy\": \"$(caddy version 2>/dev/null | awk '{print $1}')\","
    echo "  \"haproxy\": \"$(haproxy -v 2>/dev/null | head -1 | awk '{print $3}')\", \"wrk\": \"$(wrk -v 2>&1 | head -1 | awk '{print $2}')\","
    echo "  \"h2load\": \"$(h2load --version 2>/dev/null | awk '{print $2}')\", \"openssl\": \"$(openssl version | awk '{print $2}')\","
    echo "  \"dotnet\": \"$(dotnet --list-runtimes 2>/dev/null | awk '/NETCore.App/ {v=$2} END {print v}')\"},"
    echo "\"gate_commit\": \"$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)\","
    echo "\"loadavg\": {\"start\": \"$LOAD_AT_START\", \"end\": \"$LOAD_AT_END\", \"waited_s\": ${QUIET_WAIT_S:-0}, \"max_load\": $MAX_LOAD},"
    echo "\"config\": {\"reps\": $REPS, \"duration_s\": $DURATION, \"warmup_s\": $WARMUP, \"connections\": $CONNECTIONS, \"wrk_threads\": $WRK_THREADS,"
    echo "  \"hs_requests\": $HS_REQUESTS, \"hs_clients\": $HS_CLIENTS, \"proxy_workers\": $PROXY_WORKERS,"
    echo "  \"h2_clients\": $H2_CLIENTS, \"h2_streams\": $H2_STREAMS, \"lat_rps\": $LAT_RPS, \"quiet_after_s\": $QUIET_AFTER, \"lat_clients\": $LAT_CLIENTS, \"kinds\": \"$KINDS\", \"gate_variants\": \"$GATE_VARIANTS\","
    echo "  \"pin\": $PIN, \"wrk_cpus\": \"$WRK_CPUS\", \"backend_cpus\": \"$BACKEND_CPUS\", \"proxy_cpus\": \"$PROXY_CPUS\","
    echo "  \"peers\": \"$PEERS\", \"scenarios\": \"$SCENARIOS\"},"
    echo "\"startup_ms\": {$(first=1; for p in $PEERS; do [[ $first == 1 ]] || printf ', '; first=0; printf '"%s": [%s]' "$p" "${STARTUP_MS[$p]:-}"; done)},"
    echo "\"rss_kb\": {$(first=1; for p in $PEERS; do [[ $first == 1 ]] || printf ', '; first=0; printf '"%s": {"idle": %s, "peak": %s, "after_load": %s, "after_quiet": %s}' "$p" "${RSS_IDLE[$p]}" "${RSS_PEAK[$p]}" "${RSS_AFTER[$p]}" "${RSS_QUIET[$p]}"; done)}"
    echo "}"
} >"$META"
mkdir -p "$(dirname "$RESULTS_JSON")"
python3 "$HERE/lib/peers_summary.py" "$META" "$RUNS" "$RESULTS_JSON" "$RESULTS_MD"
