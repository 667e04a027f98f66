package disclosure

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// oneWay returns a Set with total = sum of parts named p0, p1, ….
func oneWay(total int, parts ...int) *Set {
	var s Set
	s.Add("total", total)
	var keys []string
	for i, n := range parts {
		k := "p" + string(rune('0'+i))
		s.Add(k, n)
		keys = append(keys, k)
	}
	s.Sum("total", keys...)
	return &s
}

func mustProtect(tb testing.TB, s *Set, k int) *Result {
	tb.Helper()
	r, err := Protect(s, k)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestProtect(t *testing.T) {
	tests := []struct {
		name           string
		set            *Set
		k              int
		primary, secon []string
	}{
		{"NothingSmall", oneWay(10, 4, 6), 3, nil, nil},
		{"ZeroStaysShown", oneWay(10, 0, 10), 3, nil, nil},
		{"SmallestPositivePart", oneWay(10, 1, 5, 4), 3, []string{"p0"}, []string{"p2"}},
		{"TieByKey", oneWay(9, 1, 4, 4), 3, []string{"p0"}, []string{"p1"}},
		{"TwoSmallNeedNoMore", oneWay(10, 1, 2, 7), 3, []string{"p0", "p1"}, nil},
		{"PartBeforeZero", oneWay(6, 1, 0, 5), 3, []string{"p0"}, []string{"p2"}},
		{"SmallTotal", oneWay(2, 2, 0), 3, []string{"p0", "total"}, nil},
		{"KOf5", oneWay(20, 4, 6, 10), 5, []string{"p0"}, []string{"p1"}},
		{"KOf1ShowsAll", oneWay(3, 1, 2), 1, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustProtect(t, tt.set, tt.k)
			if got := r.Keys(Primary); !reflect.DeepEqual(got, tt.primary) {
				t.Errorf("primary = %v, want %v", got, tt.primary)
			}
			if got := r.Keys(Secondary); !reflect.DeepEqual(got, tt.secon) {
				t.Errorf("secondary = %v, want %v", got, tt.secon)
			}
		})
	}
}

// A census of two waves: the three exits are too few, and the flow
// identities carry the protection on to stayed and entries.
func TestProtectCensusFlows(t *testing.T) {
	var s Set
	s.Add("2023/cdos", 10)
	s.Add("2024/cdos", 12)
	s.Add("2024/stayed", 9)
	s.Add("2024/entries", 3)
	s.Add("2024/exits", 1)
	s.Sum("2023/cdos", "2024/stayed", "2024/exits")
	s.Sum("2024/cdos", "2024/stayed", "2024/entries")
	r := mustProtect(t, &s, 3)
	want := map[string]string{
		"2023/cdos": "10", "2024/cdos": "12",
		"2024/stayed": ".", "2024/entries": ".", "2024/exits": ".",
	}
	for k, w := range want {
		if got := r.Text(k); got != w {
			t.Errorf("Text(%s) = %q, want %q", k, got, w)
		}
	}
	if st, _ := r.Status("2024/exits"); st != Primary {
		t.Errorf("exits: %v, want primary", st)
	}
}

// In a two-way table every row and column can hold two withheld cells and
// yet one of them follows from the margins; the audit catches that.
func TestProtectTwoWayBridge(t *testing.T) {
	// Rows A, B; columns x, y, z.
	//        x   y   z
	//   A    1   8   9
	//   B    9   1   9
	s := twoWay([][]int{{1, 8, 9}, {9, 1, 9}})
	r := mustProtect(t, s, 3)
	if err := checkRelations(s, r); err != nil {
		t.Fatal(err)
	}
	if err := bruteForce(s, r, 0); err != nil {
		t.Fatal(err)
	}
}

// When the only shown members of a relation are zeros and the total, the
// total is withheld.
func TestProtectTotalWhenOnlyZerosLeft(t *testing.T) {
	var s Set
	for k, n := range map[string]int{"t1": 6, "a": 1, "b": 5, "t2": 5, "c": 0} {
		s.Add(k, n)
	}
	s.Sum("t1", "a", "b")
	s.Sum("t2", "b", "c")
	r := mustProtect(t, &s, 3)
	if got, want := r.Keys(Secondary), []string{"b", "t2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("secondary = %v, want %v", got, want)
	}
}

