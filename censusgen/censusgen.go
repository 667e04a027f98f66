// Package censusgen writes synthetic census waves: registry.csv with the
// organizations, one observation file per wave and source as exports of
// professional networks, press, web pages, self-registrations and surveys
// give them (mostly people with ordinary jobs, a few digital leaders
// written in many ways), waves.csv listing them, and truth.json with who
// each tracked row really is and the census figures DESIGN §4 defines.
// All people are fictional. The same options give byte-identical files.
package censusgen

import (
	"encoding/json"
	"fmt"
	"github.com/cdoatlas/cdoatlas/census"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Options say what to generate.
type Options struct {
	// People is the number of tracked people (CDOs and other digital
	// leaders over all waves), at least 1.
	People int
	// Waves is the number of yearly waves, 1 to 50.
	Waves int
	// Seed makes the output; the same options give the same files.
	Seed int64
	// Rows is the number of observation rows over all waves, filler
	// included; 0 means 10 per person and wave. Tracked rows are written
	// even when they alone exceed Rows.
	Rows int
	// FirstWave is the year of the first wave; 0 means 2021.
	FirstWave int
	// FillerLeaders is the percentage of filler rows (people not tracked)
	// whose title is a digital-leadership role other than CDO: CIO, CTO,
	// chief data officer. 0 means 50; a negative number means none.
	FillerLeaders int
	// Gazetteer adds the gazetteer's municipalities and counties of all
	// sizes (DE, AT, CH) to the registry, after the demo organizations:
	// runs with more people than those then hold CDO posts in real places
	// of every size class rather than in invented ones.
	Gazetteer bool
	// Progress, when set, is called before each file is written.
	Progress func(file string)
}

// Truth is what the files really say: the figures of every wave and who
// each row of a tracked person is. It is written to truth.json.
type Truth struct {
	Seed         int64                `json:"seed"`
	People       int                  `json:"people"`
	Rows         int                  `json:"rows"`         // observation rows written
	TrackedRows  int                  `json:"tracked_rows"` // of which rows of tracked people
	Waves        []census.WaveFigures `json:"waves"`        // the breakdowns the generator knows: country, region, size class, kind, gender
	Persons      []Person             `json:"persons"`
	Noise        map[string]int       `json:"noise"` // kinds of noise, counted over tracked rows
	Observations []Observation        `json:"observations"`
}

// Person is a tracked person as the truth knows them. Gender is what some
// row recorded ("unknown" when none did); BirthYear likewise, or nil.
type Person struct {
	Key       string `json:"person"`
	Name      string `json:"name"`
	Gender    string `json:"gender"`
	BirthYear *int   `json:"birth_year"`
}

// Observation is one row of a tracked person: file and line (header = 1),
// the person, the official code of the organization ("" for a company
// outside the registry) and the true role of the row's title.
type Observation struct {
	File         string `json:"file"`
	Line         int    `json:"line"`
	Person       string `json:"person"`
	Organization string `json:"organization"`
	Role         string `json:"role"`
}

// Sources are the census sources, one file each per wave.
var Sources = []string{"linkedin", "xing", "press", "web", "self", "survey"}

// gen is one run of Generate.
type gen struct {
	opts   Options
	dir    string
	model  *rand.Rand // people and their careers
	rows   *rand.Rand // how rows are written, and filler
	layout *rand.Rand // file formats

	orgs         []*org
	order        []int // organizations with a code: real ones first, each part shuffled
	fresh        int   // order[:fresh] have been given a CDO post
	people       []*person
	byName       map[string][]int
	trackedNames map[string]bool
	profiles     map[string]bool            // profile URLs of tracked people
	trackedAt    map[string]map[string]bool // name → orgPlace and companyPlace of its tracked people

	cdoAt    [][][]int // [wave][person]: organizations where a row says cdo
	truth    *Truth
	manifest [][]string
}

// Generate writes the census files into dir (created when missing) and
// returns their truth, which it also writes to dir/truth.json. EINVALID
// for options out of range.
func Generate(opts Options, dir string) (*Truth, error) {
	if opts.FirstWave == 0 {
		opts.FirstWave = 2021
	}
	if opts.Rows == 0 {
		opts.Rows = 10 * opts.People * opts.Waves
	}
	switch {
	case opts.FillerLeaders == 0:
		opts.FillerLeaders = 50
	case opts.FillerLeaders < 0:
		opts.FillerLeaders = 0
	}
	switch {
	case opts.People < 1:
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "people must be at least 1")
	case opts.Waves < 1 || opts.Waves > 50:
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "waves must be between 1 and 50")
	case opts.Rows < 0:
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "rows must not be negative")
	case opts.FirstWave < 1900 || opts.FirstWave+opts.Waves > 2100:
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "waves must lie between 1900 and 2100")
	case opts.FillerLeaders > 100:
		return nil, cdoatlas.Errorf(cdoatlas.EINVALID, "filler leaders must be a percentage")
	}
	seed := uint64(opts.Seed)
	g := &gen{
		opts: opts, dir: dir,
		model:  rand.New(rand.NewPCG(seed, 0x6d6f64656c)),
		rows:   rand.New(rand.NewPCG(seed, 0x726f7773)),
		layout: rand.New(rand.NewPCG(seed, 0x6c61796f7574)),
		byName: map[string][]int{},
		truth:  &Truth{Seed: opts.Seed, People: opts.People, Noise: map[string]int{}},
	}
	orgs, err := loadOrgs(opts.Seed, opts.People+opts.People/3+1, opts.Gazetteer)
	if err != nil {
		return nil, err
	}
	g.orgs = orgs
	g.shuffleOrgs()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := g.writeRegistry(); err != nil {
		return nil, err
	}
	g.newPeople()
	g.simulate()
	g.placeTracked()
	styles := g.fileStyles()
	for w := 0; w < opts.Waves; w++ {
		if err := g.writeWave(w, styles[w*len(Sources):(w+1)*len(Sources)]); err != nil {
			return nil, err
		}
	}
	if err := writeCSVFile(filepath.Join(dir, "waves.csv"), []string{"wave", "date", "source", "file", "rows"}, g.manifest); err != nil {
		return nil, err
	}
	g.figures()
	b, err := json.MarshalIndent(g.truth, "", " ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return g.truth, nil
}

