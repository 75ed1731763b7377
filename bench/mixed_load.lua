-- wrk script for bench/load: a reader's mix of requests, drawn at random per request:
-- search pages and API searches (a random corpus word and page), document pages and API
-- documents (a random record of the benchmark corpus), and now and then a facet list.
-- done() prints wrk's error counts (socket errors, and statuses other than 2xx/3xx).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local words = dofile(here .. "search_words.lua")
local count = tonumber(os.getenv("ARKIV_BENCH_COUNT") or "100000")
math.randomseed(1966)

local function record() return string.format("bench/%06d", math.random(0, count - 1)) end
local function word() return words[math.random(1, #words)] end

request = function()
  local r = math.random(1, 20)
  local path
  if r <= 6 then
    path = string.format("/search?q=%s&page=%d", word(), math.random(1, 20))
  elseif r <= 11 then
    path = "/documents/" .. record()
  elseif r <= 15 then
    path = string.format("/api/v1/search?q=%s+%s&page=%d", word(), word(), math.random(1, 5))
  elseif r <= 19 then
    path = "/api/v1/documents/" .. record()
  else
    path = "/api/v1/facets/place"
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, socket errors connect %d read %d write %d timeout %d, status errors %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
end
