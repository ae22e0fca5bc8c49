#!/usr/bin/env bash
# Issue 14's table in one command: every row as gate / nginx from one interleaved run (bench/peers.sh: plain, HTTPS,
# HTTP/2, new and resumed TLS handshakes, p99 at a fixed load, start-up, memory; HAProxy and Caddy as extra columns where
# installed), then a 1,000-host manifest through `gate validate` and `gate plan`, then manifest saves under load
# (bench/reload.sh). GATE_VARIANTS adds other builds or settings of the gate as columns (e.g. the build before a change).
# Everything on 127.0.0.1; every process is stopped by pid on exit. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
QUICK=${QUICK:-0}
GATE_BIN=${GATE_BIN:-/tmp/bench-gate-out/gate}
GATE_VARIANTS=${GATE_VARIANTS:-}
MANIFEST_HOSTS=${MANIFEST_HOSTS:-1000}
MANIFEST_REPS=${MANIFEST_REPS:-$([[ $QUICK == 1 ]] && echo 1 || echo 5)}
RELOAD_EDITS=${RELOAD_EDITS:-$([[ $QUICK == 1 ]] && echo 6 || echo 30)}
RELOAD_SECONDS=${RELOAD_SECONDS:-$([[ $QUICK == 1 ]] && echo 20 || echo 45)}
RESULTS_MD=${RESULTS_MD:-}
RESULTS_JSON=${RESULTS_JSON:-$HERE/results/latest-goals.json}
export BENCH_COMMAND=${BENCH_COMMAND:-"bench/goals.sh${GATE_VARIANTS:+ (GATE_VARIANTS=\"$GATE_VARIANTS\")}"}

if [[ ! -x $GATE_BIN || ${BUILD:-0} == 1 ]]; then
    echo "bench: publishing the gate to $(dirname "$GATE_BIN")" >&2
    (cd "$REPO" && dotnet publish src/HomelabGate -c Release -o "$(dirname "$GATE_BIN")" >/dev/null)
fi
OUT=$(mktemp -d /tmp/homelabgate-goals.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
# yarp: bench/bare-yarp, the floor of Kestrel + YARP alone (ReadyToRun); yarp@aot: the same floor built as the gate is
peers="gate nginx yarp yarp@aot"
for p in haproxy caddy; do command -v "$p" >/dev/null && peers="$peers $p"; done

echo "bench: 1/3 peers (bench/peers.sh: $peers${GATE_VARIANTS:+ + variants})" >&2
PEERS=${PEERS:-$peers} GATE_BIN=$GATE_BIN GATE_VARIANTS=$GATE_VARIANTS RESULTS_JSON=$OUT/peers.json RESULTS_MD=$OUT/peers.md \
    "$HERE/peers.sh" >"$OUT/peers.txt"

echo "bench: 2/3 a $MANIFEST_HOSTS-host manifest: gate validate, gate plan ($MANIFEST_REPS interleaved runs each)" >&2
python3 "$HERE/lib/big_manifest.py" "$OUT/manifest" "$MANIFEST_HOSTS"
gates=("gate=$GATE_BIN")
for v in $GATE_VARIANTS; do # only variants that are another build: an environment does not reach these two steps
    IFS=, read -ra kvs <<<"${v#*:}"
    for kv in "${kvs[@]}"; do [[ $kv == GATE_BIN=* ]] && gates+=("gate@${v%%:*}=${kv#GATE_BIN=}"); done
done
python3 "$HERE/lib/manifest_timing.py" "$OUT/manifest.json" "$MANIFEST_REPS" "$OUT/manifest/homelab.yaml" "$OUT/manifest-state" "${gates[@]}" >&2

echo "bench: 3/3 $RELOAD_EDITS manifest saves under load (bench/reload.sh), per gate build" >&2
reloads=()
for g in "${gates[@]}"; do
    name=${g%%=*}
    EDITS=$RELOAD_EDITS LOAD_SECONDS=$RELOAD_SECONDS GATE_BIN=${g#*=} RESULTS_JSON="$OUT/reload-$name.json" "$HERE/reload.sh" >"$OUT/reload-$name.txt"
    reloads+=("$name=$OUT/reload-$name.json")
done

python3 "$HERE/lib/goals_summary.py" "$OUT/peers.json" "$OUT/manifest.json" "$RESULTS_JSON" "${RESULTS_MD:-}" "$OUT/peers.txt" "${reloads[@]}"
