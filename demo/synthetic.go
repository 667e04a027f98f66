package demo

import (
	"fmt"
	"math/rand/v2"
	"unicode"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
)

var (
	namePrefixes = []string{"", "Bad ", "Neu", "Alt", "Ober", "Unter", "Groß", "Klein", "Sankt ", "Hohen"}
	nameRoots    = []string{"linden", "buchen", "eichen", "birken", "weiden", "tannen", "rosen", "mühl", "stein", "wald", "see", "brunn", "kirch", "burg", "au", "feld", "tal", "bach", "heim", "haus"}
	nameSuffixes = []string{"hausen", "dorf", "stadt", "berg", "feld", "bach", "heim", "ingen", "au", "rode", "hagen", "felde"}
)

// Synthetic returns invented registry records for load tests: orgs German
// municipalities with valid, unique official codes, posts spread over them,
// and tenures spread over the posts, each tenure with its own fictional
// person. The same seed gives the same records.
func Synthetic(seed uint64, orgs, posts, tenures int) []cdoatlas.RegistryRecord {
	rng := rand.New(rand.NewPCG(seed, 42))
	lands := cdoatlas.Regions[:16]
	organizations := make([]cdoatlas.Organization, orgs)
	seen := map[string]int{}
	for i := range organizations {
		name := namePrefixes[rng.IntN(len(namePrefixes))] + nameRoots[rng.IntN(len(nameRoots))] + nameSuffixes[rng.IntN(len(nameSuffixes))]
		name = upperFirst(name)
		seen[name]++
		if seen[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, seen[name])
		}
		land := lands[rng.IntN(len(lands))]
		pop := int64(500 + rng.IntN(600000))
		organizations[i] = cdoatlas.Organization{
			Name: name, Kind: cdoatlas.KindMunicipality, Country: "DE", Region: land.Code,
			OfficialCode: fmt.Sprintf("%s%06d", land.KeyPart, i), Population: &pop, PopulationDate: "2023-12-31",
		}
	}
	templates := append(append([]postTemplate{}, cdoPosts...), otherPosts...)
	records := make([]cdoatlas.RegistryRecord, 0, tenures+orgs)
	hasPost := make([]bool, orgs)
	for p := 0; p < posts; p++ {
		oi := p % orgs
		if p >= orgs {
			oi = rng.IntN(orgs)
		}
		hasPost[oi] = true
		tpl := templates[rng.IntN(len(templates))]
		post := &cdoatlas.Post{Title: fmt.Sprintf("%s %d", tpl.title, p), Role: tpl.role, CDOCheck: tpl.check, Archetype: tpl.archetype, Placement: tpl.placement,
			CrossDepartmental: tpl.cross, Budget: tpl.budget, BoardAccess: tpl.board}
		// Spread tenures evenly: post p gets the tenures p, p+posts, p+2·posts …
		n := 0
		for t := p; t < tenures; t += posts {
			n++
		}
		if n == 0 {
			records = append(records, cdoatlas.RegistryRecord{Organization: organizations[oi], Post: post})
			continue
		}
		for k := 0; k < n; k++ {
			year := 2010 + 2*k
			tn := &cdoatlas.Tenure{Start: cdoatlas.PartialDate(fmt.Sprintf("%04d", year)), Status: cdoatlas.StatusEnded, End: cdoatlas.PartialDate(fmt.Sprintf("%04d", year+1))}
			if k == n-1 {
				tn.Status, tn.End = cdoatlas.StatusCurrent, ""
			}
			person := &cdoatlas.Person{Name: fmt.Sprintf("Person %d-%d", p, k), Gender: []string{"f", "m", "d", "unknown"}[rng.IntN(4)], Fictional: true}
			pc := *post
			records = append(records, cdoatlas.RegistryRecord{Organization: organizations[oi], Post: &pc, Person: person, Tenure: tn})
		}
	}
	for oi, ok := range hasPost {
		if !ok {
			records = append(records, cdoatlas.RegistryRecord{Organization: organizations[oi]})
		}
	}
	for i := range records {
		records[i].Line = i + 1
	}
	return records
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
