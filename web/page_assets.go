package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/cdoatlas/cdoatlas/chart"
)

// assets are the embedded static files, served under names that carry a
// hash of their content (app.3f2a1c9e0b.css), so browsers may keep them
// for a year and still get a new file after every change.
type assets struct {
	byName map[string]string // app.css → /static/app.<hash>.css
	files  map[string]asset  // app.<hash>.css → content
}

type asset struct {
	body        []byte
	contentType string
}

// mustLoadAssets reads every file of static/ and names it by its hash.
func mustLoadAssets(fsys fs.FS) *assets {
	a := &assets{byName: map[string]string{}, files: map[string]asset{}}
	entries, err := fs.ReadDir(fsys, "static")
	if err != nil {
		panic("web: static files: " + err.Error())
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		body, err := fs.ReadFile(fsys, "static/"+e.Name())
		if err != nil {
			panic("web: static files: " + err.Error())
		}
		if e.Name() == "app.css" {
			// The charts' rules, kept with the charts.
			body = append(append(body, "\n/* package chart */\n"...), chart.CSS...)
		}
		sum := sha256.Sum256(body)
		ext := path.Ext(e.Name())
		hashed := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ct := mime.TypeByExtension(ext)
		if ext == ".svg" {
			ct = "image/svg+xml"
		}
		a.byName[e.Name()] = "/static/" + hashed
		a.files[hashed] = asset{body: body, contentType: ct}
	}
	return a
}

// url returns the hashed URL of a static file.
func (a *assets) url(name string) string { return a.byName[name] }

func (s *site) registerAssetRoutes() {
	s.mux.HandleFunc("GET /static/{name}", s.handleAsset)
}

// handleAsset serves a static file by its hashed name.
func (s *site) handleAsset(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.files[r.PathValue("name")]
	if !ok {
		s.renderError(w, r, http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}
