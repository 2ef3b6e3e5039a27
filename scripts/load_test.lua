-- wrk script for `make load-test`: GET the paths listed in $LOAD_PATHS (one per line) in turn,
-- each thread starting at its own offset, and print percentiles and errors at the end.
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end

local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7)
  threads = threads + 1
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[((counter + (offset or 0)) % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "requests %d in %.1f s: %.1f req/s; latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; " ..
    "errors: connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
