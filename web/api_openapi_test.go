package web

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

// apiDoc is the OpenAPI document as generic JSON.
type apiDoc map[string]any

// obj returns the object at a path of keys, or nil.
func (d apiDoc) obj(keys ...string) map[string]any {
	var v any = map[string]any(d)
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	m, _ := v.(map[string]any)
	return m
}

// resolve follows a "$ref" to a local component.
func (d apiDoc) resolve(v map[string]any) map[string]any {
	ref, ok := v["$ref"].(string)
	if !ok {
		return v
	}
	return d.obj(strings.Split(strings.TrimPrefix(ref, "#/"), "/")...)
}

func loadAPIDoc(t *testing.T) apiDoc {
	t.Helper()
	var doc apiDoc
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

var apiOperations = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func TestOpenAPIServed(t *testing.T) {
	e := newAPIEnv(t, openTestStore(t))
	w := e.get("/api/v1/openapi.json")
	wantStatus(t, w, http.StatusOK)
	if !bytes.Equal(w.Body.Bytes(), openAPIDocument) {
		t.Error("the served document is not the embedded one")
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if v, _ := loadAPIDoc(t)["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi %q, want 3.1.x", v)
	}
}

// TestOpenAPIRoutes checks that every registered route is documented and
// every documented operation is served.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadAPIDoc(t)
	srv := New(openTestStore(t), nil, nil)
	registered := map[string]bool{}
	for _, rt := range srv.apiRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		registered[strings.ToLower(method)+" "+path] = true
		if doc.obj("paths", path, strings.ToLower(method)) == nil {
			t.Errorf("route %q is not documented", rt.pattern)
		}
	}
	ids := map[string]bool{}
	for path, item := range doc.obj("paths") {
		item := item.(map[string]any)
		for _, op := range apiOperations {
			o, ok := item[op].(map[string]any)
			if !ok {
				continue
			}
			if !registered[op+" "+path] {
				t.Errorf("documented %s %s is not served", strings.ToUpper(op), path)
			}
			id, _ := o["operationId"].(string)
			if id == "" || ids[id] {
				t.Errorf("%s %s: operationId %q missing or not unique", op, path, id)
			}
			ids[id] = true
			if len(o["responses"].(map[string]any)) == 0 {
				t.Errorf("%s %s: no responses", op, path)
			}
			security, _ := json.Marshal(o["security"])
			if open := op == "get" && !apiNeedsLogin(path) || strings.ToUpper(op)+" "+path == apiCheckPattern; open && string(security) != `[{},{"bearerAuth":[]}]` && string(security) != `[{}]` {
				t.Errorf("%s %s: security %s, want anonymous allowed", op, path, security)
			} else if !open && string(security) != `[{"bearerAuth":[]}]` {
				t.Errorf("%s %s: security %s, want bearerAuth", op, path, security)
			}
			params := append(slices.Clone(apiSlice(item["parameters"])), apiSlice(o["parameters"])...)
			for _, name := range []string{"id"} {
				if !strings.Contains(path, "{"+name+"}") {
					continue
				}
				found := slices.ContainsFunc(params, func(p any) bool {
					p1 := doc.resolve(p.(map[string]any))
					return p1["in"] == "path" && p1["name"] == name
				})
				if !found {
					t.Errorf("%s %s: path parameter %s not described", op, path, name)
				}
			}
		}
	}
	if doc.obj("components", "securitySchemes", "bearerAuth")["scheme"] != "bearer" {
		t.Error("no bearer security scheme")
	}
}

func apiSlice(v any) []any { s, _ := v.([]any); return s }

