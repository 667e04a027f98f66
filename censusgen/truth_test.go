package censusgen_test

import (
	"bytes"
	"encoding/json"
	"github.com/cdoatlas/cdoatlas/census"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusgen"
	"github.com/cdoatlas/cdoatlas/registryio"
)

// nameKey is a name without academic titles, order, case, umlauts and
// spacing: what stays the same however a source writes a person.
func nameKey(s string) string {
	var words []string
	for _, w := range strings.Fields(cdoatlas.Fold(s)) {
		switch w {
		case "dr", "prof", "dipl", "ing":
		default:
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// codeKey undoes what sources do to official codes: ARS for AGS, a lost
// leading zero.
func codeKey(s string) string {
	switch len(s) {
	case 12:
		return s[:5] + s[9:]
	case 7:
		return "0" + s
	}
	return s
}

func TestTruthMatchesRows(t *testing.T) {
	dir, truth := generate(t, censusgen.Options{People: 200, Waves: 5, Seed: 11, Rows: 8000})
	files := readFiles(t, dir)
	persons := map[string]censusgen.Person{}
	for _, p := range truth.Persons {
		persons[p.Key] = p
	}
	profiles := map[string]string{} // person and source → URL
	tracked := map[string]bool{}
	for _, o := range truth.Observations {
		f, row := rowOf(t, files, o.File, o.Line)
		tracked[o.File+":"+strconv.Itoa(o.Line)] = true
		p, ok := persons[o.Person]
		if !ok {
			t.Fatalf("%s line %d: unknown person %s", o.File, o.Line, o.Person)
		}
		if got, want := nameKey(row["person_name"]), nameKey(p.Name); got != want {
			t.Errorf("%s line %d: name %q is not %s (%s)", o.File, o.Line, row["person_name"], p.Name, o.Person)
		}
		if c := row["official_code"]; c != "" && codeKey(c) != o.Organization && "0"+c != o.Organization {
			t.Errorf("%s line %d: official code %s, truth says %s", o.File, o.Line, c, o.Organization)
		}
		if !slices.Contains(cdoatlas.Roles, o.Role) {
			t.Errorf("%s line %d: role %q", o.File, o.Line, o.Role)
		}
		if u := row["profile_url"]; u != "" {
			k := o.Person + " " + f.source
			if prev, ok := profiles[k]; ok && prev != u {
				t.Errorf("%s: profile URL %s and %s in %s", o.Person, prev, u, f.source)
			}
			profiles[k] = u
			if f.source == "press" {
				t.Errorf("%s line %d: a press row with a profile URL", o.File, o.Line)
			}
		}
		if g := cdoatlas.NormalizeGender(row["gender"]); g != cdoatlas.GenderUnknown && g != p.Gender {
			t.Errorf("%s line %d: gender %q, truth says %s", o.File, o.Line, row["gender"], p.Gender)
		}
	}
	// Namesakes differ in profile URL.
	urls := map[string]string{}
	for k, u := range profiles {
		if prev, ok := urls[u]; ok && strings.Fields(prev)[0] != strings.Fields(k)[0] {
			t.Errorf("%s and %s share the profile URL %s", prev, k, u)
		}
		urls[u] = k
	}
	// Filler rows share the common names of tracked people, but never at
	// an organization where a tracked person of that name is, and never
	// with a tracked person's profile URL.
	type seenAt struct{ codes, orgs map[string]bool }
	byName := map[string]seenAt{}
	trackedURLs := map[string]bool{}
	for _, o := range truth.Observations {
		_, row := rowOf(t, files, o.File, o.Line)
		name := persons[o.Person].Name
		s, ok := byName[name]
		if !ok {
			s = seenAt{map[string]bool{}, map[string]bool{}}
			byName[name] = s
		}
		s.codes[o.Organization] = true
		s.orgs[cdoatlas.Fold(row["organization"])] = true
		trackedURLs[row["profile_url"]] = true
	}
	shared := 0
	for _, f := range files {
		for i, row := range f.rows {
			if tracked[f.name+":"+strconv.Itoa(i+2)] {
				continue
			}
			if u := row["profile_url"]; u != "" && trackedURLs[u] {
				t.Errorf("%s line %d: filler row with the profile URL %s of a tracked person", f.name, i+2, u)
			}
			s, ok := byName[row["person_name"]]
			if !ok {
				continue
			}
			shared++
			if c := row["official_code"]; c != "" && (s.codes[codeKey(c)] || s.codes["0"+c]) || s.orgs[cdoatlas.Fold(row["organization"])] {
				t.Errorf("%s line %d: filler row named %s at %s, where a tracked person of that name is", f.name, i+2, row["person_name"], row["organization"])
			}
		}
	}
	if shared == 0 {
		t.Error("no filler row shares a name with a tracked person; common names should")
	}
}

// registryOrgs reads registry.csv into organizations by official code.
func registryOrgs(t *testing.T, dir string) map[string]cdoatlas.Organization {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "registry.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := registryio.ReadRegistry(f, "registry.csv")
	if err != nil {
		t.Fatal(err)
	}
	orgs := map[string]cdoatlas.Organization{}
	for _, r := range recs {
		o := r.Organization
		o.Validate()
		orgs[o.OfficialCode] = o
	}
	return orgs
}

func TestTruthFigures(t *testing.T) {
	for _, opts := range []censusgen.Options{
		{People: 200, Waves: 5, Seed: 1},
		{People: 40, Waves: 1, Seed: 2, FirstWave: 2016},
		{People: 500, Waves: 8, Seed: 3, Rows: 9000},
	} {
		dir, truth := generate(t, opts)
		if len(truth.Waves) != opts.Waves {
			t.Fatalf("%d waves in the truth, want %d", len(truth.Waves), opts.Waves)
		}
		// Recompute the figures from the observations (DESIGN §4).
		orgs := registryOrgs(t, dir)
		gender := map[string]string{}
		for _, p := range truth.Persons {
			gender[p.Key] = p.Gender
		}
		waveOf := map[string]string{}
		manifest, _, _ := readCSV(t, filepath.Join(dir, "waves.csv"))
		for _, m := range manifest[1:] {
			waveOf[m[3]] = m[0]
		}
		cdoAt := map[string]map[string][]string{} // wave → person → codes
		for _, o := range truth.Observations {
			if o.Role != cdoatlas.RoleCDO {
				continue
			}
			w := waveOf[o.File]
			if cdoAt[w] == nil {
				cdoAt[w] = map[string][]string{}
			}
			if !slices.Contains(cdoAt[w][o.Person], o.Organization) {
				cdoAt[w][o.Person] = append(cdoAt[w][o.Person], o.Organization)
			}
		}
		var prev census.WaveFigures
		for i, f := range truth.Waves {
			if want := strconv.Itoa(opts.FirstWave + i); opts.FirstWave != 0 && f.Wave != want {
				t.Errorf("wave %d is %s, want %s", i, f.Wave, want)
			}
			if f.Date != f.Wave+"-06-30" {
				t.Errorf("wave %s dated %s", f.Wave, f.Date)
			}
			want := census.WaveFigures{Wave: f.Wave, Date: f.Date, ByCountry: map[string]int{}, ByRegion: map[string]int{},
				BySizeClass: map[string]int{}, ByKind: map[string]int{}, ByGender: map[string]int{"f": 0, "m": 0, "d": 0, "unknown": 0}}
			var before map[string][]string
			if i > 0 {
				before = cdoAt[truth.Waves[i-1].Wave]
			}
			for p, codes := range cdoAt[f.Wave] {
				want.CDOs++
				if was, ok := before[p]; ok {
					want.Stayed++
					slices.Sort(codes)
					slices.Sort(was)
					if !slices.Equal(codes, was) {
						want.Moved++
					}
				} else {
					want.Entries++
				}
				o := orgs[slices.Min(codes)]
				want.ByCountry[o.Country]++
				want.ByRegion[o.Region]++
				sc := o.SizeClass
				if sc == "" {
					sc = census.None
				}
				want.BySizeClass[sc]++
				want.ByKind[o.Kind]++
				want.ByGender[gender[p]]++
			}
			for p := range before {
				if _, ok := cdoAt[f.Wave][p]; !ok {
					want.Exits++
				}
			}
			got, _ := json.Marshal(f)
			exp, _ := json.Marshal(want)
			if !bytes.Equal(got, exp) {
				t.Errorf("seed %d wave %s:\n got %s\nwant %s", opts.Seed, f.Wave, got, exp)
			}

			// The identities of DESIGN §4.
			if i == 0 {
				if f.Entries != f.CDOs || f.Exits != 0 || f.Stayed != 0 || f.Moved != 0 {
					t.Errorf("first wave %+v: want entries = cdos, no exits, stayed or moved", f)
				}
			} else {
				if f.CDOs != f.Stayed+f.Entries {
					t.Errorf("wave %s: cdos %d ≠ stayed %d + entries %d", f.Wave, f.CDOs, f.Stayed, f.Entries)
				}
				if prev.CDOs != f.Stayed+f.Exits {
					t.Errorf("wave %s: cdos before %d ≠ stayed %d + exits %d", f.Wave, prev.CDOs, f.Stayed, f.Exits)
				}
			}
			if f.Moved > f.Stayed {
				t.Errorf("wave %s: moved %d > stayed %d", f.Wave, f.Moved, f.Stayed)
			}
			for name, m := range map[string]map[string]int{"country": f.ByCountry, "region": f.ByRegion,
				"size_class": f.BySizeClass, "kind": f.ByKind, "gender": f.ByGender} {
				sum := 0
				for _, n := range m {
					sum += n
				}
				if sum != f.CDOs {
					t.Errorf("wave %s: by_%s sums to %d, cdos %d", f.Wave, name, sum, f.CDOs)
				}
			}
			prev = f
		}
	}
}

func TestNoiseOccurs(t *testing.T) {
	dir, truth := generate(t, censusgen.Options{People: 300, Waves: 5, Seed: 7})
	files := readFiles(t, dir)
	orgs := registryOrgs(t, dir)
	persons := map[string]censusgen.Person{}
	for _, p := range truth.Persons {
		persons[p.Key] = p
	}
	count := map[string]int{}
	seen := map[string]map[string]bool{}   // person and wave → sources
	orgsOf := map[string]map[string]bool{} // person → organizations
	titles := map[string]map[string]bool{} // person and organization → titles
	genders := map[string]map[bool]bool{}  // person → rows with and without gender
	for _, o := range truth.Observations {
		f, row := rowOf(t, files, o.File, o.Line)
		p := persons[o.Person]
		name := row["person_name"]
		if strings.Contains(name, ",") {
			count["last, first"]++
		}
		if strings.ContainsAny(p.Name, "äöüß") && !strings.ContainsAny(name, "äöüßÄÖÜ") {
			count["transliterated"]++
		}
		if strings.Contains(name, "Dr.") || strings.Contains(name, "Dipl.-Ing.") {
			count["academic"]++
		}
		if name != strings.TrimSpace(name) || strings.Contains(name, "  ") {
			count["spaces"]++
		}
		if o.Organization == "" {
			count["at a company"]++
		} else if row["organization"] != orgs[o.Organization].Name {
			count["org variant"]++
		}
		if row["official_code"] == "" {
			count["no code"]++
		} else {
			count["code"]++
		}
		if o.Role != cdoatlas.RoleCDO {
			count["role "+o.Role]++
		}
		k := o.Person + " " + f.wave
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		seen[k][f.source] = true
		if orgsOf[o.Person] == nil {
			orgsOf[o.Person] = map[string]bool{}
			genders[o.Person] = map[bool]bool{}
		}
		orgsOf[o.Person][o.Organization] = true
		genders[o.Person][row["gender"] != ""] = true
		if o.Role == cdoatlas.RoleCDO {
			k := o.Person + " " + o.Organization
			if titles[k] == nil {
				titles[k] = map[string]bool{}
			}
			titles[k][strings.ToLower(strings.Join(strings.Fields(row["title"]), " "))] = true
		}
	}
	for _, ts := range titles {
		if len(ts) > 1 {
			count["title variants"]++
		}
	}
	for _, srcs := range seen {
		if len(srcs) > 1 {
			count["duplicate across sources"]++
		}
	}
	for _, g := range genders {
		if g[true] && g[false] {
			count["gender in some rows only"]++
		}
	}
	byName := map[string][]string{}
	for _, p := range truth.Persons {
		byName[p.Name] = append(byName[p.Name], p.Key)
	}
	for _, keys := range byName {
		if len(keys) > 1 {
			count["namesakes"]++
			for o := range orgsOf[keys[0]] {
				if o != "" && orgsOf[keys[1]][o] {
					t.Errorf("namesakes %s and %s both at %s", keys[0], keys[1], o)
				}
			}
		}
	}
	for _, w := range truth.Waves {
		count["moved"] += w.Moved
		count["exits"] += w.Exits
		count["entries after the first wave"] += w.Entries
	}
	count["entries after the first wave"] -= truth.Waves[0].Entries
	t.Logf("noise in %d tracked rows: %v", len(truth.Observations), count)
	for _, kind := range []string{"last, first", "transliterated", "academic", "spaces", "org variant", "no code", "code",
		"at a company", "role cio", "role cto", "role chief_data_officer", "role innovation", "role smart_city", "role other",
		"title variants", "duplicate across sources", "gender in some rows only", "namesakes", "moved", "exits",
		"entries after the first wave"} {
		if count[kind] == 0 {
			t.Errorf("no %s", kind)
		}
	}
}
