package census

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
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

// Thresholds of the person match: at or above Link an observation joins a
// person; between Ask and Link it makes a new person and a question.
const (
	Link = 0.9
	Ask  = 0.6
)

// Resolver links observations to organizations, posts and people. It
// holds an index of what is stored and collects what a run creates; the
// store writes that. Strong identifiers come first (profile URL, official
// code), then normalized names (NameKey, OrgKey) and, among the people
// seen at the same organization, similar names. Two different profiles on
// one site are two people. A person is never split and never renumbered:
// observations only join or create people.
type Resolver struct {
	// NewID returns the ID for a new row of "organizations", "posts" or
	// "people".
	NewID func(table string) int64

	orgs      map[int64]*OrgRef
	orgByCode map[string][]int64
	orgByName map[string][]int64
	posts     map[postKey]int64
	people    map[int64]*person
	byName    map[string][]int64
	byProfile map[string]int64
	byOrg     map[int64][]int64
	asked     map[[2]int64]bool

	// What a run created or changed, for the store to write.
	NewOrgs     []*cdoatlas.Organization
	NewPosts    []*cdoatlas.Post
	NewPeople   []*cdoatlas.Person
	NewProfiles []Profile
	Questions   []Question
	// Genders and birth years learned for stored people.
	Updated map[int64]*cdoatlas.Person
}

type postKey struct {
	org  int64
	role string
}

type person struct {
	ref     PersonRef
	orgs    map[int64]bool
	waves   map[string]map[int64]bool // wave → organizations seen at in it
	sites   map[string]string         // site → profile key
	created bool                      // in this run
}

// NewResolver indexes what is stored. asked lists the pairs of people
// asked about before (answered or not), which are not asked again.
func NewResolver(orgs []OrgRef, posts []PostRef, people []PersonRef, asked [][2]int64) *Resolver {
	r := &Resolver{
		orgs: map[int64]*OrgRef{}, orgByCode: map[string][]int64{}, orgByName: map[string][]int64{},
		posts: map[postKey]int64{}, people: map[int64]*person{}, byName: map[string][]int64{},
		byProfile: map[string]int64{}, byOrg: map[int64][]int64{}, asked: map[[2]int64]bool{},
		Updated: map[int64]*cdoatlas.Person{},
	}
	for i := range orgs {
		r.addOrg(&orgs[i])
	}
	for _, p := range posts {
		k := postKey{p.OrgID, p.Role}
		if _, ok := r.posts[k]; !ok || p.Role == cdoatlas.RoleOther {
			r.posts[k] = p.ID
		}
	}
	for _, p := range people {
		r.addPerson(p, false)
	}
	for _, a := range asked {
		r.asked[pair(a[0], a[1])] = true
	}
	return r
}

func pair(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

func (r *Resolver) addOrg(o *OrgRef) {
	r.orgs[o.ID] = o
	if o.CodeKey != "" {
		r.orgByCode[o.CodeKey] = append(r.orgByCode[o.CodeKey], o.ID)
	}
	seen := map[string]bool{}
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		if k, _ := OrgKey(n); k != "" && !seen[k] {
			seen[k] = true
			r.orgByName[k] = append(r.orgByName[k], o.ID)
		}
	}
}

func (r *Resolver) addPerson(ref PersonRef, created bool) *person {
	p := &person{ref: ref, orgs: map[int64]bool{}, waves: map[string]map[int64]bool{}, sites: map[string]string{}, created: created}
	r.people[ref.ID] = p
	if k := NameKey(ref.Name); k != "" {
		r.byName[k] = append(r.byName[k], ref.ID)
	}
	for _, s := range ref.Seen {
		r.seenAt(p, s.Org, s.Wave)
	}
	for _, k := range ref.Profiles {
		r.byProfile[k] = ref.ID
		p.sites[profileSite(k)] = k
	}
	return p
}

