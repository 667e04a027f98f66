package breakout

import (
	"math/rand/v2"
	"strings"
)

// design returns a stored design for t's size, its people relabelled at
// random, and its name; nil when there is none. A design meets every pair
// at most once. It is used when all groups have the same size and the
// rounds asked for are no more than it has.
func design(t *task, rng *rand.Rand) (string, [][][]int32) {
	k := t.sizes[0]
	if t.sizes[len(t.sizes)-1] != k {
		return "", nil
	}
	var name string
	var rounds [][][]int32
	switch {
	case t.n == 16 && k == 4 && t.rounds <= 5:
		name, rounds = "affine plane of order 4", affinePlane4()
	case t.n == 36 && k == 6 && t.rounds <= 3:
		name, rounds = "rows, columns and symbols of a Latin square of order 6", latinSquare(6)
	case t.n == 32 && k == 4 && t.rounds <= 10:
		name, rounds = "social golfer 8-4-10", parseDesign(golfer8x4x10)
	case t.n == 30 && k == 5 && t.rounds <= 6:
		name, rounds = "social golfer 6-5-6", parseDesign(golfer6x5x6)
	default:
		return "", nil
	}
	rounds = rounds[:t.rounds]
	perm := rng.Perm(t.n)
	for _, round := range rounds {
		for _, group := range round {
			for i, p := range group {
				group[i] = int32(perm[p])
			}
		}
	}
	return name, rounds
}

// affinePlane4 is the affine plane over GF(4): the 16 points (x, y) in 5
// parallel classes of 4 lines y = mx + b (one class per slope m) and x = c.
func affinePlane4() [][][]int32 {
	// GF(4) = {0, 1, a, a+1} as 0…3: addition is XOR, a² = a + 1.
	mul := [4][4]int{{0, 0, 0, 0}, {0, 1, 2, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}}
	point := func(x, y int) int32 { return int32(4*x + y) }
	var rounds [][][]int32
	for m := 0; m < 4; m++ {
		var round [][]int32
		for b := 0; b < 4; b++ {
			var line []int32
			for x := 0; x < 4; x++ {
				line = append(line, point(x, mul[m][x]^b))
			}
			round = append(round, line)
		}
		rounds = append(rounds, round)
	}
	var round [][]int32
	for c := 0; c < 4; c++ {
		var line []int32
		for y := 0; y < 4; y++ {
			line = append(line, point(c, y))
		}
		round = append(round, line)
	}
	return append(rounds, round)
}

// latinSquare gives three rounds for n² people in groups of n: the rows,
// the columns and the symbols of the cyclic Latin square (i + j mod n).
// Two cells share at most one of row, column and symbol.
func latinSquare(n int) [][][]int32 {
	rounds := make([][][]int32, 3)
	for r := range rounds {
		rounds[r] = make([][]int32, n)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			cell := int32(i*n + j)
			rounds[0][i] = append(rounds[0][i], cell)
			rounds[1][j] = append(rounds[1][j], cell)
			rounds[2][(i+j)%n] = append(rounds[2][(i+j)%n], cell)
		}
	}
	return rounds
}

// parseDesign reads a design written one round a line, groups separated
// by spaces, each person one letter.
func parseDesign(text string) [][][]int32 {
	label := map[rune]int32{}
	var rounds [][][]int32
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		var round [][]int32
		for _, g := range strings.Fields(line) {
			var group []int32
			for _, r := range g {
				if _, ok := label[r]; !ok {
					label[r] = int32(len(label))
				}
				group = append(group, label[r])
			}
			round = append(round, group)
		}
		rounds = append(rounds, round)
	}
	return rounds
}

// golfer8x4x10 is a schedule of 32 people in 8 groups of 4 for 10 rounds
// in which no pair meets twice: the social golfer problem of CSPLib
// (prob010), solved in 2004. The schedule is the one published with the
// Wolfram Demonstration "Social Golfer Problem", as collected in the
// literature list of github.com/fpvandoorn/Dagstuhl-tables.
const golfer8x4x10 = `
ABCD EFGH IJKL MNOP abcd efgh ijkl mnop
AEIm BcgH DFKp dfkP aeiM bCGh jLNo JlnO
Aflo Bhkm DGiN aFLO bHKM CeJP cEjp dgIn
AciL BdjK bDJk FgoP fGOp aCIl EhMn eHmN
AgKN BElP DHIo dhiO beLp Cfjm cFJM aGkn
AhJp BFin cDmO bfIN eGKl CdMo EgkL aHjP
AdeF BGJo aDEf chlN iKmP CHLn bgjO IkMp
AbnP aBNp DglM ceko fHiJ CEKO FhIj dGLm
AGjM BeIO DhLP agJm cfKn CFkN bEio dHlp
AHkO BfLM Dejn bFlm cGIP Cgip dEJN ahKo
`

// golfer6x5x6 is a schedule of 30 people in 6 groups of 5 for 6 rounds in
// which no pair meets twice, found by this package's search.
const golfer6x5x6 = `
ADERa BIKQZ CJMNS FPUVY GTWbc HLOXd
ACFKd BOUab DHIMW EJPQT GLRSV NXYZc
AHJZb BCDTV EFILc GMOQY KPSXa NRUWd
AINOT BFJRX CLWYa DGPZd EKMVb HQSUc
AQVWX BEGHN COPRc DJKLU FMTZa ISYbd
ABLMP CGIUX DFNQb EOSWZ HKRTY JVacd
`
