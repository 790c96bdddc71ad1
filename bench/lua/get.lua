-- GET /api/products/{id} for a random one of the products: the ids in the file BENCH_PRODUCT_IDS
-- (one a line: bench/shop.sh, a running shop's own), or else BENCH_PRODUCTS consecutive ids from
-- BENCH_FIRST_ID (bench/run.sh, the benchmark's shop).
local ids = {}
local listed = os.getenv("BENCH_PRODUCT_IDS")
if listed then
  for line in io.lines(listed) do
    if line ~= "" then table.insert(ids, line) end
  end
else
  local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
  for n = 0, tonumber(os.getenv("BENCH_PRODUCTS") or "100") - 1 do table.insert(ids, tostring(first + n)) end
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/products/" .. ids[math.random(1, #ids)])
end
