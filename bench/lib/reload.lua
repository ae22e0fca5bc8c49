-- wrk script for reload.sh: counts 2xx and non-2xx responses per thread, stamps the first 200 non-2xx responses with
-- wall-clock milliseconds (LuaJIT ffi gettimeofday) so they can be matched to manifest edits, and prints one JSON line
-- with those plus wrk's own socket error counters (connect/read/write/timeout) and latency percentiles.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + math.floor(tonumber(tv.tv_usec) / 1000)
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

ok, bad, bad_log = 0, 0, ""
function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    if bad <= 200 then bad_log = bad_log .. string.format('[%d,%d],', now_ms(), status) end
  end
end

function done(summary, latency, requests)
  local oks, bads, logs = 0, 0, {}
  for _, t in ipairs(threads) do
    oks = oks + t:get("ok"); bads = bads + t:get("bad")
    local l = t:get("bad_log"); if l ~= "" then table.insert(logs, l:sub(1, -2)) end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"ok_2xx":%d,"non_2xx":%d,"non_2xx_first":[%s],' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d}\n',
    summary.requests, summary.duration, oks, bads, table.concat(logs, ","),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
