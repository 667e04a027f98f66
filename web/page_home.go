package web

import (
	"net/http"

	"github.com/cdoatlas/cdoatlas"
)

// homeView is the start page: key figures of the registry.
type homeView struct {
	page
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
	s.get("/{$}", s.handleHome)
}

// handleHome shows the key figures. Each is the total of a one-row query.
func (s *site) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := &homeView{page: s.newPage(w, r, "home.title", "")}
	v.Nav = "home"
	var err error
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
