package web

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// upload posts files (name → content) and fields as a multipart form, with
// the CSRF token of the form page when token is set.
func (b *browser) upload(token bool, fields map[string]string, files map[string]string) *httptest.ResponseRecorder {
	b.e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	action := "/census/import"
	if token {
		// As a browser does: post to the form's address, which carries
		// the token.
		w := b.get("/census/import")
		m := uploadAction.FindStringSubmatch(w.Body.String())
		if m == nil {
			b.e.t.Fatalf("no upload form on the page:\n%s", w.Body)
		}
		action = html.UnescapeString(m[1])
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, content := range files {
		fw, _ := mw.CreateFormFile("files", name)
		fw.Write([]byte(content))
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, action, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(r)
}

var uploadAction = regexp.MustCompile(`<form[^>]* action="([^"]+)" enctype="multipart/form-data"`)

// waitForPage fetches path until its text shows want, for at most 10
// seconds, and returns the last answer.
func (b *browser) waitForPage(path, want string) *httptest.ResponseRecorder {
	b.e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		w := b.get(path)
		if strings.Contains(text(w.Body.String()), want) || time.Now().After(deadline) {
			return w
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPageCensusImport(t *testing.T) {
	e := newPageEnv(t)
	e.seed()
	ed := e.as(cdoatlas.UserEditor)
	wantText(t, ed.get("/census/import"), "Erhebungswelle importieren", "Dateien")

	// A file without the organization column is refused; cells that
	// cannot be normalised are not.
	bad := "person_name;title;gender\nAnna Muster;CDO;f\n"
	flagged := "person_name;title;organization;gender;Bundesland\nCarla Test;Referentin;Stadt Ulm;q;Atlantis\n"
	good := "Name,Funktion,Organisation,Bundesland\nAnna Muster,Chief Digital Officer,Landeshauptstadt München,Bayern\nBert Beispiel,Sachbearbeiter,Köln,NRW\n"
	w := ed.upload(true, map[string]string{"wave": "2024", "date": "30.06.2024"}, map[string]string{"linkedin-2024.csv": good, "press.csv": bad})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "nichts wurde gespeichert", "press.csv, Zeile 1, Spalte organization")
	if waves, _ := e.store.FindWaves(context.Background()); len(waves) != 0 {
		t.Fatalf("a refused upload stored waves: %v", waves)
	}
	w = ed.upload(true, map[string]string{"wave": "", "date": ""}, map[string]string{"x.csv": good})
	wantCode(t, w, http.StatusUnprocessableEntity)
	wantText(t, w, "Welle: ")

	w = ed.upload(true, map[string]string{"wave": "2024", "date": "30.06.2024"}, map[string]string{"linkedin-2024.csv": good, "press.csv": flagged})
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/census/import/") {
		t.Fatalf("upload: %d %s\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = ed.waitForPage(w.Header().Get("Location"), "Import abgeschlossen")
	wantText(t, w, "Import abgeschlossen.", "3 Zeilen, davon 0 schon früher importiert; 1 mit einer Digitalleitungsrolle",
		"2 Zellen wurden roh behalten und markiert", "press.csv, Zeile 2, Spalte gender: Geschlecht: f, m, d oder unbekannt.",
		"press.csv, Zeile 2, Spalte Bundesland: Unbekannte Region")
	if strings.Contains(w.Body.String(), "Unknown region") {
		t.Errorf("English on a German page:\n%s", w.Body)
	}
	obs, _, _ := e.store.FindObservations(context.Background(), "2024", false, 0, 10)
	sources := map[string]int{}
	for _, o := range obs {
		sources[o.Source]++
	}
	if len(obs) != 3 || sources["linkedin"] != 2 || sources["press"] != 1 {
		t.Errorf("stored observations: %+v", obs)
	}

	if w := e.as(cdoatlas.UserMember).get("/census/import"); w.Code != http.StatusForbidden {
		t.Errorf("member: %d", w.Code)
	}
	if w := ed.upload(false, map[string]string{"wave": "2025", "date": "2025"}, map[string]string{"a.csv": good}); w.Code != http.StatusForbidden {
		t.Errorf("without CSRF token: %d", w.Code)
	}
	if w := ed.get("/census/import/nosuchjob"); w.Code != http.StatusNotFound {
		t.Errorf("unknown job: %d", w.Code)
	}
}