func (r *Resolver) seenAt(p *person, org int64, wave string) {
	if !p.orgs[org] {
		p.orgs[org] = true
		r.byOrg[org] = append(r.byOrg[org], p.ref.ID)
	}
	if wave != "" {
		if p.waves[wave] == nil {
			p.waves[wave] = map[int64]bool{}
		}
		p.waves[wave][org] = true
	}
}

// elsewhereIn reports whether p was seen in wave at another organization
// than org.
func (p *person) elsewhereIn(wave string, org int64) bool {
	for o := range p.waves[wave] {
		if o != org {
			return true
		}
	}
	return false
}

// Resolve links the digital-leadership observations (Leadership) to an
// organization, a post of their role and a person, setting
// OrganizationID, PostID, PersonID and Match. Rows with a profile URL are
// resolved first, so that the rows of a wave without one find the people
// those rows placed.
func (r *Resolver) Resolve(obs []*cdoatlas.Observation) {
	var lead []*cdoatlas.Observation
	for _, o := range obs {
		if o.Leadership() {
			lead = append(lead, o)
		}
	}
	sort.SliceStable(lead, func(i, j int) bool { return lead[i].ProfileURL != "" && lead[j].ProfileURL == "" })
	for _, o := range lead {
		o.OrganizationID = r.organization(o)
		o.PostID = r.post(o)
		o.PersonID, o.Match = r.person(o)
	}
}

// organization finds the observation's organization by official code,
// then by name (OrgKey) within its country, region and kind, or creates
// it.
func (r *Resolver) organization(o *cdoatlas.Observation) int64 {
	if o.OfficialCode != "" {
		probe := cdoatlas.Organization{Country: o.Country, OfficialCode: o.OfficialCode}
		for _, id := range r.orgByCode[probe.CodeKey()] {
			if org := r.orgs[id]; o.Country == "" || org.Country == o.Country {
				return id
			}
		}
	}
	key, kind := OrgKey(o.Organization)
	var fits []int64
	for _, id := range r.orgByName[key] {
		org := r.orgs[id]
		if o.Country != "" && org.Country != o.Country || o.Region != "" && org.Region != "" && org.Region != o.Region {
			continue
		}
		if kind != "" && !kindFits(kind, org.Kind) {
			continue
		}
		fits = append(fits, id)
	}
	if len(fits) > 1 {
		// A bare name is the city; the exact name wins over variants.
		fits = narrow(fits, func(id int64) bool { return cdoatlas.Fold(r.orgs[id].Name) == cdoatlas.Fold(o.Organization) })
		if kind == "" {
			fits = narrow(fits, func(id int64) bool { return kindFits(cdoatlas.KindMunicipality, r.orgs[id].Kind) })
		}
	}
	if len(fits) > 0 {
		return fits[0]
	}
	return r.createOrg(o, kind)
}

// narrow keeps the ids that pass, unless none does.
func narrow(ids []int64, keep func(int64) bool) []int64 {
	var out []int64
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}

func kindFits(hint, kind string) bool {
	switch hint {
	case cdoatlas.KindMunicipality:
		return kind == cdoatlas.KindMunicipality || kind == cdoatlas.KindCityState
	case cdoatlas.KindCityState:
		return kind == cdoatlas.KindCityState || kind == cdoatlas.KindMunicipality
	case cdoatlas.KindState:
		return kind == cdoatlas.KindState || kind == cdoatlas.KindCityState
	}
	return kind == hint
}

func (r *Resolver) createOrg(o *cdoatlas.Observation, kind string) int64 {
	switch {
	case CompanyName(o.Organization):
		kind = cdoatlas.KindCompany
	case kind == "":
		kind = cdoatlas.KindUnknown
	}
	country := o.Country
	if country == "" && o.Region != "" {
		country, _, _ = strings.Cut(o.Region, "-")
	}
	if country == "" {
		country = "DE"
	}
	org := &cdoatlas.Organization{ID: r.NewID("organizations"), Name: o.Organization, Kind: kind, Country: country, Region: o.Region}
	if o.OfficialCode != "" {
		probe := *org
		probe.OfficialCode = o.OfficialCode
		if probe.Validate() == nil {
			org.OfficialCode = probe.OfficialCode
		}
	}
	org.Normalize()
	r.NewOrgs = append(r.NewOrgs, org)
	ref := &OrgRef{ID: org.ID, Name: org.Name, Kind: org.Kind, Country: org.Country, Region: org.Region, CodeKey: org.CodeKey()}
	r.addOrg(ref)
	return org.ID
}

