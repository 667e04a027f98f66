package registryio

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cdoatlas/cdoatlas"
)

// registryJSON is the "json" export: the registry with the field names of
// the API (DESIGN §5).
type registryJSON struct {
	Organizations []*cdoatlas.Organization `json:"organizations"`
	Posts         []*cdoatlas.Post         `json:"posts"`
	People        []*cdoatlas.Person       `json:"people"`
	Tenures       []*cdoatlas.Tenure       `json:"tenures"`
}

func writeJSON(w io.Writer, reg *registry) error {
	doc := registryJSON{
		Organizations: nonNil(reg.orgs),
		Posts:         nonNil(reg.posts),
		People:        nonNil(reg.people),
		Tenures:       nonNil(reg.tenures),
	}
	for _, o := range doc.Organizations {
		if o.OtherNames == nil {
			o.OtherNames = []string{}
		}
	}
	return encode(w, doc)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Popolo JSON (https://www.popoloproject.com/specs/): a post is a Post, a
// tenure a Membership of the holder in the post's organization.
type (
	popoloDoc struct {
		Persons       []popoloPerson       `json:"persons"`
		Organizations []popoloOrganization `json:"organizations"`
		Posts         []popoloPost         `json:"posts"`
		Memberships   []popoloMembership   `json:"memberships"`
	}
	popoloPerson struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Gender    string `json:"gender,omitempty"`
		BirthDate string `json:"birth_date,omitempty"`
	}
	popoloOrganization struct {
		ID             string             `json:"id"`
		Name           string             `json:"name"`
		OtherNames     []popoloName       `json:"other_names,omitempty"`
		Identifiers    []popoloIdentifier `json:"identifiers,omitempty"`
		Classification string             `json:"classification"`
		ParentID       string             `json:"parent_id,omitempty"`
		AreaID         string             `json:"area_id,omitempty"`
		Area           *popoloArea        `json:"area,omitempty"`
	}
	popoloName struct {
		Name string `json:"name"`
	}
	popoloIdentifier struct {
		Scheme     string `json:"scheme"`
		Identifier string `json:"identifier"`
	}
	popoloArea struct {
		ID             string `json:"id"`
		Name           string `json:"name"`
		Classification string `json:"classification"`
	}
	popoloPost struct {
		ID             string `json:"id"`
		OrganizationID string `json:"organization_id"`
		Label          string `json:"label"`
		Role           string `json:"role"`
		StartDate      string `json:"start_date,omitempty"`
		EndDate        string `json:"end_date,omitempty"`
	}
	popoloMembership struct {
		ID             string `json:"id"`
		PersonID       string `json:"person_id"`
		PostID         string `json:"post_id"`
		OrganizationID string `json:"organization_id"`
		Role           string `json:"role,omitempty"`
		StartDate      string `json:"start_date,omitempty"`
		EndDate        string `json:"end_date,omitempty"`
	}
)

func popoloID(kind string, id int64) string { return fmt.Sprintf("%s/%d", kind, id) }

func writePopolo(w io.Writer, reg *registry) error {
	doc := popoloDoc{
		Persons:       make([]popoloPerson, 0, len(reg.people)),
		Organizations: make([]popoloOrganization, 0, len(reg.orgs)),
		Posts:         make([]popoloPost, 0, len(reg.posts)),
		Memberships:   make([]popoloMembership, 0, len(reg.tenures)),
	}
	for _, p := range reg.people {
		pp := popoloPerson{ID: popoloID("person", p.ID), Name: p.Name, Gender: popoloGender[p.Gender]}
		if p.BirthYear != nil {
			pp.BirthDate = fmt.Sprintf("%04d", *p.BirthYear)
		}
		doc.Persons = append(doc.Persons, pp)
	}
	for _, o := range reg.orgs {
		doc.Organizations = append(doc.Organizations, popoloOrg(o))
	}
	postByID := make(map[int64]*cdoatlas.Post, len(reg.posts))
	for _, p := range reg.posts {
		postByID[p.ID] = p
		doc.Posts = append(doc.Posts, popoloPost{
			ID: popoloID("post", p.ID), OrganizationID: popoloID("organization", p.OrganizationID),
			Label: p.Title, Role: p.Role, StartDate: string(p.Created), EndDate: string(p.Abolished),
		})
	}
	for _, t := range reg.tenures {
		m := popoloMembership{
			ID: popoloID("membership", t.ID), PersonID: popoloID("person", t.PersonID), PostID: popoloID("post", t.PostID),
			StartDate: string(t.Start), EndDate: string(t.End),
		}
		if p := postByID[t.PostID]; p != nil {
			m.OrganizationID = popoloID("organization", p.OrganizationID)
			m.Role = p.Role
		}
		doc.Memberships = append(doc.Memberships, m)
	}
	return encode(w, doc)
}

// popoloGender writes the recorded gender in the words Popolo data uses;
// unknown is left out.
var popoloGender = map[string]string{"f": "female", "m": "male", "d": "other"}

func popoloOrg(o *cdoatlas.Organization) popoloOrganization {
	po := popoloOrganization{ID: popoloID("organization", o.ID), Name: o.Name, Classification: o.Kind}
	for _, n := range o.OtherNames {
		po.OtherNames = append(po.OtherNames, popoloName{Name: n})
	}
	if o.OfficialCode != "" {
		po.Identifiers = append(po.Identifiers, popoloIdentifier{Scheme: codeScheme(o), Identifier: o.OfficialCode})
		if o.Country == "DE" && len(o.OfficialCode) == 12 {
			po.Identifiers = append(po.Identifiers, popoloIdentifier{Scheme: "AGS", Identifier: cdoatlas.AGS(o.OfficialCode)})
		}
	}
	if o.ParentID != nil {
		po.ParentID = popoloID("organization", *o.ParentID)
	}
	switch {
	case o.Region != "":
		po.AreaID = o.Region
		po.Area = &popoloArea{ID: o.Region, Name: cdoatlas.RegionName(o.Region), Classification: "ISO 3166-2"}
	case o.Country != "":
		po.AreaID = o.Country
		po.Area = &popoloArea{ID: o.Country, Name: cdoatlas.CountryName("de", o.Country), Classification: "ISO 3166-1"}
	}
	return po
}

// codeScheme names the kind of an official code: for Germany by its length
// (AGS, ARS, Kreisschlüssel, Länderschlüssel), GKZ in Austria, BFS in
// Switzerland.
func codeScheme(o *cdoatlas.Organization) string {
	switch o.Country {
	case "DE":
		switch len(o.OfficialCode) {
		case 2:
			return "Länderschlüssel"
		case 5:
			return "Kreisschlüssel"
		case 8:
			return "AGS"
		case 12:
			return "ARS"
		}
	case "AT":
		return "GKZ"
	case "CH":
		return "BFS"
	}
	return "official_code"
}
