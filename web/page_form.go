package web

import (
	"errors"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
)

// Forms are described in Go and drawn by one partial (partials/form.html):
// every input has a label, an optional hint and its error message next to
// it (aria-invalid, aria-describedby), and an error summary at the top
// links to the fields.

// form is a whole form ready to draw.
type form struct {
	Lang   string
	Action string
	CSRF   string
	Submit string // button text
	Cancel string // URL to go back to, or ""
	Items  []formItem
	Errors []formError // for the summary, in field order
	// Actions are further submit buttons after Submit, each sending its
	// name and value; Submit stays the default that Enter presses.
	Actions []formAction
	// Choices are submit buttons below the actions, one a choice.
	Choices *formChoices
}

// formAction is a further submit button.
type formAction struct {
	Name, Value, Label string
}

// formChoices offers a choice as one submit button each, sending Name
// with the option's value.
type formChoices struct {
	ID, Name, Legend string
	Items            []option
}

// field returns the form's field called name, or nil.
func (f *form) field(name string) *field {
	for _, it := range f.Items {
		if it.Field != nil && it.Field.Name == name {
			return it.Field
		}
		if it.Set != nil {
			for _, fl := range it.Set.Fields {
				if fl.Name == name {
					return fl
				}
			}
		}
	}
	return nil
}

// formItem is a field or a group of fields.
type formItem struct {
	Field *field
	Set   *fieldset
}

// fieldset groups related fields (checkboxes) under a legend.
type fieldset struct {
	Legend string
	Fields []*field
}

// formError is one line of the error summary.
type formError struct {
	Anchor string // "#f-name", or "" when the field is not on the form
	Text   string
}

// handErrors is the error summary (partial "form_errors") of a form a
// page draws by hand: the translated message of each field by its name,
// linked to the field's ID prefix-name, in the order of the names.
func handErrors(lang string, errs map[string]string, prefix string) *form {
	f := &form{Lang: lang}
	for _, name := range slices.Sorted(maps.Keys(errs)) {
		f.Errors = append(f.Errors, formError{Anchor: "#" + prefix + "-" + name, Text: messageText(lang, errs[name])})
	}
	return f
}

