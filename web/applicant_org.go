package web

import (
	"context"
	"strings"
	"sync"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// applicantOrg is the organization an applicant or a new member names, as
// the form gives it; findApplicantOrganization fills it in.
type applicantOrg struct {
	Name, OfficialCode, Kind, Country, Region string
	Population                                *int64
	// ID is the registry's organization, nil when it has none.
	ID *int64
}

// findApplicantOrganization finds the registry's organization an
// applicant named, by the rules of the census (census.OrgMatcher): by
// official code, else by name or other name within country, region and
// kind, so that "Landeshauptstadt Düsseldorf" is the stored Düsseldorf.
// A name several organizations fit alike is left unlinked. An
// organization the registry lacks but the gazetteer knows gets the kind,
// country, region and population of its place where the form left them
// empty.
func (s *site) findApplicantOrganization(ctx context.Context, a *applicantOrg) {
	if strings.TrimSpace(a.Name) == "" && strings.TrimSpace(a.OfficialCode) == "" {
		return
	}
	m, err := s.orgMatcher(ctx)
	if err != nil {
		s.Logger.ErrorContext(ctx, "organization matcher", "error", err)
		return
	}
	country := strings.ToUpper(strings.TrimSpace(a.Country))
	region := strings.TrimSpace(a.Region)
	if r := cdoatlas.NormalizeRegion(country, region); r != "" {
		region = r
	}
	kind := strings.ToLower(strings.TrimSpace(a.Kind))
	res := m.Match(census.OrgQuery{Name: strings.TrimSpace(a.Name), Kind: kind, Country: country, Region: region,
		OfficialCode: strings.TrimSpace(a.OfficialCode)})
	switch {
	case res.ID != 0 && len(res.Also) == 0:
		id := res.ID
		a.ID = &id
	case res.ID == 0 && census.PlaceFits(res.Place, kind, country, region):
		fillApplicantFromPlace(a, res.Place)
	}
}

// fillApplicantFromPlace gives the form's empty organization fields the place's.
func fillApplicantFromPlace(a *applicantOrg, pl *gazetteer.Place) {
	for _, f := range []struct {
		dst *string
		v   string
	}{{&a.Kind, pl.Kind}, {&a.Country, pl.Country}, {&a.Region, pl.Region}} {
		if strings.TrimSpace(*f.dst) == "" {
			*f.dst = f.v
		}
	}
	if a.Population == nil && pl.Population > 0 {
		n := pl.Population
		a.Population = &n
	}
}

// orgMatcherMemo keeps the matcher of the registry's organizations for
// one registry version, so that an application costs no read of every
// organization unless the registry changed.
type orgMatcherMemo struct {
	mu      sync.Mutex
	version int64
	matcher *census.OrgMatcher
}

// orgMatcher returns a matcher of the registry's organizations as they
// are now: one store read per registry version, or per call when the
// store cannot tell its version.
func (s *site) orgMatcher(ctx context.Context) (*census.OrgMatcher, error) {
	vs, versioned := s.Store.(registryVersioner)
	var version int64
	if versioned {
		v, err := vs.RegistryVersion(ctx)
		if err != nil {
			return nil, err
		}
		version = v
	}
	s.orgMatch.mu.Lock()
	defer s.orgMatch.mu.Unlock()
	if versioned && s.orgMatch.matcher != nil && s.orgMatch.version == version {
		return s.orgMatch.matcher, nil
	}
	orgs, err := s.Store.FindOrganizationNames(ctx)
	if err != nil {
		return nil, err
	}
	refs := make([]census.OrgRef, len(orgs))
	for i, o := range orgs {
		refs[i] = census.OrgRefOf(o)
	}
	m := census.NewOrgMatcher(refs)
	if versioned {
		s.orgMatch.version, s.orgMatch.matcher = version, m
	}
	return m, nil
}
