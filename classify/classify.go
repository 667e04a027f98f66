package classify

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
// not make one. Confidence is that of the title, or the lower of the title's and the
// check's when there are tasks, so that either doubt sends a post to review. Vocabulary.Classify does the same with the
// roles editors confirmed.
func Classify(in Input) Output { return Vocabulary(nil).Classify(in) }

var rPlacement = reason("check.placement")
