package cdoatlas

// Size classes (KGSt): GK1…GK7 for municipalities and city states by
// population, KGK1…KGK3 for counties, E1…E4 for companies by employees.
var SizeClasses = []string{"GK1", "GK2", "GK3", "GK4", "GK5", "GK6", "GK7", "KGK1", "KGK2", "KGK3", "E1", "E2", "E3", "E4"}

var sizeClassLabels = map[string][2]string{
	"GK1":  {"GK1 (über 400 000 Einw.)", "GK1 (over 400,000 inhabitants)"},
	"GK2":  {"GK2 (200 000–400 000 Einw.)", "GK2 (200,000–400,000 inhabitants)"},
	"GK3":  {"GK3 (100 000–200 000 Einw.)", "GK3 (100,000–200,000 inhabitants)"},
	"GK4":  {"GK4 (50 000–100 000 Einw.)", "GK4 (50,000–100,000 inhabitants)"},
	"GK5":  {"GK5 (25 000–50 000 Einw.)", "GK5 (25,000–50,000 inhabitants)"},
	"GK6":  {"GK6 (10 000–25 000 Einw.)", "GK6 (10,000–25,000 inhabitants)"},
	"GK7":  {"GK7 (unter 10 000 Einw.)", "GK7 (under 10,000 inhabitants)"},
	"KGK1": {"KGK1 (Kreis, über 250 000 Einw.)", "KGK1 (county, over 250,000)"},
	"KGK2": {"KGK2 (Kreis, 150 000–250 000 Einw.)", "KGK2 (county, 150,000–250,000)"},
	"KGK3": {"KGK3 (Kreis, unter 150 000 Einw.)", "KGK3 (county, under 150,000)"},
	"E1":   {"Unternehmen, unter 250 Beschäftigte", "Company, under 250 employees"},
	"E2":   {"Unternehmen, 250–999 Beschäftigte", "Company, 250–999 employees"},
	"E3":   {"Unternehmen, 1 000–9 999 Beschäftigte", "Company, 1,000–9,999 employees"},
	"E4":   {"Unternehmen, ab 10 000 Beschäftigte", "Company, 10,000 employees or more"},
}

// SizeClassLabel describes a size class in lang ("de" or "en").
func SizeClassLabel(lang, class string) string {
	l, ok := sizeClassLabels[class]
	if !ok {
		return class
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// SizeClassOf derives the size class of an organization of kind with the
// given population and employees; "" when it has none or they are unknown.
// A population exactly on a boundary belongs to the smaller class.
func SizeClassOf(kind string, population, employees *int64) string {
	switch kind {
	case KindMunicipality, KindCityState:
		if population == nil {
			return ""
		}
		p := *population
		switch {
		case p > 400000:
			return "GK1"
		case p > 200000:
			return "GK2"
		case p > 100000:
			return "GK3"
		case p > 50000:
			return "GK4"
		case p > 25000:
			return "GK5"
		case p > 10000:
			return "GK6"
		}
		return "GK7"
	case KindCounty:
		if population == nil {
			return ""
		}
		p := *population
		switch {
		case p > 250000:
			return "KGK1"
		case p > 150000:
			return "KGK2"
		}
		return "KGK3"
	case KindCompany, KindPublicCompany:
		if employees == nil {
			return ""
		}
		e := *employees
		switch {
		case e >= 10000:
			return "E4"
		case e >= 1000:
			return "E3"
		case e >= 250:
			return "E2"
		}
		return "E1"
	}
	return ""
}
