#!/usr/bin/env bash
# One-time set-up on Debian 12: the system packages the daemon and the tests use, then a published `gate` in ./out
# (Native AOT: clang links it; zlib is not needed, .NET links its own).
set -euo pipefail
cd "$(dirname "$0")"
packages=(clang git python3 iproute2 util-linux curl openssl apache2-utils ca-certificates libnss3-tools pebble bind9 bind9-dnsutils dnsmasq-base nginx-light wrk nghttp2-client lego chromium systemd etcd-server etcd-client)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  # As root (a container, a root-only machine) apt-get runs directly; as a user, through sudo for apt-get alone, so the
  # build below stays owned by that user.
  if [ "$(id -u)" -eq 0 ]; then as_root=(env)
  elif command -v sudo >/dev/null 2>&1; then as_root=(sudo env)
  else echo "setup.sh: run as root, or as a user who may use sudo, to install: ${missing[*]}" >&2; exit 1; fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
dotnet publish src/HomelabGate -c Release -o out --nologo -v quiet
echo "setup.sh: ready. Start the daemon with: ./out/gate run"
