package web

import (
	"context"
	"html/template"
	"net/http"
	"sync"
)

// Public pages made from the registry alone look the same for every
// anonymous visitor until the registry changes, so they are kept in memory
// per registry version and language: the organization list with a search
// term is then served without running its queries and its template again.
// A route opts in by wrapping its handler in cached; every other page is
// rendered afresh, so that a new page, or one that shows data outside the
// registry, is never served stale by accident. An opted-in page is cached
// only when it was made for no one in particular (no login, no flash
// message, no form with a CSRF token) and the store can tell its registry
// version.

// registryVersioner is a store that can tell when the registry changed.
type registryVersioner interface {
	RegistryVersion(ctx context.Context) (int64, error)
}

// Cache bounds: when full, the cache starts afresh.
const (
	pageCacheMaxBytes   = 64 << 20
	pageCacheMaxEntries = 20000
)

type pageCache struct {
	mu      sync.RWMutex
	version int64
	pages   map[string][]byte
	bytes   int
}

// cacheTicket travels with a cacheable request from the lookup to render.
type cacheTicket struct {
	key     string
	version int64
}

type cacheTicketKey struct{}

// cached lets the page cache keep the page of h for anonymous visitors:
// for routes whose page depends on nothing but the registry, the request
// (path and query) and the language.
func (s *site) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r, hit := s.lookup(w, r)
		if hit {
			return
		}
		h(w, r)
	}
}

// lookup serves a cached page and reports whether it did. When the page
// is not cached but could be, it returns the request with a ticket for
// render to store the page with.
func (s *site) lookup(w http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	vs, ok := s.Store.(registryVersioner)
	if !ok || r.Method != http.MethodGet || userFrom(r.Context()) != nil || r.Header.Get("Authorization") != "" {
		return r, false
	}
	if c, err := r.Cookie(flashCookie); err == nil && c.Value != "" {
		return r, false
	}
	version, err := vs.RegistryVersion(r.Context())
	if err != nil {
		s.logError(r, err)
		return r, false
	}
	// The language the page is made in, however it was chosen (cookie or
	// Accept-Language); the responses say so in Vary (writeHTML).
	key := langFrom(r) + " " + r.URL.RequestURI()
	s.cache.mu.RLock()
	body, hit := s.cache.pages[key]
	hit = hit && s.cache.version == version
	s.cache.mu.RUnlock()
	if hit {
		writeHTML(w, http.StatusOK, body)
		return r, true
	}
	return r.WithContext(context.WithValue(r.Context(), cacheTicketKey{}, cacheTicket{key, version})), false
}

// keep stores a rendered page if its request holds a ticket and the page
// was made for no one in particular.
func (s *site) keep(r *http.Request, status int, view any, body []byte) {
	t, ok := r.Context().Value(cacheTicketKey{}).(cacheTicket)
	if !ok || status != http.StatusOK {
		return
	}
	if v, ok := view.(interface{ personal() bool }); !ok || v.personal() {
		return
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	switch {
	case t.version < s.cache.version:
		return // made from older data than the cache holds
	case t.version > s.cache.version || s.cache.pages == nil ||
		s.cache.bytes+len(body) > pageCacheMaxBytes || len(s.cache.pages) >= pageCacheMaxEntries:
		s.cache.version, s.cache.pages, s.cache.bytes = t.version, map[string][]byte{}, 0
	}
	s.cache.pages[t.key] = append([]byte(nil), body...)
	s.cache.bytes += len(body)
}

// writeHTML writes a rendered page.
func writeHTML(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Vary", "Cookie, Accept-Language")
	w.WriteHeader(status)
	w.Write(body)
}

// htmlMemo keeps rendered fragments by key, at most htmlMemoMax of them
// (when full it starts afresh), so that no request pattern can make it grow
// without bound.
type htmlMemo struct {
	mu sync.RWMutex
	m  map[string]template.HTML
}

const htmlMemoMax = 2000

func (c *htmlMemo) get(key string) (template.HTML, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	h, ok := c.m[key]
	return h, ok
}

func (c *htmlMemo) put(key string, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= htmlMemoMax {
		c.m = map[string]template.HTML{}
	}
	c.m[key] = h
}
