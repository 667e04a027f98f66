package vote

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func readFile(t *testing.T, name string) ([]string, []Ballot) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	options, ballots, err := Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return options, ballots
}

func tally(t *testing.T, method string, options []string, ballots []Ballot) *Result {
	t.Helper()
	r, err := Tally(method, options, ballots)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ranking(groups ...string) [][]string {
	out := make([][]string, len(groups))
	for i, g := range groups {
		out[i] = strings.Split(g, ",")
	}
	return out
}

// TestSchulzeWikipedia checks the worked example of the Wikipedia article
// on the Schulze method: its pairwise matrix d, its strongest paths p and
// its ranking E > A > C > B > D.
func TestSchulzeWikipedia(t *testing.T) {
	options, ballots := readFile(t, "wikipedia-schulze.txt")
	r := tally(t, Schulze, options, ballots)
	if r.Ballots != 45 {
		t.Errorf("%d ballots, want 45", r.Ballots)
	}
	names := []string{"A", "B", "C", "D", "E"}
	d := [][]int{{0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14}, {23, 27, 21, 31, 0}}
	p := [][]int{{0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24}, {25, 28, 28, 31, 0}}
	for i, a := range names {
		for j, b := range names {
			if i == j {
				continue
			}
			if got := r.Pairwise[a][b]; got != d[i][j] {
				t.Errorf("d[%s][%s] = %d, published %d", a, b, got, d[i][j])
			}
			if got := r.Strongest[a][b]; got != p[i][j] {
				t.Errorf("p[%s][%s] = %d, published %d", a, b, got, p[i][j])
			}
		}
	}
	if want := ranking("E", "A", "C", "B", "D"); !reflect.DeepEqual(r.Ranking, want) {
		t.Errorf("ranking %v, published %v", r.Ranking, want)
	}
}

// TestTennessee checks the Wikipedia example of the Tennessee capital
// (read from PrefLib files in both formats): Borda ranks Nashville (194),
// Chattanooga (173), Memphis (126), Knoxville (107); plurality ranks
// Memphis (42) first; Nashville is the Condorcet winner, and Schulze ranks
// N > C > K > M as the pairwise majorities do.
func TestTennessee(t *testing.T) {
	for _, file := range []string{"tennessee.soc", "tennessee-old.soc"} {
		options, ballots := readFile(t, file)
		if want := []string{"Memphis", "Nashville", "Chattanooga", "Knoxville"}; !slices.Equal(options, want) {
			t.Fatalf("%s: options %v", file, options)
		}
		b := tally(t, Borda, options, ballots)
		if want := map[string]float64{"Nashville": 194, "Chattanooga": 173, "Memphis": 126, "Knoxville": 107}; !reflect.DeepEqual(b.Scores, want) {
			t.Errorf("%s: Borda %v, published %v", file, b.Scores, want)
		}
		if want := ranking("Nashville", "Chattanooga", "Memphis", "Knoxville"); !reflect.DeepEqual(b.Ranking, want) {
			t.Errorf("%s: Borda ranking %v", file, b.Ranking)
		}
		pl := tally(t, Plurality, options, ballots)
		if want := ranking("Memphis", "Nashville", "Knoxville", "Chattanooga"); !reflect.DeepEqual(pl.Ranking, want) || pl.Scores["Memphis"] != 42 {
			t.Errorf("%s: plurality %v %v", file, pl.Ranking, pl.Scores)
		}
		s := tally(t, Schulze, options, ballots)
		if want := ranking("Nashville", "Chattanooga", "Knoxville", "Memphis"); !reflect.DeepEqual(s.Ranking, want) {
			t.Errorf("%s: Schulze ranking %v", file, s.Ranking)
		}
		if s.Pairwise["Nashville"]["Memphis"] != 58 || s.Pairwise["Memphis"]["Nashville"] != 42 {
			t.Errorf("%s: Nashville/Memphis %d/%d, want 58/42", file, s.Pairwise["Nashville"]["Memphis"], s.Pairwise["Memphis"]["Nashville"])
		}
	}
}

// TestPartialBallots checks the rules for ballots that rank only some
// options or tie them: unranked options are below all ranked ones and
// tied among themselves.
func TestPartialBallots(t *testing.T) {
	options, ballots := readFile(t, "ties.toi")
	// 3: V > {OZG, KI} > D; 2: {V, OZG} > D > KI; 1: KI > the rest.
	r := tally(t, Schulze, options, ballots)
	if r.Pairwise["Veränderungsprozess"]["OZG"] != 3 || r.Pairwise["OZG"]["Veränderungsprozess"] != 0 {
		t.Errorf("V over OZG %d, OZG over V %d; want 3 and 0 (a tie counts for neither)", r.Pairwise["Veränderungsprozess"]["OZG"], r.Pairwise["OZG"]["Veränderungsprozess"])
	}
	if r.Pairwise["Datenstrategie"]["KI"] != 2 || r.Pairwise["KI"]["Datenstrategie"] != 4 {
		t.Errorf("D over KI %d, KI over D %d; want 2 and 4", r.Pairwise["Datenstrategie"]["KI"], r.Pairwise["KI"]["Datenstrategie"])
	}
	if r.Ranking[0][0] != "Veränderungsprozess" {
		t.Errorf("Schulze ranking %v, want Veränderungsprozess first", r.Ranking)
	}
	a := tally(t, Approval, options, ballots)
	if want := map[string]float64{"Veränderungsprozess": 5, "OZG": 5, "KI": 4, "Datenstrategie": 2}; !reflect.DeepEqual(a.Scores, want) {
		t.Errorf("approval %v, want %v", a.Scores, want)
	}
	if want := ranking("Veränderungsprozess,OZG", "KI", "Datenstrategie"); !reflect.DeepEqual(a.Ranking, want) {
		t.Errorf("approval ranking %v, want %v", a.Ranking, want)
	}
	p := tally(t, Plurality, options, ballots)
	if want := map[string]float64{"Veränderungsprozess": 4, "OZG": 1, "KI": 1, "Datenstrategie": 0}; !reflect.DeepEqual(p.Scores, want) {
		t.Errorf("plurality %v, want %v (the tied first share a ballot)", p.Scores, want)
	}
	// Borda: each ballot hands out 6 points (4 options), ties halved.
	b := tally(t, Borda, options, ballots)
	sum := 0.0
	for _, s := range b.Scores {
		sum += s
	}
	if sum != 6*6 {
		t.Errorf("Borda points %v sum to %v, want 36", b.Scores, sum)
	}
	// 3 × V>{O,K}>D: V 3, O 1.5, K 1.5, D 0; 2 × {V,O}>D>K: V 2.5, O 2.5, D 1, K 0;
	// 1 × K>{V,O,D}: K 3, others 1 each.
	if want := map[string]float64{"Veränderungsprozess": 9 + 5 + 1, "OZG": 4.5 + 5 + 1, "KI": 4.5 + 0 + 3, "Datenstrategie": 0 + 2 + 1}; !reflect.DeepEqual(b.Scores, want) {
		t.Errorf("Borda %v, want %v", b.Scores, want)
	}
}

func TestReadText(t *testing.T) {
	options, ballots, err := ReadText(strings.NewReader("# Themen\nA > B = C > D\n\n 3: B>A # drei gleiche\nTopic: OZG > A\n"), "b.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A", "B", "C", "D", "Topic: OZG"}; !slices.Equal(options, want) {
		t.Errorf("options %q, want %q", options, want)
	}
	want := []Ballot{{1, ranking("A", "B,C", "D")}, {3, ranking("B", "A")}, {1, ranking("Topic: OZG", "A")}}
	if !reflect.DeepEqual(ballots, want) {
		t.Errorf("ballots %v, want %v", ballots, want)
	}
}

// TestReadRefuses checks that a malformed file is refused as a whole with
// every bad line named.
func TestReadRefuses(t *testing.T) {
	for _, c := range []struct {
		name, text string
		lines      []int
	}{
		{"b.txt", "A > B\n0: A > B\nA >> B\nA > B > A\n5:\nB = \n2: B > A\n", []int{2, 3, 4, 5, 6}},
		{"b.txt", "# nothing\n\n", []int{1}},
		{"p.soc", "# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n3: 1,2\n2: 1,3\nx: 1\n1: 2,2\n1: {1,2\n", []int{4, 5, 6, 7}},
		{"p.soc", "# DATA TYPE: soc\n1: 1,2\n", []int{1}},
		{"p.toc", "2\n1,A\n2,B\n3,3,2\n2,1,2\n1,{2,1}}\n", []int{6}},
	} {
		_, _, err := Read(strings.NewReader(c.text), c.name)
		var fe cdoatlas.FileErrors
		if !errors.As(err, &fe) {
			t.Errorf("%q: %v, want the file refused", c.text, err)
			continue
		}
		var lines []int
		for _, e := range fe {
			lines = append(lines, e.Line)
			if e.Key == "" || e.Text("de") == e.Key || e.Text("en") == e.Key {
				t.Errorf("%q line %d: %q has no text in the catalog", c.text, e.Line, e.Key)
			}
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%q: problems on lines %v, want %v (%v)", c.text, lines, c.lines, err)
		}
	}
}

func TestTallyRefuses(t *testing.T) {
	if _, err := Tally("instant_runoff", nil, []Ballot{{1, ranking("A")}}); err == nil {
		t.Error("an unknown method is accepted")
	}
	if _, err := Tally(Schulze, nil, []Ballot{{0, ranking("A")}}); err == nil {
		t.Error("a count of 0 is accepted")
	}
	if _, err := Tally(Schulze, nil, []Ballot{{1, ranking("A", "A")}}); err == nil {
		t.Error("an option ranked twice is accepted")
	}
	if _, err := Tally(Schulze, []string{"A", "A"}, nil); err == nil {
		t.Error("an option given twice is accepted")
	}
	// Options nobody ranked tie at the bottom.
	r, err := Tally(Schulze, []string{"A", "B", "C"}, []Ballot{{2, ranking("B")}})
	if err != nil {
		t.Fatal(err)
	}
	if want := ranking("B", "A,C"); !reflect.DeepEqual(r.Ranking, want) {
		t.Errorf("ranking %v, want %v", r.Ranking, want)
	}
	if r.Place("A") != 2 || r.Place("C") != 2 || r.Place("B") != 1 || r.Place("X") != 0 {
		t.Errorf("places B %d A %d C %d X %d", r.Place("B"), r.Place("A"), r.Place("C"), r.Place("X"))
	}
}

func TestResultJSON(t *testing.T) {
	r := tally(t, Schulze, nil, []Ballot{{2, ranking("A", "B")}, {1, ranking("B", "A")}})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"method", "ballots", "options", "ranking", "pairwise"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON %s lacks %q", b, k)
		}
	}
}

