#!/usr/bin/env python3
"""A manifest with N hosts (default 1000) for timing `gate validate` and `gate plan`: every host a plain proxy to one of
N/10 upstream pools of two targets, every tenth with an access list, every fifth with headers; one local CA, one
wildcard certificate and DNS records for every host in a hosts file. Usage: big_manifest.py OUT_DIR [N]"""
import os
import sys


def main():
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    pools = max(1, n // 10)
    lines = ["version: 1", "settings:", '  listen: { http: "127.0.0.1:18880", https: "127.0.0.1:18890" }',
             '  admin: "127.0.0.1:18899"', "  defaultCertificate: wild",
             "issuers: { local: { type: local-ca } }",
             'certificates: { wild: { issuer: local, domains: ["*.big.test", big.test] } }',
             "dns:", f'  provider: {{ type: hosts-file, path: "{os.path.join(out, "hosts")}" }}',
             "  auto: { target: 127.0.0.1 }",
             "accessLists:", '  lan: { allow: ["127.0.0.0/8", "192.168.0.0/16"] }', "upstreams:"]
    for p in range(pools):
        lines.append(f'  pool{p}: {{ targets: ["http://127.0.0.{1 + p % 250}:{8000 + p}", "http://127.0.0.{1 + p % 250}:{9000 + p}"] }}')
    lines.append("hosts:")
    for h in range(n):
        lines += [f"  svc{h}:", f"    domains: [svc{h}.big.test]", f"    upstream: pool{h % pools}"]
        if h % 10 == 0:
            lines.append("    accessList: lan")
        if h % 5 == 0:
            lines.append('    headers: { response: { add: { X-Robots-Tag: "noindex" } } }')
    os.makedirs(out, exist_ok=True)
    open(os.path.join(out, "hosts"), "a").close()
    with open(os.path.join(out, "homelab.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
