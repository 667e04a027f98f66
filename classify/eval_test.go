package classify

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestEvaluation scores the classifier on labelled sets it was not built
// from and fails below the targets of issue #3: the titles in
// testdata/titles.tsv (title, organization, country, role; macro-F1 ≥ 0.95,
// F1(cdo) ≥ 0.97) and the task profiles in testdata/profiles_heldout.jsonl
// ({"title","tasks","check","archetype"}; CDO-check accuracy ≥ 0.93),
// written apart from the classifier and its development data and first
// scored after the rules were committed. It also logs the development
// profiles (profiles_dev.jsonl, the first held-out set, used to build the
// task rules after its first run, and profiles_extra.jsonl), whose figures
// say nothing about generalisation.
func TestEvaluation(t *testing.T) {
	rows, err := readTitles("testdata/titles.tsv")
	if err != nil {
		t.Fatal(err)
	}
	macro, f1cdo := scoreRoles(t, rows)
	var checkAcc float64
	for _, set := range []string{"dev", "extra", "heldout"} {
		profiles, err := readProfiles("testdata/profiles_" + set + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		acc := scoreProfiles(t, set, profiles)
		if set == "heldout" {
			checkAcc = acc
		}
	}
	if macro < 0.95 {
		t.Errorf("macro-F1 %.3f < 0.95", macro)
	}
	if f1cdo < 0.97 {
		t.Errorf("F1(cdo) %.3f < 0.97", f1cdo)
	}
	if checkAcc < 0.93 {
		t.Errorf("CDO check accuracy on the held-out profiles %.3f < 0.93", checkAcc)
	}
}

// TestEvaluationKinds scores the classifier on held-out titles and
// profiles for the kinds of issue #11 item 10, written before the rules for
// them: titles combined with a board membership, corporate vice presidents,
// the IT and digital commissioners of the Länder, leads of smart-city
// projects, negatives for each kind (testdata/titles_kinds.tsv, with a kind
// column), and job ads that open with the organisation's self-description
// (testdata/profiles_adopening.jsonl).
func TestEvaluationKinds(t *testing.T) {
	rows, err := readTitles("testdata/titles_kinds.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ok, n := map[string]int{}, map[string]int{}
	correct := 0
	for _, r := range rows {
		n[r.kind]++
		if got := Title(r.title, r.organization, r.country); got.Role == r.role {
			ok[r.kind]++
			correct++
		} else {
			t.Logf("miss [%s]: %q → %s %v, want %s", r.kind, r.title, got.Role, got.Reasons, r.role)
		}
	}
	kinds := make([]string, 0, len(n))
	for k := range n {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-18s %d/%d", k, ok[k], n[k])
	}
	acc := ratio(correct, len(rows))
	t.Logf("kinds titles: %d, accuracy %.3f", len(rows), acc)
	ps, err := readProfiles("testdata/profiles_adopening.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	checkAcc := scoreProfiles(t, "adopening", ps)
	if acc < kindsFloor {
		t.Errorf("accuracy on the kinds titles %.3f < %.2f", acc, kindsFloor)
	}
	if checkAcc < adOpeningFloor {
		t.Errorf("CDO check accuracy on the job-ad openings %.3f < %.2f", checkAcc, adOpeningFloor)
	}
}

// Floors for the sets of TestEvaluationKinds. Before the rules for these
// kinds the titles scored 0.446 (33 of 74, every positive but 4 read as
// other) and the job-ad profiles 0.769.
const kindsFloor, adOpeningFloor = 0.95, 0.9

type titleRow struct{ title, organization, country, role, kind string }

func readTitles(path string) ([]titleRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []titleRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, titleRow{get(rec, "title"), get(rec, "organization"), get(rec, "country"), get(rec, "role"), get(rec, "kind")})
	}
}

type profile struct {
	Title     string `json:"title"`
	Tasks     string `json:"tasks"`
	Check     string `json:"check"`
	Archetype string `json:"archetype"`
}

func readProfiles(path string) ([]profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ps []profile
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var p profile
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, sc.Err()
}

// scoreRoles logs the per-role table and returns macro-F1 and F1(cdo).
func scoreRoles(t *testing.T, rows []titleRow) (macro, f1cdo float64) {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	correct := 0
	for _, r := range rows {
		got := Title(r.title, r.organization, r.country).Role
		if got == r.role {
			tp[got]++
			correct++
			continue
		}
		fp[got]++
		fn[r.role]++
		t.Logf("miss: %q → %s, want %s", r.title, got, r.role)
	}
	t.Logf("%-20s %6s %6s %6s %6s", "role", "P", "R", "F1", "n")
	n := 0
	for _, role := range cdoatlas.Roles {
		support := tp[role] + fn[role]
		if support == 0 && fp[role] == 0 {
			continue
		}
		p := ratio(tp[role], tp[role]+fp[role])
		rc := ratio(tp[role], support)
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		t.Logf("%-20s %6.3f %6.3f %6.3f %6d", role, p, rc, f1, support)
		macro += f1
		n++
		if role == cdoatlas.RoleCDO {
			f1cdo = f1
		}
	}
	if n > 0 {
		macro /= float64(n)
	}
	t.Logf("titles: %d, accuracy %.3f, macro-F1 %.3f, F1(cdo) %.3f", len(rows), ratio(correct, len(rows)), macro, f1cdo)
	return macro, f1cdo
}

// scoreProfiles logs check and archetype accuracy of the named set and
// returns the former.
func scoreProfiles(t *testing.T, set string, ps []profile) float64 {
	checkOK, archOK, archN := 0, 0, 0
	for _, p := range ps {
		got := Check(p.Tasks).Verdict
		if got == p.Check {
			checkOK++
		} else {
			t.Logf("%s check miss: %q → %s, want %s", set, p.Title, got, p.Check)
		}
		if p.Archetype == "" {
			continue
		}
		archN++
		if a := Archetype(p.Tasks); a == p.Archetype {
			archOK++
		} else {
			t.Logf("%s archetype miss: %q → %s, want %s", set, p.Title, a, p.Archetype)
		}
	}
	acc := ratio(checkOK, len(ps))
	t.Logf("profiles %s: %d, check accuracy %.3f; archetype accuracy %.3f (%d labelled)", set, len(ps), acc, ratio(archOK, archN), archN)
	return acc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestCheckIgnoresAdOpening pairs the openings of job ads, in which an
// organisation describes itself ("Die Stadt X (ca. 85.000 Einwohner) sucht
// …"), with task texts: the opening must change neither the verdict nor the
// reasons. Written with the kinds of issue #11 item 10, before the rule.
func TestCheckIgnoresAdOpening(t *testing.T) {
	openings := []string{
		"Die Stadt Musterhausen (ca. 85.000 Einwohner) sucht zum nächstmöglichen Zeitpunkt eine Leitung (m/w/d).",
		"Der Landkreis Talgau mit rund 130.000 Einwohnerinnen und Einwohnern sucht Sie!",
		"Die Große Kreisstadt Rebenau ist mit 48.000 Bürgerinnen und Bürgern das Zentrum der Region und sucht eine engagierte Persönlichkeit.",
		"Wir sind eine familienfreundliche Gemeinde mit 12.500 Einwohnern und suchen Verstärkung.",
		"Die Marktgemeinde Oberwang (6.200 Einwohner) im Salzkammergut stellt ein:",
		"The City of Riverton, home to 95,000 residents, is looking for a senior leader.",
		"Die Stadt Hohenbrück – Hochschulstandort mit 70.000 Einwohnern – sucht eine Führungskraft.",
		"Im Kanton Seeland (220'000 Einwohnerinnen und Einwohner) ist folgende Stelle zu besetzen:",
	}
	bodies := []string{
		"Sie verantworten die Digitalisierung der Stadtverwaltung und die Digitalstrategie.",
		"Sie verantworten die Digitalisierung der Stadtverwaltung und berichten an den Bürgermeister.",
		"Sie koordinieren die Digitalisierung aller Ämter.",
		"Betreuung der Server und des Netzwerks für alle Fachbereiche.",
		"Sie digitalisieren die Abläufe im Bürgerbüro.",
		"Sie gestalten die Digitalisierung gemeinsam mit der Stadtgesellschaft und den Vereinen und verantworten die Digitalstrategie der Stadt.",
		"Lead the digital transformation of the council and own the digital roadmap.",
	}
	codes := func(r CheckResult) string {
		var b strings.Builder
		for _, rs := range r.Reasons {
			b.WriteString(rs.Code + " ")
		}
		return r.Verdict + ": " + b.String()
	}
	same := 0
	for _, o := range openings {
		for _, body := range bodies {
			want, got := codes(Check(body)), codes(Check(o+" "+body))
			if got == want {
				same++
				continue
			}
			t.Logf("opening changes %q\n  %s\n  want %s", o+" "+body, got, want)
		}
	}
	acc := ratio(same, len(openings)*len(bodies))
	t.Logf("ad openings: %d pairs, unchanged %.3f", len(openings)*len(bodies), acc)
	if acc < adOpeningInvariance {
		t.Errorf("openings change %.3f of the verdicts", 1-acc)
	}
}

// Before the rule 8 of 56 pairs were unchanged (0.143).
const adOpeningInvariance = 1.0
