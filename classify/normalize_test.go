package classify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Umlauts", "Leiter Bürgerservice Straße", "leiter burgerservice strasse"},
		{"Transliteration", "Buergermeister", "burgermeister"},
		{"Accents", "Chargé numérique Café", "charge numeriqu cafe"},
		{"Hyphens", "IT-Leiter/Digitalisierung", "it leiter digitalisierung"},
		{"Colon", "Referent:in Digitalisierung", "referent digitalisierung"},
		{"ColonCaps", "REFERENT:IN DIGITALISIERUNG", "referent digitalisierung"},
		{"StarCaps", "LEITER*INNEN IT", "leiter it"},
		{"SlashCapsR", "BEAUFTRAGTE/R", "beauftragte"},
		{"Star", "Digitalbeauftragte*r", "digitalbeauftragte"},
		{"StarInnen", "Mitarbeiter*innen Stabsstelle", "mitarbeiter stabsstelle"},
		{"Underscore", "Leiter_in IT", "leiter it"},
		{"SlashIn", "Leiter/in IT", "leiter it"},
		{"SlashHyphenIn", "Leiter/-in Digitalisierung", "leiter digitalisierung"},
		{"AlternativeEnding", "Digitallotse/-lotsin", "digitallotse"},
		{"SlashR", "Beauftragte/r für Digitales", "beauftragte fur digitales"},
		{"BracketR", "Beauftragte(r) für Digitales", "beauftragte fur digitales"},
		{"BracketIn", "Referent(in) IT", "referent it"},
		{"BinnenI", "ReferentIn Digitalisierung", "referent digitalisierung"},
		{"BinnenIInnen", "ProjektleiterInnen", "projektleiter"},
		{"BinnenR", "BeauftragteR für Digitalisierung", "beauftragte fur digitalisierung"},
		{"HyphenIn", "Leiter-in IT", "leiter it"},
		{"FeminineSuffix", "Leiterin Digitalisierung", "leiter digitalisierung"},
		{"FeminineLandraetin", "Landrätin", "landrat"},
		{"KeepBerlin", "CDO Berlin", "cdo berlin"},
		{"KeepTermin", "Termin Medizin Admin", "termin medizin admin"},
		{"BothForms", "Leiterin/Leiter IT", "leiter it"},
		{"MWD", "Chief Digital Officer (m/w/d)", "chief digital officer"},
		{"WMD", "Chief Digital Officer (w/m/d)", "chief digital officer"},
		{"DMW", "CDO (d/m/w)", "cdo"},
		{"MFD", "CDO (m/f/d)", "cdo"},
		{"AllGenders", "CDO (all genders)", "cdo"},
		{"Gn", "CDO (gn*)", "cdo"},
		{"SwissHF", "Responsable digital (h/f)", "responsable digital"},
		{"BareMW", "Leiter IT m/w/d", "leiter it"},
		{"KeepAbbrevInBrackets", "Chief Innovation Officer (CIO)", "chief innovation officer cio"},
		{"Doctor", "Dr. Leiter IT", "leiter it"},
		{"ProfDrIng", "Prof. Dr.-Ing. Leiterin Informatik", "leiter informatik"},
		{"DiplIng", "Dipl.-Ing. (FH) Leiter EDV", "leiter edv"},
		{"Mag", "Mag.a Leiterin IKT", "leiter ikt"},
		{"TrailingMBA", "Chief Digital Officer, MBA", "chief digital officer"},
		{"MA", "CDO M.A.", "cdo"},
		{"BSc", "Smart City Manager B.Sc.", "smart city manager"},
		{"DottedAcronym", "C.D.O.", "cdo"},
		{"DerStadt", "Digitalisierungsbeauftragter der Stadt Ulm", "digitalisierungsbeauftragter"},
		{"DesLandkreises", "Digitalbeauftragte des Landkreises Harburg", "digitalbeauftragte"},
		{"CityOf", "Chief Digital Officer, City of Vienna", "chief digital officer"},
		{"At", "Head of Digital at Stadt Wien", "head of digital"},
		{"BeiDerStadt", "Referent bei der Stadt Köln", "referent"},
		{"Pipe", "CDO | Stadt Köln", "cdo"},
		{"Dash", "Chief Digital Officer – Landeshauptstadt Kiel", "chief digital officer"},
		{"OrgFirst", "Stadt Ulm | Chief Digital Officer", "chief digital officer"},
		{"SmartCityKept", "Smart City Manager der Stadt Ulm", "smart city manager"},
		{"Spaces", "  Leiter   IT  ", "leiter it"},
		{"Empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestNormalizeLongLine: a 100 kB line must finish (linear time); timing
// goals live in the benchmarks.
func TestNormalizeLongLine(t *testing.T) {
	parts := []string{"Leiter:in (m/w/d) ", "Dr. ", "Digitalisierungs-/IT-", "((((", "BeauftragteR ", "ÄÖÜß ", "|–", "der Stadt "}
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	in := b.String()
	out := Normalize(in)
	if !utf8.ValidString(out) || len(out) > 3*len(in) {
		t.Fatalf("bad output: valid=%v len=%d", utf8.ValidString(out), len(out))
	}
	if r := Title(in, "", ""); r.Role == "" {
		t.Fatal("no role for long title")
	}
	Check(in)
}
