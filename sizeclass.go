package cdoatlas

import "github.com/cdoatlas/cdoatlas/locale"

// Size classes (KGSt): GK1…GK7 for municipalities and city states by
// population, KGK1…KGK3 for counties, E1…E4 for companies by employees.
var SizeClasses = []string{"GK1", "GK2", "GK3", "GK4", "GK5", "GK6", "GK7", "KGK1", "KGK2", "KGK3", "E1", "E2", "E3", "E4"}

// SizeClassLabel describes a size class in lang ("de" or "en"), or gives
// the class itself when it is unknown.
func SizeClassLabel(lang, class string) string {
	if key := "size_class." + class; locale.Has(key) {
		return locale.Text(lang, key)
	}
	return class
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
