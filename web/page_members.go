package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"sort"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/chart"
	"github.com/cdoatlas/cdoatlas/classify"
	"github.com/cdoatlas/cdoatlas/network"
)

// Members: logged-in members see their memberships, choose whether they
// are listed in the directory, leave with a reason, and see the listed
// members of their circles, optionally only the peers like them.
// Coordinators see each circle's make-up against the balance goals.

func (s *site) registerMemberRoutes() {
	s.get("/members", s.loggedIn(s.handleMembers))
	s.postLoggedIn("/members/{id}/listed", s.handleMemberListed)
	s.postLoggedIn("/members/{id}/leave", s.handleMemberLeave)
}

// membersView is the members' page.
type membersView struct {
	page
	Mine      []memberRow
	Directory []memberRow
	// Unlisted is set when a circle's directory is withheld because the
	// user is not listed in it.
	Unlisted bool
	Peers    string // "", size_class, region or archetype
	PeerOpts []option
	// networks maps circle IDs to their network's, for the links to the
	// topics and votes.
	networks map[int64]int64

	// CalendarFeed is set when the account has a calendar feed address.
	CalendarFeed bool
}

// NetworkOf returns the ID of the network of a circle.
func (v *membersView) NetworkOf(circleID int64) int64 { return v.networks[circleID] }

// memberRow is a membership with the names of its circle and network.
type memberRow struct {
	M         *cdoatlas.Membership
	Circle    string
	Network   string
	SizeClass string
	Archetype string
}

// circleNames maps circle IDs to their circle's and network's names.
func (s *site) circleNames(ctx context.Context) (map[int64][2]string, error) {
	out := map[int64][2]string{}
	nets, err := s.Store.FindNetworks(ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range nets {
		cs, err := s.Store.FindCircles(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[c.ID] = [2]string{c.Name, n.Name}
		}
	}
	return out, nil
}

func newMemberRow(m *cdoatlas.Membership, names map[int64][2]string) memberRow {
	return memberRow{M: m, Circle: names[m.CircleID][0], Network: names[m.CircleID][1],
		SizeClass: cdoatlas.SizeClassOf(m.Kind, m.Population, nil), Archetype: classify.Archetype(m.Tasks)}
}

func (s *site) handleMembers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &membersView{page: s.newPage(w, r, "members.title", "")}
	v.Nav = "members"
	names, err := s.circleNames(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	mine, err := s.Store.FindMembershipsByEmail(ctx, v.User.Email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if v.networks, err = s.circleNetworks(ctx, mine); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.CalendarFeed, err = s.Store.HasCalendarFeed(ctx, v.User.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Peers = r.URL.Query().Get("peers")
	v.PeerOpts = selectOptions([]option{{Value: "", Label: tr(v.Lang, "members.peers_all")},
		{Value: "size_class", Label: tr(v.Lang, "members.peers_size_class")}, {Value: "region", Label: tr(v.Lang, "members.peers_region")},
		{Value: "archetype", Label: tr(v.Lang, "members.peers_archetype")}}, v.Peers)
	seen := map[int64]bool{}
	for _, m := range mine {
		me := newMemberRow(m, names)
		v.Mine = append(v.Mine, me)
		if !m.Listed || m.LeftAt != nil {
			// The directory is mutual: who is not listed sees nobody.
			v.Unlisted = true
			continue
		}
		others, err := s.Store.FindMemberships(ctx, m.CircleID, false)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, o := range others {
			if !o.Listed || o.ID == m.ID || seen[o.ID] {
				continue
			}
			row := newMemberRow(o, names)
			switch v.Peers {
			case "size_class":
				if row.SizeClass != me.SizeClass {
					continue
				}
			case "region":
				if o.Region != m.Region {
					continue
				}
			case "archetype":
				if row.Archetype != me.Archetype {
					continue
				}
			}
			seen[o.ID] = true
			v.Directory = append(v.Directory, row)
		}
	}
	sort.Slice(v.Directory, func(i, j int) bool { return v.Directory[i].M.PersonName < v.Directory[j].M.PersonName })
	s.render(w, r, http.StatusOK, "members", v)
}

// ownMembership finds the logged-in user's membership with the path's ID.
func (s *site) ownMembership(w http.ResponseWriter, r *http.Request) (*cdoatlas.Membership, bool) {
	id, ok := pathID(r)
	if ok {
		mine, err := s.Store.FindMembershipsByEmail(r.Context(), userFrom(r.Context()).Email)
		if err != nil {
			s.fail(w, r, err)
			return nil, false
		}
		for _, m := range mine {
			if m.ID == id {
				return m, true
			}
		}
	}
	s.renderError(w, r, http.StatusNotFound)
	return nil, false
}

func (s *site) handleMemberListed(w http.ResponseWriter, r *http.Request) {
	m, ok := s.ownMembership(w, r)
	if !ok {
		return
	}
	if err := s.Store.SetListed(r.Context(), m.ID, checked(r.PostForm, "listed")); err != nil {
		s.fail(w, r, err)
		return
	}
	redirectFlash(w, r, "/members", "flash.saved")
}

func (s *site) handleMemberLeave(w http.ResponseWriter, r *http.Request) {
	m, ok := s.ownMembership(w, r)
	if !ok {
		return
	}
	err := s.Store.Leave(r.Context(), m.ID, r.PostForm.Get("reason"))
	switch cdoatlas.ErrorCode(err) {
	case "":
		s.runOffers(r.Context()) // the seat goes to the waitlist
		redirectFlash(w, r, "/members", "flash.left")
	case cdoatlas.EINVALID:
		s.renderError(w, r, http.StatusBadRequest)
	default:
		s.fail(w, r, err)
	}
}

// circleMakeUp is a circle's members against the balance goals, for
// coordinators: a chart per attribute with its table, and the imbalance.
type circleMakeUp struct {
	Circle    *cdoatlas.Circle
	Members   []*cdoatlas.Membership
	Charts    []template.HTML
	Imbalance string
}

// makeUp lays out a circle's members by size class, country, region and
// gender.
func makeUp(lang string, n *cdoatlas.Network, c *cdoatlas.Circle, members []*cdoatlas.Membership) circleMakeUp {
	out := circleMakeUp{Circle: c, Members: members}
	cands := network.FromMemberships(members)
	out.Imbalance = decimalIfDE(lang, fmt.Sprintf("%.3f", network.Imbalance(cands, nil, network.Goals{Weights: n.Goals})))
	for _, attr := range []struct{ name, title, header string }{
		{"size_class", "members.by_size_class", "field.size_class"},
		{"country", "members.by_country", "field.country"},
		{"region", "members.by_region", "field.region"},
		{"gender", "members.by_gender", "field.gender"},
	} {
		counts := map[string]int{}
		for _, c := range cands {
			v := c.Value(attr.name)
			if v == "" {
				v = "unknown"
			}
			counts[v]++
		}
		if len(counts) == 0 {
			continue
		}
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		bars := chart.Bars{Text: chart.Text{ID: fmt.Sprintf("c%d-%s", c.ID, attr.name), Title: tr(lang, attr.title, n.Goals[attr.name]),
			Lang: lang, RowHeader: tr(lang, attr.header)}, Series: []string{tr(lang, "members.count")}}
		for _, k := range keys {
			bars.Rows = append(bars.Rows, chart.Row{Label: statLabel(lang, "by_"+attr.name, k), Values: []chart.Value{chart.Count(counts[k])}})
		}
		out.Charts = append(out.Charts, bars.HTML())
	}
	return out
}

func decimalIfDE(lang, s string) string {
	if lang == "en" {
		return s
	}
	return decimalComma(s)
}
