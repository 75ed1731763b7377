-- wrk script: API searches for a random word from the corpus's vocabulary and a random page,
-- so that almost every request misses the reader's cache (512 entries; here 80 x 40 queries).
local words = {"ambassador", "railway", "treaty", "government", "credit", "currency", "minister",
  "conference", "shipping", "embassy", "loan", "supplies", "telegram", "revolution", "soviet",
  "provisional", "commission", "agreement", "negotiations", "relief", "commerce", "tariff",
  "armistice", "delegation", "consul", "harbor", "vessels", "cargo", "bank", "rouble", "finance",
  "peace", "war", "army", "navy", "border", "island", "president", "secretary", "department",
  "memorandum", "instructions", "report", "policy", "export", "import", "trade", "grain", "coal",
  "railroad", "siberian", "vladivostok", "petrograd", "moscow", "japan", "china", "france",
  "britain", "germany", "italy", "mexico", "cuba", "canada", "korea", "india", "egypt", "turkey",
  "greece", "poland", "finland", "sweden", "norway", "spain", "brazil", "chile", "peru",
  "argentina", "philippines", "hawaii", "alaska"}
math.randomseed(1966)
request = function()
  local w = words[math.random(1, #words)]
  return wrk.format("GET", string.format("/api/v1/search?q=%s&page=%d", w, math.random(1, 40)))
end
