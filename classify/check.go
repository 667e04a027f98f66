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

// signals counts which groups of phrases occur in a folded task text.
type signals struct {
	digital, cross, strategy, coord, companies, community, head, budget, board int
	lead, ops, social, school, project, helper, privacy                        int
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

func (s signals) narrow() int { return s.ops + s.social + s.school + s.project }

func read(tasks string) (signals, string) {
	text := " " + cdoatlas.Fold(tasks) + " "
	var s signals
	s.digital = count(text, pDigital)
	s.cross = count(text, pCross)
	s.strategy = count(text, pStrategy)
	s.coord = count(text, pCoord)
	s.companies = count(text, pCompanies)
	s.community = count(text, pCommunity)
	s.head = count(text, pHead)
	s.budget = count(text, pBudget)
	s.board = count(text, pBoard)
	s.lead = count(text, pLead)
	s.ops = count(text, pOps)
	s.social = count(text, pSocial)
	s.school = count(text, pSchool)
	s.project = count(text, pProject)
	s.helper = count(text, pHelper)
	s.privacy = count(text, pPrivacy)
	return s, text
}

// Check decides from a task description alone, whatever the title says,
// whether a post is a CDO post. Essential is responsibility for
// digitalisation across departments ("ämterübergreifend", "für die gesamte
// Verwaltung", "across all departments"); digital strategy, coordination
// across the administration, municipal companies and the local community,
// advising the head of administration, an own budget and board access
// support it. A job for one department or one project (social media only,
// school IT, IT operations, a single project) is no. Empty tasks give
// unknown.
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
	no := func(conf float64, r ...Reason) CheckResult {
		add(s.ops, rOps)
		add(s.social, rSocial)
		add(s.school, rSchool)
		add(s.project, rProjectTasks)
		add(s.helper, rHelperTasks)
		return CheckResult{Verdict: cdoatlas.CheckNo, Confidence: round2(conf), Reasons: append(r, rs...)}
	}
	switch {
	case s.digital == 0:
		return no(0.85, rNotDigital)
	case s.helper > 0 && s.lead == 0:
		return no(0.75, rSupportOnly)
	case s.privacy > 1 && s.strategy == 0:
		return no(0.8, rPrivacyTasks)
	}
	yes := func(conf float64, r ...Reason) CheckResult {
		return CheckResult{Verdict: cdoatlas.CheckYes, Confidence: round2(min(conf, 0.97)), Reasons: append(r, rs...)}
	}
	if s.cross > 0 {
		// An operations job for all departments is still an operations job.
		if narrow >= 2 && sup == 0 || narrow >= 3 && narrow > 2*sup {
			return no(0.65, rCrossButNarrow)
		}
		conf := 0.65 + 0.06*float64(sup)
		if narrow > 0 {
			conf -= 0.1
		}
		return yes(conf, rEssential)
	}
	if sup >= 3 && s.lead > 0 && narrow == 0 && (s.strategy > 0 || s.coord > 0) && (s.head > 0 || s.board > 0) {
		return yes(0.55+0.04*float64(sup), rImplicitCross)
	}
	conf := 0.7 + 0.05*float64(narrow)
	if sup >= 2 {
		conf = 0.55
	}
	return no(min(conf, 0.9), rNoCross)
}

// Archetype returns the focus of a CDO post from its tasks:
// administration (OZG, e-government, processes, e-files, online access),
// smart_city (smart city/region, utilities, mobility, urban data platform,
// local community), economy (economic development, broadband, start-ups,
// retail and city centre) or mixed for two strong foci. Tasks without any
// focus give administration, the most common kind; empty tasks give "".
func Archetype(tasks string) string {
	if strings.TrimSpace(tasks) == "" {
		return ""
	}
	text := " " + cdoatlas.Fold(tasks) + " "
	return archetypeOf(text)
}

func archetypeOf(text string) string {
	scores := [3]int{count(text, pAdmin), count(text, pSmart), count(text, pEconomy)}
	names := [3]string{"administration", "smart_city", "economy"}
	first, second := 0, -1
	for i := 1; i < 3; i++ {
		if scores[i] > scores[first] {
			second, first = first, i
		} else if second < 0 || scores[i] > scores[second] {
			second = i
		}
	}
	s1, s2 := scores[first], scores[second]
	if s2 >= 2 && 3*s2 >= 2*s1 {
		return "mixed"
	}
	return names[first]
}

// Gaps lists what a task description lacks of what makes CDOs succeed: a
// cross-departmental mandate, a place near the head of administration, a
// budget, change-management experience and communication skills.
func Gaps(tasks string) []Reason {
	s, text := read(tasks)
	var gs []Reason
	if s.cross == 0 {
		gs = append(gs, gCross)
	}
	if s.head == 0 && s.board == 0 {
		gs = append(gs, gHead)
	}
	if s.budget == 0 {
		gs = append(gs, gBudget)
	}
	if count(text, pChange) == 0 {
		gs = append(gs, gChange)
	}
	if count(text, pCommunication) == 0 {
		gs = append(gs, gCommunication)
	}
	return gs
}

// count returns how many phrases of ps occur in text.
func count(text string, ps []string) int {
	n := 0
	for _, p := range ps {
		if strings.Contains(text, p) {
			n++
		}
	}
	return n
}
