package data

import (
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// Group is a set of units the plan gives a task to together, as
// data/units.toml's [[group]] tables list them: "các phòng, ban, ngành,
// UBND các xã, thị trấn" (III.1), the eight units that report weekly
// (III.2). A lead cell naming a group gives the task to each member: it is
// on each member's page among the tasks it leads, and counted there.
type Group struct {
	ID   string
	Name string
	// Units are the members' ids, in the file's order.
	Units []string
	Pos   diag.Pos
}

// parseGroups checks the [[group]] tables: an id that is no unit's, a
// name, and at least two known units.
func (us *Units) parseGroups(raw []rawUnitGroup, blocks *tomlx.Node, l *diag.List) {
	seen := map[string]int{}
	for i, r := range raw {
		b := blocks.Elem(i)
		g := Group{ID: strings.TrimSpace(r.ID), Name: vi.NFC(strings.TrimSpace(r.Name)), Pos: b.Pos()}
		ok := true
		for _, k := range []struct{ key, val string }{{"id", g.ID}, {"name", g.Name}} {
			if k.val == "" {
				l.Errorf(b.Pos(), diag.CodeUnitMissingKey,
					diag.Tf("nhóm đơn vị thứ %d thiếu khóa bắt buộc %q", "unit group number %d lacks the required key %q", i+1, k.key),
					diag.T(`Mỗi [[group]] cần id = "cac-don-vi", name = "…" (tên như kế hoạch viết) và units = ["…", "…"].`,
						`Each [[group]] needs id = "cac-don-vi", name = "…" (as the plan words it) and units = ["…", "…"].`))
				ok = false
			}
		}
		if g.ID != "" {
			_, unit := us.byID[g.ID]
			_, dup := seen[g.ID]
			switch {
			case vi.Slug(g.ID) != g.ID:
				l.Errorf(b.Key("id").Pos(), diag.CodeUnitID,
					diag.Tf("mã nhóm %q không hợp lệ", "group id %q is not valid", g.ID),
					diag.Tf("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ %q.",
						"An id has only lower-case ASCII letters, digits and hyphens, for example %q.", vi.Slug(g.ID)))
				ok = false
			case unit || dup:
				l.Errorf(b.Key("id").Pos(), diag.CodeUnitDuplicate,
					diag.Tf("mã nhóm %q đã dùng cho một đơn vị hoặc nhóm khác", "group id %q is already used by a unit or another group", g.ID),
					diag.T("Mỗi đơn vị, mỗi nhóm cần một mã riêng.", "Each unit and each group needs an id of its own."))
				ok = false
			}
		}
		for _, id := range r.Units {
			id = strings.TrimSpace(id)
			if _, known := us.byID[id]; !known {
				hint := diag.T("Dùng mã (id) của một đơn vị ở trên.", "Use the id of a unit above.")
				if s := us.Suggest(id); len(s) > 0 {
					hint = diag.Tf("Có phải là: %s? Dùng mã (id) của đơn vị.", "Did you mean: %s? Use the unit's id.", strings.Join(s, "; "))
				}
				l.Errorf(b.Key("units").Pos(), diag.CodeCSVUnit, diag.Tf("nhóm %q: không có đơn vị %q", "group %q: no unit %q", g.ID, id), hint)
				ok = false
				continue
			}
			if !slices.Contains(g.Units, id) {
				g.Units = append(g.Units, id)
			}
		}
		if ok && len(g.Units) < 2 {
			l.Errorf(b.Pos(), diag.CodeUnitGroupSize,
				diag.Tf("nhóm %q cần ít nhất hai đơn vị", "group %q needs at least two units", g.ID),
				diag.T("Một đơn vị thì ghi thẳng mã đơn vị, không cần nhóm.", "For one unit, write the unit's id; no group is needed."))
			ok = false
		}
		if !ok {
			continue
		}
		seen[g.ID] = len(us.Groups)
		us.Groups = append(us.Groups, g)
	}
}

// Group returns the group with id.
func (us *Units) Group(id string) (Group, bool) {
	if us == nil {
		return Group{}, false
	}
	for _, g := range us.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return Group{}, false
}

// lookupGroup finds a group by its id or name, as staff write them.
func (us *Units) lookupGroup(text string) (Group, bool) {
	if us == nil {
		return Group{}, false
	}
	k := vi.Slug(vi.NFC(text))
	for _, g := range us.Groups {
		if k != "" && (k == g.ID || k == vi.Slug(g.Name)) {
			return g, true
		}
	}
	return Group{}, false
}

// Leads reports whether lead — a unit id or a group id — gives the work to
// the unit id.
func (us *Units) Leads(lead, id string) bool {
	if lead == id {
		return true
	}
	g, ok := us.Group(lead)
	return ok && slices.Contains(g.Units, id)
}
