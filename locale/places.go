package locale

// Size classes in words, each {German, English}: size_class.GK1 …
func init() { add(sizeClassLabels) }

var sizeClassLabels = map[string][2]string{
	"size_class.GK1":  {"GK1 (über 400 000 Einw.)", "GK1 (over 400,000 inhabitants)"},
	"size_class.GK2":  {"GK2 (200 000–400 000 Einw.)", "GK2 (200,000–400,000 inhabitants)"},
	"size_class.GK3":  {"GK3 (100 000–200 000 Einw.)", "GK3 (100,000–200,000 inhabitants)"},
	"size_class.GK4":  {"GK4 (50 000–100 000 Einw.)", "GK4 (50,000–100,000 inhabitants)"},
	"size_class.GK5":  {"GK5 (25 000–50 000 Einw.)", "GK5 (25,000–50,000 inhabitants)"},
	"size_class.GK6":  {"GK6 (10 000–25 000 Einw.)", "GK6 (10,000–25,000 inhabitants)"},
	"size_class.GK7":  {"GK7 (unter 10 000 Einw.)", "GK7 (under 10,000 inhabitants)"},
	"size_class.KGK1": {"KGK1 (Kreis, über 250 000 Einw.)", "KGK1 (county, over 250,000)"},
	"size_class.KGK2": {"KGK2 (Kreis, 150 000–250 000 Einw.)", "KGK2 (county, 150,000–250,000)"},
	"size_class.KGK3": {"KGK3 (Kreis, unter 150 000 Einw.)", "KGK3 (county, under 150,000)"},
	"size_class.E1":   {"Unternehmen, unter 250 Beschäftigte", "Company, under 250 employees"},
	"size_class.E2":   {"Unternehmen, 250–999 Beschäftigte", "Company, 250–999 employees"},
	"size_class.E3":   {"Unternehmen, 1 000–9 999 Beschäftigte", "Company, 1,000–9,999 employees"},
	"size_class.E4":   {"Unternehmen, ab 10 000 Beschäftigte", "Company, 10,000 employees or more"},
}
