#!/usr/bin/env python3
"""Start-up and memory of gate builds, interleaved, outside bench/peers.sh: wall and CPU time from process start to the
first proxied 200 (plain HTTP; the gate pinned to cpu 1), then one HTTPS request, then the resident set split into heap
(Anonymous) and the executable's clean file pages (Private_Clean) 10 s later, once the idle trimmer has run.
A backend must answer 200 on 127.0.0.1:$BACKEND_PORT (18900); the gate listens on 18950-18952.
Usage: start_composition.py NAME=GATE_BIN... (bench/results/2026-11-28-schema-cost.md)"""
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPS = int(os.environ.get("REPS", "5"))


def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")


def smaps_mib(pid):
    values = {}
    for line in open(f"/proc/{pid}/smaps_rollup"):
        parts = line.split()
        if parts[0] in ("Rss:", "Anonymous:", "Private_Clean:"):
            values[parts[0][:-1]] = int(parts[1]) // 1024
    return values


def main():
    work = tempfile.mkdtemp(prefix="homelabgate-start.")
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", f"{work}/k.pem", "-out", f"{work}/c.pem", "-days", "2", "-subj", "/CN=app.bench.test",
                        "-addext", "subjectAltName=DNS:app.bench.test"], check=True, capture_output=True)
        manifest = open(f"{HERE}/../templates/peers/gate.yaml").read()
        for key, value in dict(HTTP_PORT="18950", HTTPS_PORT="18951", ADMIN_PORT="18952", CERT=f"{work}/c.pem",
                               KEY=f"{work}/k.pem", BACKEND_PORT=os.environ.get("BACKEND_PORT", "18900")).items():
            manifest = manifest.replace(f"@{key}@", value)
        tls = ssl.create_default_context()
        tls.check_hostname = False
        tls.verify_mode = ssl.CERT_NONE
        variants = dict(arg.split("=", 1) for arg in sys.argv[1:])
        runs = {name: [] for name in variants}
        for _ in range(REPS):
            for name, binary in variants.items():
                run = f"{work}/run"
                shutil.rmtree(run, ignore_errors=True)
                os.makedirs(run)
                open(f"{run}/homelab.yaml", "w").write(manifest)
                t0 = time.monotonic()
                gate = subprocess.Popen(["taskset", "-c", "1", binary, "run", "-f", f"{run}/homelab.yaml", "--state-dir", f"{run}/data"],
                                        stdout=open(f"{run}/log", "w"), stderr=subprocess.STDOUT)
                try:
                    while True:
                        try:
                            if urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:18950/", headers={"Host": "app.bench.test"}), timeout=1).status == 200:
                                break
                        except OSError:
                            if gate.poll() is not None or time.monotonic() - t0 > 30:
                                raise SystemExit(f"{name} did not serve; log in {run}/log")
                            time.sleep(0.001)
                    wall, cpu = (time.monotonic() - t0) * 1000, cpu_ms(gate.pid)
                    urllib.request.urlopen(urllib.request.Request("https://127.0.0.1:18951/", headers={"Host": "app.bench.test"}), context=tls, timeout=2)
                    time.sleep(10)
                    m = smaps_mib(gate.pid)
                    runs[name].append((wall, cpu, m["Rss"], m["Anonymous"], m["Private_Clean"]))
                finally:
                    gate.terminate()
                    gate.wait()
        for name, rows in runs.items():
            med = [statistics.median(r[i] for r in rows) for i in range(5)]
            print(f"{name:10} start {med[0]:.0f} ms (CPU {med[1]:.0f} ms); RSS {med[2]:.0f} MiB = heap {med[3]:.0f} + "
                  f"executable pages {med[4]:.0f} (+ shared); starts {[round(r[0]) for r in rows]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
