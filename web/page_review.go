package web

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// The review queue: posts whose automatic classification is uncertain wait
// here until an editor confirms or corrects role, check and archetype.
// Each decision is stored on the post and teaches the classifier the
// title (cdoatlas.ReviewService).

func (s *site) registerReviewRoutes() {
	s.get("/review", s.editor(s.handleReviewQueue))
	s.postEditor("/review/{id}", s.handleReviewDecide)
	s.postEditor("/review/titles/forget", s.handleReviewForget)
}

// reviewView is a page of the queue and the titles learned so far.
type reviewView struct {
	page
	Items      []reviewItem
	Pagination pagination
	Titles     []*cdoatlas.TitleDecision
	Threshold  int // percent
	Roles      []option
	Checks     []option
	Archetypes []option
}

// reviewItem is one waiting post with the classifier's proposal.
type reviewItem struct {
	Post       *cdoatlas.Post
	Org        *cdoatlas.Organization
	Confidence int // percent
	Reasons    []string
	Roles      []option
	Checks     []option
	Archetypes []option
}

// handleReviewQueue lists the waiting posts, oldest first by organization,
// each with a form to confirm or correct it.
func (s *site) handleReviewQueue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &reviewView{page: s.newPage(w, r, "review.title", "")}
	v.Nav = "review"
	q := r.URL.Query()
	pg := pageParam(q)
	posts, total, err := s.Store.FindPosts(ctx, cdoatlas.PostFilter{Review: cdoatlas.ReviewPending, Offset: (pg - 1) * perPage, Limit: perPage})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	vocab, err := s.vocabulary(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, p := range posts {
		org, err := s.Store.FindOrganizationByID(ctx, p.OrganizationID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Items = append(v.Items, newReviewItem(v.Lang, p, org, vocab))
	}
	v.Pagination = newPagination(v.Lang, "/review", q, pg, total)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	if v.Titles, err = s.Store.FindTitleDecisions(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Threshold = int(math.Round(s.reviewThreshold() * 100))
	s.render(w, r, http.StatusOK, "review", v)
}

// newReviewItem explains the classification of a waiting post in lang and
// preselects its values in the decision form.
func newReviewItem(lang string, p *cdoatlas.Post, org *cdoatlas.Organization, vocab classify.Vocabulary) reviewItem {
	out := vocab.Classify(classify.Input{Title: p.Title, Tasks: p.Tasks, Placement: p.Placement, Organization: org.Name, Country: org.Country})
	it := reviewItem{Post: p, Org: org, Confidence: int(math.Round(p.Confidence * 100))}
	for _, r := range out.Explanations {
		it.Reasons = append(it.Reasons, r.Text(lang))
	}
	it.Roles = selectOptions(enumOptions(lang, "role", cdoatlas.Roles, ""), p.Role)
	it.Checks = selectOptions(enumOptions(lang, "cdo_check", cdoatlas.CDOChecks, ""), p.CDOCheck)
	it.Archetypes = selectOptions(enumOptions(lang, "archetype", cdoatlas.Archetypes, "value.none"), p.Archetype)
	return it
}

// handleReviewDecide stores an editor's decision on a waiting post.
func (s *site) handleReviewDecide(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	f := r.PostForm
	d := cdoatlas.PostReview{Role: f.Get("role"), CDOCheck: f.Get("cdo_check"), Archetype: f.Get("archetype"), UserID: userFrom(r.Context()).ID}
	if _, err := s.Store.ReviewPost(r.Context(), id, d); err != nil {
		if cdoatlas.ErrorCode(err) == cdoatlas.EINVALID {
			// Only a forged form sends values outside the selects.
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, reviewReturn(f), "flash.review_saved")
}

// handleReviewForget removes a learned title.
func (s *site) handleReviewForget(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.DeleteTitleDecision(r.Context(), r.PostForm.Get("key")); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, reviewReturn(r.PostForm)+"#learned-titles", "flash.review_forgotten")
}

// reviewReturn is the queue page the form came from.
func reviewReturn(f url.Values) string {
	if n, err := strconv.Atoi(f.Get("page")); err == nil && n > 1 && n <= 1_000_000 {
		return "/review?page=" + strconv.Itoa(n)
	}
	return "/review"
}

// vocabulary returns the titles editors confirmed.
func (s *Server) vocabulary(ctx context.Context) (classify.Vocabulary, error) {
	v, err := s.Store.Vocabulary(ctx)
	return classify.Vocabulary(v), err
}

// reviewThreshold is the confidence below which posts wait for review.
func (s *site) reviewThreshold() float64 {
	if s.ReviewThreshold > 0 {
		return s.ReviewThreshold
	}
	return classify.ReviewThreshold
}