// randomBallots makes n ballots over m options: complete orders with some
// ties when ties is set, strict otherwise.
func randomBallots(rng *rand.Rand, n, m int, ties bool) ([]string, []Ballot) {
	options := make([]string, m)
	for i := range options {
		options[i] = string(rune('A' + i))
	}
	ballots := make([]Ballot, n)
	for i := range ballots {
		order := slices.Clone(options)
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		var ranks [][]string
		for _, o := range order {
			if ties && len(ranks) > 0 && rng.IntN(4) == 0 {
				ranks[len(ranks)-1] = append(ranks[len(ranks)-1], o)
			} else {
				ranks = append(ranks, []string{o})
			}
		}
		ballots[i] = Ballot{Count: 1 + rng.IntN(3), Ranks: ranks}
	}
	return options, ballots
}

func strict(r [][]string) bool {
	for _, g := range r {
		if len(g) > 1 {
			return false
		}
	}
	return true
}

// TestCondorcetWinner: an option that beats every other pair by pair wins
// under Schulze, alone.
func TestCondorcetWinner(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	found := 0
	for trial := 0; trial < 2000; trial++ {
		options, ballots := randomBallots(rng, 1+rng.IntN(9), 2+rng.IntN(5), trial%2 == 0)
		r := tally(t, Schulze, options, ballots)
		for _, a := range options {
			wins := true
			for _, b := range options {
				if a != b && r.Pairwise[a][b] <= r.Pairwise[b][a] {
					wins = false
				}
			}
			if wins {
				found++
				if !slices.Equal(r.Ranking[0], []string{a}) {
					t.Fatalf("Condorcet winner %s, Schulze ranking %v (ballots %v)", a, r.Ranking, ballots)
				}
			}
		}
	}
	if found < 500 {
		t.Errorf("only %d profiles with a Condorcet winner tried", found)
	}
}

