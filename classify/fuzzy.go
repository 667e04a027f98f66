package classify

// approxContains reports whether p occurs somewhere in t with at most k
// edits (insertions, deletions, substitutions and swaps of neighbouring
// letters). It costs len(p)·len(t) steps; callers keep both short.
func approxContains(t, p string, k int) bool {
	m := len(p)
	if m == 0 || m > 40 || len(t) > 64 {
		return false
	}
	if !sharesBigrams(t, p, k) {
		return false
	}
	// cur[i], prev[i], prev2[i]: edit distance of p[:i] to the best
	// substring of t ending at the current, previous and second previous
	// byte (a match may start anywhere, so row 0 is always 0).
	var rows [3][41]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for i := 0; i <= m; i++ {
		prev[i] = i
		prev2[i] = i
	}
	for j := 0; j < len(t); j++ {
		cur[0] = 0
		for i := 1; i <= m; i++ {
			cost := 1
			if p[i-1] == t[j] {
				cost = 0
			}
			v := prev[i-1] + cost
			if d := prev[i] + 1; d < v {
				v = d
			}
			if d := cur[i-1] + 1; d < v {
				v = d
			}
			if i > 1 && j > 0 && p[i-1] == t[j-1] && p[i-2] == t[j] {
				if d := prev2[i-2] + 1; d < v {
					v = d
				}
			}
			cur[i] = v
		}
		if cur[m] <= k {
			return true
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return false
}

// sharesBigrams is a cheap filter: each edit (a swap included) spoils at
// most three letter pairs, so at least len(p)-1-3k pairs of p occur in t.
func sharesBigrams(t, p string, k int) bool {
	need := len(p) - 1 - 3*k
	if need <= 0 {
		return true
	}
	have := 0
	for i := 0; i+1 < len(p); i++ {
		a, b := p[i], p[i+1]
		for j := 0; j+1 < len(t); j++ {
			if t[j] == a && t[j+1] == b {
				have++
				break
			}
		}
		if have >= need {
			return true
		}
	}
	return false
}
