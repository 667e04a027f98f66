package classify

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestPost(t *testing.T) {
	org := &cdoatlas.Organization{Name: "Stadt Ulm", Country: "DE"}
	cross := "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."

	p := &cdoatlas.Post{Title: "Chief Digital Officer der Stadt Ulm", Tasks: cross}
	Post(p, nil, org, nil, ReviewThreshold)
	if p.Role != cdoatlas.RoleCDO || p.CDOCheck != cdoatlas.CheckYes || p.Archetype == "" || p.Review != cdoatlas.ReviewAuto {
		t.Errorf("clear CDO post: %+v", p)
	}

	// Set by hand: kept, manual.
	p = &cdoatlas.Post{Title: "Chief Digital Officer", Role: "CIO", CDOCheck: "no"}
	Post(p, nil, org, nil, ReviewThreshold)
	if p.Role != cdoatlas.RoleCIO || p.CDOCheck != cdoatlas.CheckNo || p.Review != cdoatlas.ReviewManual || p.Confidence != 1 {
		t.Errorf("set by hand: %+v", p)
	}

	// Only the check left to the classifier; no tasks: unknown, and no
	// doubt about that.
	p = &cdoatlas.Post{Title: "Irgendwas", Role: cdoatlas.RoleOther}
	Post(p, nil, org, nil, ReviewThreshold)
	if p.CDOCheck != cdoatlas.CheckUnknown || p.Review != cdoatlas.ReviewAuto {
		t.Errorf("role by hand, no tasks: %+v", p)
	}

	// An uncertain title goes to review.
	p = &cdoatlas.Post{Title: "Koordinatorin Verwaltung 4.0 und Netze"}
	Post(p, nil, org, nil, 0.99)
	if p.Review != cdoatlas.ReviewPending || p.Confidence >= 0.99 {
		t.Errorf("threshold 0.99: %+v", p)
	}

	// An automatic post whose title changes is classified again; one
	// whose role an editor changes becomes manual.
	stored := &cdoatlas.Post{Title: "Chief Digital Officer", Tasks: cross}
	Post(stored, nil, org, nil, ReviewThreshold)
	edit := *stored
	edit.Title, edit.Tasks = "Pressesprecher", ""
	Post(&edit, stored, org, nil, ReviewThreshold)
	if edit.Role != cdoatlas.RoleOther || edit.CDOCheck != cdoatlas.CheckUnknown || edit.Archetype != "" || edit.Review != cdoatlas.ReviewAuto {
		t.Errorf("retitled automatic post: %+v", edit)
	}
	edit = *stored
	edit.Role = cdoatlas.RoleCIO
	Post(&edit, stored, org, nil, ReviewThreshold)
	if edit.Role != cdoatlas.RoleCIO || edit.Review != cdoatlas.ReviewManual {
		t.Errorf("role changed by an editor: %+v", edit)
	}

	// A confirmed post kept as it is stays confirmed.
	confirmed := &cdoatlas.Post{Title: "Digitallotsin", Role: cdoatlas.RoleOther, CDOCheck: cdoatlas.CheckNo, Review: cdoatlas.ReviewConfirmed, Confidence: 1}
	edit = *confirmed
	edit.SourceURL = "https://example.org"
	Post(&edit, confirmed, org, nil, ReviewThreshold)
	if edit.Review != cdoatlas.ReviewConfirmed || edit.Role != cdoatlas.RoleOther {
		t.Errorf("confirmed post edited: %+v", edit)
	}

	// The vocabulary decides a title it holds.
	v := Vocabulary{TitleKey("Koordinatorin Verwaltung 4.0 und Netze", ""): cdoatlas.RoleCDO}
	p = &cdoatlas.Post{Title: "Koordinator Verwaltung 4.0 und Netze der Stadt Ulm"}
	Post(p, nil, org, v, ReviewThreshold)
	if p.Role != cdoatlas.RoleCDO || p.Confidence != 1 || p.Review != cdoatlas.ReviewAuto {
		t.Errorf("title in the vocabulary: %+v", p)
	}
}
