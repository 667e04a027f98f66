package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Who may use a route, from the least to the most: every route of the
// server must be in routeNeeds, so that a new route cannot slip in
// unprotected.
const (
	needPublic      = iota // anyone
	needMember             // any logged-in account
	needEditor             // editors and admins
	needCoordinator        // the network's coordinators and admins
	needAdmin              // admins
	needAPIWrite           // an editor's or admin's bearer token
	needMetrics            // an admin, or the metrics token
)

// Who may use the routes of topic votes, beside the ladder above.
const (
	needNetworkMember = needMetrics + 1 + iota // a member of the network (of the vote's circle), its coordinators and admins
	needVoter                                  // a member of the vote's circle only
)

// routeNeeds is the authorization matrix: route pattern → who may use it.
var routeNeeds = map[string]int{
	"/":                  needPublic,
	"GET /{$}":           needPublic,
	"GET /healthz":       needPublic,
	"GET /readyz":        needPublic,
	"GET /metrics":       needMetrics,
	"GET /static/{name}": needPublic,
	"GET /login":         needPublic,
	"POST /login":        needPublic,
	"POST /logout":       needPublic,
	// Anyone may start a login for organisations and come back from the
	// provider; only the provider's verified answer opens a session.
	"GET /login/oidc":              needPublic,
	"GET /login/oidc/callback":     needPublic,
	"GET /impressum":               needPublic,
	"GET /datenschutz":             needPublic,
	"GET /check":                   needPublic,
	"POST /check":                  needPublic,
	"GET /statistics":              needPublic,
	"GET /organizations":           needPublic,
	"GET /organizations/{id}":      needPublic,
	"GET /posts/{id}":              needPublic,
	"GET /people/{id}":             needPublic, // a person with a basis for publication
	"GET /search":                  needPublic, // finds only people with a basis for publication
	"GET /tenures/{id}":            needPublic,
	"GET /calls":                   needPublic,
	"GET /calls/{id}":              needPublic,
	"POST /calls/{id}":             needPublic,
	"GET /applications/{secret}":   needPublic, // who holds the link
	"POST /applications/{secret}":  needPublic,
	"GET /password/forgot":         needPublic,
	"POST /password/forgot":        needPublic,
	"GET /password/reset/{token}":  needPublic,
	"POST /password/reset/{token}": needPublic,
	// Who holds the link to an application withdraws it.
	"POST /applications/{secret}/withdraw": needPublic,
	// Who holds the link to their data (a secret sent by e-mail).
	"GET /my-data":                     needPublic,
	"POST /my-data":                    needPublic,
	"GET /my-data/{token}":             needPublic,
	"GET /my-data/{token}/export.json": needPublic,
	"POST /my-data/{token}/correct":    needPublic,
	"POST /my-data/{token}/withdraw":   needPublic,
	"POST /my-data/{token}/erase":      needPublic,
	"GET /account/tokens":              needPublic, // a redirect to /account

	"GET /account":                     needMember,
	"POST /account/tokens":             needMember,
	"POST /account/tokens/{id}/revoke": needMember,
	"GET /members":                     needMember,
	"POST /members/{id}/listed":        needMember,
	"POST /members/{id}/leave":         needMember,
	"GET /people":                      needMember,

	"GET /organizations/new":             needEditor,
	"POST /organizations/new":            needEditor,
	"GET /organizations/{id}/edit":       needEditor,
	"POST /organizations/{id}/edit":      needEditor,
	"GET /organizations/{id}/delete":     needEditor,
	"POST /organizations/{id}/delete":    needEditor,
	"GET /organizations/{id}/posts/new":  needEditor,
	"POST /organizations/{id}/posts/new": needEditor,
	"GET /posts/{id}/edit":               needEditor,
	"POST /posts/{id}/edit":              needEditor,
	"GET /posts/{id}/delete":             needEditor,
	"POST /posts/{id}/delete":            needEditor,
	"GET /posts/{id}/tenures/new":        needEditor,
	"POST /posts/{id}/tenures/new":       needEditor,
	"GET /tenures/{id}/edit":             needEditor,
	"POST /tenures/{id}/edit":            needEditor,
	"GET /tenures/{id}/delete":           needEditor,
	"POST /tenures/{id}/delete":          needEditor,
	"GET /people/new":                    needEditor,
	"POST /people/new":                   needEditor,
	"GET /people/{id}/edit":              needEditor,
	"POST /people/{id}/edit":             needEditor,
	"GET /people/{id}/delete":            needEditor,
	"POST /people/{id}/delete":           needEditor,
	"GET /review":                        needEditor,
	"POST /review/{id}":                  needEditor,
	"POST /review/titles/forget":         needEditor,
	"GET /census/import":                 needEditor,
	"POST /census/import":                needEditor,
	"GET /census/import/{job}":           needEditor,
	"GET /census/review":                 needEditor,
	"POST /census/review/{id}":           needEditor,
	"GET /networks":                      needEditor, // lists the networks one coordinates
	"GET /networks/new":                  needEditor,
	"POST /networks/new":                 needEditor,

	"GET /networks/{id}":                 needCoordinator,
	"POST /networks/{id}/goals":          needCoordinator,
	"POST /networks/{id}/coordinators":   needCoordinator,
	"GET /networks/{id}/members/new":     needCoordinator,
	"POST /networks/{id}/members/new":    needCoordinator,
	"GET /networks/{id}/calls/new":       needCoordinator,
	"POST /networks/{id}/calls/new":      needCoordinator,
	"GET /networks/{id}/outreach":        needCoordinator,
	"GET /networks/{id}/outreach/places": needCoordinator,
	"GET /calls/{id}/applications":       needCoordinator,
	"GET /calls/{id}/proposal":           needCoordinator,
	"POST /calls/{id}/proposal":          needCoordinator,
	"POST /applications/{id}/decide":     needCoordinator,

	"GET /admin":                   needAdmin,
	"GET /admin/audit":             needAdmin,
	"GET /admin/texts":             needAdmin,
	"POST /admin/texts":            needAdmin,
	"GET /admin/mail":              needAdmin,
	"POST /admin/mail/{id}/resend": needAdmin,

	// Topic votes: the network's members and coordinators; ballots by
	// members of the vote's circle only.
	"GET /networks/{id}/topics":      needNetworkMember,
	"POST /networks/{id}/topics":     needNetworkMember,
	"POST /topics/{id}/merge":        needCoordinator,
	"POST /topics/{id}/archive":      needCoordinator,
	"GET /networks/{id}/votes":       needNetworkMember,
	"GET /networks/{id}/votes/new":   needCoordinator,
	"POST /networks/{id}/votes/new":  needCoordinator,
	"GET /votes/{id}":                needNetworkMember,
	"POST /votes/{id}/ballot":        needVoter,
	"POST /votes/{id}/close":         needCoordinator,
	"GET /votes/{id}/edit":           needCoordinator,
	"POST /votes/{id}/edit":          needCoordinator,
	"GET /votes/{id}/delete":         needCoordinator,
	"POST /votes/{id}/delete":        needCoordinator,
	"GET /votes/{id}/results":        needNetworkMember,
	"GET /votes/{id}/results.csv":    needNetworkMember,
	"GET /api/v1/votes":              needMember, // lists only what the user may see
	"GET /api/v1/votes/{id}":         needNetworkMember,
	"GET /api/v1/votes/{id}/results": needNetworkMember,
	"GET /api/v1/votes/{id}/ballot":  needVoter,
	"PUT /api/v1/votes/{id}/ballot":  needVoter,

	// Breakout plans: coordinators, and the members who sit in a plan.
	"GET /networks/{id}/breakouts":                  needNetworkMember,
	"GET /networks/{id}/breakouts/new":              needCoordinator,
	"POST /networks/{id}/breakouts/new":             needCoordinator,
	"GET /breakouts/{id}":                           needNetworkMember,
	"GET /breakouts/{id}/print":                     needNetworkMember,
	"POST /breakouts/{id}/move":                     needCoordinator,
	"POST /breakouts/{id}/swap":                     needCoordinator,
	"GET /breakouts/{id}/rounds/{round}/groups.csv": needNetworkMember,
	"GET /breakouts/{id}/rounds/{round}/zoom.csv":   needCoordinator,
	"GET /breakouts/{id}/edit":                      needCoordinator,
	"POST /breakouts/{id}/rename":                   needCoordinator,
	"POST /breakouts/{id}/replan":                   needCoordinator,
	"GET /breakouts/{id}/delete":                    needCoordinator,
	"POST /breakouts/{id}/delete":                   needCoordinator,
	"GET /meetings/{id}/breakout/new":               needCoordinator,
	"POST /meetings/{id}/breakout/new":              needCoordinator,
	"GET /api/v1/breakouts/{id}":                    needNetworkMember,

	// Meetings: the invited circle's members and the coordinators; answers
	// by invitees only; the feed by who holds its token.
	"GET /networks/{id}/meetings":      needNetworkMember,
	"GET /networks/{id}/meetings/new":  needCoordinator,
	"POST /networks/{id}/meetings/new": needCoordinator,
	"GET /meetings/{id}":               needNetworkMember,
	"GET /meetings/{id}/edit":          needCoordinator,
	"POST /meetings/{id}/edit":         needCoordinator,
	"POST /meetings/{id}/answer":       needVoter,
	"POST /meetings/{id}/attendance":   needCoordinator,
	"GET /meetings/{id}/meeting.ics":   needNetworkMember,
	"GET /api/v1/meetings":             needMember, // lists only what the user may see
	"GET /api/v1/meetings/{id}":        needNetworkMember,
	"GET /api/v1/meetings/{id}/answer": needVoter,
	"PUT /api/v1/meetings/{id}/answer": needVoter,
	"GET /calendar/{token}":            needPublic, // who holds the feed's token
	"POST /members/calendar":           needMember,
	"POST /members/calendar/revoke":    needMember,

	"GET /api/v1/openapi.json": needPublic,
	"GET /api/v1/places":       needPublic,
	"POST /api/v1/check":       needPublic,
	"/api/v1/":                 needPublic, // the API's not-found answer
}