// shuffleOrgs orders the organizations with a code for CDO posts: first
// the counties and the cities of the same name (Landkreis München and
// Stadt München), so that even small runs have both with different CDOs,
// then the other real ones of the demo and places.csv, then those of the
// gazetteer in their order, then the invented ones.
func (g *gen) shuffleOrgs() {
	var pairs, real, rest []int
	city := map[string]int{}
	for i, o := range g.orgs {
		if o.tracked() && o.municipal() && o.source == fromDemo {
			city[o.Region+" "+o.base] = i
		}
	}
	paired := map[int]bool{}
	for i, o := range g.orgs {
		if o.Kind != cdoatlas.KindCounty || !o.tracked() || o.source != fromDemo {
			continue
		}
		if c, ok := city[o.Region+" "+strings.TrimPrefix(o.base, "Region ")]; ok {
			pairs = append(pairs, i, c)
			paired[i], paired[c] = true, true
		}
	}
	var synthetic []int
	for i, o := range g.orgs {
		switch {
		case !o.tracked() || paired[i]:
		case o.source == fromDemo:
			real = append(real, i)
		case o.source == fromGazetteer:
			rest = append(rest, i)
		default:
			synthetic = append(synthetic, i)
		}
	}
	g.model.Shuffle(len(real), func(i, j int) { real[i], real[j] = real[j], real[i] })
	g.model.Shuffle(len(synthetic), func(i, j int) { synthetic[i], synthetic[j] = synthetic[j], synthetic[i] })
	g.order = slices.Concat(pairs, real, rest, synthetic)
}

func waveID(opts Options, w int) string { return fmt.Sprint(opts.FirstWave + w) }

func waveDate(opts Options, w int) string { return fmt.Sprintf("%d-06-30", opts.FirstWave+w) }
