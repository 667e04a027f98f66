package web

// filterSelect is one select of a list's filter form (GET): its ID is
// also the name of the query parameter.
type filterSelect struct {
	ID, Label string
	Options   []option
	Groups    []optgroup
}

// FilterSelect describes a filter select for the partial "filter_select":
// labelKey is a catalog key. A select of groups alone (regions by
// country) starts with the choice "Alle".
func (p *page) FilterSelect(id, labelKey string, opts []option, groups []optgroup) filterSelect {
	if len(opts) == 0 && len(groups) > 0 {
		opts = []option{{Value: "", Label: tr(p.Lang, "filter.all")}}
	}
	return filterSelect{ID: id, Label: tr(p.Lang, labelKey), Options: opts, Groups: groups}
}
