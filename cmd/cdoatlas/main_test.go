package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// app is a cdoatlas process run in the test: commands share one database.
type app struct {
	t   *testing.T
	db  string
	env map[string]string // the environment of serve
}

func newApp(t *testing.T) *app {
	return &app{t: t, db: "sqlite:" + filepath.Join(t.TempDir(), "atlas.db")}
}

// run runs a command with stdin and returns stdout, stderr and its error.
func (a *app) run(stdin string, args ...string) (string, string, error) {
	a.t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string {
		if k == "CDOATLAS_DB" {
			return a.db
		}
		return ""
	}}
	err := m.Run(context.Background(), args)
	return stdout.String(), stderr.String(), err
}

// serve starts `cdoatlas serve` on a free port and returns its base URL.
func (a *app) serve(args ...string) string {
	a.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return a.env[k] },
		Listening: func(addr string) { addrc <- addr }}
	go func() {
		done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", a.db, "--log-level", "warn"}, args...))
	}()
	select {
	case addr := <-addrc:
		a.t.Cleanup(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					a.t.Errorf("serve ended with %v", err)
				}
			case <-time.After(20 * time.Second):
				a.t.Error("serve did not shut down within 20 s")
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		a.t.Fatalf("serve failed: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		cancel()
		a.t.Fatal("serve did not start within 60 s")
	}
	return ""
}
