# Shared helpers for every bench script (run.sh, tls/run.sh, peers.sh, reload.sh).
# Source after setting PIN (1 = pin with taskset). Defines WORK (a temp dir removed on exit) and PIDS (stopped on exit).
# shellcheck shell=bash

WORK=$(mktemp -d /tmp/homelabgate-bench.XXXXXX)
PIDS=()
stop_pid() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    [[ ${KEEP_WORK:-0} == 1 ]] && echo "bench: kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pin() { local cpus=$1; shift; if [[ $PIN == 1 ]]; then taskset -c "$cpus" "$@"; else "$@"; fi; }
# start_bg CPUS LOG CMD...: start in the background (taskset and env exec, so $! is the real process), remember the pid.
start_bg() {
    local cpus=$1 log=$2; shift 2
    if [[ $PIN == 1 ]]; then taskset -c "$cpus" "$@" >"$log" 2>&1 & else "$@" >"$log" 2>&1 & fi
    LAST_PID=$!; PIDS+=("$LAST_PID")
}
forget_pid() { local keep=() p; for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done; PIDS=("${keep[@]}"); }

render() { # render TEMPLATE OUT KEY=VALUE...: replaces @KEY@
    local template=$1 out=$2; shift 2
    python3 - "$template" "$out" "$@" <<'PY'
import sys
text = open(sys.argv[1]).read()
for kv in sys.argv[3:]:
    k, v = kv.split("=", 1)
    text = text.replace("@" + k + "@", v)
open(sys.argv[2], "w").write(text)
PY
}

http_code() { # http_code URL HOST [AUTH]  (https: --insecure, SNI = HOST via --resolve)
    local args=(-s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $2")
    [[ -n ${3:-} ]] && args+=(-H "Authorization: $3")
    local url=$1
    if [[ $url == https://* ]]; then
        local port=${url#https://127.0.0.1:}; port=${port%%/*}
        args+=(--insecure --resolve "$2:$port:127.0.0.1"); url="https://$2:$port/"
    fi
    curl "${args[@]}" "$url" || true
}
wait_for_200() { # wait_for_200 URL HOST [AUTH] -> polls every 10 ms, up to a minute
    local i
    for ((i = 0; i < 6000; i++)); do
        [[ $(http_code "$@") == 200 ]] && return 0
        sleep 0.01
    done
    echo "bench: $1 (Host: $2) never answered 200; last log lines:" >&2
    find "$WORK" -name '*.log' -o -name '*.err' | while read -r f; do echo "== $f" >&2; tail -5 "$f" >&2; done
    return 1
}
rss_kb() { local total=0 p kb; for p in "$@"; do kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0); total=$((total + ${kb:-0})); done; echo "$total"; }
# peak_rss_kb PID...: the sum of each process's peak resident set so far (VmHWM)
peak_rss_kb() { local total=0 p kb; for p in "$@"; do kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0); total=$((total + ${kb:-0})); done; echo "$total"; }
with_children() { echo "$1" $(pgrep -P "$1" || true); }
cpu_ticks() { local total=0 p; for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# make_cert DIR NAME: a throwaway self-signed ECDSA P-256 certificate for app.bench.test and *.bench.test
# (DIR/NAME.crt, DIR/NAME.key with mode 0600 as the gate demands, DIR/NAME.pem = cert + key for HAProxy).
make_cert() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=bench-$2" \
        -addext "subjectAltName=DNS:app.bench.test,DNS:*.bench.test" -keyout "$1/$2.key" -out "$1/$2.crt" 2>/dev/null
    chmod 600 "$1/$2.key"
    cat "$1/$2.crt" "$1/$2.key" >"$1/$2.pem"
}

# wait_quiet MAX_LOAD MAX_SECONDS: poll the 1-minute load average until it is below MAX_LOAD (or give up).
# Sets QUIET_WAIT_S and LOAD_AT_START.
wait_quiet() {
    local max=$1 limit=$2 t0=$SECONDS l
    while :; do
        l=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$l" -v m="$max" 'BEGIN { exit !(l < m) }'; then break; fi
        (( SECONDS - t0 >= limit )) && { echo "bench: load average still $l after ${limit}s, running anyway" >&2; break; }
        echo "bench: load average $l >= $max, waiting (up to ${limit}s)" >&2
        sleep 15
    done
    QUIET_WAIT_S=$((SECONDS - t0)); LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
}

# require_free_ports PORT...: refuse to start when something (another engineer's run, a stray process) already listens
# on one of our loopback ports; it would answer in our place and the numbers would be someone else's.
require_free_ports() {
    local p busy=()
    for p in "$@"; do ss -Hltn "sport = :$p" | grep -q . && busy+=("$p"); done
    if ((${#busy[@]})); then
        echo "bench: port(s) ${busy[*]} already in use on this machine; pick others (PORT_BASE=..., BACKEND_PORT=...)" >&2
        ss -Hltnp | grep -E ":($(IFS='|'; echo "${busy[*]}"))\b" >&2 || true
        exit 1
    fi
}
