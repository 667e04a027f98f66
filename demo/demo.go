// Package demo fills an empty database with the demo data set: real
// organizations of Germany, Austria and Switzerland (public facts with their
// reference date, see data/ATTRIBUTION.md) and invented posts, people and
// tenures. Every person is fictional and flagged so.
package demo

import (
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

//go:embed data/organizations.csv data/names.csv data/surnames.txt
var data embed.FS

// Seed loads the demo data set into store when it holds no organization
// yet, and returns the number of organizations it created (0 when the store
// was not empty). Everything is stored in one transaction.
func Seed(ctx context.Context, store cdoatlas.Store) (int, error) {
	if _, n, err := store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Limit: 1}); err != nil {
		return 0, err
	} else if n > 0 {
		return 0, nil
	}
	records, err := Records()
	if err != nil {
		return 0, err
	}
	sum, err := store.ImportRegistry(ctx, records)
	if err != nil {
		return 0, err
	}
	return sum.OrganizationsCreated, nil
}

// Organizations returns the real organizations of the demo data set.
func Organizations() ([]cdoatlas.Organization, error) {
	rows, err := readCSV("data/organizations.csv")
	if err != nil {
		return nil, err
	}
	var orgs []cdoatlas.Organization
	for i, r := range rows {
		o := cdoatlas.Organization{
			Name: r["name"], Kind: r["kind"], Country: r["country"], Region: r["region"],
			OfficialCode: r["official_code"], PopulationDate: r["population_date"],
		}
		if s := r["other_names"]; s != "" {
			o.OtherNames = strings.Split(s, "|")
		}
		if s := r["population"]; s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("organizations.csv line %d: population %q", i+2, s)
			}
			o.Population = &n
		}
		if err := o.Validate(); err != nil {
			return nil, fmt.Errorf("organizations.csv line %d (%s): %v", i+2, o.Name, err)
		}
		orgs = append(orgs, o)
	}
	return orgs, nil
}

func readCSV(name string) ([]map[string]string, error) {
	f, err := data.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		row := map[string]string{}
		for i, h := range header {
			row[h] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
}

// names are the first names (with gender) and surnames people are made of.
type names struct {
	given    []string
	genders  []string
	surnames []string
}

func loadNames() (*names, error) {
	rows, err := readCSV("data/names.csv")
	if err != nil {
		return nil, err
	}
	n := &names{}
	for _, r := range rows {
		n.given = append(n.given, r["given_name"])
		n.genders = append(n.genders, r["gender"])
	}
	b, err := data.ReadFile("data/surnames.txt")
	if err != nil {
		return nil, err
	}
	for _, s := range strings.Split(string(b), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			n.surnames = append(n.surnames, s)
		}
	}
	if len(n.given) == 0 || len(n.surnames) == 0 {
		return nil, fmt.Errorf("demo names missing")
	}
	return n, nil
}

// person invents a fictional person; used keeps names unique.
func (n *names) person(rng *rand.Rand, used map[string]bool) *cdoatlas.Person {
	for {
		i := rng.IntN(len(n.given))
		name := n.given[i] + " " + n.surnames[rng.IntN(len(n.surnames))]
		if used[name] {
			continue
		}
		used[name] = true
		p := &cdoatlas.Person{Name: name, Gender: n.genders[i], Fictional: true}
		if rng.IntN(10) < 7 {
			p.PublicationBasis = cdoatlas.BasisConsent
		}
		if rng.IntN(3) > 0 {
			y := 1960 + rng.IntN(30)
			p.BirthYear = &y
		}
		return p
	}
}
