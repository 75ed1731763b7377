-- wrk script: API searches for a random word from the corpus's vocabulary and a random page
-- (80 x 40 = 3,200 answers, more than the server's answer cache holds), as readers paging
-- through results: each word's counts are computed once and shared by its pages.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local words = dofile(here .. "search_words.lua")
math.randomseed(1966)
request = function()
  local w = words[math.random(1, #words)]
  return wrk.format("GET", string.format("/api/v1/search?q=%s&page=%d", w, math.random(1, 40)))
end
