package classify

import (
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// CheckResult is the verdict of the CDO check on a post's tasks.
type CheckResult struct {
	Verdict    string   `json:"cdo_check"` // yes, no or unknown (cdoatlas.CDOChecks)
	Confidence float64  `json:"confidence"`
	Reasons    []Reason `json:"reasons"`
}

// signals counts which groups of phrases and word rules occur in a task
// text.
type signals struct {
	digital, cross, strategy, coord, companies, community, head, budget, board int
	lead, ops, social, school, project, helper, privacy, security, gis         int
	whole, unit, topic, elsewhere                                              int
}

func (s signals) support() int {
	n := 0
	for _, v := range []int{s.strategy, s.coord, s.companies, s.community, s.head, s.budget, s.board} {
		if v > 0 {
			n++
		}
	}
	return n
}

// narrow counts signs of a job for one subject: operations, security,
// GIS, social media, schools, one project.
func (s signals) narrow() int {
	return s.ops + s.security + s.privacy + s.gis + s.social + s.school + s.project
}

func read(tasks string) (signals, hits) {
	text, elsewhere := foldTasks(tasks)
	h := index.scan(text)
	sc := readScope(text)
	var s signals
	s.digital = h.count(pDigital)
	s.cross = h.count(pCross) + sc.cross
	s.strategy = h.count(pStrategy) + sc.strat
	s.coord = h.count(pCoord) + sc.towns
	s.companies = h.count(pCompanies)
	s.community = h.count(pCommunity)
	s.head = h.count(pHead)
	s.budget = h.count(pBudget)
	s.board = h.count(pBoard)
	s.lead = h.count(pLead) + sc.lead
	s.ops = h.count(pOps)
	s.social = h.count(pSocial)
	s.school = h.count(pSchool)
	s.project = h.count(pProject)
	s.helper = h.count(pHelper) + sc.helps
	s.privacy = h.count(pPrivacy)
	s.security = h.count(pSecurity)
	s.gis = h.count(pGIS)
	s.whole = sc.whole
	s.unit = sc.unit
	s.topic = sc.topic + h.count(pTopic)
	s.elsewhere = elsewhere
	return s, h
}

// Check decides from a task description alone, whatever the title says,
// whether a post is a CDO post. Essential is responsibility for
// digitalisation across departments ("ämterübergreifend", "für alle
// Dezernate", "im gesamten Haus", "across all departments"), or for the
// digitalisation or digital strategy of the whole organisation ("die
// Digitalstrategie der Stadt") led by the post and backed by a place near
// the head of administration, a budget or two other supporting signs.
// Supporting signs are: digital strategy, coordination across the
// administration, municipal companies, the local community, advising the
// head of administration, an own budget and board access. A job for one
// unit ("Digitalisierung im Jugendamt"), one subject or one project
// (social media, school IT, IT operations or security, data protection,
// GIS, one system's introduction) or helper work is no, even when it
// serves all departments. Empty tasks give unknown. Every yes and no
// carries at least one reason.
func Check(tasks string) CheckResult {
	if strings.TrimSpace(tasks) == "" {
		return CheckResult{Verdict: cdoatlas.CheckUnknown, Reasons: []Reason{rNoTasks}}
	}
	s, _ := read(tasks)
	var rs []Reason
	add := func(n int, r Reason) {
		if n > 0 {
			rs = append(rs, r)
		}
	}
	add(s.cross, rCross)
	add(s.strategy, rStrategy)
	add(s.coord, rCoord)
	add(s.companies, rCompanies)
	add(s.community, rCommunity)
	add(s.head, rHead)
	add(s.budget, rBudget)
	add(s.board, rBoard)
	sup := s.support()
	narrow := s.narrow()
	no := func(conf float64, r Reason) CheckResult {
		rs = append([]Reason{r}, rs...)
		for _, n := range []struct {
			n int
			r Reason
		}{{s.ops, rOps}, {s.security, rSecurityTasks}, {s.privacy, rPrivacyTasks}, {s.gis, rGISTasks},
			{s.social, rSocial}, {s.school, rSchool}, {s.project, rProjectTasks}, {s.helper, rHelperTasks},
			{s.elsewhere, rElsewhere}} {
			if n.n > 0 && n.r != r {
				rs = append(rs, n.r)
			}
		}
		return CheckResult{Verdict: cdoatlas.CheckNo, Confidence: round2(conf), Reasons: rs}
	}
	switch {
	case s.digital == 0 && s.elsewhere > 0:
		return no(0.75, rElsewhere)
	case s.digital == 0:
		return no(0.85, rNotDigital)
	case s.helper > 0 && s.helper >= s.lead:
		return no(0.75, rSupportOnly)
	case s.privacy > 1 && s.strategy == 0:
		return no(0.8, rPrivacyTasks)
	}
	yes := func(conf float64, r Reason) CheckResult {
		return CheckResult{Verdict: cdoatlas.CheckYes, Confidence: round2(min(conf, 0.97)), Reasons: append([]Reason{r}, rs...)}
	}
	if s.cross > 0 {
		// An operations job for all departments is still an operations job.
		// So is IT work that never speaks of digitalisation.
		if narrow >= 1 && (sup == 0 || s.topic == 0) || narrow >= 2 && narrow > sup {
			return no(0.65, rCrossButNarrow)
		}
		// "Datensätze aller Ämter", "ein Serviceportal für alle Ämter":
		// across departments, but no sign of responsibility for their
		// digitalisation (strategy, coordination, head, budget …).
		if sup == 0 || s.topic == 0 && sup <= 1 {
			return no(0.6, rCrossNoLead)
		}
		conf := 0.65 + 0.06*float64(sup)
		if narrow > 0 {
			conf -= 0.1
		}
		return yes(conf, rEssential)
	}
	// The digitalisation of the whole organisation, led by this post and
	// backed by a place near the head, a budget or two other signs;
	// keyword lists without a verb of leading need three signs.
	// A subject named among others ("Verwaltung, Schulen und Region") is
	// breadth, not a narrow job, when the supporting signs outweigh it.
	if s.whole > s.unit && narrow < sup && (s.lead > 0 && (sup >= 2 || s.head+s.board+s.budget > 0) || sup >= 3) {
		return yes(0.55+0.05*float64(sup), rWholeOrg)
	}
	if s.unit == 0 && sup >= 3 && s.lead > 0 && narrow == 0 && (s.strategy > 0 || s.coord > 0) && (s.head > 0 || s.board > 0) {
		return yes(0.55+0.04*float64(sup), rImplicitCross)
	}
	conf := 0.7 + 0.05*float64(narrow)
	if sup >= 2 {
		conf = 0.55
	}
	if s.elsewhere > 0 {
		return no(min(conf+0.05, 0.9), rElsewhere)
	}
	if s.unit > 0 {
		return no(min(conf+0.05, 0.9), rSingleUnit)
	}
	return no(min(conf, 0.9), rNoCross)
}

// Archetype returns the focus of a CDO post from its tasks:
// administration (OZG, e-government, processes, e-files, online access),
// smart_city (smart city/region, utilities, mobility, urban data platform,
// local community), economy (economic development, broadband, start-ups,
// retail and city centre) or mixed for two strong foci. Each distinct
// sign counts once, and naming the focus itself ("Smart City",
// "E-Government", "Wirtschaftsförderung") once more. A focus needs two
// signs; tasks with less give administration, the most common kind.
// Empty tasks give "".
func Archetype(tasks string) string {
	if strings.TrimSpace(tasks) == "" {
		return ""
	}
	return archetypeOf(foldClauses(tasks))
}

func archetypeOf(text string) string {
	h := index.scan(text)
	scores := [3]int{h.count(pAdmin) + min(h.count(pAdminName), 1),
		h.count(pSmart) + min(h.count(pSmartName), 1),
		h.count(pEconomy) + min(h.count(pEconomyName), 1)}
	names := [3]string{"administration", "smart_city", "economy"}
	first, second := 0, -1
	for i := 1; i < 3; i++ {
		if scores[i] > scores[first] {
			second, first = first, i
		} else if second < 0 || scores[i] > scores[second] {
			second = i
		}
	}
	// Two strong foci: the second has two signs of its own and is not
	// dwarfed by the first; or the tasks name all three.
	s1, s2 := scores[first], scores[second]
	switch {
	case s2 >= 2 && 3*s2 >= s1 || min(scores[0], scores[1], scores[2]) > 0:
		return "mixed"
	case s1 < 2:
		return names[0] // one passing mention is no focus
	}
	return names[first]
}

// Gaps lists what a task description lacks of what makes CDOs succeed: a
// cross-departmental mandate, a place near the head of administration, a
// budget, change-management experience and communication skills.
func Gaps(tasks string) []Reason {
	s, h := read(tasks)
	var gs []Reason
	if s.cross == 0 && s.whole == 0 {
		gs = append(gs, gCross)
	}
	if s.head == 0 && s.board == 0 {
		gs = append(gs, gHead)
	}
	if s.budget == 0 {
		gs = append(gs, gBudget)
	}
	if h.count(pChange) == 0 {
		gs = append(gs, gChange)
	}
	if h.count(pCommunication) == 0 {
		gs = append(gs, gCommunication)
	}
	return gs
}
