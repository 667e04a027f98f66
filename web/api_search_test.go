package web

import (
	"context"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// TestAPISearch checks that q of the post and person lists searches like
// the site search: posts by every word in title, organization or role;
// people by name, and the unpublished not at all for the public and
// members.
func TestAPISearch(t *testing.T) {
	eachAPIEnv(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		orgs, mucCDO := e.seedOrganizations()
		cgnCDO := &cdoatlas.Post{OrganizationID: orgs["cgn"].ID, Title: "Leiterin Stabsstelle Digitalisierung", Role: "cdo", CDOCheck: "yes"}
		if err := e.store.CreatePost(ctx, cgnCDO); err != nil {
			t.Fatal(err)
		}
		hidden := &cdoatlas.Person{Name: "Max Verborgen"}
		if err := e.store.CreatePerson(ctx, hidden); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, path string
			want       []string
		}{
			{"PostsByRole", "/api/v1/posts?q=cdo", []string{cgnCDO.Title, mucCDO.Title}},
			{"PostsByEveryWord", "/api/v1/posts?q=CDO+Koeln", []string{cgnCDO.Title}},
			{"PostsNoMatch", "/api/v1/posts?q=CDO+Wien", nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l := e.list(tc.path)
				var got []string
				for _, it := range l.Items {
					got = append(got, it["title"].(string))
				}
				if strings.Join(got, "|") != strings.Join(tc.want, "|") || l.Total != len(tc.want) {
					t.Errorf("got %q of %d, want %q", got, l.Total, tc.want)
				}
			})
		}
		t.Run("PeopleUnpublished", func(t *testing.T) {
			for _, token := range []string{"", e.member} { // anonymous, a member
				hiddenBody, nobodyBody := e.get("/api/v1/people?q=verborgen", token).Body.String(), e.get("/api/v1/people?q=niemandsname", token).Body.String()
				if hiddenBody != nobodyBody || strings.TrimSpace(hiddenBody) != `{"items":[],"total":0}` {
					t.Errorf("the search for an unpublished name answers %s, for a name nobody has %s", hiddenBody, nobodyBody)
				}
			}
			if l := e.list("/api/v1/people?q=verborgen+max", e.editor); l.Total != 1 || len(l.Items) != 1 {
				t.Errorf("the editor finds %+v", l)
			}
		})
	})
}