// TestReversal: reversing every ballot reverses the Schulze ranking; the
// strongest paths turn around in every profile, and a strict ranking is
// reversed exactly.
func TestReversal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	strictSeen := 0
	for trial := 0; trial < 2000; trial++ {
		options, ballots := randomBallots(rng, 1+rng.IntN(9), 2+rng.IntN(5), trial%2 == 0)
		reversed := make([]Ballot, len(ballots))
		for i, b := range ballots {
			reversed[i] = Ballot{Count: b.Count, Ranks: slices.Clone(b.Ranks)}
			slices.Reverse(reversed[i].Ranks)
		}
		r, rr := tally(t, Schulze, options, ballots), tally(t, Schulze, options, reversed)
		for _, a := range options {
			for _, b := range options {
				if a != b && r.Strongest[a][b] != rr.Strongest[b][a] {
					t.Fatalf("p[%s][%s] = %d, reversed p[%s][%s] = %d", a, b, r.Strongest[a][b], b, a, rr.Strongest[b][a])
				}
			}
		}
		if strict(r.Ranking) {
			strictSeen++
			want := slices.Clone(r.Ranking)
			slices.Reverse(want)
			if !reflect.DeepEqual(rr.Ranking, want) {
				t.Fatalf("ranking %v, reversed ballots give %v", r.Ranking, rr.Ranking)
			}
		}
	}
	if strictSeen < 500 {
		t.Errorf("only %d strict rankings tried", strictSeen)
	}
}

