package web

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// The CDO-Check (/check): anyone may enter the title of a post and paste a
// job ad or a task description, and reads what the classifier makes of it:
// the role by the title, the verdict by the tasks with its reasons, and for
// a job ad what it lacks of what makes CDOs succeed. Nothing is stored.
// The text can be long, so the form is posted; the result is drawn below
// the form, which keeps what was typed.

// Limits of what the check reads.
const (
	checkMaxTitle = 300
	checkMaxTasks = 20000
	checkMaxOrg   = 300
)

// What the pasted text is: a job ad, or the tasks of an existing post.
const (
	checkKindJobAd = "job_ad"
	checkKindPost  = "post"
)

// checkResultID is the anchor of the result heading. The form posts to
// /check#result, so that the browser shows the result, and screen readers
// read its heading, without any script.
const checkResultID = "result"

func (s *site) registerCheckRoutes() {
	s.get("/check", s.handleCheckForm)
	s.post("/check", s.handleCheck)
}

// classifyInput classifies one post with the titles editors confirmed.
// Every classification of the web server, the page's and the API's, goes
// through here. When the confirmed titles cannot be read, the rules alone
// answer and the failure is logged.
func (s *Server) classifyInput(ctx context.Context, in classify.Input) classify.Output {
	v, err := s.vocabulary(ctx)
	if err != nil {
		s.Logger.ErrorContext(ctx, "reading the confirmed titles", "error", err)
	}
	return v.Classify(in)
}

