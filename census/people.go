package census

import (
	"cmp"
	"slices"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// maxMovers is the most namesakes, not yet seen in a wave, among whom
// resolution still looks for the one who moved. A name shared by more
// people who could have moved says nothing about who it is.
const maxMovers = 4

func (r *Resolver) addPerson(ref PersonRef) *person {
	seen, profiles := ref.Seen, ref.Profiles
	ref.Seen, ref.Profiles = nil, nil // held compactly below
	p := &person{ref: personRef{ID: ref.ID, Name: ref.Name, Gender: ref.Gender, BirthYear: ref.BirthYear}, key: r.nameKey(ref.Name)}
	r.people[ref.ID] = p
	if p.key != "" {
		r.byName[p.key] = append(r.byName[p.key], ref.ID)
		if ids, ok := r.unseen[p.key]; ok {
			r.unseen[p.key] = append(ids, ref.ID)
		}
	}
	for _, s := range seen {
		r.seenAt(p, s.Org, s.Wave, s.Role)
	}
	for _, k := range profiles {
		r.byProfile[k] = ref.ID
		p.addProfile(k)
	}
	return p
}

// nameKey is NameKey(name), worked out once per name.
func (r *Resolver) nameKey(name string) string {
	k, ok := r.nameKeys[name]
	if !ok {
		k = NameKey(name)
		r.nameKeys[name] = k
	}
	return k
}

// startWave begins the resolution of a wave: who was not seen in it yet
// is worked out per name when it is first asked (unseenNamed).
func (r *Resolver) startWave(wave string) {
	if r.wave == wave && r.unseen != nil {
		return
	}
	r.wave, r.unseen = wave, map[string][]int64{}
}

// unseenNamed returns the people of a name key not yet seen in the wave
// being resolved: the only ones who may have moved. It is worked out once
// per name and wave and kept up to date by seenAt, so the work stays
// linear in the people stored.
func (r *Resolver) unseenNamed(key string) []int64 {
	if ids, ok := r.unseen[key]; ok {
		return ids
	}
	var ids []int64
	for _, id := range r.byName[key] {
		if !r.people[id].seenIn(r.wave) {
			ids = append(ids, id)
		}
	}
	r.unseen[key] = ids
	return ids
}

func (r *Resolver) seenAt(p *person, org int64, wave, role string) {
	if !p.seenAtOrg(org) {
		for _, t := range nameTokens(p.key) {
			k := orgToken{org, t}
			r.byOrgTok[k] = append(r.byOrgTok[k], p.ref.ID)
		}
	}
	if role != "" {
		p.roles |= roleBit(role)
	}
	first := wave != "" && !p.seenIn(wave)
	if !slices.Contains(p.waves, waveOrg{wave, org}) {
		p.waves = append(p.waves, waveOrg{wave, org})
	}
	if wave != "" {
		if first && wave == r.wave {
			if ids, ok := r.unseen[p.key]; ok {
				r.unseen[p.key] = slices.DeleteFunc(ids, func(id int64) bool { return id == p.ref.ID })
			}
		}
	}
}

// roleBits numbers the roles for person.roles.
var roleBits = func() map[string]uint32 {
	m := map[string]uint32{}
	for i, role := range cdoatlas.Roles {
		m[role] = 1 << i
	}
	return m
}()

// roleBit is the bit of a role; roles the atlas does not know share the
// highest bit.
func roleBit(role string) uint32 {
	if b, ok := roleBits[role]; ok {
		return b
	}
	return 1 << 31
}

// nameTokens are the blocking words of a name key: its first and last.
func nameTokens(key string) []string {
	f := strings.Fields(key)
	switch len(f) {
	case 0:
		return nil
	case 1:
		return f
	}
	return []string{f[0], f[len(f)-1]}
}

// conflicts reports whether o cannot be p: two recorded genders, two birth
// years, or two different profiles on one site.
func conflicts(p *person, o *cdoatlas.Observation, profile string) bool {
	known := func(g string) bool { return g != "" && g != cdoatlas.GenderUnknown }
	if known(o.Gender) && known(p.ref.Gender) && o.Gender != p.ref.Gender {
		return true
	}
	if o.BirthYear != nil && p.ref.BirthYear != nil && *o.BirthYear != *p.ref.BirthYear {
		return true
	}
	if profile == "" {
		return false
	}
	k, ok := p.profileOn(profileSite(profile))
	return ok && k != profile
}

// strongMatch links o to the person its profile names, or to the person of
// its name at its organization; 0 when neither is there.
func (r *Resolver) strongMatch(o *cdoatlas.Observation) (int64, float64) {
	profile := ProfileKey(o.ProfileURL)
	if profile != "" {
		if id, ok := r.byProfile[profile]; ok {
			p := r.people[id]
			if q := r.namesakeAt(p, o); q != nil {
				p = r.mergeLate(p, q)
			}
			return r.join(p, o, profile), 1
		}
	}
	key := r.nameKey(o.PersonName)
	toks := nameTokens(key)
	if len(toks) == 0 {
		return 0, 0
	}
	// The people of the organization with the name's last word, of whom
	// those with the name.
	for _, id := range r.byOrgTok[orgToken{o.OrganizationID, toks[len(toks)-1]}] {
		if p := r.people[id]; p.key == key && !conflicts(p, o, profile) {
			return r.join(p, o, profile), 0.95
		}
	}
	return 0, 0
}

// weakMatch links o, which strongMatch could not place, to a person with a
// similar name at its organization, or to the one namesake who may have
// moved there; otherwise it creates a person, and asks the editors where
// the evidence conflicts: a similar name at the same organization, or a
// few namesakes who may each have moved.
func (r *Resolver) weakMatch(o *cdoatlas.Observation) (int64, float64) {
	// A row before this one may have placed the person since the first
	// pass.
	if id, score := r.strongMatch(o); id != 0 {
		return id, score
	}
	profile := ProfileKey(o.ProfileURL)
	key := r.nameKey(o.PersonName)
	var best *person
	bestScore := 0.0
	for _, t := range nameTokens(key) {
		for _, id := range r.byOrgTok[orgToken{o.OrganizationID, t}] {
			p := r.people[id]
			// A similar name in another role at the organization is a
			// colleague: the CIO "Sabine Lange" beside the CDO "Sabine Lang".
			if conflicts(p, o, profile) || !p.hasRole(o.Role) {
				continue
			}
			if s := nameSimilarity(key, p.key); s > bestScore || s == bestScore && best != nil && p.ref.ID < best.ref.ID {
				best, bestScore = p, s
			}
		}
	}
	if best != nil && bestScore >= Link {
		return r.join(best, o, profile), bestScore
	}
	// Namesakes not seen in this wave who may have moved here: those
	// seen in the same role first. Only one can be taken to have moved.
	var movers []*person
	if ids := r.unseenNamed(key); len(ids) <= maxMovers {
		for _, id := range ids {
			if p := r.people[id]; !conflicts(p, o, profile) {
				movers = append(movers, p)
			}
		}
	}
	slices.SortFunc(movers, func(a, b *person) int { return cmp.Compare(a.ref.ID, b.ref.ID) })
	movers = slices.DeleteFunc(movers, func(p *person) bool { return !p.hasRole(o.Role) })
	// One namesake may have moved, but the name is new in the role at
	// several organizations in this wave: which row is the mover, if any,
	// is a guess.
	if len(movers) == 1 && r.restOrgs[o.Role+" "+key].several {
		movers = nil
	}
	if len(movers) == 1 && (best == nil || bestScore < Ask) {
		return r.join(movers[0], o, profile), Link
	}
	// The only other person of a rare name, known from earlier waves in
	// the same role and seen at another organization in this one, neither
	// with a profile: a second post, or a namesake. Several namesakes who could each have
	// moved are no conflicting evidence, only too little: the row is a
	// new person, and no question is asked.
	var twin *person
	if ids := r.byName[key]; len(movers) == 0 && len(ids) == 1 {
		if p := r.people[ids[0]]; profile == "" && len(p.profiles) == 0 && !conflicts(p, o, profile) && p.seenIn(o.Wave) && p.waveCount() > 1 &&
			p.hasRole(o.Role) {
			twin = p
		}
	}
	created := r.create(o, profile)
	switch {
	case twin != nil && (best == nil || bestScore < Ask):
		r.ask(twin, created, 0.7, Evidence("evidence.same_name", twin.ref.Name))
	case best != nil && bestScore >= Ask:
		r.ask(best, created, bestScore, Evidence("evidence.similar_names", best.ref.Name, created.ref.Name))
	}
	return created.ref.ID, 1
}

// join links o to p and learns its organization, profile, gender and
// birth year.
func (r *Resolver) join(p *person, o *cdoatlas.Observation, profile string) int64 {
	r.seenAt(p, o.OrganizationID, o.Wave, o.Role)
	if profile != "" {
		if _, ok := r.byProfile[profile]; !ok {
			r.byProfile[profile] = p.ref.ID
			p.addProfile(profile)
			r.NewProfiles = append(r.NewProfiles, Profile{Key: profile, PersonID: p.ref.ID})
		}
	}
	r.learnPerson(p, o)
	return p.ref.ID
}

// learnPerson gives p the gender and birth year o records where p has
// none.
func (r *Resolver) learnPerson(p *person, o *cdoatlas.Observation) {
	learnGender := p.ref.Gender == "" || p.ref.Gender == cdoatlas.GenderUnknown
	learnGender = learnGender && o.Gender != "" && o.Gender != cdoatlas.GenderUnknown
	learnYear := p.ref.BirthYear == nil && o.BirthYear != nil
	if !learnGender && !learnYear {
		return
	}
	if learnGender {
		p.ref.Gender = o.Gender
	}
	if learnYear {
		y := *o.BirthYear
		p.ref.BirthYear = &y
	}
	if np := p.np; np != nil {
		np.Gender, np.BirthYear = p.ref.Gender, p.ref.BirthYear
	} else {
		r.Updated[p.ref.ID] = &cdoatlas.Person{ID: p.ref.ID, Gender: p.ref.Gender, BirthYear: p.ref.BirthYear}
	}
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
	p := r.addPerson(PersonRef{ID: np.ID, Name: np.Name, Gender: gender, BirthYear: np.BirthYear})
	p.np = np
	r.seenAt(p, o.OrganizationID, o.Wave, o.Role)
	if profile != "" {
		r.byProfile[profile] = np.ID
		p.addProfile(profile)
		r.NewProfiles = append(r.NewProfiles, Profile{Key: profile, PersonID: np.ID})
	}
	return p
}

// Evidence writes why a question is asked as a message key and its
// arguments, separated by tabs, for pages to say in their language
// (ParseEvidence).
func Evidence(key string, args ...string) string {
	return strings.Join(append([]string{key}, args...), "\t")
}

// ParseEvidence splits what Evidence wrote into key and arguments; ok is
// false for evidence stored as text by earlier versions.
func ParseEvidence(s string) (key string, args []string, ok bool) {
	parts := strings.Split(s, "\t")
	if !strings.HasPrefix(parts[0], "evidence.") {
		return "", nil, false
	}
	return parts[0], parts[1:], true
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
// in a long name ("jorg muller", "jorg mueller" after folding is equal,
// "jorg mullr" is a typo); 0.8 for the same last name and a first name
// that is the other's initial ("j muller", "jorg muller"); else 0. Two
// first names of which one extends the other are two names ("andrea",
// "andreas"), and names two letters apart are two people ("sabine
// huber", "nadine huber"; "tobias gruber", "tobias huber").
func nameSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	at, bt := strings.Fields(a), strings.Fields(b)
	if len(at) >= 2 && len(bt) >= 2 && at[len(at)-1] == bt[len(bt)-1] {
		fa, fb := at[0], bt[0]
		if len(fa) > len(fb) {
			fa, fb = fb, fa
		}
		if strings.HasPrefix(fb, fa) {
			if len(fa) == 1 {
				return 0.8
			}
			return 0
		}
	}
	if max(len(a), len(b)) >= 8 && editDistance(a, b, 1) == 1 {
		return 0.92
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

// namesakeAt returns the person the row's name would have joined at its
// organization (strongMatch), where its profile names another, p: one of
// the same name and role, seen at the organization in an earlier wave and
// not in this one, with nothing against their being p (no two genders,
// birth years or profiles on one site, no question asked about the two,
// no post in the registry). The row is then late evidence that the two
// are one: "Thomas Busch" with a XING profile at Coesfeld and with a
// LinkedIn profile at Duisburg in one wave, the LinkedIn profile at
// Coesfeld the next. Nil when there is none or p was seen there itself.
func (r *Resolver) namesakeAt(p *person, o *cdoatlas.Observation) *person {
	key := r.nameKey(o.PersonName)
	toks := nameTokens(key)
	if len(toks) == 0 || p.seenAtOrg(o.OrganizationID) {
		return nil
	}
	for _, id := range r.byOrgTok[orgToken{o.OrganizationID, toks[len(toks)-1]}] {
		q := r.people[id]
		if q == p || q.key != key || !q.hasRole(o.Role) || q.seenIn(o.Wave) || r.asked[pair(p.ref.ID, q.ref.ID)] ||
			q.inRegistry() || p.inRegistry() || apart(p, q) {
			continue
		}
		return q
	}
	return nil
}

// inRegistry reports whether the person holds a post in the registry.
func (p *person) inRegistry() bool {
	return slices.ContainsFunc(p.waves, func(w waveOrg) bool { return w.wave == "" })
}

// apart reports whether two people cannot be one: two recorded genders,
// two birth years, or two profiles on one site.
func apart(p, q *person) bool {
	known := func(g string) bool { return g != "" && g != cdoatlas.GenderUnknown }
	if known(p.ref.Gender) && known(q.ref.Gender) && p.ref.Gender != q.ref.Gender {
		return true
	}
	if p.ref.BirthYear != nil && q.ref.BirthYear != nil && *p.ref.BirthYear != *q.ref.BirthYear {
		return true
	}
	for _, k := range q.profiles {
		if other, ok := p.profileOn(profileSite(k)); ok && other != k {
			return true
		}
	}
	return false
}

// mergeLate makes p and q one person and returns it: the older (the lower
// ID) keeps its ID and gains the other's sightings, roles, profiles,
// gender and birth year. A stored person that goes is recorded in Merges
// for the store; one this run created is not written at all. The rows,
// profiles and questions of this run are moved at the end of Resolve
// (applyMerges).
func (r *Resolver) mergeLate(p, q *person) *person {
	keep, drop := p, q
	if drop.ref.ID < keep.ref.ID {
		keep, drop = drop, keep
	}
	// Out of the indexes by name, organization and profile.
	dropID := drop.ref.ID
	without := func(ids []int64) []int64 {
		return slices.DeleteFunc(ids, func(id int64) bool { return id == dropID })
	}
	r.byName[drop.key] = without(r.byName[drop.key])
	if ids, ok := r.unseen[drop.key]; ok {
		r.unseen[drop.key] = without(ids)
	}
	for _, w := range drop.waves {
		for _, t := range nameTokens(drop.key) {
			k := orgToken{w.org, t}
			r.byOrgTok[k] = without(r.byOrgTok[k])
		}
	}
	delete(r.people, dropID)
	for _, w := range drop.waves {
		r.seenAt(keep, w.org, w.wave, "")
	}
	keep.roles |= drop.roles
	for _, k := range drop.profiles {
		r.byProfile[k] = keep.ref.ID
		keep.addProfile(k)
	}
	// Gender and birth year the kept one lacks.
	o := &cdoatlas.Observation{Gender: drop.ref.Gender, BirthYear: drop.ref.BirthYear}
	r.learnPerson(keep, o)
	delete(r.Updated, dropID)
	if drop.np == nil {
		r.Merges = append(r.Merges, Merge{Keep: keep.ref.ID, Drop: dropID})
	}
	if r.merged == nil {
		r.merged = map[int64]int64{}
	}
	r.merged[dropID] = keep.ref.ID
	return keep
}

// applyMerges moves the rows, new profiles and questions of this run
// from the people merged into others to those, and drops the new people
// merged into others.
func (r *Resolver) applyMerges(obs []*cdoatlas.Observation) {
	r.NewPeople = slices.DeleteFunc(r.NewPeople, func(np *cdoatlas.Person) bool {
		_, gone := r.merged[np.ID]
		return gone
	})
	final := func(id int64) int64 {
		for {
			to, ok := r.merged[id]
			if !ok {
				return id
			}
			id = to
		}
	}
	for _, o := range obs {
		o.PersonID = final(o.PersonID)
	}
	for i := range r.NewProfiles {
		r.NewProfiles[i].PersonID = final(r.NewProfiles[i].PersonID)
	}
	qs := r.Questions[:0]
	for _, q := range r.Questions {
		k := pair(final(q.A), final(q.B))
		if k[0] == k[1] {
			continue
		}
		q.A, q.B = k[0], k[1]
		qs = append(qs, q)
	}
	r.Questions = qs
	for i, m := range r.Merges {
		r.Merges[i].Keep = final(m.Keep)
	}
}
