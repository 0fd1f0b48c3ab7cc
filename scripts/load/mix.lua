-- wrk script for scripts/load.sh: a fixed mix of request kinds against the
-- demo API, each response checked against what its kind must get.
--
-- Pairing a response with its request: wrk calls request() and response()
-- per thread, not per connection. load.sh gives every thread exactly one
-- connection (-t N -c N) without pipelining, so at most one request is
-- outstanding per thread and the next response answers it. When request()
-- is called while one is still outstanding, that one will never be answered
-- (wrk calls request() once on the first thread to inspect the script before
-- sending anything, and again after a reconnect), so it is replaced, not
-- queued.
--
-- done() prints one `LOAD key=value ...` line for load.sh to parse, then the
-- responses by kind and status, and the first few mismatches.

local ITEMS = tonumber(os.getenv("LOAD_ITEMS") or "10")

-- Problem titles are the registry's reason phrases.
local TITLES = {
    [400] = "Bad Request",
    [401] = "Unauthorized",
    [403] = "Forbidden",
    [404] = "Not Found",
    [406] = "Not Acceptable",
    [429] = "Too Many Requests",
    [500] = "Internal Server Error",
}

-- Words a masked 5xx must not carry: the SQL error, the panic message.
local LEAKS = { "sqlite", "no such table", "attachments", "panic", "deliberate" }

local JSON_BODY = { ["Content-Type"] = "application/json" }

-- name, weight (out of 100), the request, and the statuses it may get: "json"
-- for a JSON success, otherwise the problem `code` that status must carry.
local KINDS = {
    {
        name = "get_item", weight = 40, expect = { [200] = "json" },
        build = function(n) return wrk.format("GET", "/items/" .. (n % ITEMS + 1)) end,
    },
    {
        name = "list", weight = 8, expect = { [200] = "json" },
        build = function(n) return wrk.format("GET", "/items?per_page=5&page=" .. (n % 2 + 1)) end,
    },
    {
        name = "health", weight = 4, expect = { [200] = "json" },
        build = function() return wrk.format("GET", "/health") end,
    },
    {
        name = "missing_item", weight = 15, expect = { [404] = "item_not_found" },
        build = function(n) return wrk.format("GET", "/items/" .. (1000000 + n)) end,
    },
    {
        name = "bad_parameter", weight = 5, expect = { [400] = "invalid_query" },
        build = function() return wrk.format("GET", "/items?page=zero") end,
    },
    {
        -- Changes spend the client's rate-limit tokens (20, then 5 per s):
        -- past the burst, the limiter answers before the body is read.
        name = "bad_json", weight = 10,
        expect = { [400] = "malformed_body", [429] = "rate_limited" },
        build = function() return wrk.format("POST", "/items", JSON_BODY, '{"name":') end,
    },
    {
        name = "unauthenticated", weight = 5, expect = { [401] = "unauthenticated" },
        build = function() return wrk.format("GET", "/admin/stats") end,
    },
    {
        name = "forbidden", weight = 3, expect = { [403] = "forbidden" },
        build = function()
            return wrk.format("GET", "/admin/stats", { ["Authorization"] = "Bearer user-token" })
        end,
    },
    {
        name = "not_acceptable", weight = 3, expect = { [406] = "not_acceptable" },
        build = function()
            return wrk.format("GET", "/items/1", { ["Accept"] = "application/xml" })
        end,
    },
    {
        name = "database_error", weight = 5, expect = { [500] = "internal" },
        build = function() return wrk.format("GET", "/items/1/attachments") end,
    },
    {
        name = "panic", weight = 2, expect = { [500] = "internal_error" },
        build = function() return wrk.format("GET", "/debug/panic") end,
    },
}

