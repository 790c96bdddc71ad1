-- POST /api/products with a new product each time, as an administrator (BENCH_ADMIN_TOKEN).
local authorization = "Bearer " .. (os.getenv("BENCH_ADMIN_TOKEN") or "")
local counter = 0
thread_id = 0 -- global: set per thread by setup()
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"title": "Bench product %d-%d", "image": "https://images.example.com/bench/%d/%d.png"}',
    thread_id, counter, thread_id, counter)
  return wrk.format("POST", "/api/products", {["Content-Type"] = "application/json", ["Authorization"] = authorization}, body)
end
