#!/usr/bin/env python3
"""The edit loop of bench/reload.sh.

  reload_driver.py init  CONFIG_JSON            write version 0 of the manifest
  reload_driver.py edits CONFIG_JSON OUT_DIR    rewrite the manifest EDITS times (temp file + rename, like an editor)

Every version N has host probe-N.bench.test (and not probe-(N-1)): that is the "add/remove a host" of every edit and
the route whose first 200 marks the edit as served. On top, edits rotate by kind: `host` (only that), `pool` (the
upstream pool of app.bench.test and the probe moves one step along [b1] -> [b1,b2] -> [b2] -> [b1,b2] -> [b1]) and
`cert` (certificate c swaps between two certificate files, a and b). After each save it waits, bounded, for
(1) the first 200 from probe-N over plain HTTP, polled with a new connection every POLL_MS -- the time from save
(the rename) to the new route being served; (2) /api/status servingManifestHash == SHA-256 of the bytes written;
(3) for cert edits, a new TLS handshake to app.bench.test that presents the new file's certificate; (4) the old probe
host no longer being routed (not 200), and the new probe answering 200 over HTTPS too.
Meanwhile a sentinel thread sends one request every SENTINEL_MS to app.bench.test on a new connection (alternating
plain HTTP and HTTPS, so new TLS handshakes run across every certificate swap) and records any failure with its
wall-clock time. Writes OUT_DIR/edits.jsonl and OUT_DIR/sentinel.json."""
import hashlib
import http.client
import json
import os
import socket
import ssl
import sys
import threading
import time

POOLS = [["b1"], ["b1", "b2"], ["b2"], ["b1", "b2"]]
KINDS = ["host", "pool", "cert"]


def render(cfg, version, pool_idx, cert):
    text = open(cfg["template"]).read()
    ports = {"b1": cfg["backend1_port"], "b2": cfg["backend2_port"]}
    pool = ", ".join(f'"http://127.0.0.1:{ports[t]}"' for t in POOLS[pool_idx])
    fields = {"VERSION": str(version), "POOL": pool, "HTTP_PORT": str(cfg["http_port"]), "HTTPS_PORT": str(cfg["https_port"]),
              "ADMIN_PORT": str(cfg["admin_port"]), "CERT": cfg["certs"][cert]["crt"], "KEY": cfg["certs"][cert]["key"]}
    for k, v in fields.items():
        text = text.replace("@" + k + "@", v)
    return text.encode()


def save(path, data, version):
    """Like an editor: write a temp file in the same folder, flush, fsync, rename over the manifest."""
    tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{version}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, path)


