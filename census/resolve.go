package census

import (
	"context"
	"slices"

	"github.com/cdoatlas/cdoatlas"
)

// OrgRef is what resolution knows of a stored organization.
type OrgRef struct {
	ID         int64
	Name       string
	OtherNames []string
	Kind       string
	Country    string
	Region     string
	CodeKey    string // cdoatlas.Organization.CodeKey
}

// PostRef is a stored post.
type PostRef struct {
	ID    int64
	OrgID int64
	Role  string
	Title string
}

// PersonRef is a stored person with where they were seen: the
// organizations of their earlier observations (with the wave) and posts
// (wave ""), and their profile URLs (ProfileKey).
type PersonRef struct {
	ID        int64
	Name      string
	Gender    string
	BirthYear *int
	Seen      []Sighting
	Profiles  []string
}

// Sighting is an organization a person was seen at, in a wave ("" for a
// tenure in the registry).
type Sighting struct {
	Org  int64
	Wave string
	Role string // the role of the observation or post
}

// Profile links a profile URL to a person.
type Profile struct {
	Key      string // ProfileKey
	PersonID int64
}

// Question is a pair of people resolution could not tell apart.
type Question struct {
	A, B     int64 // A < B
	Score    float64
	Evidence string
}

// Index is what is stored that resolution needs: organizations, posts,
// people with their sightings and profiles, and the pairs of people asked
// about before (answered or not), which are not asked again.
type Index struct {
	Orgs   []OrgRef
	Posts  []PostRef
	People []PersonRef
	Asked  [][2]int64
}

// Changes are what a run of the resolver created or learned, for the store
// to write.
type Changes struct {
	NewOrgs     []*cdoatlas.Organization
	NewPosts    []*cdoatlas.Post
	NewPeople   []*cdoatlas.Person
	NewProfiles []Profile
	Questions   []Question
	// Genders and birth years learned for stored people.
	Updated map[int64]*cdoatlas.Person
	// Country and region learned for stored organizations that had no
	// region.
	OrgPlaces map[int64][2]string
	// Merges are stored people found to be one (mergeLate), in order:
	// everything of Drop becomes Keep's, and Drop goes.
	Merges []Merge
}

// Merge makes two stored people one.
type Merge struct{ Keep, Drop int64 }

// Thresholds of the person match: at or above Link an observation joins a
// person; between Ask and Link it makes a new person and a question.
const (
	Link = 0.9
	Ask  = 0.6
)

// Resolver links observations to organizations, posts and people. It
// holds an index of what is stored and collects what a run creates in
// Changes. Organizations are found by official code, then by name in the
// registry, then in the gazetteer (orgIndex.find). People are found by
// blocking keys only — profile, name, organization — so the work grows
// with the rows, not with the pairs of people (resolvePerson). A person is
// never split; two people are made one only on the evidence of a later
// wave (mergeLate), the older keeping its ID.
type Resolver struct {
	// NewID returns the ID for a new row of "organizations", "posts" or
	// "people".
	NewID func(table string) int64

	orgIndex  // the organizations stored and created
	posts     map[postKey]int64
	people    map[int64]*person
	byName    map[string][]int64
	byProfile map[string]int64
	byOrgTok  map[orgToken][]int64
	asked     map[[2]int64]bool
	newOrgs   map[int64]*cdoatlas.Organization
	// nameKeys memoizes NameKey: a census of common names holds each many
	// times.
	nameKeys map[string]string
	// The wave being resolved, and its people not seen in it yet by name
	// key, for the names asked about (unseenNamed).
	wave   string
	unseen map[string][]int64
	// merged maps the people this run made part of another to that one.
	merged map[int64]int64
	// restOrgs holds, by role and name key, the organization of the rows
	// the second pass of Resolve places, and whether there are several.
	restOrgs map[string]restName

	Changes
}

// restName is the organization of the rows of a name in a role left to
// the second pass of Resolve, and whether they are at several.
type restName struct {
	org     int64
	several bool
}

type postKey struct {
	org  int64
	role string
}

// orgToken blocks the people of an organization by a word of their name
// key (the first and the last), for the similar-name comparison.
type orgToken struct {
	org int64
	tok string
}

// person is a person as resolution knows them, held compactly: a census
// of a million rows knows some hundred thousand people.
type person struct {
	ref      personRef
	np       *cdoatlas.Person // the row to write, for a person this run created
	key      string           // NameKey
	waves    []waveOrg        // organizations seen at, by wave ("" for a tenure)
	roles    uint32           // roles seen in (roleBit)
	profiles []string         // profile keys, at most one a site
}

// personRef is what resolution keeps of a PersonRef.
type personRef struct {
	ID        int64
	Name      string
	Gender    string
	BirthYear *int
}

type waveOrg struct {
	wave string
	org  int64
}

// seenAtOrg reports whether the person was seen at the organization.
func (p *person) seenAtOrg(org int64) bool {
	for _, w := range p.waves {
		if w.org == org {
			return true
		}
	}
	return false
}

