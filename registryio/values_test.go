package registryio

import (
	"testing"

	"github.com/cdoatlas/cdoatlas/tabular"
)

func TestParseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1510378", 1510378, true},
		{"1.510.378", 1510378, true},
		{"1,510,378", 1510378, true},
		{"1 510 378", 1510378, true},
		{"1\u00a0510\u00a0378", 1510378, true},
		{"1'510'378", 1510378, true},
		{"1510378.0", 1510378, true},
		{"1.510.378,00", 1510378, true},
		{"1.000", 1000, true},
		{"0", 0, true},
		{"-5", -5, true},
		{"1.5", 0, false},
		{"1.51.378", 0, false},
		{"12.34.567", 0, false},
		{"1.510,378", 0, false},
		{"5.3E+06", 0, false},
		{"viele", 0, false},
		{"", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseInt(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseInt(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOfficialCode(t *testing.T) {
	tests := []struct {
		country, kind, in, want string
	}{
		{"DE", "municipality", "05315000", "05315000"},
		{"DE", "municipality", "5315000", "05315000"},
		{"DE", "municipality", "5315000.0", "05315000"},
		{"DE", "municipality", "53150000000", "053150000000"},
		{"DE", "municipality", "09162000", "09162000"},
		{"DE", "municipality", "11000000", "11000000"},
		{"DE", "city_state", "2000000", "02000000"},
		{"DE", "county", "5170", "05170"},
		{"DE", "county", "05 170", "05170"},
		{"DE", "state", "5", "05"},
		{"DE", "company", "5315000", "05315000"},
		{"DE", "municipality", "531500", "531500"}, // too short to guess: Validate refuses it
		{"AT", "municipality", "90001", "90001"},
		{"CH", "municipality", "0261", "261"},
		{"CH", "municipality", "261", "261"},
		{"FR", "municipality", "75056", "75056"},
		{"DE", "municipality", "", ""},
	}
	for _, tt := range tests {
		if got := officialCode(tt.country, tt.kind, tt.in); got != tt.want {
			t.Errorf("officialCode(%s, %s, %q) = %q, want %q", tt.country, tt.kind, tt.in, got, tt.want)
		}
	}
}

func TestVocabularies(t *testing.T) {
	tests := []struct {
		name  string
		vocab vocab
		in    string
		want  string
	}{
		{"kind", kindVocab, "Stadt", "municipality"},
		{"kind", kindVocab, "Gemeinde", "municipality"},
		{"kind", kindVocab, "Große Kreisstadt", "municipality"},
		{"kind", kindVocab, "Landkreis", "county"},
		{"kind", kindVocab, "Kreis", "county"},
		{"kind", kindVocab, "Stadtstaat", "city_state"},
		{"kind", kindVocab, "Bundesland", "state"},
		{"kind", kindVocab, "Land", "state"},
		{"kind", kindVocab, "Bund", "federal"},
		{"kind", kindVocab, "Unternehmen", "company"},
		{"kind", kindVocab, "Öffentliches Unternehmen", "public_company"},
		{"kind", kindVocab, "public_company", "public_company"},
		{"kind", kindVocab, "Dorf", "dorf"},
		{"gender", genderVocab, "w", "f"},
		{"gender", genderVocab, "weiblich", "f"},
		{"gender", genderVocab, "männlich", "m"},
		{"gender", genderVocab, "divers", "d"},
		{"gender", genderVocab, "x", "d"},
		{"gender", genderVocab, "?", "unknown"},
		{"role", roleVocab, "CDO", "cdo"},
		{"role", roleVocab, "Chief Data Officer", "chief_data_officer"},
		{"role", roleVocab, "Smart City", "smart_city"},
		{"status", statusVocab, "aktuell", "current"},
		{"status", statusVocab, "beendet", "ended"},
		{"hire", hireVocab, "Intern", "internal"},
		{"placement", placementVocab, "Stabsstelle", "staff_unit_head"},
		{"placement", placementVocab, "Dezernat", "board"},
		{"archetype", archetypeVocab, "Wirtschaft", "economy"},
		{"basis", basisVocab, "Einwilligung", "consent"},
		{"check", checkVocab, "ja", "yes"},
	}
	for _, tt := range tests {
		if got := tt.vocab.normalize(tt.in); got != tt.want {
			t.Errorf("%s: normalize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestCountry(t *testing.T) {
	for in, want := range map[string]string{"Deutschland": "DE", "Oesterreich": "AT", "Österreich": "AT", "schweiz": "CH",
		"de": "DE", "D": "DE", "A": "AT", "fr": "FR", "Frankreich": "FRANKREICH"} {
		if got := country(in); got != want {
			t.Errorf("country(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseBool(t *testing.T) {
	tests := []struct {
		in       string
		want, ok bool
	}{
		{"ja", true, true}, {"Ja", true, true}, {"yes", true, true}, {"true", true, true},
		{"WAHR", true, true}, {"1", true, true}, {"x", true, true}, {"X", true, true},
		{"nein", false, true}, {"no", false, true}, {"false", false, true}, {"0", false, true},
		{"-", false, true}, {"", false, true},
		{"vielleicht", false, false}, {"2", false, false},
	}
	for _, tt := range tests {
		got, ok := parseBool(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseBool(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMapHeader(t *testing.T) {
	tests := []struct {
		header []string
		rows   [][]string
		want   map[int]int // registry column → table column
	}{
		{
			header: []string{"NAME", "Official Code", "official-code2", "Art", "Staat", "Einwohner Zahl", "Gemeindeschlüssel_x", "Notiz"},
			want:   map[int]int{colName: 0, colOfficialCode: 1, colKind: 3, colCountry: 4, colPopulation: 5},
		},
		{
			header: []string{"Körperschaft", "Typ", "Staat", "Amtlicher Schlüssel", "Einwohnerzahl", "Stichtag", "Bezeichnung", "Person", "Beginn", "Ende", "Quelle"},
			want: map[int]int{colName: 0, colKind: 1, colCountry: 2, colOfficialCode: 3, colPopulation: 4,
				colPopulationDate: 5, colTitle: 6, colPersonName: 7, colStart: 8, colEnd: 9, colSourceURL: 10},
		},
		{
			header: []string{"Koerperschaft", "Art", "Land", "Kanton"},
			rows:   [][]string{{"Zürich", "Gemeinde", "Schweiz", "ZH"}},
			want:   map[int]int{colName: 0, colKind: 1, colCountry: 2, colRegion: 3},
		},
		{
			header: []string{"Name", "Art", "Staat", "Land"},
			rows:   [][]string{{"Köln", "Stadt", "DE", "NRW"}, {"Bonn", "Stadt", "DE", "Nordrhein-Westfalen"}},
			want:   map[int]int{colName: 0, colKind: 1, colCountry: 2, colRegion: 3},
		},
	}
	for _, tt := range tests {
		table := &tabular.Table{Header: tt.header}
		for i, r := range tt.rows {
			table.Rows = append(table.Rows, tabular.Row{Line: i + 2, Cells: r})
		}
		l, errs := mapHeader(table, "f")
		if len(errs) > 0 {
			t.Errorf("mapHeader(%q): %v", tt.header, errs)
			continue
		}
		for c := range numColumns {
			want, ok := tt.want[c]
			if !ok {
				want = -1
			}
			if l.index[c] != want {
				t.Errorf("mapHeader(%q): %s at %d, want %d", tt.header, Columns[c], l.index[c], want)
			}
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"31.12.23", "31.12.2023"},
		{"01.04.99", "01.04.1999"},
		{"31.12.2023", "31.12.2023"},
		{"2023-12-31", "2023-12-31"},
		{"12.2023", "12.2023"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := date(tt.in); got != tt.want {
			t.Errorf("date(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
