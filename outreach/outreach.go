// Package outreach finds the municipalities and counties of the gazetteer
// that have no known digital lead in the registry: the places
// coordinators may want to approach, because nobody there is on their
// radar yet.
//
// A place has a known lead when an organization of the registry that is
// that place has a post with a current holder that is a CDO post by its
// title (role cdo) or by its tasks (CDO check yes) — the census counts the
// first, admission to the network looks at the second. Organizations are
// matched to places by official code (AGS, ARS, Kreisschlüssel, GKZ, BFS
// number) and, when they have no code the gazetteer knows, by name,
// country and region as the gazetteer reads them.
package outreach

import (
	"cmp"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// IsLead reports whether a held post is a digital-leadership post.
func IsLead(p cdoatlas.HeldPost) bool {
	return p.Role == cdoatlas.RoleCDO || p.CDOCheck == cdoatlas.CheckYes
}

// Covered is the set of places with a known lead, by Key.
type Covered map[string]bool

// Key identifies a place: its country and official code, "DE|05111000".
func Key(p gazetteer.Place) string { return p.Country + "|" + p.Code }

// CoveredPlaces returns the places whose organizations hold a lead post.
func CoveredPlaces(posts []cdoatlas.HeldPost) Covered {
	out := Covered{}
	for _, h := range posts {
		if !IsLead(h) {
			continue
		}
		if p, ok := placeOf(h); ok {
			out[Key(p)] = true
		}
	}
	return out
}

// placeOf finds the gazetteer place an organization is: by its official
// code, else by its name when it is a municipality, city state or county.
func placeOf(h cdoatlas.HeldPost) (gazetteer.Place, bool) {
	if code := strings.TrimSpace(h.OfficialCode); code != "" {
		if p, ok := gazetteer.ByCode(h.Country, code); ok {
			return p, true
		}
		if h.Country == "CH" { // BFS numbers may be written with leading zeros
			if p, ok := gazetteer.ByCode(h.Country, strings.TrimLeft(code, "0")); ok {
				return p, true
			}
		}
	}
	switch h.Kind {
	case cdoatlas.KindMunicipality, cdoatlas.KindCityState, cdoatlas.KindCounty:
	default:
		return gazetteer.Place{}, false
	}
	r := gazetteer.Find(gazetteer.Query{Name: h.Name, Country: h.Country, Region: h.Region, Kind: h.Kind})
	if r.Place == nil {
		return gazetteer.Place{}, false
	}
	return *r.Place, true
}

// Filter selects places. Empty fields do not filter.
type Filter struct {
	Country string // DE, AT, CH
	Region  string // ISO 3166-2
	// Kind is municipality (with the city states) or county.
	Kind string
	// SizeClasses are the classes a place may have (GK5, GK6, GK7); a
	// place whose population is unknown has none and is left out.
	SizeClasses []string
}

func (f Filter) fits(p *gazetteer.Place) bool {
	if f.Country != "" && p.Country != f.Country || f.Region != "" && p.Region != f.Region {
		return false
	}
	switch f.Kind {
	case "":
	case cdoatlas.KindMunicipality, cdoatlas.KindCityState:
		if p.Kind != cdoatlas.KindMunicipality && p.Kind != cdoatlas.KindCityState {
			return false
		}
	default:
		if p.Kind != f.Kind {
			return false
		}
	}
	return len(f.SizeClasses) == 0 || slices.Contains(f.SizeClasses, p.SizeClass())
}

// Uncovered returns the places that fit the filter and are not covered,
// the most populous first (unknown population last), then by name and code.
func Uncovered(places []gazetteer.Place, covered Covered, f Filter) []gazetteer.Place {
	var out []gazetteer.Place
	for i := range places {
		if p := &places[i]; f.fits(p) && !covered[Key(*p)] {
			out = append(out, *p)
		}
	}
	slices.SortFunc(out, func(a, b gazetteer.Place) int {
		return cmp.Or(cmp.Compare(b.Population, a.Population), strings.Compare(a.Name, b.Name), strings.Compare(Key(a), Key(b)))
	})
	return out
}