func init() {
	for _, res := range []string{"organizations", "posts", "people", "tenures"} {
		routeNeeds["GET /api/v1/"+res] = needPublic
		routeNeeds["GET /api/v1/"+res+"/{id}"] = needPublic
		routeNeeds["POST /api/v1/"+res] = needAPIWrite
		for _, m := range []string{"PUT", "PATCH", "DELETE"} {
			routeNeeds[m+" /api/v1/"+res+"/{id}"] = needAPIWrite
		}
	}
}

// principal is one kind of visitor of the matrix.
type principal struct {
	name  string
	level int // needPublic … needAdmin
	token bool
	b     *browser
}

// TestAuthorizationMatrix sends every route to an anonymous visitor, a
// member, an editor, a network's coordinator, an admin and an editor's API
// token. Who may not use a route is refused (401, 403, 404 or sent to log
// in) — for forms with a valid CSRF token, so that the refusal is the
// authorization's, not the CSRF check's — and changes nothing; who may
// read a page gets it.
func TestAuthorizationMatrix(t *testing.T) {
	e := newPageEnv(t)
	ctx := context.Background()
	s := e.seed()
	n := &cdoatlas.Network{Name: "CDO-Kreis"}
	if err := e.store.CreateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: n.ID, Name: "Kernkreis", Capacity: 10}
	if err := e.store.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	call := &cdoatlas.Call{CircleID: core.ID, Title: "Aufruf", Deadline: cdoatlas.PartialDate(time.Now().Add(48 * time.Hour).Format("2006-01-02"))}
	if err := e.store.CreateCall(ctx, call); err != nil {
		t.Fatal(err)
	}
	member := e.as(cdoatlas.UserMember)
	app := &cdoatlas.Application{CallID: call.ID, PersonName: "Mia Mitglied", Email: member.user.Email, OrganizationName: "Stadt Ulm",
		Kind: "municipality", Country: "DE", Region: "DE-BW", Title: "CDO", Consent: true,
		Tasks: "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert alle Fachbereiche und berichtet an den Oberbürgermeister."}
	secret, err := createApplication(ctx, e.store, app)
	if err != nil {
		t.Fatal(err)
	}
	membership, err := e.store.Admit(ctx, app.ID, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	topic := &cdoatlas.Topic{NetworkID: n.ID, Title: "KI"}
	if err := e.store.CreateTopic(ctx, topic); err != nil {
		t.Fatal(err)
	}
	topicVote := &cdoatlas.Vote{CircleID: core.ID, Question: "Woran arbeiten wir?", OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour),
		Options: []*cdoatlas.VoteOption{{TopicID: &topic.ID, Label: topic.Title}, {Label: "Frei"}}}
	if err := e.store.CreateVote(ctx, topicVote); err != nil {
		t.Fatal(err)
	}
	meeting := &cdoatlas.Meeting{CircleID: core.ID, Title: "Netzwerktreffen", StartsAt: time.Now().Add(48 * time.Hour), EndsAt: time.Now().Add(50 * time.Hour),
		Mode: cdoatlas.MeetingVirtual, URL: "https://meet.example.org/cdo"}
	if err := e.store.CreateMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	plan := matrixBreakoutPlan(t, e, core, membership)
	editor := e.as(cdoatlas.UserEditor)
	apiToken, err := e.store.CreateAPIToken(ctx, editor.user.ID, "matrix", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	tokens, _ := e.store.FindAPITokens(ctx, editor.user.ID)
	viaToken := e.anon()
	viaToken.header.Set("Authorization", "Bearer "+apiToken)
	principals := []principal{
		{"anonymous", needPublic, false, e.anon()},
		{"member", needMember, false, member},
		{"token", needEditor, true, viaToken},
		{"editor", needEditor, false, editor},
		{"coordinator", needCoordinator, false, e.coordinator(n.ID)},
		{"admin", needAdmin, false, e.as(cdoatlas.UserAdmin)},
	}
	ids := map[string]string{
		"/organizations/": itoa(s.muc.ID), "/posts/": itoa(s.post.ID), "/people/": itoa(s.public.ID),
		"/tenures/": itoa(s.current.ID), "/networks/": itoa(n.ID), "/calls/": itoa(call.ID),
		"/applications/{id}": itoa(app.ID), "/applications/{secret}": secret, "/members/": itoa(membership.ID),
		"/account/tokens/": itoa(tokens[0].ID), "/static/": "app.css", "/topics/": itoa(topic.ID), "/votes/": itoa(topicVote.ID),
		"/breakouts/": itoa(plan.ID),
		"/meetings/":  itoa(meeting.ID),
	}
	path := func(pattern string) string {
		p := pattern
		if _, rest, ok := strings.Cut(pattern, " "); ok {
			p = rest
		}
		p = strings.TrimSuffix(p, "{$}")
		if strings.Contains(p, "{secret}") {
			return strings.Replace(p, "{secret}", ids["/applications/{secret}"], 1)
		}
		if strings.HasPrefix(p, "/applications/{id}") {
			return strings.Replace(p, "{id}", ids["/applications/{id}"], 1)
		}
		for prefix, id := range ids {
			if strings.HasPrefix(p, prefix) || strings.HasPrefix(p, "/api/v1"+prefix) {
				p = strings.Replace(p, "{id}", id, 1)
				p = strings.Replace(p, "{name}", id, 1)
			}
		}
		r := strings.NewReplacer("{id}", "1", "{job}", "no-such-job", "{token}", "no-such-token", "{name}", "x", "{round}", "1")
		return r.Replace(p)
	}
	checked := 0
	for _, pattern := range e.srv.mux.patterns {
		need, ok := routeNeeds[pattern]
		if !ok {
			t.Errorf("route %q is not in the authorization matrix (routeNeeds): say who may use it", pattern)
			continue
		}
		method, _, found := strings.Cut(pattern, " ")
		if !found {
			method = http.MethodGet
		}
		p := path(pattern)
		for _, pr := range principals {
			allowed := pr.level >= need
			switch need {
			case needAPIWrite:
				allowed = pr.token
			case needNetworkMember:
				allowed = pr.name == "member" || pr.level >= needCoordinator
			case needVoter:
				allowed = pr.name == "member"
			case needMetrics:
				allowed = pr.level == needAdmin
			}
			if pr.token && method != http.MethodGet && !strings.HasPrefix(p, "/api/") {
				allowed = false // forms refuse tokens
			}
			if method != http.MethodGet && allowed {
				continue // a permitted write would change the data the other checks need
			}
			w := pr.do(t, e, method, p)
			refused := w.Code == http.StatusUnauthorized || w.Code == http.StatusForbidden || w.Code == http.StatusNotFound ||
				w.Code == http.StatusSeeOther && strings.HasPrefix(w.Header().Get("Location"), "/login")
			switch {
			case !allowed && !refused:
				t.Errorf("%s %s as %s: status %d (Location %q), want a refusal", method, p, pr.name, w.Code, w.Header().Get("Location"))
			case allowed && method == http.MethodGet && (refused && w.Code != http.StatusNotFound || w.Code >= 500):
				t.Errorf("%s %s as %s: status %d (Location %q), want the page", method, p, pr.name, w.Code, w.Header().Get("Location"))
			}
			checked++
		}
	}
	t.Logf("%d routes, %d route × principal checks", len(e.srv.mux.patterns), checked)
	// Nothing was changed by the refused writes.
	if o, err := e.store.FindOrganizationByID(ctx, s.muc.ID); err != nil || o.Name != s.muc.Name {
		t.Errorf("the organization changed: %+v %v", o, err)
	}
	if got, err := e.store.FindPersonByID(ctx, s.public.ID); err != nil || got.Name != s.public.Name {
		t.Errorf("the person changed: %+v %v", got, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// do sends one request of the matrix: a form post carries a valid CSRF
// token of the principal's session (and a harmless body), an API write a
// JSON object.
func (pr principal) do(t *testing.T, e *pageEnv, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	b := pr.b
	switch {
	case method == http.MethodGet:
		return b.get(path)
	case strings.HasPrefix(path, "/api/"):
		r := httptest.NewRequest(method, path, strings.NewReader(`{"name": "Matrix"}`))
		r.Header.Set("Content-Type", "application/json")
		return b.do(r)
	}
	token := csrfTokenIn(t, b.get("/check").Body.String())
	form := url.Values{csrfField: {token}, "name": {"Matrix"}, "email": {"matrix@example.org"}}
	if path == "/census/import" {
		r := httptest.NewRequest(method, path+"?"+url.Values{csrfField: {token}}.Encode(), strings.NewReader("--x--\r\n"))
		r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		return b.do(r)
	}
	return b.post(path, form)
}