def http_status(port, host, timeout=2.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", "/", headers={"Host": host})
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


def tls_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def https_get(port, host, ctx, timeout=2.0):
    """New TCP + TLS connection with SNI=host; returns (status, sha256 of the presented leaf certificate)."""
    raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s = ctx.wrap_socket(raw, server_hostname=host)
    try:
        fp = hashlib.sha256(s.getpeercert(binary_form=True)).hexdigest()
        s.sendall(f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
        return status, fp
    finally:
        s.close()


def status_hash(admin_port):
    c = http.client.HTTPConnection("127.0.0.1", admin_port, timeout=2.0)
    try:
        c.request("GET", "/api/status")
        return (json.loads(c.getresponse().read()).get("servingManifestHash") or "").lower()
    finally:
        c.close()


def same_hash(served, expected):
    served = served.split(":")[-1]
    return served == expected or (len(served) >= 12 and expected.startswith(served))


def poll(fn, deadline, interval):
    """Call fn until it returns a true value or the deadline passes; returns (value, monotonic time of success, tries)."""
    tries = 0
    last = None
    while time.monotonic() < deadline:
        tries += 1
        try:
            last = fn()
            if last:
                return last, time.monotonic(), tries
        except (OSError, http.client.HTTPException, ValueError):
            pass
        time.sleep(interval)
    return None, None, tries


def cert_fingerprint(pem_path):
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(open(pem_path).read())).hexdigest()


class Sentinel(threading.Thread):
    def __init__(self, cfg, ctx, fingerprints):
        super().__init__(daemon=True)
        self.cfg, self.ctx, self.fps = cfg, ctx, fingerprints
        self.stop = threading.Event()
        self.counts = {"http": 0, "https": 0}
        self.failures = []

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            kind = "https" if n % 2 == 0 else "http"
            t = time.time()
            try:
                if kind == "http":
                    st, fp = http_status(self.cfg["http_port"], "app.bench.test"), None
                else:
                    st, fp = https_get(self.cfg["https_port"], "app.bench.test", self.ctx)
                if st != 200 or (fp is not None and fp not in self.fps):
                    self.failures.append({"t": t, "kind": kind, "status": st, "unknown_cert": fp is not None and fp not in self.fps})
            except Exception as e:  # noqa: BLE001 -- every failure is the finding
                self.failures.append({"t": t, "kind": kind, "error": f"{type(e).__name__}: {e}"})
            self.counts[kind] += 1
            self.stop.wait(self.cfg["sentinel_ms"] / 1000)


def main():
    mode, cfg = sys.argv[1], json.load(open(sys.argv[2]))
    if mode == "init":
        save(cfg["manifest"], render(cfg, 0, 0, "a"), 0)
        return
    out = sys.argv[3]
    ctx = tls_context()
    fps = {name: cert_fingerprint(c["crt"]) for name, c in cfg["certs"].items()}
    sentinel = Sentinel(cfg, ctx, set(fps.values()))
    sentinel.start()
    time.sleep(cfg.get("lead_s", 0))
    pool_idx, cert = 0, "a"
    timeout, interval = cfg["edit_timeout_s"], cfg["poll_ms"] / 1000
    with open(os.path.join(out, "edits.jsonl"), "w") as log:
        for v in range(1, cfg["edits"] + 1):
            kind = KINDS[(v - 1) % len(KINDS)]
            if kind == "pool":
                pool_idx = (pool_idx + 1) % len(POOLS)
            elif kind == "cert":
                cert = "b" if cert == "a" else "a"
            data = render(cfg, v, pool_idx, cert)
            expected = hashlib.sha256(data).hexdigest()
            save(cfg["manifest"], data, v)
            t0, wall0 = time.monotonic(), time.time()
            deadline = t0 + timeout
            rec = {"version": v, "kind": kind, "pool": "+".join(POOLS[pool_idx]), "cert": cert, "saved_at": wall0}
            ok, t_route, tries = poll(lambda: http_status(cfg["http_port"], f"probe-{v}.bench.test", 1.0) == 200, deadline, interval)
            rec["route_ms"] = round((t_route - t0) * 1000, 1) if ok else None
            rec["route_polls"] = tries
            ok, t_hash, _ = poll(lambda: same_hash(status_hash(cfg["admin_port"]), expected), deadline, interval)
            rec["hash_ms"] = round((t_hash - t0) * 1000, 1) if ok else None
            if kind == "cert":
                ok, t_cert, _ = poll(lambda: https_get(cfg["https_port"], "app.bench.test", ctx)[1] == fps[cert], deadline, interval)
                rec["cert_ms"] = round((t_cert - t0) * 1000, 1) if ok else None
            try:
                rec["old_probe_status"] = http_status(cfg["http_port"], f"probe-{v - 1}.bench.test")
            except Exception as e:  # noqa: BLE001
                rec["old_probe_status"] = f"{type(e).__name__}: {e}"
            try:
                st, fp = https_get(cfg["https_port"], f"probe-{v}.bench.test", ctx)
                rec["new_probe_https"] = st
                rec["new_probe_cert_ok"] = fp == fps[cert]
            except Exception as e:  # noqa: BLE001
                rec["new_probe_https"] = f"{type(e).__name__}: {e}"
            rec["applied"] = rec["route_ms"] is not None and rec["hash_ms"] is not None and rec.get("cert_ms", 0) is not None
            rec["done_at"] = time.time()
            log.write(json.dumps(rec) + "\n")
            log.flush()
            print(f"reload: edit {v}/{cfg['edits']} {kind:<4} route {rec['route_ms']} ms, hash {rec['hash_ms']} ms"
                  + (f", cert {rec.get('cert_ms')} ms" if kind == "cert" else "")
                  + ("" if rec["applied"] else "  NOT APPLIED"), file=sys.stderr, flush=True)
            time.sleep(cfg.get("gap_ms", 0) / 1000)
    time.sleep(cfg.get("tail_s", 0))
    sentinel.stop.set()
    sentinel.join()
    with open(os.path.join(out, "sentinel.json"), "w") as f:
        json.dump({"counts": sentinel.counts, "failures": sentinel.failures, "interval_ms": cfg["sentinel_ms"]}, f)


if __name__ == "__main__":
    main()