// checkInputErrors checks what the check reads and returns a message key
// per field (title, tasks, placement, organization, country), or nil. It
// trims the title and writes line breaks of the tasks as "\n", so that the
// limits count characters as a reader does.
func checkInputErrors(in *classify.Input) map[string]string {
	in.Title = strings.TrimSpace(in.Title)
	in.Tasks = strings.ReplaceAll(in.Tasks, "\r\n", "\n")
	in.Placement = strings.TrimSpace(in.Placement)
	in.Organization = strings.TrimSpace(in.Organization)
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	errs := map[string]string{}
	switch {
	case in.Title == "":
		errs["title"] = "required"
	case utf8.RuneCountInString(in.Title) > checkMaxTitle:
		errs["title"] = "check.title_too_long"
	}
	if utf8.RuneCountInString(in.Tasks) > checkMaxTasks {
		errs["tasks"] = "check.tasks_too_long"
	}
	if in.Placement != "" && !slices.Contains(cdoatlas.Placements, in.Placement) {
		errs["placement"] = "placement.invalid"
	}
	if utf8.RuneCountInString(in.Organization) > checkMaxOrg {
		errs["organization"] = "check.organization_long"
	}
	if in.Country != "" && !isLetters2(in.Country) {
		errs["country"] = "check.country_invalid"
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// isLetters2 reports whether s is two letters A–Z.
func isLetters2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// checkView is the CDO-Check page.
type checkView struct {
	page
	Form       *form
	TitleField *field // the fields, drawn one by one around the choice of kind
	TasksField *field
	PlaceField *field
	Kinds      []option // the choice of kind, as radio buttons
	Result     *checkResult
	ResultID   string
}

// checkResult is what the page shows of a classification.
type checkResult struct {
	Verdict      string // yes, no or unknown, for the style
	Heading      string
	Note         string // a sentence where title and tasks disagree, or tasks are missing
	Role         string
	VerdictWord  string
	Archetype    string // for a yes only
	Confidence   string
	TitleReasons []string
	TaskReasons  []string
	JobAd        bool     // the text is a job ad with tasks: show what it lacks
	Gaps         []string // what the ad lacks
}

// handleCheckForm shows the empty form.
func (s *site) handleCheckForm(w http.ResponseWriter, r *http.Request) {
	v := s.newCheckView(w, r, url.Values{"kind": {checkKindJobAd}}, nil)
	s.render(w, r, http.StatusOK, "check", v)
}

// handleCheck classifies what was posted and shows the result below the
// form; a missing or too long title or text gives the form with errors.
func (s *site) handleCheck(w http.ResponseWriter, r *http.Request) {
	f := r.PostForm
	in := classify.Input{Title: f.Get("title"), Tasks: f.Get("tasks"), Placement: f.Get("placement")}
	errs := checkInputErrors(&in)
	kind := f.Get("kind")
	if kind != checkKindPost {
		kind = checkKindJobAd
	}
	values := url.Values{"title": {f.Get("title")}, "tasks": {in.Tasks}, "placement": {f.Get("placement")}, "kind": {kind}}
	v := s.newCheckView(w, r, values, errs)
	if errs != nil {
		v.HasErrors = true
		s.render(w, r, http.StatusUnprocessableEntity, "check", v)
		return
	}
	out := s.classifyInput(r.Context(), in)
	v.Result = newCheckResult(v.Lang, out, in.Tasks, kind == checkKindJobAd)
	v.Title = v.T("check.title_result", v.Result.VerdictWord)
	s.render(w, r, http.StatusOK, "check", v)
}

// newCheckView builds the page with its form.
func (s *site) newCheckView(w http.ResponseWriter, r *http.Request, values url.Values, errs map[string]string) *checkView {
	v := &checkView{page: s.newPage(w, r, "check.title", ""), ResultID: checkResultID}
	v.Nav = "check"
	b := newForm(&v.page, "/check#"+checkResultID, "check.submit", values, errs)
	v.TitleField = b.build(field{Name: "title", Label: "check.field.title", Hint: "check.hint.title", Required: true, Autocomplete: "off"})
	v.TasksField = b.build(field{Name: "tasks", Label: "check.field.tasks", Hint: "check.hint.tasks", Type: "textarea"})
	v.PlaceField = b.build(field{Name: "placement", Label: "check.field.placement", Hint: "check.hint.placement", Type: "select",
		Options: enumOptions(v.Lang, "placement", cdoatlas.Placements, "check.placement_none")})
	for _, k := range []string{checkKindJobAd, checkKindPost} {
		v.Kinds = append(v.Kinds, option{Value: k, Label: v.T("check.kind." + k), Selected: values.Get("kind") == k})
	}
	v.Form = b.done("")
	return v
}

// newCheckResult turns a classification into what the page shows in lang.
func newCheckResult(lang string, out classify.Output, tasks string, jobAd bool) *checkResult {
	res := &checkResult{
		Verdict:     out.CDOCheck,
		Heading:     tr(lang, "check.result."+out.CDOCheck),
		VerdictWord: tr(lang, "check.verdict."+out.CDOCheck),
		Role:        tr(lang, "role."+out.Role),
		Confidence:  tr(lang, "check.percent", int(math.Round(out.Confidence*100))),
	}
	switch {
	case out.CDOCheck == cdoatlas.CheckUnknown:
		res.Note = tr(lang, "check.note.unknown")
	case out.CDOCheck == cdoatlas.CheckNo && out.Role == cdoatlas.RoleCDO:
		res.Note = tr(lang, "check.note.title_not_tasks")
	case out.CDOCheck == cdoatlas.CheckYes && out.Role != cdoatlas.RoleCDO:
		res.Note = tr(lang, "check.note.tasks_not_title")
	}
	if out.CDOCheck == cdoatlas.CheckYes && out.Archetype != "" {
		res.Archetype = tr(lang, "archetype."+out.Archetype)
	}
	for _, r := range out.Explanations {
		if strings.HasPrefix(r.Code, "title.") {
			res.TitleReasons = append(res.TitleReasons, reasonText(lang, r))
		} else {
			res.TaskReasons = append(res.TaskReasons, reasonText(lang, r))
		}
	}
	if jobAd && strings.TrimSpace(tasks) != "" {
		res.JobAd = true
		for _, g := range classify.Gaps(tasks) {
			res.Gaps = append(res.Gaps, reasonText(lang, g))
		}
	}
	return res
}

// reasonText is a reason of the classifier in lang.
func reasonText(lang string, r classify.Reason) string { return r.Text(lang) }
