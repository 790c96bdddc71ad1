-- POST /api/products/{id}/like as signed-in shoppers, every (product, shopper) pair used once
-- until they run out, so that every answer should be a 200. BENCH_FIRST_ID, BENCH_PRODUCTS and
-- BENCH_SHOPPER_TOKENS (a file of access tokens, one shopper each, a line each) come from the
-- environment (bench/run.sh); non-200 answers are counted and reported. With
-- BENCH_LIKE_AS=anonymous the likes carry no token (the original's anonymous like: admin picks a
-- random seeded user, so a pair can repeat and answer 409).
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "100")
local anonymous = os.getenv("BENCH_LIKE_AS") == "anonymous"
local tokens = {}
if not anonymous then
  for line in io.lines(os.getenv("BENCH_SHOPPER_TOKENS")) do
    if line ~= "" then table.insert(tokens, "Bearer " .. line) end
  end
end
local users = math.max(#tokens, 1)
local threads = {}
local counter = 0
thread_id = 0 -- global: set per thread by setup()
local thread_count = 1
failures = 0 -- globals: read back by done()
conflicts = 0
unavailable = 0

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")
end

function request()
  local pair = counter * thread_count + thread_id
  counter = counter + 1
  local product = first + (pair % products)
  local user = math.floor(pair / products) % users + 1
  local headers = anonymous and {} or {["Authorization"] = tokens[user]}
  return wrk.format("POST", "/api/products/" .. product .. "/like", headers)
end

function response(status, headers, body)
  if status == 409 then
    conflicts = conflicts + 1
  elseif status == 503 then
    unavailable = unavailable + 1
  elseif status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local other, conflict, unavailable = 0, 0, 0
  for _, thread in ipairs(threads) do
    other = other + thread:get("failures")
    conflict = conflict + thread:get("conflicts")
    unavailable = unavailable + thread:get("unavailable")
  end
  io.write(string.format("like failures: %d (409: %d, 503: %d, other: %d)\n",
    other + conflict + unavailable, conflict, unavailable, other))
end