// field is one input.
type field struct {
	Name, Label, Hint string // Label and Hint are catalog keys until built
	Type              string // text, textarea, select, checkbox, email, password, url, number
	Required          bool
	Autocomplete      string
	Inputmode         string
	Rows              int        // for textarea; 3 when 0
	Options           []option   // for select
	Groups            []optgroup // for select, grouped options
	// Filled in when the form is built.
	ID, Value, Error string
	Note             string // translated: what a lookup found, shown below the hint
	Checked          bool
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// optgroup is a labelled group of options.
type optgroup struct {
	Label   string
	Options []option
}

// DescribedBy lists the IDs of the hint and the error of the field.
func (f *field) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Note != "" {
		ids = append(ids, f.ID+"-note")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// formBuilder turns field descriptions, values and error messages into a
// form.
type formBuilder struct {
	form
	values url.Values
	errs   map[string]string // field → message key
	seen   map[string]bool
}

// newForm starts a form posting to action with the values to show and the
// error message keys per field (both may be empty).
func newForm(p *page, action, submitKey string, values url.Values, errs map[string]string) *formBuilder {
	if values == nil {
		values = url.Values{}
	}
	return &formBuilder{
		form:   form{Lang: p.Lang, Action: action, CSRF: p.CSRF(), Submit: tr(p.Lang, submitKey)},
		values: values, errs: errs, seen: map[string]bool{},
	}
}

// build fills in ID, value, error and selection, and translates texts.
func (b *formBuilder) build(f field) *field {
	f.ID = "f-" + strings.ReplaceAll(f.Name, "_", "-")
	f.Label = tr(b.Lang, f.Label)
	if f.Hint != "" {
		f.Hint = tr(b.Lang, f.Hint)
	}
	if f.Type == "" {
		f.Type = "text"
	}
	f.Value = b.values.Get(f.Name)
	if f.Type == "checkbox" {
		f.Checked = f.Value != "" && f.Value != "0" && f.Value != "false"
	}
	for i := range f.Options {
		f.Options[i].Selected = f.Options[i].Value == f.Value
	}
	for g := range f.Groups {
		for i := range f.Groups[g].Options {
			f.Groups[g].Options[i].Selected = f.Groups[g].Options[i].Value == f.Value
		}
	}
	if key, ok := b.errs[f.Name]; ok {
		f.Error = messageText(b.Lang, key)
		// A label that is a sentence (a consent) ends in a period, which
		// the summary's colon replaces.
		b.Errors = append(b.Errors, formError{Anchor: "#" + f.ID, Text: strings.TrimSuffix(f.Label, ".") + ": " + f.Error})
	}
	b.seen[f.Name] = true
	return &f
}

// add appends a field.
func (b *formBuilder) add(f field) *formBuilder {
	b.Items = append(b.Items, formItem{Field: b.build(f)})
	return b
}

// group appends a fieldset of fields under a legend key.
func (b *formBuilder) group(legendKey string, fields ...field) *formBuilder {
	set := &fieldset{Legend: tr(b.Lang, legendKey)}
	for _, f := range fields {
		set.Fields = append(set.Fields, b.build(f))
	}
	b.Items = append(b.Items, formItem{Set: set})
	return b
}

// done returns the form; errors of fields that are not on it (such as
// organization_id) go to the summary without a link.
func (b *formBuilder) done(cancel string) *form {
	b.Cancel = cancel
	for _, name := range slices.Sorted(maps.Keys(b.errs)) {
		if !b.seen[name] {
			b.Errors = append(b.Errors, formError{Text: messageText(b.Lang, b.errs[name])})
		}
	}
	return &b.form
}

// enumOptions lists values with their labels from the catalog (group.value);
// with empty, a first choice for "none" labelled by emptyKey.
func enumOptions(lang, group string, values []string, emptyKey string) []option {
	var out []option
	if emptyKey != "" {
		out = append(out, option{Value: "", Label: tr(lang, emptyKey)})
	}
	for _, v := range values {
		out = append(out, option{Value: v, Label: tr(lang, group+"."+v)})
	}
	return out
}

// countryOptions lists the DACH countries.
func countryOptions(lang, emptyKey string) []option {
	var out []option
	if emptyKey != "" {
		out = append(out, option{Value: "", Label: tr(lang, emptyKey)})
	}
	for _, c := range cdoatlas.Countries {
		out = append(out, option{Value: c.Code, Label: cdoatlas.CountryName(lang, c.Code)})
	}
	return out
}

// regionGroups lists the regions grouped by country.
func regionGroups(lang string) []optgroup {
	var out []optgroup
	for _, c := range cdoatlas.Countries {
		g := optgroup{Label: cdoatlas.CountryName(lang, c.Code)}
		for _, r := range cdoatlas.Regions {
			if strings.HasPrefix(r.Code, c.Code+"-") {
				g.Options = append(g.Options, option{Value: r.Code, Label: r.Name})
			}
		}
		out = append(out, g)
	}
	return out
}

// sizeClassOptions lists the size classes with their descriptions.
func sizeClassOptions(lang, emptyKey string) []option {
	out := []option{{Value: "", Label: tr(lang, emptyKey)}}
	for _, c := range cdoatlas.SizeClasses {
		out = append(out, option{Value: c, Label: cdoatlas.SizeClassLabel(lang, c)})
	}
	return out
}

// fieldErrors returns the message keys per field of a validation error,
// or nil when err is something else.
func fieldErrors(err error) map[string]string {
	var e *cdoatlas.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		return e.Fields
	}
	return nil
}

// parseErrors collects what could not even be read from a form (a number
// that is no number); the store's validation adds the rest.
type parseErrors map[string]string

// int64Field reads an optional whole number, accepting the thousands
// separators people type (1.512.491, 1 512 491, 1'512'491, 1,512,491).
func (pe parseErrors) int64Field(v url.Values, name string) *int64 {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return nil
	}
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "", "\u202f", "", "'", "", "’", "", ",", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		pe[name] = "number.invalid"
		return nil
	}
	return &n
}

// merge adds the parse errors to the store's errors; a field that could
// not be read keeps its own message.
func (pe parseErrors) merge(errs map[string]string) map[string]string {
	if len(pe) == 0 {
		return errs
	}
	out := map[string]string{}
	for k, v := range errs {
		out[k] = v
	}
	for k, v := range pe {
		out[k] = v
	}
	return out
}

// boolValue writes a flag as a checkbox value.
func boolValue(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// checked reads a checkbox.
func checked(v url.Values, name string) bool {
	s := v.Get(name)
	return s != "" && s != "0" && s != "false"
}

// formatOptInt writes an optional number for a form input.
func formatOptInt(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