// Linear freedom is not enough: with leaf0 = 0 shown, every relation
// below has two withheld members and no combination of them fixes leaf1,
// yet 5·leaf1 + 3·leaf2 = 14 has one solution in non-negative integers.
func TestProtectIntegerPinned(t *testing.T) {
	var s Set
	for k, n := range map[string]int{"leaf0": 0, "leaf1": 1, "leaf2": 3, "sum0": 4, "sum1": 5, "sum2": 8, "sum3": 14} {
		s.Add(k, n)
	}
	s.Sum("sum0", "leaf0", "leaf1", "leaf2")
	s.Sum("sum1", "leaf1", "sum0")
	s.Sum("sum2", "leaf1", "leaf2", "sum0")
	s.Sum("sum3", "leaf1", "sum1", "sum2")
	withoutAudit, err := protect(&s, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	if bruteForce(&s, withoutAudit, 0) == nil {
		t.Fatal("example no longer shows the gap; pick another")
	}
	r := mustProtect(t, &s, 3)
	if err := bruteForce(&s, r, 0); err != nil {
		t.Error(err)
	}
}

func TestProtectDeterministic(t *testing.T) {
	build := func(order []int) *Set {
		cells := []Cell{{Key: "t", N: 12}, {Key: "a", N: 1}, {Key: "b", N: 4}, {Key: "c", N: 4}, {Key: "d", N: 3}}
		var s Set
		for _, i := range order {
			s.Add(cells[i].Key, cells[i].N)
		}
		s.Sum("t", "a", "b", "c", "d")
		return &s
	}
	r1 := mustProtect(t, build([]int{0, 1, 2, 3, 4}), 3)
	r2 := mustProtect(t, build([]int{4, 3, 2, 1, 0}), 3)
	for _, st := range []Status{Primary, Secondary} {
		if a, b := r1.Keys(st), r2.Keys(st); !reflect.DeepEqual(a, b) {
			t.Errorf("%v: %v, then %v", st, a, b)
		}
	}
	if got, want := r1.Keys(Secondary), []string{"d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("secondary = %v, want %v", got, want)
	}
}

func TestProtectInvalid(t *testing.T) {
	tests := []struct {
		name  string
		build func(*Set)
		k     int
		want  string
	}{
		{"KZero", func(s *Set) { s.Add("a", 1) }, 0, "k must be at least 1"},
		{"Negative", func(s *Set) { s.Add("a", -1) }, 3, `"a" has a negative count`},
		{"EmptyKey", func(s *Set) { s.Add("", 1) }, 3, "empty key"},
		{"AddedTwice", func(s *Set) { s.Add("a", 1); s.Add("a", 2) }, 3, "added twice"},
		{"UnknownCell", func(s *Set) { s.Add("t", 1); s.Sum("t", "x") }, 3, `unknown cell "x"`},
		{"NoParts", func(s *Set) { s.Add("t", 0); s.Sum("t") }, 3, "has no parts"},
		{"PartTwice", func(s *Set) { s.Add("t", 2); s.Add("a", 1); s.Sum("t", "a", "a") }, 3, `names "a" twice`},
		{"DoesNotAddUp", func(s *Set) { s.Add("t", 5); s.Add("a", 1); s.Add("b", 3); s.Sum("t", "a", "b") }, 3, `parts of "t" do not add up`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Set
			tt.build(&s)
			_, err := Protect(&s, tt.k)
			if !errors.Is(err, cdoatlas.ErrInvalid) {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestSameCellAddedTwice(t *testing.T) {
	var s Set
	s.Add("a", 2)
	s.Add("a", 2)
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Cells()); got != 1 {
		t.Errorf("%d cells, want 1", got)
	}
}

func TestResultText(t *testing.T) {
	r := mustProtect(t, oneWay(10, 1, 5, 4), 3)
	for key, want := range map[string]string{"total": "10", "p0": ".", "p1": "5", "p2": ".", "nope": "."} {
		if got := r.Text(key); got != want {
			t.Errorf("Text(%q) = %q, want %q", key, got, want)
		}
	}
	if !r.Suppressed("nope") {
		t.Error("a key the Set did not have is shown")
	}
	if _, ok := r.Status("nope"); ok {
		t.Error("Status of an unknown key is ok")
	}
	if got, want := r.Legend("de"), ". = Wert unter 3 oder zum Schutz anderer Werte geheim gehalten"; got != want {
		t.Errorf("Legend(de) = %q, want %q", got, want)
	}
	if got := mustProtect(t, oneWay(10, 4, 6), 3).Legend("en"); got != "" {
		t.Errorf("Legend without withheld cells = %q, want empty", got)
	}
}

func TestFootnote(t *testing.T) {
	tests := []struct {
		lang string
		st   Status
		want string
	}{
		{"de", Primary, "Wert unter 3 geheim gehalten"},
		{"en", Primary, "value below 3 withheld"},
		{"de", Secondary, "zum Schutz anderer Werte geheim gehalten"},
		{"en", Secondary, "withheld to protect other values"},
		{"de", Shown, ""},
	}
	for _, tt := range tests {
		if got := Footnote(tt.lang, tt.st, 3); got != tt.want {
			t.Errorf("Footnote(%s, %v) = %q, want %q", tt.lang, tt.st, got, tt.want)
		}
	}
	if got := Legend("en", 5); got != ". = value below 5, or withheld to protect other values" {
		t.Errorf("Legend(en, 5) = %q", got)
	}
	if Display(0, false) != "0" || Display(7, true) != "." || Display(1234, false) != "1234" {
		t.Error("Display formats wrongly")
	}
}
