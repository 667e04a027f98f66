package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/demo"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestRecordsCoverage(t *testing.T) {
	records, err := demo.Records()
	if err != nil {
		t.Fatal(err)
	}
	orgs := map[string]cdoatlas.Organization{}
	posts := map[string]bool{}
	countries, classes, roles, statuses := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range records {
		if _, ok := orgs[r.Organization.Name]; !ok {
			orgs[r.Organization.Name] = r.Organization
			countries[r.Organization.Country]++
			classes[r.Organization.SizeClass]++
		}
		if r.Post != nil && !posts[r.Organization.Name+"/"+r.Post.Title] {
			posts[r.Organization.Name+"/"+r.Post.Title] = true
			roles[r.Post.Role]++
		}
		if r.Person != nil && !r.Person.Fictional {
			t.Errorf("%s is not flagged fictional", r.Person.Name)
		}
		if r.Tenure != nil {
			statuses[r.Tenure.Status]++
		}
	}
	if len(orgs) < 60 {
		t.Errorf("%d organizations, want at least 60", len(orgs))
	}
	for _, c := range []string{"DE", "AT", "CH"} {
		if countries[c] == 0 {
			t.Errorf("no organization from %s", c)
		}
	}
	for _, c := range []string{"GK1", "GK2", "GK3", "GK4", "GK5", "GK6", "GK7", "KGK1", "KGK2", "KGK3"} {
		if classes[c] == 0 {
			t.Errorf("no organization of size class %s", c)
		}
	}
	if len(posts) < 80 {
		t.Errorf("%d posts, want at least 80", len(posts))
	}
	for _, r := range cdoatlas.Roles {
		if roles[r] == 0 {
			t.Errorf("no post with role %s", r)
		}
	}
	for _, s := range cdoatlas.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no tenure with status %s", s)
		}
	}
	for _, name := range []string{"Landeshauptstadt München", "Kreis Wesel", "Landkreis Anhalt-Bitterfeld", "Wien", "Stadt St. Gallen", "Stadt Luzern"} {
		if _, ok := orgs[name]; !ok {
			t.Errorf("the seed's %s is missing", name)
		}
	}
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	n, err := demo.Seed(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Errorf("Seed created %d organizations, want at least 60", n)
	}
	_, posts, err := db.FindPosts(ctx, cdoatlas.PostFilter{Limit: 1})
	if err != nil || posts < 80 {
		t.Errorf("%d posts stored (%v), want at least 80", posts, err)
	}
	// Vacancies from job ads are classified on loading; the uncertain ones
	// fill the review queue.
	for _, review := range []string{cdoatlas.ReviewAuto, cdoatlas.ReviewPending} {
		if _, n, err := db.FindPosts(ctx, cdoatlas.PostFilter{Review: review, Limit: 1}); err != nil || n == 0 {
			t.Errorf("%d demo posts with review %s (%v), want some", n, review, err)
		}
	}
	if n, err := demo.Seed(ctx, db); err != nil || n != 0 {
		t.Errorf("second Seed: %d, %v; want 0, nil (the store is not empty)", n, err)
	}
}

func TestSynthetic(t *testing.T) {
	records := demo.Synthetic(1, 200, 500, 1000)
	orgs, posts, tenures := map[string]bool{}, map[string]bool{}, 0
	for _, r := range records {
		if err := r.Organization.Validate(); err != nil {
			t.Fatalf("line %d: %v", r.Line, err)
		}
		orgs[r.Organization.OfficialCode] = true
		if r.Post != nil {
			posts[r.Organization.OfficialCode+"/"+r.Post.Title] = true
		}
		if r.Tenure != nil {
			tenures++
		}
	}
	if len(orgs) != 200 || len(posts) != 500 || tenures != 1000 {
		t.Errorf("got %d organizations, %d posts, %d tenures; want 200, 500, 1000", len(orgs), len(posts), tenures)
	}
}

// TestSeedMeetings: the demo gives a network fictional members, a past
// meeting (attendance recorded, a breakout plan of those who attended)
// and a meeting to come with answers.
func TestSeedMeetings(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	network := &cdoatlas.Network{Name: "Demo"}
	if err := db.CreateNetwork(ctx, network); err != nil {
		t.Fatal(err)
	}
	core := &cdoatlas.Circle{NetworkID: network.ID, Name: "Kernkreis", Capacity: 40}
	if err := db.CreateCircle(ctx, core); err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedMeetings(ctx, db, network.ID, core.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	records, err := demo.Records()
	if err != nil {
		t.Fatal(err)
	}
	fictional := map[string]bool{}
	for _, r := range records {
		if r.Person != nil && r.Person.Fictional {
			fictional[r.Person.Name] = true
		}
	}
	meetings, err := db.FindMeetings(ctx, network.ID)
	if err != nil || len(meetings) != 2 {
		t.Fatalf("meetings %v, %v; want two", meetings, err)
	}
	now := time.Now()
	next, past := meetings[0], meetings[1]
	if next.Started(now) || !past.Started(now) {
		t.Fatalf("meetings start %v and %v, want one to come and one past", next.StartsAt, past.StartsAt)
	}
	replies, err := db.FindReplies(ctx, past.ID)
	if err != nil {
		t.Fatal(err)
	}
	attended := 0
	for _, rp := range replies {
		if !fictional[rp.Name] {
			t.Errorf("member %q is not a fictional person of the demo", rp.Name)
		}
		if rp.Attended == nil {
			t.Errorf("%s: attendance not recorded", rp.Name)
		} else if *rp.Attended {
			attended++
		}
	}
	if len(replies) < 10 || attended < 6 || attended == len(replies) {
		t.Errorf("%d invitees, %d attended; want some of at least 10 absent", len(replies), attended)
	}
	answers, _ := db.FindReplies(ctx, next.ID)
	given := map[string]int{}
	for _, rp := range answers {
		given[rp.Answer]++
	}
	if given["yes"] == 0 || given["no"] == 0 || given[""] == 0 {
		t.Errorf("answers to the next meeting %v, want yes, no and no answer", given)
	}
	p, err := db.FindMeetingBreakoutPlan(ctx, past.ID)
	if err != nil {
		t.Fatalf("the past meeting's plan: %v", err)
	}
	if len(p.Options.People) != attended || len(p.Rounds) != 3 || p.WithinRepeats != 0 {
		t.Errorf("the plan seats %d in %d rounds with %d repeats; want the %d attendees in 3 rounds without repeats",
			len(p.Options.People), len(p.Rounds), p.WithinRepeats, attended)
	}
	if _, err := db.FindMeetingBreakoutPlan(ctx, next.ID); cdoatlas.ErrorCode(err) != cdoatlas.ENOTFOUND {
		t.Errorf("the next meeting has a plan: %v", err)
	}
	for _, m := range demo.Members(records) {
		if !strings.HasSuffix(m.Email, "@example.org") {
			t.Errorf("member address %q is not under example.org", m.Email)
		}
	}
}
