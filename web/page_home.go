package web

import (
	"html/template"
	"net/http"

	"github.com/cdoatlas/cdoatlas"
)

// homeView is the start page: the map of the latest census wave, the
// parts of the atlas and key figures of the registry.
type homeView struct {
	page
	// The map: the published (disclosure-controlled) figures of the
	// latest wave, as /statistics draws them. NoWave when there is none.
	NoWave         bool
	Wave           string
	WaveDate       string
	K              int
	Map            template.HTML
	Organizations  int
	Posts          int
	CDOPosts       int
	CurrentTenures int
	ByCountry      []countryCount
}

// countryCount is the number of organizations of a country.
type countryCount struct {
	Code string
	N    int
}

func (s *site) registerHomeRoutes() {
	s.get("/{$}", s.cached(s.handleHome))
}

// handleHome shows the map of the latest wave and the key figures. Each
// key figure is the total of a one-row query; the map comes from the same
// published figures as /statistics, so no count is shown here that is
// withheld there.
func (s *site) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &homeView{page: s.newPage(w, r, "home.title", "")}
	v.Nav = "home"
	pub, waves, err := s.publicFigures(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c := buildStatistics(v.Lang, pub, waves, "", "none")
	v.NoWave, v.Wave, v.WaveDate, v.K, v.Map = c.Empty, c.Wave, c.WaveDate, c.K, c.Map
	if _, v.Organizations, err = s.Store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, v.Posts, err = s.Store.FindPosts(ctx, cdoatlas.PostFilter{Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, v.CDOPosts, err = s.Store.FindPosts(ctx, cdoatlas.PostFilter{Role: cdoatlas.RoleCDO, Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, v.CurrentTenures, err = s.Store.FindTenures(ctx, cdoatlas.TenureFilter{Status: cdoatlas.StatusCurrent, Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range cdoatlas.Countries {
		_, n, err := s.Store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{Country: c.Code, Limit: 1})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.ByCountry = append(v.ByCountry, countryCount{Code: c.Code, N: n})
	}
	s.render(w, r, http.StatusOK, "home", v)
}
