package census

import "testing"

func TestNameKey(t *testing.T) {
	same := []string{"Dr. Jörg Müller", "Mueller, Joerg", "JÖRG MÜLLER", "  jörg   müller ", "Prof. Dr. Jörg Müller, MBA", "Müller, Dr. Jörg", "Herr Jörg Müller",
		"Müller, Jörg, Dr.", "Mueller, Joerg, Prof. Dr., MBA"}
	want := NameKey(same[0])
	if want != "jorg muller" {
		t.Fatalf("NameKey(%q) = %q", same[0], want)
	}
	for _, s := range same[1:] {
		if got := NameKey(s); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", s, got, want)
		}
	}
	if NameKey("Anna Schmidt") == NameKey("Anne Schmidt") {
		t.Error("different first names share a key")
	}
}

func TestPersonName(t *testing.T) {
	for in, want := range map[string]string{
		"Müller, Jörg":             "Jörg Müller",
		"Dr. Jörg Müller":          "Jörg Müller",
		"JÖRG MÜLLER-LÜDENSCHEIDT": "Jörg Müller-Lüdenscheidt",
		"Jörg Müller, MBA":         "Jörg Müller",
		"Dipl.-Ing. Eva Weber":     "Eva Weber",
		"Weber, Eva, Dr.":          "Eva Weber",
		"Weber, Eva, Bonn":         "Weber, Eva, Bonn",
	} {
		if got := PersonName(in); got != want {
			t.Errorf("PersonName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrgKey(t *testing.T) {
	for _, tc := range []struct{ name, key, kind string }{
		{"Landeshauptstadt München", "munchen", "municipality"},
		{"Stadt München", "munchen", "municipality"},
		{"LH München", "munchen", "municipality"},
		{"München", "munchen", ""},
		{"Kreis Wesel", "wesel", "county"},
		{"Kreisverwaltung Wesel", "wesel", "county"},
		{"Landkreis Anhalt-Bitterfeld", "anhalt bitterfeld", "county"},
		{"Stadtverwaltung Köln", "koln", "municipality"},
		{"Freie und Hansestadt Hamburg", "hamburg", "city_state"},
		{"Allianz SE", "allianz", "company"},
		{"Otto Group GmbH & Co. KG", "otto", "company"},
		{"Deutsche Bahn AG", "deutsche bahn", "company"},
		{"Stadtwerke München GmbH", "stadtwerke munchen", "company"},
		{"Dataport AöR", "dataport", "public_company"},
		{"Dataport Anstalt des öffentlichen Rechts", "dataport", "public_company"},
		{"Verein Digitale Stadt e.V.", "verein digitale stadt", "association"},
		{"Freistaat Bayern", "bayern", "state"},
		{"Freie Hansestadt Bremen", "bremen", "state"}, // the Land; the city is the Stadtgemeinde
		{"Thüringer Landesregierung", "thuringen", "state"},
		{"Amt der Niederösterreichischen Landesregierung", "niederosterreich", "state"},
		{"Sächsische Staatskanzlei", "sachsen", "state"},
		{"Senat der Freien und Hansestadt Hamburg", "hamburg", "state"},
		{"Landesregierung des Landes Brandenburg", "brandenburg", "state"},
		{"NRW", "nordrhein westfalen", "state"},
		{"Bayerisches Staatsministerium für Digitales", "bayerisches staatsministerium fur digitales", ""},
		{"Einwohnergemeinde Köniz", "koniz", "municipality"},
	} {
		key, kind := OrgKey(tc.name)
		if key != tc.key || kind != tc.kind {
			t.Errorf("OrgKey(%q) = %q, %q; want %q, %q", tc.name, key, kind, tc.key, tc.kind)
		}
	}
}

func TestProfileKey(t *testing.T) {
	a := ProfileKey("https://www.linkedin.com/in/joerg-mueller-123/?trk=x")
	for _, u := range []string{"http://linkedin.com/in/Joerg-Mueller-123", "https://de.linkedin.com/in/joerg-mueller-123/"} {
		if got := ProfileKey(u); got != a {
			t.Errorf("ProfileKey(%q) = %q, want %q", u, got, a)
		}
	}
	if ProfileKey("https://www.linkedin.com/in/other") == a || ProfileKey("not a url") != "" {
		t.Error("different or invalid profiles")
	}
}