// seenIn reports whether the person was seen in the wave.
func (p *person) seenIn(wave string) bool {
	for _, w := range p.waves {
		if w.wave == wave && wave != "" {
			return true
		}
	}
	return false
}

// waveCount is the number of waves the person was seen in.
func (p *person) waveCount() int {
	var seen []string
	for _, w := range p.waves {
		if w.wave != "" && !slices.Contains(seen, w.wave) {
			seen = append(seen, w.wave)
		}
	}
	return len(seen)
}

func (p *person) hasRole(role string) bool { return p.roles&roleBit(role) != 0 }

// profileOn returns the person's profile on a site.
func (p *person) profileOn(site string) (string, bool) {
	for _, k := range p.profiles {
		if profileSite(k) == site {
			return k, true
		}
	}
	return "", false
}

// addProfile records a profile unless the person has one on its site.
func (p *person) addProfile(key string) {
	if _, ok := p.profileOn(profileSite(key)); !ok {
		p.profiles = append(p.profiles, key)
	}
}

// NewResolver indexes what is stored.
func NewResolver(ix *Index) *Resolver {
	r, _ := newResolver(context.Background(), ix)
	return r
}

// newResolver indexes what is stored, and stops with ctx's error when
// ctx ends: a census of a million rows takes seconds to index.
func newResolver(ctx context.Context, ix *Index) (*Resolver, error) {
	// Sized for what is stored, so that indexing a large census does not
	// grow the maps step by step.
	n := len(ix.People)
	r := &Resolver{
		orgIndex: newOrgIndex(len(ix.Orgs)),
		posts:    make(map[postKey]int64, len(ix.Posts)), people: make(map[int64]*person, n), byName: make(map[string][]int64, n/2),
		byProfile: make(map[string]int64, n), byOrgTok: make(map[orgToken][]int64, 2*n),
		asked: map[[2]int64]bool{}, nameKeys: map[string]string{},
		newOrgs: map[int64]*cdoatlas.Organization{},
		Changes: Changes{Updated: map[int64]*cdoatlas.Person{}, OrgPlaces: map[int64][2]string{}},
	}
	r.orgIndex.keys = make(map[string]orgKey, len(ix.Orgs))
	for i := range ix.Orgs {
		r.addOrg(&ix.Orgs[i])
	}
	for _, p := range ix.Posts {
		k := postKey{p.OrgID, p.Role}
		if _, ok := r.posts[k]; !ok || p.Role == cdoatlas.RoleOther {
			r.posts[k] = p.ID
		}
	}
	for i, p := range ix.People {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		r.addPerson(p)
	}
	for _, a := range ix.Asked {
		r.asked[pair(a[0], a[1])] = true
	}
	return r, nil
}

func pair(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

// checkEvery is how many rows a loop handles between looks at its context.
const checkEvery = 2048

// Resolve links the digital-leadership observations (Leadership) of one
// wave to an organization, a post of their role and a person, setting
// OrganizationID, PostID, PersonID and Match. It goes in two passes: first
// the rows with strong evidence (a known profile, or the same name at the
// same organization), then the others, so that whether a namesake was
// seen elsewhere in the wave is known before anyone is taken to have
// moved. It returns ctx's error when ctx ends.
func (r *Resolver) Resolve(ctx context.Context, obs []*cdoatlas.Observation) error {
	var lead []*cdoatlas.Observation
	for _, o := range obs {
		if o.Leadership() && resolvable(o) {
			lead = append(lead, o)
		}
	}
	// Rows with a profile first: the rows without one find the people
	// those rows placed.
	slices.SortStableFunc(lead, func(a, b *cdoatlas.Observation) int {
		return boolInt(a.ProfileURL == "") - boolInt(b.ProfileURL == "")
	})
	var rest []*cdoatlas.Observation
	for i, o := range lead {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r.startWave(o.Wave)
		o.OrganizationID = r.organization(o)
		o.PostID = r.post(o)
		if id, score := r.strongMatch(o); id != 0 {
			o.PersonID, o.Match = id, score
		} else {
			rest = append(rest, o)
		}
	}
	// Where one name is written at several organizations among the rows
	// left, which of them moved is not known (weakMatch).
	r.restOrgs = map[string]restName{}
	for _, o := range rest {
		k := o.Role + " " + r.nameKey(o.PersonName)
		if n, ok := r.restOrgs[k]; !ok {
			r.restOrgs[k] = restName{org: o.OrganizationID}
		} else if n.org != o.OrganizationID && !n.several {
			r.restOrgs[k] = restName{org: n.org, several: true}
		}
	}
	for i, o := range rest {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r.startWave(o.Wave)
		o.PersonID, o.Match = r.weakMatch(o)
	}
	if len(r.merged) > 0 {
		r.applyMerges(lead)
	}
	return nil
}

// resolvable reports whether a row has what resolution needs: a name, a
// title and an organization that were not flagged as unusable.
func resolvable(o *cdoatlas.Observation) bool {
	if o.PersonName == "" || o.Organization == "" || o.Title == "" {
		return false
	}
	for _, f := range o.Flags {
		switch f.Field {
		case "person_name", "title", "organization":
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
