-- wrk script: API searches for two random words from the corpus's vocabulary (80 x 80 = 6,400
-- queries), so that nearly every request is a query no cache has seen: the cost of a search
-- with its counts of every facet.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local words = dofile(here .. "search_words.lua")
math.randomseed(1917)
request = function()
  local a = words[math.random(1, #words)]
  local b = words[math.random(1, #words)]
  return wrk.format("GET", string.format("/api/v1/search?q=%s+%s", a, b))
end
