package classify

import "github.com/cdoatlas/cdoatlas"

// Input is one post to classify, as `cdoatlas classify --jsonl` reads it.
// Only Title is required.
type Input struct {
	Title        string `json:"title"`
	Tasks        string `json:"tasks"`
	Placement    string `json:"placement"` // one of cdoatlas.Placements
	Organization string `json:"organization"`
	Country      string `json:"country"`
}

// Output is the classification of one post, as `cdoatlas classify --jsonl`
// writes it. Reasons holds the English texts; Explanations keeps them
// with codes and German texts.
type Output struct {
	Title        string   `json:"title"`
	Role         string   `json:"role"`
	CDOCheck     string   `json:"cdo_check"`
	Archetype    string   `json:"archetype"`
	Confidence   float64  `json:"confidence"`
	Reasons      []string `json:"reasons"`
	Explanations []Reason `json:"-"`
}

// Classify reads the title (Title) and, when given, the tasks (Check,
// and Archetype for a yes). A placement as staff unit at the head of
// administration or on the board supports a yes from the tasks but does
// not make one. Confidence is that of the title, averaged with that of the
// check when there are tasks.
func Classify(in Input) Output {
	tr := Title(in.Title, in.Organization, in.Country)
	out := Output{Title: in.Title, Role: tr.Role, Confidence: tr.Confidence}
	out.Explanations = append(out.Explanations, tr.Reasons...)
	cr := Check(in.Tasks)
	out.CDOCheck = cr.Verdict
	if cr.Verdict != cdoatlas.CheckUnknown {
		conf := cr.Confidence
		if cr.Verdict == cdoatlas.CheckYes && (in.Placement == "staff_unit_head" || in.Placement == "board") {
			conf = min(conf+0.05, 0.97)
			out.Explanations = append(out.Explanations, rPlacement)
		}
		out.Confidence = round2((tr.Confidence + conf) / 2)
		out.Explanations = append(out.Explanations, cr.Reasons...)
		if cr.Verdict == cdoatlas.CheckYes {
			out.Archetype = Archetype(in.Tasks)
		}
	}
	out.Reasons = make([]string, len(out.Explanations))
	for i, r := range out.Explanations {
		out.Reasons[i] = r.EN
	}
	return out
}

var rPlacement = Reason{"check.placement", "Angesiedelt an der Verwaltungsspitze oder im Vorstand", "placed at the head of administration or on the board"}
