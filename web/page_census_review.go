package web

import (
	"net/http"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
)

// The match review: pairs of people the census resolution could not tell
// apart, each with the evidence side by side; an editor answers same,
// different or unsure. Same merges them.

func (s *site) registerCensusReviewRoutes() {
	s.get("/census/review", s.editor(s.handleMatchQueue))
	s.postEditor("/census/review/{id}", s.handleMatchAnswer)
}

// matchView is a page of open questions.
type matchView struct {
	page
	Items      []matchItem
	Pagination pagination
}

// matchItem is a question with both people's evidence.
type matchItem struct {
	Q    *cdoatlas.MatchQuestion
	A, B matchSide
}

// matchSide is one person of a question and what was observed of them.
type matchSide struct {
	Person *cdoatlas.Person
	Obs    []*cdoatlas.Observation
}

// matchSideData is what the match_side template draws.
type matchSideData struct {
	Page    *page
	Side    matchSide
	Caption string
}

const matchesPerPage = 10

func (s *site) handleMatchQueue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &matchView{page: s.newPage(w, r, "match.title", "")}
	v.Nav = "census_review"
	q := r.URL.Query()
	pg := pageParam(q)
	qs, total, err := s.Store.FindMatchQuestions(ctx, false, (pg-1)*matchesPerPage, matchesPerPage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, mq := range qs {
		it := matchItem{Q: mq}
		for _, side := range []struct {
			id  int64
			dst *matchSide
		}{{mq.PersonA, &it.A}, {mq.PersonB, &it.B}} {
			p, obs, err := s.Store.PersonObservations(ctx, side.id)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			*side.dst = matchSide{Person: p, Obs: obs}
		}
		v.Items = append(v.Items, it)
	}
	v.Pagination = newPaginationPer(v.Lang, "/census/review", q, pg, total, matchesPerPage)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	s.render(w, r, http.StatusOK, "census_review", v)
}

func (s *site) handleMatchAnswer(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	answer := r.PostForm.Get("answer")
	if answer == "" {
		redirectFlash(w, r, matchReturn(r), "flash.match_no_answer")
		return
	}
	err := s.Store.AnswerMatchQuestion(r.Context(), id, answer, userFrom(r.Context()).ID)
	switch cdoatlas.ErrorCode(err) {
	case "":
	case cdoatlas.EINVALID:
		s.renderError(w, r, http.StatusBadRequest)
		return
	case cdoatlas.ECONFLICT:
		redirectFlash(w, r, matchReturn(r), "flash.match_answered_before")
		return
	default:
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, matchReturn(r), "flash.match_saved")
}

func matchReturn(r *http.Request) string {
	if n, err := strconv.Atoi(r.PostForm.Get("page")); err == nil && n > 1 && n <= 1_000_000 {
		return "/census/review?page=" + strconv.Itoa(n)
	}
	return "/census/review"
}

// Evidence says in the page's language why a question is asked; evidence
// stored as English text by earlier versions is shown as it is.
func (p *page) Evidence(s string) string {
	key, args, ok := census.ParseEvidence(s)
	if !ok {
		return s
	}
	a := make([]any, len(args))
	for i, v := range args {
		a[i] = v
	}
	return tr(p.Lang, key, a...)
}
