package gazetteer

import "encoding/json"

// placeJSON is a place as the CLI and the API write it, with the field
// names of organizations.
type placeJSON struct {
	OfficialCode   string `json:"official_code"`
	Name           string `json:"name"`
	Kind           string `json:"kind"`
	Country        string `json:"country"`
	Region         string `json:"region"`
	Population     *int64 `json:"population"` // null when unknown
	PopulationDate string `json:"population_date"`
	SizeClass      string `json:"size_class"`
}

// MarshalJSON writes {"official_code", "name", "kind", "country", "region",
// "population", "population_date", "size_class"}; population is null
// when unknown.
func (p Place) MarshalJSON() ([]byte, error) {
	j := placeJSON{OfficialCode: p.Code, Name: p.Name, Kind: p.Kind, Country: p.Country, Region: p.Region,
		PopulationDate: p.PopulationDate, SizeClass: p.SizeClass()}
	if p.Population > 0 {
		pop := p.Population
		j.Population = &pop
	}
	return json.Marshal(j)
}
