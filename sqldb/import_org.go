package sqldb

import (
	"context"
	"database/sql"
	"reflect"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// loadIndex reads the codes, names and parents of all organizations once,
// so that matching a record costs no query; the index follows what the
// import adds.
func (imp *importer) loadIndex(ctx context.Context) error {
	imp.byCode = map[string]int64{}
	imp.matcher = census.NewOrgMatcher(nil)
	return eachOrgName(ctx, imp.t, func(o *cdoatlas.Organization) {
		imp.index(o)
		imp.parent[o.ID] = parentOf(o)
	})
}

// eachOrgName calls fn with every organization, ordered by ID, holding
// what recognising it needs: ID, name, other names, kind, country,
// region, official code and parent.
func eachOrgName(ctx context.Context, t *tx, fn func(*cdoatlas.Organization)) error {
	return eachRow(ctx, t, "SELECT id, name, other_names, kind, country, region, official_code, parent_id FROM organizations ORDER BY id", func(s scanner) error {
		o := &cdoatlas.Organization{}
		var otherNames string
		var parentID sql.NullInt64
		if err := s.Scan(&o.ID, &o.Name, &otherNames, &o.Kind, &o.Country, &o.Region, &o.OfficialCode, &parentID); err != nil {
			return err
		}
		o.OtherNames = decodeNames(otherNames)
		o.ParentID = int64Ptr(parentID)
		fn(o)
		return nil
	})
}

// index adds o to the lookups, or updates it there.
func (imp *importer) index(o *cdoatlas.Organization) {
	if key := o.CodeKey(); key != "" {
		imp.byCode[o.Country+"\x00"+key] = o.ID
	}
	imp.matcher.Add(census.OrgRefOf(o))
}

// match finds the stored organization of a record: by code key, else as
// census.OrgMatcher.MatchOrganization decides (the name as the census
// reads it, within country, region and kind; the gazetteer). It returns
// 0 and the gazetteer's place, if any, when there is none, and an error
// when the name fits several.
func (imp *importer) match(p *preparedRecord) (int64, *gazetteer.Place, error) {
	o := &p.org
	if key := o.CodeKey(); key != "" {
		if id, ok := imp.byCode[o.Country+"\x00"+key]; ok {
			return id, nil, nil
		}
	}
	m := imp.matcher.MatchOrganization(o)
	if len(m.Also) > 0 {
		return 0, nil, problem(p.line, "name", "registry.ambiguous_name", len(m.Also)+1)
	}
	return m.ID, m.Place, nil
}

// importOrganization creates or updates the organization of a record.
func (imp *importer) importOrganization(ctx context.Context, p *preparedRecord) (*cdoatlas.Organization, error) {
	t := imp.t
	id, place, err := imp.match(p)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		o := p.org
		// A new place gets what the gazetteer knows and the record leaves
		// empty, unless its code is another organization's.
		if filled := o; place != nil && census.FillFromPlace(&filled, place) && imp.check(&filled) == nil {
			o = filled
		}
		if err := imp.check(&o); err != nil {
			return nil, recordError(p.line, err, "official_code", orgColumn)
		}
		if o.ID, err = imp.newID(ctx, "organizations"); err != nil {
			return nil, err
		}
		o.OtherNames = decodeNames(encodeNames(o.OtherNames)) // never nil, as read back
		o.CreatedAt, o.UpdatedAt = t.now, t.now
		imp.index(&o)
		imp.parent[o.ID] = parentOf(&o)
		imp.setState(o.ID, stateCreated)
		imp.orgs[o.ID] = &o
		imp.posts[o.ID], imp.holders[o.ID] = map[string]int64{}, map[string]int64{}
		imp.queue.insertOrganization(o.ID)
		return &o, nil
	}
	cur, ok := imp.orgs[id]
	if !ok {
		if err := imp.load(ctx, []int64{id}); err != nil {
			return nil, err
		}
		if cur, ok = imp.orgs[id]; !ok {
			return nil, notFound("organization")
		}
	}
	m := mergeOrganization(cur, &p.org)
	if err := m.Validate(); err != nil {
		return nil, recordError(p.line, err, "official_code", orgColumn)
	}
	if reflect.DeepEqual(organizationArgs(&m), organizationArgs(cur)) {
		imp.setState(id, stateUnchanged)
		return cur, nil
	}
	if err := imp.check(&m); err != nil {
		return nil, recordError(p.line, err, "official_code", orgColumn)
	}
	m.OtherNames = decodeNames(encodeNames(m.OtherNames))
	m.UpdatedAt = t.now
	delete(imp.byCode, cur.Country+"\x00"+cur.CodeKey())
	imp.index(&m)
	imp.parent[id] = parentOf(&m)
	imp.setState(id, stateUpdated)
	imp.orgs[id] = &m
	imp.queue.updateOrganization(id)
	return &m, nil
}

