package web

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
	"github.com/cdoatlas/cdoatlas/vote"
)

// resultRow is a place of the ranking.
type resultRow struct {
	Place  int
	Option *cdoatlas.VoteOption
	Score  string // Borda, approval, plurality
}

// matrixRow is a row of the pairwise or strongest-path table.
type matrixRow struct {
	Option *cdoatlas.VoteOption
	Cells  []string // "–" on the diagonal
}

// namedBallot is who ranked what, for a vote that is not anonymous.
type namedBallot struct {
	Name  string
	Ranks [][]string
}

// resultsView is the results page of a vote.
type resultsView struct {
	page
	VA        *voteAccess
	State     string
	Hidden    bool // hidden until the close
	Res       *vote.TopicResult
	Rows      []resultRow
	Options   []*cdoatlas.VoteOption // in the vote's order, for the tables
	Pairwise  []matrixRow
	Strongest []matrixRow
	Named     []namedBallot // coordinators, votes that are not anonymous
}

// voteResult loads and tallies the ballots of a vote whose results may be
// shown.
func (s *site) voteResult(r *http.Request, vt *cdoatlas.Vote) (*vote.TopicResult, error) {
	ballots, voted, eligible, err := s.Store.FindBallots(r.Context(), vt.ID)
	if err != nil {
		return nil, err
	}
	res, err := vote.TallyVote(vt, ballots)
	if err != nil {
		return nil, err
	}
	res.Voted, res.Eligible = voted, eligible
	return res, nil
}

func resultRows(lang string, res *vote.TopicResult) []resultRow {
	var rows []resultRow
	place := 1
	for _, g := range res.Ranked {
		for _, o := range g {
			row := resultRow{Place: place, Option: o}
			if res.Scores != nil {
				row.Score = formatScore(lang, res.Scores[vote.OptionKey(o.ID)])
			}
			rows = append(rows, row)
		}
		place += len(g)
	}
	return rows
}

func formatScore(lang string, x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if lang != "en" {
		s = string(bytes.ReplaceAll([]byte(s), []byte("."), []byte(",")))
	}
	return s
}

func matrix(lang string, options []*cdoatlas.VoteOption, m map[string]map[string]int) []matrixRow {
	var rows []matrixRow
	for _, a := range options {
		row := matrixRow{Option: a}
		for _, b := range options {
			if a.ID == b.ID {
				row.Cells = append(row.Cells, "–")
				continue
			}
			row.Cells = append(row.Cells, formatInt(lang, int64(m[vote.OptionKey(a.ID)][vote.OptionKey(b.ID)])))
		}
		rows = append(rows, row)
	}
	return rows
}

func (s *site) handleVoteResults(w http.ResponseWriter, r *http.Request) {
	va, ok := s.routeVote(w, r)
	if !ok {
		return
	}
	vt, now := va.Vote, time.Now()
	v := &resultsView{page: s.newPage(w, r, "", tr(langFrom(r), "votes.results_of", vt.Question)), VA: va,
		State: voteState(vt, now), Options: vt.Options}
	v.Nav = "members"
	if !vt.ResultsVisible(now) {
		v.Hidden = true
		s.render(w, r, http.StatusOK, "vote_results", v)
		return
	}
	res, err := s.voteResult(r, vt)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Res = res
	v.Rows = resultRows(v.Lang, res)
	if vt.Method == vote.Schulze {
		v.Pairwise = matrix(v.Lang, vt.Options, res.Pairwise)
		v.Strongest = matrix(v.Lang, vt.Options, res.Strongest)
	}
	if va.Coordinator && !vt.Anonymous {
		named, err := s.Store.FindNamedBallots(r.Context(), vt.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		labels := map[int64]string{}
		for _, o := range vt.Options {
			labels[o.ID] = o.Label
		}
		for name, ranks := range named {
			nb := namedBallot{Name: name}
			for _, g := range ranks {
				var group []string
				for _, id := range g {
					if l, ok := labels[id]; ok {
						group = append(group, l)
					}
				}
				if len(group) > 0 {
					nb.Ranks = append(nb.Ranks, group)
				}
			}
			v.Named = append(v.Named, nb)
		}
		slices.SortFunc(v.Named, func(a, b namedBallot) int { return compareStrings(a.Name, b.Name) })
	}
	s.render(w, r, http.StatusOK, "vote_results", v)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// handleVoteResultsCSV downloads the ranking as CSV, RFC 4180 UTF-8 or
// with ?format=csv-de as Excel (DE): place, option, topic, score, and the
// participation.
func (s *site) handleVoteResultsCSV(w http.ResponseWriter, r *http.Request) {
	va, ok := s.routeVote(w, r)
	if !ok {
		return
	}
	vt := va.Vote
	if !vt.ResultsVisible(time.Now()) {
		s.renderErrorText(w, r, http.StatusConflict, "votes.results_hidden")
		return
	}
	res, err := s.voteResult(r, vt)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dialect, suffix := tabular.RFC4180, ""
	if r.URL.Query().Get("format") == "csv-de" {
		dialect, suffix = tabular.ExcelDE, "-excel-de"
	}
	var rows [][]string
	for _, row := range resultRows("en", res) {
		topic := ""
		if row.Option.TopicID != nil {
			topic = itoa64(*row.Option.TopicID)
		}
		rows = append(rows, []string{strconv.Itoa(row.Place), itoa64(row.Option.ID), row.Option.Label, topic, row.Score, vt.Method,
			strconv.Itoa(res.Voted), strconv.Itoa(res.Eligible)})
	}
	var buf bytes.Buffer
	if err := tabular.WriteCSV(&buf, []string{"place", "option_id", "option", "topic_id", "score", "method", "voted", "eligible"}, rows, dialect); err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="vote-`+itoa64(vt.ID)+`-results`+suffix+`.csv"`)
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}
