-- GET /api/products/{id} for a random one of the benchmark's products.
-- BENCH_FIRST_ID and BENCH_PRODUCTS come from the environment (bench/run.sh).
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local count = tonumber(os.getenv("BENCH_PRODUCTS") or "100")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/products/" .. (first + math.random(0, count - 1)))
end