func parentOf(o *cdoatlas.Organization) int64 {
	if o.ParentID == nil {
		return 0
	}
	return *o.ParentID
}

// check finds, before o is written, what the database would refuse: a
// parent that is o itself or below it, an official code another
// organization has, an unknown parent.
func (imp *importer) check(o *cdoatlas.Organization) error {
	parent, known := int64(0), false
	if o.ParentID != nil {
		parent = *o.ParentID
		_, known = imp.parent[parent]
	}
	if known && o.ID != 0 {
		seen := map[int64]bool{}
		for id := parent; id != 0 && !seen[id]; id = imp.parent[id] {
			if id == o.ID {
				return &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed", Fields: map[string]string{"parent_id": "parent.self"}}
			}
			seen[id] = true
		}
	}
	if key := o.CodeKey(); key != "" {
		if id, ok := imp.byCode[o.Country+"\x00"+key]; ok && id != o.ID {
			return errCodeTaken
		}
	}
	if o.ParentID != nil && !known {
		return &cdoatlas.Error{Code: cdoatlas.EINVALID, Message: "validation failed", Fields: map[string]string{"parent_id": "organization.unknown"}}
	}
	return nil
}

// mergeOrganization returns cur updated with what rec gives: non-empty
// text, known numbers. A new name replaces the name and the old one is
// kept among the other names; other names are added, never removed; a
// German AGS does not replace the ARS it is part of.
func mergeOrganization(cur, rec *cdoatlas.Organization) cdoatlas.Organization {
	m := *cur
	m.OtherNames = append([]string(nil), cur.OtherNames...)
	has := func(name string) bool {
		f := cdoatlas.Fold(name)
		if cdoatlas.Fold(m.Name) == f {
			return true
		}
		for _, n := range m.OtherNames {
			if cdoatlas.Fold(n) == f {
				return true
			}
		}
		return false
	}
	if rec.Name != "" && !has(rec.Name) {
		m.OtherNames = append(m.OtherNames, m.Name)
		m.Name = rec.Name
	}
	for _, n := range rec.OtherNames {
		if !has(n) {
			m.OtherNames = append(m.OtherNames, n)
		}
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Kind, rec.Kind)
	set(&m.Country, rec.Country)
	set(&m.Region, rec.Region)
	set(&m.Sector, rec.Sector)
	if rec.OfficialCode != "" && rec.OfficialCode != m.OfficialCode {
		if !(rec.CodeKey() == m.CodeKey() && len(m.OfficialCode) > len(rec.OfficialCode)) {
			m.OfficialCode = rec.OfficialCode
		}
	}
	if rec.Population != nil {
		m.Population, m.PopulationDate = rec.Population, rec.PopulationDate
	}
	if rec.Employees != nil {
		m.Employees = rec.Employees
	}
	if rec.ParentID != nil {
		m.ParentID = rec.ParentID
	}
	return m
}
