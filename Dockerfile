# syntax=docker/dockerfile:1
# HomelabGate: one manifest for a homelab's reverse proxy, certificates and DNS.
#
#   docker build -t homelabgate .
#   docker compose up -d            # see docker-compose.yml and deploy/README.md
#
# Tests that keep this file honest: tests/HomelabGate.EndToEnd.Tests/Shipping/ (the paths below must match what
# `dotnet publish` produces, and the published app is started exactly as ENTRYPOINT + CMD + ENV say, as a non-root user).

# ---- build ----------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT links the executable with the platform toolchain: clang (zlib is not needed, .NET links its own copy).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore from the project files alone, so editing a .cs file does not download the packages again.
# Every project that src/HomelabGate references (directly or not) must be listed here; a test checks it.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/HomelabGate/HomelabGate.csproj src/HomelabGate/
COPY src/HomelabGate.Core/HomelabGate.Core.csproj src/HomelabGate.Core/
COPY src/HomelabGate.Proxy/HomelabGate.Proxy.csproj src/HomelabGate.Proxy/
COPY src/HomelabGate.Certificates/HomelabGate.Certificates.csproj src/HomelabGate.Certificates/
COPY src/HomelabGate.Dns/HomelabGate.Dns.csproj src/HomelabGate.Dns/
COPY src/HomelabGate.Acme/HomelabGate.Acme.csproj src/HomelabGate.Acme/
COPY src/HomelabGate.Import/HomelabGate.Import.csproj src/HomelabGate.Import/
COPY src/HomelabGate.Cluster/HomelabGate.Cluster.csproj src/HomelabGate.Cluster/
# _IsPublishing, as `dotnet publish` sets it: the restore then includes the Native AOT compiler and runtime packs for
# this machine's runtime identifier (HomelabGate.csproj), which the publish below needs with --no-restore.
RUN dotnet restore src/HomelabGate/HomelabGate.csproj -p:_IsPublishing=true

# The schema is embedded into HomelabGate.Core (../../schema/homelab.schema.json).
COPY schema/ schema/
COPY src/ src/
# Native AOT for the build machine's architecture (amd64 or arm64): one self-contained executable, /app/gate.
RUN dotnet publish src/HomelabGate -c Release -o /app --no-restore --nologo

# ---- runtime --------------------------------------------------------------------------------------------------------
# .NET 10's default images are Ubuntu 24.04 ("noble"); they define the non-root user `app` (APP_UID=1654). A Native
# AOT executable needs no .NET runtime, only the native libraries runtime-deps carries (libc, OpenSSL for TLS).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime

# curl: the image has no HTTP client, and a health check must ask the running daemon (`gate validate` only reads the
# file, so it cannot tell a hung daemon from a healthy one). libcap2-bin: setcap, below (kept: `getcap /app/gate`).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl libcap2-bin \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app /app

# Ports 80 and 443 as a non-root user. Chosen: a file capability on the apphost, set HERE in the runtime stage:
#  - COPY --from does not carry the security.capability xattr (moby/moby#38132, moby/buildkit#2250), and a chown
#    clears it, so a setcap in the build stage would silently be lost.
#  - Docker >= 20.10 and Podman already set net.ipv4.ip_unprivileged_port_start=0 in a container's own network
#    namespace, but not with `network_mode: host` (common in homelabs) nor in Kubernetes (CRI-O); the capability
#    covers those. (The alternative, ASPNETCORE_HTTP_PORTS=8080 and publishing 80:8080, would not work here anyway:
#    HomelabGate binds what the manifest's settings.listen says.)
#  - Caveat: a runtime that removes NET_BIND_SERVICE from the bounding set (`cap_drop: [ALL]` without
#    `cap_add: [NET_BIND_SERVICE]`) makes exec fail with "operation not permitted". With `no-new-privileges` the file
#    capability is ignored; binding still works on a bridge network thanks to the sysctl above.
RUN setcap cap_net_bind_service=+ep /app/gate \
 && mkdir -p /config /data \
 && chown "$APP_UID:$APP_UID" /data

# HOMELABGATE_STATE_DIR: the local CA, certificates, keys and the last applied state live in /data (a volume).
# HOMELABGATE_POLL=1: poll the manifest instead of inotify, for mounts without change events (NFS, CIFS, some Docker
#   Desktop file sharing). 0 = inotify.
# ASPNETCORE_HTTP_PORTS is set to 8080 by the base image; HomelabGate binds settings.listen itself, and an inherited
#   value only produces a misleading "Overriding address(es) 'http://*:8080'" warning, so it is cleared.
ENV HOMELABGATE_STATE_DIR=/data \
    HOMELABGATE_POLL=0 \
    ASPNETCORE_HTTP_PORTS=

# Mount the manifest's FOLDER read-only at /config (`./config:/config:ro`), not the single file: a bind-mounted file
# keeps the old inode after an editor's rename-on-save (or a `git pull`), so the daemon would never see the change.
VOLUME ["/data"]

# The manifest decides what is bound; for the container it should say listen.http 0.0.0.0:80, listen.https
# 0.0.0.0:443. The admin listener (settings.admin, default 127.0.0.1:9180) is deliberately not exposed.
EXPOSE 80 443

USER $APP_UID

# Asks the admin listener's /healthz at its documented default, 127.0.0.1:9180, from inside the container (loopback,
# so no token is needed unless settings.adminToken is set; then pass the same token as HOMELABGATE_ADMIN_TOKEN).
# If the manifest moves settings.admin to another port, override the health check (compose: `healthcheck: test:`).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS --max-time 4 -o /dev/null ${HOMELABGATE_ADMIN_TOKEN:+-H "Authorization: Bearer $HOMELABGATE_ADMIN_TOKEN"} http://127.0.0.1:9180/healthz || exit 1

# SIGTERM (Docker's default stop signal) drains in-flight requests for up to 10 s and exits 0: give `docker stop` more
# than that (`stop_grace_period: 15s` in compose, `docker stop -t 15`). `docker kill -s HUP` reloads now.
ENTRYPOINT ["/app/gate"]
CMD ["run", "-f", "/config/homelab.yaml"]
