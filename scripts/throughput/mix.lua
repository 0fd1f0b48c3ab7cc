-- wrk script for scripts/throughput.sh: the same mix against both services,
-- one request in three of each kind (a 200, a 404 problem, a 429 problem),
-- in a fixed rotation per thread.
local paths = { "/items/1", "/items/7", "/limited" }
local next_path = 0

request = function()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end

done = function(summary, latency, _)
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    -- One line for throughput.sh: requests/s, p50 and p99 in microseconds,
    -- socket errors. Non-2xx answers are expected (two kinds in three).
    io.write(string.format("THROUGHPUT rps=%.1f p50=%d p99=%d socket_errors=%d\n",
        summary.requests / seconds, latency:percentile(50), latency:percentile(99), errors))
end
