package classify

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestTitleKey(t *testing.T) {
	same := [][2]string{
		{"Digitallotsin der Stadt Ulm", "Stadt Ulm"},
		{"Digitallotse", ""},
		{"DIGITALLOTSE (m/w/d)", ""},
		{"Dr. Digitallotse:in", ""},
	}
	want := TitleKey(same[0][0], same[0][1])
	if want == "" {
		t.Fatalf("empty key for %q", same[0][0])
	}
	for _, s := range same[1:] {
		if got := TitleKey(s[0], s[1]); got != want {
			t.Errorf("TitleKey(%q, %q) = %q, want %q", s[0], s[1], got, want)
		}
	}
	if a, b := TitleKey("CDO – Data & Analytics", ""), TitleKey("CDO", ""); a == b {
		t.Errorf("a second segment should be part of the key: both %q", a)
	}
}

func TestVocabularyOverrides(t *testing.T) {
	title := "Leiterin Team Verwaltung 4.0"
	before := Title(title, "Stadt Neuss", "DE")
	v := Vocabulary{TitleKey("Leiter Team Verwaltung 4.0", ""): cdoatlas.RoleCDO}
	if before.Role == cdoatlas.RoleCDO && before.Confidence == 1 {
		t.Fatalf("title already confirmed without a vocabulary: %+v", before)
	}
	got := v.Classify(Input{Title: title, Organization: "Stadt Neuss", Country: "DE"})
	if got.Role != cdoatlas.RoleCDO || got.Confidence != 1 || got.Explanations[0].Code != "title.confirmed" {
		t.Errorf("with vocabulary: %+v, want cdo confirmed with confidence 1", got)
	}
	if other := v.Classify(Input{Title: "Leiter Hauptamt"}); other.Role == cdoatlas.RoleCDO || other.Confidence == 1 {
		t.Errorf("an unconfirmed title took the confirmed role: %+v", other)
	}
	// The check still comes from the tasks: the title's certainty does not
	// raise the confidence above the check's.
	got = v.Classify(Input{Title: title, Tasks: "Pflege der Website und der Social-Media-Kanäle"})
	if got.CDOCheck != cdoatlas.CheckNo || got.Confidence >= 1 {
		t.Errorf("confirmed title with social-media tasks: %+v", got)
	}
}
