package breakout

import "testing"

func TestScore(t *testing.T) {
	o := Options{People: numbered(4), GroupSize: 2, History: [][][]string{{{"1", "2"}}}, Apart: [][2]string{{"3", "4"}}}
	t.Run("OK", func(t *testing.T) {
		// 1–2 met before; 1–2 again within; 3–4 must be apart.
		p, err := Score(o, [][][]string{{{"1", "2"}, {"3", "4"}}, {{"2", "1"}, {"4", "3"}}})
		if err != nil {
			t.Fatal(err)
		}
		if p.WithinRepeats != 2 || p.HistoryRepeats != 2 || p.Violations != 2 || p.Repeats != 4 || p.Bound != 3 {
			t.Errorf("got within %d, history %d, violations %d, repeats %d, bound %d; want 2, 2, 2, 4, 3",
				p.WithinRepeats, p.HistoryRepeats, p.Violations, p.Repeats, p.Bound)
		}
		if got := p.Rounds[1][0][0]; got != "2" {
			t.Errorf("the rounds were reordered: first of round 2 is %s, want 2 as given", got)
		}
	})
	t.Run("NoRepeats", func(t *testing.T) {
		p, err := Score(o, [][][]string{{{"1", "3"}, {"2", "4"}}, {{"1", "4"}, {"2", "3"}}})
		if err != nil {
			t.Fatal(err)
		}
		if p.Repeats != 0 || p.Violations != 0 {
			t.Errorf("got repeats %d, violations %d; want 0, 0", p.Repeats, p.Violations)
		}
	})
	for name, rounds := range map[string][][][]string{
		"ErrMissing": {{{"1", "2"}, {"3"}}},
		"ErrTwice":   {{{"1", "2"}, {"3", "4", "1"}}},
		"ErrUnknown": {{{"1", "2"}, {"3", "4", "9"}}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Score(o, rounds); err == nil {
				t.Error("no error")
			}
		})
	}
}
