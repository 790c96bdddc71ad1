-- POST /api/products with a new product each time.
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
  return wrk.format("POST", "/api/products", {["Content-Type"] = "application/json"}, body)
end
