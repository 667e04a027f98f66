package sqldb

import (
	"context"
	"database/sql"
	"reflect"

	"github.com/cdoatlas/cdoatlas"
)

// loadIndex reads the codes, names and parents of all organizations once,
// so that matching a record costs no query; the index follows what the
// import adds.
func (imp *importer) loadIndex(ctx context.Context) error {
	imp.byCode = map[string]int64{}
	imp.byName = map[string][]*orgName{}
	rows, err := imp.t.query(ctx, "SELECT id, name, other_names, country, region, code_key, parent_id FROM organizations ORDER BY id")
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var o cdoatlas.Organization
		var otherNames, codeKey string
		var parentID sql.NullInt64
		if err := rows.Scan(&o.ID, &o.Name, &otherNames, &o.Country, &o.Region, &codeKey, &parentID); err != nil {
			return mapError(err)
		}
		o.OtherNames = decodeNames(otherNames)
		imp.index(&o, codeKey)
		imp.parent[o.ID] = parentID.Int64
	}
	return mapError(rows.Err())
}

func nameKey(country, name string) string { return country + "\x00" + cdoatlas.Fold(name) }

// index adds o, stored with codeKey, to the lookup maps.
func (imp *importer) index(o *cdoatlas.Organization, codeKey string) {
	if codeKey != "" {
		imp.byCode[o.Country+"\x00"+codeKey] = o.ID
	}
	ref := &orgName{id: o.ID, region: o.Region, hasCode: codeKey != ""}
	seen := map[string]bool{}
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		k := nameKey(o.Country, n)
		if !seen[k] {
			seen[k] = true
			imp.byName[k] = append(imp.byName[k], ref)
		}
	}
}

// unindex removes the name entries of o, as indexed, before it is indexed
// anew with changed names.
func (imp *importer) unindex(o *cdoatlas.Organization) {
	for _, n := range append([]string{o.Name}, o.OtherNames...) {
		k := nameKey(o.Country, n)
		refs := imp.byName[k]
		kept := refs[:0]
		for _, r := range refs {
			if r.id != o.ID {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			delete(imp.byName, k)
		} else {
			imp.byName[k] = kept
		}
	}
}

// match finds the stored organization of a record: by code key when it
// has a code; otherwise, or when no organization has that code, by name
// among organizations without a code. It returns 0 when there is none and
// an error when the name fits several.
func (imp *importer) match(p *preparedRecord) (int64, error) {
	o := &p.org
	if key := o.CodeKey(); key != "" {
		if id, ok := imp.byCode[o.Country+"\x00"+key]; ok {
			return id, nil
		}
	}
	var found []*orgName
	for _, r := range imp.byName[nameKey(o.Country, o.Name)] {
		if !r.hasCode || o.OfficialCode == "" {
			found = append(found, r)
		}
	}
	if len(found) > 1 && o.Region != "" {
		var inRegion []*orgName
		for _, r := range found {
			if r.region == o.Region {
				inRegion = append(inRegion, r)
			}
		}
		found = inRegion
	}
	switch len(found) {
	case 0:
		return 0, nil
	case 1:
		return found[0].id, nil
	}
	return 0, errorf(p.line, "name", "%d organizations of this country have this name: give the official code or the region", len(found))
}

// importOrganization creates or updates the organization of a record.
func (imp *importer) importOrganization(ctx context.Context, p *preparedRecord) (*cdoatlas.Organization, error) {
	t := imp.t
	id, err := imp.match(p)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		o := p.org
		if err := imp.check(&o); err != nil {
			return nil, recordError(p.line, err, "official_code", orgColumn)
		}
		if o.ID, err = imp.newID(ctx, "organizations"); err != nil {
			return nil, err
		}
		o.OtherNames = decodeNames(encodeNames(o.OtherNames)) // never nil, as read back
		o.CreatedAt, o.UpdatedAt = t.now, t.now
		imp.index(&o, o.CodeKey())
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
	imp.unindex(cur)
	delete(imp.byCode, cur.Country+"\x00"+cur.CodeKey())
	imp.index(&m, m.CodeKey())
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
