-- wrk script: the organization list searched with a different term on each
-- request, through the handler without page cache (/nocache/).
local terms = {"linden", "buchen", "eichen", "birken", "weiden", "tannen", "rosen", "muhl", "muehl", "stein",
  "wald", "see", "brunn", "kirch", "burg", "feld", "tal", "bach", "heim", "haus", "hausen", "dorf", "stadt",
  "berg", "ingen", "rode", "hagen", "felde", "bad", "neu", "alt", "ober", "unter", "gross", "grob", "klein",
  "sankt", "hohen", "lindenhausen", "steinbach", "waldfeld", "rosenheim", "kirchberg", "burgdorf", "talau",
  "Mühlhausen", "Großfeld", "OBERSTEIN", "neubrunn", "seehagen", "2"}
local i = 0
request = function()
  i = i % #terms + 1
  return wrk.format("GET", "/nocache/organizations?q=" .. terms[i])
end