// post finds the organization's post of the observation's role, or
// creates it from the observation's title.
func (r *Resolver) post(o *cdoatlas.Observation) int64 {
	k := postKey{o.OrganizationID, o.Role}
	if id, ok := r.posts[k]; ok {
		return id
	}
	p := &cdoatlas.Post{ID: r.NewID("posts"), OrganizationID: o.OrganizationID, Title: o.Title, Tasks: o.Tasks,
		Role: o.Role, CDOCheck: o.CDOCheck, Archetype: o.Archetype}
	if p.CDOCheck == "" {
		p.CDOCheck = cdoatlas.CheckUnknown
	}
	p.Confidence, p.Review = o.Confidence, cdoatlas.ReviewAuto
	if o.Confidence < classify.ReviewThreshold {
		p.Review = cdoatlas.ReviewPending
	}
	if len([]rune(p.Title)) > 300 {
		p.Title = string([]rune(p.Title)[:300])
	}
	r.NewPosts = append(r.NewPosts, p)
	r.posts[k] = p.ID
	return p.ID
}

// person finds or creates the observation's person and returns the
// confidence of the link (1 for a new person).
func (r *Resolver) person(o *cdoatlas.Observation) (int64, float64) {
	profile := ProfileKey(o.ProfileURL)
	if profile != "" {
		if id, ok := r.byProfile[profile]; ok {
			return r.join(r.people[id], o, profile, 1), 1
		}
	}
	key := NameKey(o.PersonName)
	// Two profiles on one site, two recorded genders or two birth years
	// are two people.
	known := func(g string) bool { return g != "" && g != cdoatlas.GenderUnknown }
	conflicts := func(p *person) bool {
		if known(o.Gender) && known(p.ref.Gender) && o.Gender != p.ref.Gender {
			return true
		}
		if o.BirthYear != nil && p.ref.BirthYear != nil && *o.BirthYear != *p.ref.BirthYear {
			return true
		}
		if profile == "" {
			return false
		}
		k, ok := p.sites[profileSite(profile)]
		return ok && k != profile
	}
	// Same name, seen at the same organization.
	var elsewhere []*person
	for _, id := range r.byName[key] {
		p := r.people[id]
		if conflicts(p) {
			continue
		}
		if p.orgs[o.OrganizationID] {
			return r.join(p, o, profile, 0.95), 0.95
		}
		elsewhere = append(elsewhere, p)
	}
	// A similar name at the same organization.
	var best *person
	bestScore := 0.0
	for _, id := range r.byOrg[o.OrganizationID] {
		p := r.people[id]
		if conflicts(p) {
			continue
		}
		if s := nameSimilarity(key, NameKey(p.ref.Name)); s > bestScore {
			best, bestScore = p, s
		}
	}
	if best != nil && bestScore >= Link {
		return r.join(best, o, profile, bestScore), bestScore
	}
	// The same name elsewhere: someone who moved, or a namesake. The only
	// one of that name not seen at another organization in this wave is
	// taken to have moved; otherwise the editors are asked.
	var movers []*person
	for _, p := range elsewhere {
		if !p.elsewhereIn(o.Wave, o.OrganizationID) {
			movers = append(movers, p)
		}
	}
	if len(movers) == 1 && (best == nil || bestScore < Ask) {
		return r.join(movers[0], o, profile, Link), Link
	}
	created := r.create(o, profile)
	switch {
	case best != nil && bestScore >= Ask:
		r.ask(best, created, bestScore, fmt.Sprintf("similar names (%s / %s) at the same organization", best.ref.Name, created.ref.Name))
	case len(elsewhere) > 0:
		for _, p := range elsewhere {
			why := "same name (%s), seen at another organization in the same wave"
			if !p.elsewhereIn(o.Wave, o.OrganizationID) {
				why = "same name (%s), seen at another organization in an earlier wave"
			}
			r.ask(p, created, 0.7, fmt.Sprintf(why, p.ref.Name))
		}
	}
	return created.ref.ID, 1
}

