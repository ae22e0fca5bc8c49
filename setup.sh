#!/usr/bin/env bash
# One-time set-up on Debian 12: the system packages the daemon and the tests use, then a published `gate` in ./out.
set -euo pipefail
cd "$(dirname "$0")"
packages=(git python3 iproute2 util-linux curl openssl apache2-utils ca-certificates libnss3-tools pebble bind9 bind9-dnsutils dnsmasq-base nginx-light wrk nghttp2-client lego chromium systemd etcd-server etcd-client)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "setup.sh: run as root to install: ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
dotnet publish src/HomelabGate -c Release -o out --nologo -v quiet
echo "setup.sh: ready. Start the daemon with: ./out/gate run"
