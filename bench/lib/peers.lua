-- wrk script for peers.sh: report.lua's JSON line, plus a resolver override so that an https URL can carry the real
-- name (app.bench.test, sent as SNI and Host) while connecting to 127.0.0.1. wrk calls wrk.resolve(host, port) once
-- before starting; no DNS or /etc/hosts entry is needed.
local lookup = wrk.lookup
wrk.resolve = function(host, service)
  wrk.addrs = lookup(os.getenv("BENCH_CONNECT_HOST") or "127.0.0.1", service)
end
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
