#!/usr/bin/env bash
# Basic-auth timing: does a wrong password take as long for an unknown user as for a known one? (If not, user names
# can be found by timing.) Starts one gate on loopback with a bcrypt user (cost COST, made by `gate hash-password`),
# sends ROUNDS interleaved pairs of logins (known user + wrong password, unknown user + wrong password) with curl, and
# prints both medians and their ratio. Every process it starts is stopped by pid on exit. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
ROUNDS=${ROUNDS:-20}
COST=${COST:-12}
GATE_PORT=${GATE_PORT:-18480}
GATE_ADMIN_PORT=${GATE_ADMIN_PORT:-19480}
GATE_BIN=${GATE_BIN:-/tmp/bench-gate-out/gate}
PIN=0

for tool in curl python3; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"
require_free_ports "$GATE_PORT" "$GATE_ADMIN_PORT"

if [[ ! -x $GATE_BIN || ${BUILD:-0} == 1 ]]; then
    echo "bench: publishing the gate to $(dirname "$GATE_BIN")" >&2
    (cd "$REPO" && dotnet publish src/HomelabGate -c Release -o "$(dirname "$GATE_BIN")" >/dev/null)
fi

HASH=$(echo "right-password" | "$GATE_BIN" hash-password --cost "$COST")
cat >"$WORK/homelab.yaml" <<YAML
version: 1
settings:
  stateDir: $WORK/state
  listen: { http: "127.0.0.1:$GATE_PORT" }
  admin: "127.0.0.1:$GATE_ADMIN_PORT"
  accessLog: false
accessLists:
  family:
    users:
      alice: "$HASH"
hosts:
  private:
    domains: [private.bench.test]
    respond: { body: "ok" }
    accessList: family
YAML
start_bg 0 "$WORK/gate.log" "$GATE_BIN" run -f "$WORK/homelab.yaml"
wait_for_200 "http://127.0.0.1:$GATE_PORT/" private.bench.test "Basic $(printf 'alice:right-password' | base64)"

login_ms() { # login_ms USER PASSWORD -> milliseconds until the 401
    curl -s -o /dev/null -w '%{time_total}' -H "Host: private.bench.test" -u "$1:$2" "http://127.0.0.1:$GATE_PORT/" |
        awk '{ printf "%.1f\n", $1 * 1000 }'
}
known=() unknown=()
for ((i = 0; i < ROUNDS; i++)); do
    known+=("$(login_ms alice "wrong-$i")")
    unknown+=("$(login_ms "nobody-$i" "wrong-$i")")
done
python3 - "${known[*]}" "${unknown[*]}" "$COST" "$ROUNDS" <<'PY'
import statistics, sys
known = [float(x) for x in sys.argv[1].split()]
unknown = [float(x) for x in sys.argv[2].split()]
k, u = statistics.median(known), statistics.median(unknown)
print(f"bcrypt cost {sys.argv[3]}, {sys.argv[4]} rounds: known user, wrong password: median {k:.1f} ms; "
      f"unknown user: median {u:.1f} ms; unknown/known = {u / k:.2f}")
PY
