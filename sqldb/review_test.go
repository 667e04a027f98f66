package sqldb_test

import (
	"testing"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

const crossTasks = "Verantwortet die Digitalstrategie der gesamten Stadtverwaltung, koordiniert die Digitalisierung aller Fachbereiche und berichtet an den Oberbürgermeister."

func TestPostsAreClassifiedOnWrite(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := mustCreateOrganization(t, db, munich())
		p := &cdoatlas.Post{OrganizationID: m.ID, Title: "Chief Digital Officer der Landeshauptstadt München", Tasks: crossTasks}
		if err := db.CreatePost(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPostByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Role != cdoatlas.RoleCDO || got.CDOCheck != cdoatlas.CheckYes || got.Archetype == "" ||
			got.Review != cdoatlas.ReviewAuto || got.Confidence < 0.7 || got.Tasks != crossTasks {
			t.Fatalf("stored automatic post: %+v", got)
		}

		// Kept as classified, with new tasks: classified again.
		got.Tasks = "Betreuung der Social-Media-Kanäle und der Website"
		if err := db.UpdatePost(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindPostByID(ctx, p.ID)
		if again.CDOCheck != cdoatlas.CheckNo || again.Archetype != "" || again.Review == cdoatlas.ReviewManual {
			t.Errorf("new tasks on an automatic post: %+v", again)
		}
		// Changed by hand: manual, kept.
		again.CDOCheck = cdoatlas.CheckYes
		if err := db.UpdatePost(ctx, again); err != nil {
			t.Fatal(err)
		}
		manual, _ := db.FindPostByID(ctx, p.ID)
		if manual.CDOCheck != cdoatlas.CheckYes || manual.Review != cdoatlas.ReviewManual || manual.Confidence != 1 {
			t.Errorf("check set by hand: %+v", manual)
		}

		// An unknown organization is still refused.
		err = db.CreatePost(ctx, &cdoatlas.Post{OrganizationID: 999999, Title: "CDO"})
		wantField(t, err, "organization_id", "organization.unknown")
	})
}

func TestReviewTeachesTheVocabulary(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := mustCreateOrganization(t, db, munich())
		k := mustCreateOrganization(t, db, cologne())
		w := mustCreateOrganization(t, db, wesel())
		uncertain := &cdoatlas.Post{OrganizationID: m.ID, Title: "Gestalterin Digitale Kommune"}
		waiting := &cdoatlas.Post{OrganizationID: k.ID, Title: "Gestalter digitale Kommune der Stadt Köln"}
		for _, p := range []*cdoatlas.Post{uncertain, waiting} {
			if err := db.CreatePost(ctx, p); err != nil {
				t.Fatal(err)
			}
			if p.Review != cdoatlas.ReviewPending {
				t.Fatalf("%q: review %q (confidence %.2f), want pending", p.Title, p.Review, p.Confidence)
			}
		}
		queue, n, err := db.FindPosts(ctx, cdoatlas.PostFilter{Review: cdoatlas.ReviewPending})
		if err != nil || n != 2 || len(queue) != 2 {
			t.Fatalf("review queue: %d posts, %v", n, err)
		}

		_, err = db.ReviewPost(ctx, uncertain.ID, cdoatlas.PostReview{Role: "nonsense", CDOCheck: cdoatlas.CheckUnknown})
		wantField(t, err, "role", "role.invalid")
		_, err = db.ReviewPost(ctx, 999999, cdoatlas.PostReview{Role: cdoatlas.RoleCDO})
		wantCode(t, err, cdoatlas.ENOTFOUND)

		user := &cdoatlas.User{Email: "editor@example.org", Role: cdoatlas.UserEditor}
		if err := db.CreateUser(ctx, user, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		got, err := db.ReviewPost(ctx, uncertain.ID, cdoatlas.PostReview{Role: cdoatlas.RoleCDO, CDOCheck: cdoatlas.CheckUnknown, Archetype: "economy", UserID: user.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got.Role != cdoatlas.RoleCDO || got.Review != cdoatlas.ReviewConfirmed || got.Confidence != 1 || got.Archetype != "" {
			t.Errorf("reviewed post: %+v (an archetype only goes with a yes)", got)
		}
		// The other post with the same title left the queue with the role.
		settled, _ := db.FindPostByID(ctx, waiting.ID)
		if settled.Role != cdoatlas.RoleCDO || settled.Review != cdoatlas.ReviewAuto || settled.Confidence != 1 {
			t.Errorf("post waiting with the same title: %+v", settled)
		}
		if _, n, _ := db.FindPosts(ctx, cdoatlas.PostFilter{Review: cdoatlas.ReviewPending}); n != 0 {
			t.Errorf("%d posts still waiting, want 0", n)
		}
		ds, err := db.FindTitleDecisions(ctx)
		if err != nil || len(ds) != 1 || ds[0].Role != cdoatlas.RoleCDO || ds[0].Title != "Gestalterin Digitale Kommune" || ds[0].DecidedBy != user.ID {
			t.Fatalf("title decisions: %+v, %v", ds, err)
		}

		// A new post and an imported one with the title are recognised.
		later := &cdoatlas.Post{OrganizationID: w.ID, Title: "GESTALTER:IN DIGITALE KOMMUNE (m/w/d)"}
		if err := db.CreatePost(ctx, later); err != nil {
			t.Fatal(err)
		}
		if later.Role != cdoatlas.RoleCDO || later.Review != cdoatlas.ReviewAuto {
			t.Errorf("new post with a confirmed title: %+v", later)
		}
		sum, err := db.ImportRegistry(ctx, []cdoatlas.RegistryRecord{{Line: 2, Organization: *vienna(),
			Post: &cdoatlas.Post{Title: "Gestalterin Digitale Kommune"}}})
		if err != nil || sum.PostsCreated != 1 {
			t.Fatalf("import: %+v, %v", sum, err)
		}
		imported, _, _ := db.FindPosts(ctx, cdoatlas.PostFilter{Country: "AT"})
		if len(imported) != 1 || imported[0].Role != cdoatlas.RoleCDO || imported[0].Review != cdoatlas.ReviewAuto {
			t.Errorf("imported post with a confirmed title: %+v", imported)
		}

		// Forgotten: the next post is classified by the rules again.
		if err := db.DeleteTitleDecision(ctx, ds[0].Key); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.DeleteTitleDecision(ctx, ds[0].Key), cdoatlas.ENOTFOUND)
		fresh := &cdoatlas.Post{OrganizationID: w.ID, Title: "Gestalterin Digitale Kommune"}
		if err := db.CreatePost(ctx, fresh); err != nil {
			t.Fatal(err)
		}
		if fresh.Review != cdoatlas.ReviewPending {
			t.Errorf("after forgetting: %+v", fresh)
		}
	})
}
