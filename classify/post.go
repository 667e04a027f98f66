package classify

import (
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Post fills in what a post being written leaves to the classifier and
// sets its confidence and review state. An empty role is read from the
// title (with the vocabulary v), an empty check from the tasks, an empty
// archetype of a yes from the tasks. When stored, the post as it was, was
// classified automatically and the writer kept its role, check and
// archetype, they are classified again, so that a changed title or task
// description counts. The review state is auto, or pending when the
// confidence is below threshold; manual when the writer set role and check
// (confirmed, when they are what an editor confirmed before). org is the
// post's organization, for its name in the title; it may be nil.
func Post(p *cdoatlas.Post, stored *cdoatlas.Post, org *cdoatlas.Organization, v Vocabulary, threshold float64) {
	p.Role = strings.ToLower(strings.TrimSpace(p.Role))
	p.CDOCheck = strings.ToLower(strings.TrimSpace(p.CDOCheck))
	p.Archetype = strings.ToLower(strings.TrimSpace(p.Archetype))
	if stored != nil && p.Role == stored.Role && p.CDOCheck == stored.CDOCheck && p.Archetype == stored.Archetype {
		switch stored.Review {
		case cdoatlas.ReviewAuto, cdoatlas.ReviewPending:
			p.Role, p.CDOCheck, p.Archetype = "", "", ""
		case cdoatlas.ReviewConfirmed:
			p.Confidence, p.Review = 1, cdoatlas.ReviewConfirmed
			return
		}
	}
	autoRole, autoCheck := p.Role == "", p.CDOCheck == ""
	conf := 1.0
	if autoRole {
		var name, country string
		if org != nil {
			name, country = org.Name, org.Country
		}
		tr := v.Title(p.Title, name, country)
		p.Role, conf = tr.Role, tr.Confidence
	}
	if autoCheck {
		cr := Check(p.Tasks)
		p.CDOCheck = cr.Verdict
		if cr.Verdict != cdoatlas.CheckUnknown {
			conf = min(conf, cr.Confidence)
		}
	}
	if p.Archetype == "" && p.CDOCheck == cdoatlas.CheckYes {
		p.Archetype = Archetype(p.Tasks)
	}
	p.Confidence = round2(conf)
	switch {
	case !autoRole && !autoCheck:
		p.Review = cdoatlas.ReviewManual
	case p.Confidence < threshold:
		p.Review = cdoatlas.ReviewPending
	default:
		p.Review = cdoatlas.ReviewAuto
	}
}
