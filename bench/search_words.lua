-- The words the wrk search scripts draw from: common words of the benchmark corpus.
return {"ambassador", "railway", "treaty", "government", "credit", "currency", "minister",
  "conference", "shipping", "embassy", "loan", "supplies", "telegram", "revolution", "soviet",
  "provisional", "commission", "agreement", "negotiations", "relief", "commerce", "tariff",
  "armistice", "delegation", "consul", "harbor", "vessels", "cargo", "bank", "rouble", "finance",
  "peace", "war", "army", "navy", "border", "island", "president", "secretary", "department",
  "memorandum", "instructions", "report", "policy", "export", "import", "trade", "grain", "coal",
  "railroad", "siberian", "vladivostok", "petrograd", "moscow", "japan", "china", "france",
  "britain", "germany", "italy", "mexico", "cuba", "canada", "korea", "india", "egypt", "turkey",
  "greece", "poland", "finland", "sweden", "norway", "spain", "brazil", "chile", "peru",
  "argentina", "philippines", "hawaii", "alaska"}
