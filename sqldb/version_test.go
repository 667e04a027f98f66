package sqldb_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"github.com/cdoatlas/cdoatlas/sqldb/sqldbtest"
)

func TestRegistryVersion(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		v0, err := db.RegistryVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		o := &cdoatlas.Organization{Name: "Stadt Ulm", Kind: "municipality", Country: "DE"}
		if err := db.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		v1, err := db.RegistryVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v1 <= v0 {
			t.Errorf("version after a change %d, before %d: want it to grow at once", v1, v0)
		}
		// Sessions are not registry data.
		u := &cdoatlas.User{Email: "v@example.org", Role: "member"}
		if err := db.CreateUser(ctx, u, "a-long-password-123"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateSession(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if v2, _ := db.RegistryVersion(ctx); v2 != v1 {
			t.Errorf("a login changed the registry version from %d to %d", v1, v2)
		}
	})
}

func TestRegistryVersionOtherProcess(t *testing.T) {
	ctx := context.Background()
	path := "sqlite:" + filepath.Join(t.TempDir(), "shared.db")
	server, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if _, err := server.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cli, err := sqldb.Open(ctx, path) // as a `cdoatlas import` next to a running server
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	v0, _ := server.RegistryVersion(ctx)
	if err := cli.CreateOrganization(ctx, &cdoatlas.Organization{Name: "Stadt Ulm", Kind: "municipality", Country: "DE"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		v, err := server.RegistryVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v > v0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a change by another process did not show in the registry version")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