// TestClones: adding a clone of an option (ranked next to it on every
// ballot) changes no other option's place under Schulze. Schulze's proof
// assumes no pair is tied, so the profiles have an odd number of strict
// ballots and a strict ranking.
func TestClones(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	tried := 0
	for trial := 0; trial < 4000; trial++ {
		options, ballots := randomBallots(rng, 1+2*rng.IntN(5), 2+rng.IntN(5), false)
		for i := range ballots {
			ballots[i].Count = 1
		}
		r := tally(t, Schulze, options, ballots)
		if !strict(r.Ranking) {
			continue
		}
		tried++
		x := options[rng.IntN(len(options))]
		const clone = "X'"
		cloned := make([]Ballot, len(ballots))
		for i, b := range ballots {
			var ranks [][]string
			for _, g := range b.Ranks {
				if g[0] != x {
					ranks = append(ranks, g)
					continue
				}
				if rng.IntN(2) == 0 {
					ranks = append(ranks, g, []string{clone})
				} else {
					ranks = append(ranks, []string{clone}, g)
				}
			}
			cloned[i] = Ballot{Count: b.Count, Ranks: ranks}
		}
		rc := tally(t, Schulze, append(slices.Clone(options), clone), cloned)
		var without [][]string
		for _, g := range rc.Ranking {
			g = slices.DeleteFunc(slices.Clone(g), func(o string) bool { return o == clone })
			if len(g) > 0 {
				without = append(without, g)
			}
		}
		if !reflect.DeepEqual(without, r.Ranking) {
			t.Fatalf("clone of %s: ranking %v became %v (ballots %v)", x, r.Ranking, rc.Ranking, ballots)
		}
	}
	if tried < 1000 {
		t.Errorf("only %d profiles tried", tried)
	}
}

// TestMonotonicity: raising an option on some ballots never gives it a
// worse place, under every method.
func TestMonotonicity(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 1000; trial++ {
		options, ballots := randomBallots(rng, 1+rng.IntN(9), 2+rng.IntN(5), trial%2 == 0)
		x := options[rng.IntN(len(options))]
		raised := make([]Ballot, len(ballots))
		for i, b := range ballots {
			ranks := make([][]string, len(b.Ranks))
			for j, g := range b.Ranks {
				ranks[j] = slices.Clone(g)
			}
			if rng.IntN(2) == 0 {
				for j, g := range ranks {
					if k := slices.Index(g, x); k >= 0 && j > 0 {
						ranks[j] = slices.Delete(g, k, k+1)
						ranks[j-1] = append(ranks[j-1], x)
						if len(ranks[j]) == 0 {
							ranks = slices.Delete(ranks, j, j+1)
						}
						break
					}
				}
			}
			raised[i] = Ballot{Count: b.Count, Ranks: ranks}
		}
		for _, m := range Methods {
			before, after := tally(t, m, options, ballots).Place(x), tally(t, m, options, raised).Place(x)
			if after > before {
				t.Fatalf("%s: raising %s moves it from place %d to %d (ballots %v → %v)", m, x, before, after, ballots, raised)
			}
		}
	}
}

// FuzzRead checks that no file makes the reader panic, and that what it
// accepts can be tallied.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"wikipedia-schulze.txt", "tennessee.soc", "tennessee-old.soc", "ties.toi"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), filepath.Ext(name))
	}
	f.Add("3: A > B = C\n", ".txt")
	f.Fuzz(func(t *testing.T, text, ext string) {
		options, ballots, err := Read(strings.NewReader(text), "f"+ext)
		if err != nil {
			return
		}
		for _, m := range Methods {
			if _, err := Tally(m, options, ballots); err != nil {
				t.Fatalf("%s: read but not tallied: %v", m, err)
			}
		}
	})
}