// apiNeedsLogin reports whether the reads of path are for logged-in users
// only: the network's votes, meetings and breakout plans.
func apiNeedsLogin(path string) bool {
	for _, p := range []string{"/api/v1/votes", "/api/v1/meetings", "/api/v1/breakouts"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// TestOpenAPIRefs checks that every $ref points at something.
func TestOpenAPIRefs(t *testing.T) {
	doc := loadAPIDoc(t)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok && doc.resolve(v) == nil {
				t.Errorf("dangling $ref %q", ref)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(map[string]any(doc))
}

// TestOpenAPISchemas checks that the schemas name the JSON fields of the Go
// types, mark the read-only ones, and list the values the domain allows.
func TestOpenAPISchemas(t *testing.T) {
	doc := loadAPIDoc(t)
	for name, typ := range map[string]reflect.Type{
		"Organization": reflect.TypeFor[cdoatlas.Organization](),
		"Post":         reflect.TypeFor[cdoatlas.Post](),
		"Person":       reflect.TypeFor[cdoatlas.Person](),
		"Tenure":       reflect.TypeFor[cdoatlas.Tenure](),
		"Error":        reflect.TypeFor[apiErrorBody](),
	} {
		props := doc.obj("components", "schemas", name, "properties")
		want := slices.Sorted(maps.Keys(apiJSONFields(typ)))
		if got := slices.Sorted(maps.Keys(props)); !slices.Equal(got, want) {
			t.Errorf("schema %s has properties %q, the Go type %q", name, got, want)
		}
		if name == "Error" {
			continue
		}
		for _, field := range want {
			readOnly, _ := doc.resolve(props[field].(map[string]any))["readOnly"].(bool)
			if readOnly != apiReadOnly[field] {
				t.Errorf("%s.%s: readOnly %v, want %v", name, field, readOnly, apiReadOnly[field])
			}
		}
		list := doc.obj("components", "schemas", name+"List", "properties")
		if list["items"].(map[string]any)["items"].(map[string]any)["$ref"] != "#/components/schemas/"+name || list["total"] == nil {
			t.Errorf("schema %sList: %v", name, list)
		}
	}
	withEmpty := func(values []string) []string { return append(slices.Clone(values), "") }
	for _, tc := range []struct {
		schema, field string
		want          []string
	}{
		{"Organization", "kind", cdoatlas.Kinds},
		{"Organization", "size_class", withEmpty(cdoatlas.SizeClasses)},
		{"Post", "role", cdoatlas.Roles},
		{"Post", "cdo_check", cdoatlas.CDOChecks},
		{"Post", "archetype", withEmpty(cdoatlas.Archetypes)},
		{"Post", "placement", withEmpty(cdoatlas.Placements)},
		{"Person", "gender", cdoatlas.Genders},
		{"Person", "publication_basis", []string{cdoatlas.BasisConsent, cdoatlas.BasisPublicRole, cdoatlas.BasisNone}},
		{"Tenure", "status", cdoatlas.Statuses},
		{"Tenure", "hire", cdoatlas.Hires},
	} {
		var got []string
		for _, v := range apiSlice(doc.obj("components", "schemas", tc.schema, "properties", tc.field)["enum"]) {
			got = append(got, v.(string))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s.%s: enum %q, want %q", tc.schema, tc.field, got, tc.want)
		}
	}
}

// apiParamNames returns the query parameters a resource's list reads.
func apiParamNames[T, F any](a *apiResource[T, F]) []string {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	q := newAPIQuery(r)
	a.parse(r, q)
	return slices.Sorted(maps.Keys(q.known))
}

// TestOpenAPIQueryParameters checks that each list documents exactly the
// query parameters it reads.
func TestOpenAPIQueryParameters(t *testing.T) {
	doc := loadAPIDoc(t)
	srv := New(openTestStore(t), nil, nil)
	for res, read := range map[string][]string{
		"organizations": apiParamNames(srv.apiOrganizations()),
		"posts":         apiParamNames(srv.apiPosts()),
		"people":        apiParamNames(srv.apiPeople()),
		"tenures":       apiParamNames(srv.apiTenures()),
	} {
		var documented []string
		for _, p := range apiSlice(doc.obj("paths", "/api/v1/"+res, "get")["parameters"]) {
			if p := doc.resolve(p.(map[string]any)); p["in"] == "query" {
				documented = append(documented, p["name"].(string))
			}
		}
		slices.Sort(documented)
		if !slices.Equal(documented, read) {
			t.Errorf("%s: documented %q, read %q", res, documented, read)
		}
	}
}
