package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// The organization form can fill in the official facts of a municipality
// or county from the gazetteer: a second submit button (action=gazetteer)
// sends the form, and the form comes back — nothing saved — with official
// code, kind, country, region, population and its date of the place the
// name means. An ambiguous name brings the candidates as buttons below
// the form, each carrying its place (gazetteer_place=DE|07316000). The
// buttons come after "Speichern" so that Enter in a field still saves.

const (
	gazetteerAction = "gazetteer"       // value of the button's name "action"
	gazetteerPlace  = "gazetteer_place" // name of a candidate's button
)

// wantsGazetteer reports whether the form was sent by the gazetteer button
// or a candidate's button rather than by "Speichern".
func wantsGazetteer(v url.Values) bool {
	return v.Get("action") == gazetteerAction || v.Get(gazetteerPlace) != ""
}

// gazetteerLookup is what the gazetteer made of the form's name.
type gazetteerLookup struct {
	Place      *gazetteer.Place  // the place filled in; nil when none
	Candidates []gazetteer.Place // when ambiguous
	NoteKey    string            // what to say next to the name field
}

// lookUpPlace finds the place the form means: the candidate chosen, or the
// place of the name within the country and region given. When the country
// alone (preset to DE on a new form) rules out the only place of that name
// elsewhere ("Wien"), that place is taken.
func lookUpPlace(v url.Values) gazetteerLookup {
	if ref := v.Get(gazetteerPlace); ref != "" {
		country, code, _ := strings.Cut(ref, "|")
		if p, ok := gazetteer.ByCode(country, code); ok {
			return gazetteerLookup{Place: &p}
		}
		return gazetteerLookup{NoteKey: "org.gazetteer.not_found"}
	}
	name := strings.TrimSpace(v.Get("name"))
	if name == "" {
		return gazetteerLookup{NoteKey: "org.gazetteer.no_name"}
	}
	q := gazetteer.Query{Name: name, Country: v.Get("country"), Region: v.Get("region")}
	res := gazetteer.Find(q)
	if res.Place == nil && q.Country != "" && q.Region == "" {
		if other := gazetteer.Find(gazetteer.Query{Name: name}); other.Place != nil {
			res = other
		}
	}
	switch {
	case res.Place != nil:
		return gazetteerLookup{Place: res.Place}
	case len(res.Candidates) > 0:
		return gazetteerLookup{Candidates: res.Candidates, NoteKey: "org.gazetteer.ambiguous"}
	}
	return gazetteerLookup{NoteKey: "org.gazetteer.not_found"}
}

// fillFromPlace returns the form values with the place's official facts;
// the other entries stay as they were typed.
func fillFromPlace(lang string, v url.Values, p *gazetteer.Place) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if k != csrfField && k != "action" && k != gazetteerPlace {
			out[k] = vs
		}
	}
	out.Set("official_code", p.Code)
	out.Set("kind", p.Kind)
	out.Set("country", p.Country)
	out.Set("region", p.Region)
	out.Set("population", "")
	out.Set("population_date", "")
	if p.Population > 0 {
		out.Set("population", strconv.FormatInt(p.Population, 10))
		if p.PopulationDate != "" {
			out.Set("population_date", formatDate(lang, cdoatlas.PartialDate(p.PopulationDate)))
		}
	}
	return out
}

// organizationGazetteerForm answers the gazetteer button of the
// organization form at action: the form again, filled in where the
// gazetteer knows the place, with a note next to the name and the
// candidates to choose from. selfID is the organization edited (0 when new).
func (s *site) organizationGazetteerForm(ctx context.Context, v *formView, r *http.Request, action, cancel string, selfID int64) error {
	look := lookUpPlace(r.PostForm)
	values := r.PostForm
	var note string
	if p := look.Place; p != nil {
		values = fillFromPlace(v.Lang, r.PostForm, p)
		note = tr(v.Lang, "org.gazetteer.filled", p.Name, p.Code)
		// Say so when the place is in the atlas already: saving would then
		// be refused for the code.
		same, _, err := s.Store.FindOrganizations(ctx, cdoatlas.OrganizationFilter{OfficialCode: p.Code, Country: p.Country, Limit: 2})
		if err != nil {
			return err
		}
		for _, o := range same {
			if o.ID != selfID {
				note += " " + tr(v.Lang, "org.gazetteer.exists", o.Name)
				break
			}
		}
		v.Flash = tr(v.Lang, "org.gazetteer.filled_flash")
	} else {
		note = tr(v.Lang, look.NoteKey)
	}
	v.Form = organizationForm(&v.page, action, values, nil, cancel)
	if f := v.Form.field("name"); f != nil {
		f.Note = note
	}
	if len(look.Candidates) > 0 {
		c := &formChoices{ID: "gazetteer-choices", Name: gazetteerPlace, Legend: tr(v.Lang, "org.gazetteer.choose", strings.TrimSpace(r.PostForm.Get("name")))}
		for _, p := range look.Candidates {
			c.Items = append(c.Items, option{Value: p.Country + "|" + p.Code,
				Label: tr(v.Lang, "org.gazetteer.candidate", p.Name, tr(v.Lang, "kind."+p.Kind), cdoatlas.RegionNameIn(v.Lang, p.Region), p.Code)})
		}
		v.Form.Choices = c
	}
	return nil
}