-- 100 slots by weight, visited with a stride coprime to 100 so that the
-- kinds interleave instead of coming in runs.
local schedule = {}
for index, kind in ipairs(KINDS) do
    for _ = 1, kind.weight do
        schedule[#schedule + 1] = index
    end
end
assert(#schedule == 100, "the weights add up to 100")

-- Per thread (each thread runs its own copy of this script).
local counter = 0
local outstanding = nil
counts = {}
mismatches = 0
samples = {}
replaced = 0

function request()
    counter = counter + 1
    if outstanding ~= nil then
        replaced = replaced + 1
    end
    outstanding = schedule[(counter * 37) % 100 + 1]
    return KINDS[outstanding].build(counter)
end

-- What status-core's extractors and ProblemLayer answer on their own: the
-- built-in framework problems, whose type is about:blank.
local FRAMEWORK = { invalid_query = true, malformed_body = true, internal_error = true }

local function check(kind, status, headers, body)
    local want = kind.expect[status]
    if want == nil then
        return "unexpected status " .. status
    end
    local content_type = headers["content-type"]
    if want == "json" then
        if content_type ~= "application/json" then
            return "content type " .. tostring(content_type) .. " on a " .. status
        end
        if body:sub(1, 1) ~= "{" then
            return "a " .. status .. " body that is not a JSON object"
        end
        return nil
    end
    if content_type ~= "application/problem+json" then
        return "content type " .. tostring(content_type) .. " on a " .. status
    end
    -- The derive writes the five members in this order, strings escaped.
    local problem_type, title, member_status, detail, code = body:match(
        '^{"type":"([^"]*)","title":"([^"]*)","status":(%d+),"detail":"(.-)","code":"([^"]*)"}$')
    if problem_type == nil then
        return "not a problem+json body: " .. body:sub(1, 160)
    end
    if tonumber(member_status) ~= status then
        return "status member " .. member_status .. " on a " .. status
    end
    local want_type = FRAMEWORK[want] and "about:blank" or "/errors#" .. want
    if code ~= want or problem_type ~= want_type then
        return "code " .. code .. " / type " .. problem_type .. ", expected " .. want
    end
    if title ~= TITLES[status] then
        return "title " .. title .. " on a " .. status
    end
    if detail == "" then
        return "an empty detail"
    end
    if status >= 500 then
        if detail ~= "Internal Server Error" then
            return "a 5xx detail that is not masked: " .. detail
        end
        local lower = body:lower()
        for _, word in ipairs(LEAKS) do
            if lower:find(word, 1, true) then
                return "a 5xx body that says " .. word
            end
        end
    end
    if status == 401 and headers["www-authenticate"] ~= 'Bearer realm="demo"' then
        return "a 401 without the Bearer challenge"
    end
    if status == 429 and not tostring(headers["retry-after"]):match("^%d+$") then
        return "a 429 without Retry-After"
    end
    return nil
end

function response(status, headers, body)
    local index = outstanding
    outstanding = nil
    if index == nil then
        mismatches = mismatches + 1
        if #samples < 5 then
            samples[#samples + 1] = "a response to no outstanding request"
        end
        return
    end
    local kind = KINDS[index]
    local key = kind.name .. " " .. status
    counts[key] = (counts[key] or 0) + 1
    local problem = check(kind, status, headers, body)
    if problem ~= nil then
        mismatches = mismatches + 1
        if #samples < 5 then
            samples[#samples + 1] = kind.name .. ": " .. problem
        end
    end
end

-- In the main script state: the threads, to collect their counters.
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function done(summary, latency, requests)
    local total, all_mismatches, all_samples, all_replaced = {}, 0, {}, 0
    for _, thread in ipairs(threads) do
        all_mismatches = all_mismatches + thread:get("mismatches")
        all_replaced = all_replaced + thread:get("replaced")
        for key, count in pairs(thread:get("counts")) do
            total[key] = (total[key] or 0) + count
        end
        for _, sample in ipairs(thread:get("samples")) do
            if #all_samples < 10 then
                all_samples[#all_samples + 1] = sample
            end
        end
    end
    local checked = 0
    local keys = {}
    for key, count in pairs(total) do
        checked = checked + count
        keys[#keys + 1] = key
    end
    table.sort(keys)
    local errors = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "LOAD requests=%d checked=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
            .. "max_ms=%.2f mismatches=%d socket_errors=%d unanswered=%d\n",
        summary.requests, checked, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, all_mismatches,
        errors.connect + errors.read + errors.write + errors.timeout, all_replaced))
    io.write("responses by kind and status:\n")
    for _, key in ipairs(keys) do
        io.write(string.format("  %-22s %9d\n", key, total[key]))
    end
    for _, sample in ipairs(all_samples) do
        io.write("mismatch: " .. sample .. "\n")
    end
end