// join links o to p and learns its organization, profile, gender and
// birth year.
func (r *Resolver) join(p *person, o *cdoatlas.Observation, profile string, _ float64) int64 {
	r.seenAt(p, o.OrganizationID, o.Wave)
	if profile != "" {
		if _, ok := r.byProfile[profile]; !ok {
			r.byProfile[profile] = p.ref.ID
			p.sites[profileSite(profile)] = profile
			r.NewProfiles = append(r.NewProfiles, Profile{Key: profile, PersonID: p.ref.ID})
		}
	}
	gender := p.ref.Gender == "" || p.ref.Gender == cdoatlas.GenderUnknown
	if gender && o.Gender != "" && o.Gender != cdoatlas.GenderUnknown || p.ref.BirthYear == nil && o.BirthYear != nil {
		if gender && o.Gender != "" && o.Gender != cdoatlas.GenderUnknown {
			p.ref.Gender = o.Gender
		}
		if p.ref.BirthYear == nil && o.BirthYear != nil {
			y := *o.BirthYear
			p.ref.BirthYear = &y
		}
		if p.created {
			for _, np := range r.NewPeople {
				if np.ID == p.ref.ID {
					np.Gender, np.BirthYear = p.ref.Gender, p.ref.BirthYear
				}
			}
		} else {
			r.Updated[p.ref.ID] = &cdoatlas.Person{ID: p.ref.ID, Gender: p.ref.Gender, BirthYear: p.ref.BirthYear}
		}
	}
	return p.ref.ID
}

func (r *Resolver) create(o *cdoatlas.Observation, profile string) *person {
	gender := o.Gender
	if gender == "" {
		gender = cdoatlas.GenderUnknown
	}
	np := &cdoatlas.Person{ID: r.NewID("people"), Name: PersonName(o.PersonName), Gender: gender}
	if o.BirthYear != nil {
		y := *o.BirthYear
		np.BirthYear = &y
	}
	r.NewPeople = append(r.NewPeople, np)
	p := r.addPerson(PersonRef{ID: np.ID, Name: np.Name, Gender: gender, BirthYear: np.BirthYear}, true)
	r.seenAt(p, o.OrganizationID, o.Wave)
	if profile != "" {
		r.byProfile[profile] = np.ID
		p.sites[profileSite(profile)] = profile
		r.NewProfiles = append(r.NewProfiles, Profile{Key: profile, PersonID: np.ID})
	}
	return p
}

// ask records a question about two people unless it was asked before.
func (r *Resolver) ask(a, b *person, score float64, evidence string) {
	k := pair(a.ref.ID, b.ref.ID)
	if r.asked[k] {
		return
	}
	r.asked[k] = true
	r.Questions = append(r.Questions, Question{A: k[0], B: k[1], Score: score, Evidence: evidence})
}

// nameSimilarity compares two name keys: 1 when equal; 0.92 for one typo
// in a long name; 0.8 for the same last name and a first name that is an
// initial or a prefix of the other ("j muller", "jorg muller"); else a
// score from the edit distance.
func nameSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	at, bt := strings.Fields(a), strings.Fields(b)
	if len(at) >= 2 && len(bt) >= 2 && at[len(at)-1] == bt[len(bt)-1] {
		fa, fb := at[0], bt[0]
		if strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa) {
			return 0.8
		}
	}
	d := editDistance(a, b, 3)
	n := max(len(a), len(b))
	switch {
	case d == 1 && n >= 8:
		return 0.92
	case d == 2 && n >= 10:
		return 0.75
	}
	return 0
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// when it exceeds limit.
func editDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
