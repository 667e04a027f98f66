package classify

import (
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// ReviewThreshold is the default confidence below which an automatic
// classification goes to the review queue.
const ReviewThreshold = 0.7

// Vocabulary holds the roles editors confirmed for titles, keyed by
// TitleKey. A confirmed title is recognised with confidence 1 from then
// on, in every spelling that normalizes alike (gender forms, case,
// umlauts, honorifics, the organization's name).
type Vocabulary map[string]string

// TitleKey returns the key under which a confirmed role is stored for a
// title: its normalized words without the organization's name and without
// a final -e or -er, the words of further segments ("CDO – Data &
// Analytics") after a " / ".
func TitleKey(title, organization string) string {
	primary, rest := segments(title)
	primary = dropOrganization(primary, organization)
	key := keyWords(primary)
	if len(rest) > 0 {
		key += " / " + keyWords(rest)
	}
	return key
}

// keyWords joins words without a final -e or -er, so that masculine and
// feminine forms share a key (Lotse and Lotsin, Beauftragter and
// Beauftragte, Leiter and Leiterin).
func keyWords(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		if len(w) > 4 {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "r"), "e")
		}
		b.WriteString(w)
	}
	return b.String()
}

var rConfirmed = reason("title.confirmed")

// Title is like the package's Title, but a title an editor confirmed
// gets the confirmed role.
func (v Vocabulary) Title(title, organization, country string) Result {
	if len(v) > 0 {
		key := TitleKey(title, organization)
		if role, ok := v[key]; ok && key != "" {
			return Result{Role: role, Confidence: 1, Reasons: []Reason{rConfirmed}, Normalized: Normalize(title)}
		}
	}
	return Title(title, organization, country)
}

// Classify is like the package's Classify, with the roles editors
// confirmed.
func (v Vocabulary) Classify(in Input) Output {
	tr := v.Title(in.Title, in.Organization, in.Country)
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
		out.Confidence = round2(min(tr.Confidence, conf))
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
