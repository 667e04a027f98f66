package chart

// A tile map draws every region as one equal square, placed on a grid so
// that neighbours stay roughly neighbours: small city states (Berlin,
// Bremen, Basel-Stadt) are as visible as Bavaria or Graubünden, and every
// square has room for its label and figure. Columns run west to east, rows
// north to south; the grids are hand-placed from the regions' centres.

// tile places one region (its ISO 3166-2 code, as in cdoatlas.Regions).
type tile struct {
	code     string
	col, row int
}

// grid is one country's tiles and its size in tiles.
type grid struct {
	tiles      []tile
	cols, rows int
}

var grids = map[string]grid{
	// Germany: the coast on top, Bavaria and Baden-Württemberg at the
	// bottom, Berlin between Saxony-Anhalt and Brandenburg.
	//     .  .  SH .  .
	//     .  HB HH MV .
	//     NW NI ST BE BB
	//     RP HE TH SN .
	//     SL BW BY .  .
	"DE": {cols: 5, rows: 5, tiles: []tile{
		{"DE-SH", 2, 0},
		{"DE-HB", 1, 1}, {"DE-HH", 2, 1}, {"DE-MV", 3, 1},
		{"DE-NW", 0, 2}, {"DE-NI", 1, 2}, {"DE-ST", 2, 2}, {"DE-BE", 3, 2}, {"DE-BB", 4, 2},
		{"DE-RP", 0, 3}, {"DE-HE", 1, 3}, {"DE-TH", 2, 3}, {"DE-SN", 3, 3},
		{"DE-SL", 0, 4}, {"DE-BW", 1, 4}, {"DE-BY", 2, 4},
	}},
	// Austria: the Danube states on top with Vienna in the north-east,
	// the Alpine band from Vorarlberg to Burgenland, Carinthia below.
	//     .   .  OÖ  NÖ   W
	//     Vbg T  Sbg Stmk Bgld
	//     .   .  Ktn .    .
	"AT": {cols: 5, rows: 3, tiles: []tile{
		{"AT-4", 2, 0}, {"AT-3", 3, 0}, {"AT-9", 4, 0},
		{"AT-8", 0, 1}, {"AT-7", 1, 1}, {"AT-5", 2, 1}, {"AT-6", 3, 1}, {"AT-1", 4, 1},
		{"AT-2", 2, 2},
	}},
	// Switzerland: Basel and Schaffhausen on the Rhine on top, Geneva in
	// the south-west, Ticino and Graubünden in the south-east.
	//     .  .  .  BS .  SH TG .
	//     .  .  JU BL AG ZH SG AR
	//     .  NE SO LU ZG SZ GL AI
	//     .  VD FR BE OW NW UR GR
	//     GE .  .  VS .  .  TI .
	"CH": {cols: 8, rows: 5, tiles: []tile{
		{"CH-BS", 3, 0}, {"CH-SH", 5, 0}, {"CH-TG", 6, 0},
		{"CH-JU", 2, 1}, {"CH-BL", 3, 1}, {"CH-AG", 4, 1}, {"CH-ZH", 5, 1}, {"CH-SG", 6, 1}, {"CH-AR", 7, 1},
		{"CH-NE", 1, 2}, {"CH-SO", 2, 2}, {"CH-LU", 3, 2}, {"CH-ZG", 4, 2}, {"CH-SZ", 5, 2}, {"CH-GL", 6, 2}, {"CH-AI", 7, 2},
		{"CH-VD", 1, 3}, {"CH-FR", 2, 3}, {"CH-BE", 3, 3}, {"CH-OW", 4, 3}, {"CH-NW", 5, 3}, {"CH-UR", 6, 3}, {"CH-GR", 7, 3},
		{"CH-GE", 0, 4}, {"CH-VS", 3, 4}, {"CH-TI", 6, 4},
	}},
}

// mapCountries are the countries a tile map can draw, in default order.
var mapCountries = []string{"DE", "AT", "CH"}

// placement is where a country's grid goes in the map, in tile steps from
// the map's origin, when all three countries are drawn: Germany on top,
// Switzerland below on the left, Austria below on the right, so that
// Schaffhausen sits under Baden-Württemberg and Vorarlberg next to
// Appenzell. The legend takes the free space left of Germany.
var placement = map[string][2]float64{
	"DE": {4, 0},
	"CH": {0, 5},
	"AT": {8.5, 5},
}
