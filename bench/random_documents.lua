-- wrk script: each request asks for a random record of the benchmark corpus, so that no
-- cache of one page can stand in for the work of serving a document.
local count = tonumber(os.getenv("ARKIV_BENCH_COUNT") or "100000")
math.randomseed(1966)
request = function()
  return wrk.format("GET", string.format("/documents/bench/%06d", math.random(0, count - 1)))
end
