-- wrk script: API searches for two random words from the corpus's vocabulary (80 x 80 = 6,400
-- queries), so that nearly every request is a query no cache has seen: the cost of a search
-- with its counts of every facet.
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
math.randomseed(1917)
request = function()
  local a = words[math.random(1, #words)]
  local b = words[math.random(1, #words)]
  return wrk.format("GET", string.format("/api/v1/search?q=%s+%s", a, b))
end
