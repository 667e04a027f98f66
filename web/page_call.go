package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// A call of a network: coordinators publish it for one of its circles;
// its public page takes applications until the deadline.

func (s *site) callForm(p *page, networkID int64, circles []*cdoatlas.Circle, values url.Values, errs map[string]string) *form {
	var opts []option
	for _, c := range circles {
		label := c.Name
		if c.Capacity > 0 {
			label += " (" + tr(p.Lang, "network.seats", c.Capacity) + ")"
		}
		opts = append(opts, option{Value: strconv.FormatInt(c.ID, 10), Label: label})
	}
	action := showPath("networks", networkID) + "/calls/new"
	b := newForm(p, action, "call.publish", values, errs)
	b.add(field{Name: "circle_id", Label: "call.circle", Type: "select", Required: true, Options: opts}).
		add(field{Name: "title", Label: "field.title", Required: true}).
		add(field{Name: "text", Label: "call.text", Type: "textarea", Rows: 8}).
		add(field{Name: "criteria", Label: "call.criteria", Hint: "call.criteria_hint", Type: "textarea", Rows: 5}).
		add(field{Name: "deadline", Label: "call.deadline", Hint: "call.deadline_hint", Required: true})
	return b.done(showPath("networks", networkID))
}

func (s *site) loadNetworkForCall(w http.ResponseWriter, r *http.Request) (*cdoatlas.Network, []*cdoatlas.Circle, bool) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return nil, nil, false
	}
	circles, err := s.Store.FindCircles(r.Context(), n.ID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return n, circles, true
}

func (s *site) handleCallNew(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	v := &formView{page: s.newPageFor(w, r, "call.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
	v.Nav = "networks"
	v.Form = s.callForm(&v.page, n.ID, circles, nil, nil)
	s.renderForm(w, r, http.StatusOK, v)
}

func (s *site) handleCallCreate(w http.ResponseWriter, r *http.Request) {
	n, circles, ok := s.loadNetworkForCall(w, r)
	if !ok {
		return
	}
	f := r.PostForm
	circleID, _ := strconv.ParseInt(f.Get("circle_id"), 10, 64)
	c := &cdoatlas.Call{CircleID: circleID, Title: f.Get("title"), Text: f.Get("text"), Criteria: f.Get("criteria"),
		Deadline: cdoatlas.PartialDate(f.Get("deadline"))}
	belongs := false
	for _, ci := range circles {
		belongs = belongs || ci.ID == circleID
	}
	var err error
	if !belongs {
		err = cdoatlas.FieldErrors{"circle_id": "circle.unknown"}.Err()
	} else {
		err = s.Store.CreateCall(r.Context(), c)
	}
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			s.fail(w, r, err)
			return
		}
		v := &formView{page: s.newPageFor(w, r, "call.new_for", n.Name), Back: showPath("networks", n.ID), BackText: n.Name}
		v.Nav = "networks"
		v.Form = s.callForm(&v.page, n.ID, circles, f, errs)
		s.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectFlash(w, r, showPath("networks", n.ID), "flash.call_published")
}

// callView is the public page of a call with the application form, or
// the list of open calls.
type callView struct {
	page
	Calls    []*cdoatlas.Call
	Call     *cdoatlas.Call
	Network  *cdoatlas.Network
	Open     bool
	Form     *form
	Deadline string

	// The coordinators' list of applications.
	Path       string
	Rows       []applicationRow // this page's rows
	Status     string           // the status filter; "" for all
	Statuses   []option         // the status filter's choices
	Pagination pagination
	// Columns are the table's headers, those that sort a link that sorts
	// by it; Sort and Order the chosen order, kept by the filter form (""
	// for the default, by arrival).
	Columns     []sortColumn
	Sort, Order string
	Downloads   map[string]string // format → URL
}

func (s *site) handleCallIndex(w http.ResponseWriter, r *http.Request) {
	v := &callView{page: s.newPage(w, r, "call.index", "")}
	v.Nav = "calls"
	v.uncached = true // calls are not registry data
	calls, err := s.Store.FindCalls(r.Context(), 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := time.Now()
	for _, c := range calls {
		if c.Open(now) {
			v.Calls = append(v.Calls, c)
		}
	}
	s.render(w, r, http.StatusOK, "call_index", v)
}

func (s *site) loadCall(w http.ResponseWriter, r *http.Request, titleKey string) (*callView, bool) {
	id, ok := pathID(r)
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return nil, false
	}
	c, err := s.Store.FindCallByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	n, err := s.Store.FindNetworkByID(r.Context(), c.NetworkID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	var p page
	if titleKey != "" {
		p = s.newPageFor(w, r, titleKey, c.Title)
	} else {
		p = s.newPage(w, r, "", c.Title)
	}
	v := &callView{page: p, Call: c, Network: n, Open: c.Open(time.Now())}
	v.Deadline = formatDate(v.Lang, c.Deadline)
	v.Nav = "calls"
	return v, true
}

func (s *site) handleCallShow(w http.ResponseWriter, r *http.Request) {
	v, ok := s.loadCall(w, r, "")
	if !ok {
		return
	}
	if v.Open {
		v.Form = applicationForm(&v.page, v.Call.ID, url.Values{}, nil)
	}
	s.render(w, r, http.StatusOK, "call_show", v)
}
