package data

import (
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// UnitsFile is the list of units under the site root.
const UnitsFile = Dir + "/units.toml"

// Kinds of unit.
const (
	KindDistrict = "huyen"    // a district office or agency
	KindCommune  = "xa"       // a commune's People's Committee
	KindTown     = "thi-tran" // the town's People's Committee
)

// Unit is an office, commune or town taking part in the plan.
type Unit struct {
	// ID is the unit's slug ("xa-thach-kim"), used in data files and URLs.
	ID string
	// Name is the full name ("Xã Thạch Kim"), Short the one for tables
	// and charts ("Thạch Kim").
	Name  string
	Short string
	Kind  string
	// Reports marks the units that send the weekly report on essential
	// public services.
	Reports bool
	// DecimalComma, when set, is how numbers are written in the unit's
	// weekly report file, data/reports/<id>.csv; nil leaves it to the
	// file (see package table).
	DecimalComma *bool
	// Address, Hours and Phone are where and when citizens can reach the
	// unit, as its staff write them; "" when not known (never guessed):
	// guidance pages then say to ask.
	Address, Hours, Phone string
	// Pos is the [[unit]] header in data/units.toml.
	Pos diag.Pos
}

// IsCommune reports whether the unit is a commune or the town (cấp xã).
func (u Unit) IsCommune() bool { return u.Kind == KindCommune || u.Kind == KindTown }

// Units is the list of units of data/units.toml, with lookups by the ways
// staff write a unit's name.
type Units struct {
	All []Unit
	// Groups are the [[group]] tables: sets of units the plan names
	// together, which a task's or an indicator's lead may name.
	Groups []Group

	byID  map[string]int
	byKey map[string]int // name key → index into All; -1 when two units share it
}

type rawUnits struct {
	Unit  []rawUnit      `toml:"unit"`
	Group []rawUnitGroup `toml:"group"`
}

type rawUnitGroup struct {
	ID    string   `toml:"id"`
	Name  string   `toml:"name"`
	Units []string `toml:"units"`
}

type rawUnit struct {
	ID           string `toml:"id"`
	Name         string `toml:"name"`
	Short        string `toml:"short"`
	Kind         string `toml:"kind"`
	Reports      bool   `toml:"reports"`
	DecimalComma *bool  `toml:"decimalComma"`
	Address      string `toml:"address"`
	Hours        string `toml:"hours"`
	Phone        string `toml:"phone"`
}

// ParseUnits reads data/units.toml: a list of [[unit]] tables with the keys
// id, name, short, kind ("huyen", "xa" or "thi-tran"), reports,
// decimalComma (the number dialect of the unit's weekly report), and
// address, hours and phone (optional, shown on guidance pages). A unit
// with a problem is reported into l and left out.
func ParseUnits(file string, src []byte, l *diag.List) *Units {
	var raw rawUnits
	us := &Units{byID: map[string]int{}, byKey: map[string]int{}}
	if tomlx.Decode(file, 0, src, &raw, l) == nil {
		return us
	}
	blocks := tomlx.Scan(file, 0, src).Key("unit")
	seenName := map[string]diag.Pos{}
	for i, r := range raw.Unit {
		b := blocks.Elem(i)
		u := Unit{
			ID: strings.TrimSpace(r.ID), Name: vi.NFC(strings.TrimSpace(r.Name)),
			Short: vi.NFC(strings.TrimSpace(r.Short)), Kind: strings.TrimSpace(r.Kind),
			Reports: r.Reports, DecimalComma: r.DecimalComma, Pos: b.Pos(),
		}
		u.Address, u.Hours, u.Phone = vi.NFC(strings.TrimSpace(r.Address)), vi.NFC(strings.TrimSpace(r.Hours)), strings.TrimSpace(r.Phone)
		ok := true
		for _, k := range []struct{ key, val string }{{"id", u.ID}, {"name", u.Name}, {"short", u.Short}, {"kind", u.Kind}} {
			if k.val == "" {
				l.Errorf(b.Pos(), diag.CodeUnitMissingKey,
					diag.Tf("đơn vị thứ %d thiếu khóa bắt buộc %q", "unit number %d lacks the required key %q", i+1, k.key),
					unitKeyHint(k.key))
				ok = false
			}
		}
		if u.ID != "" && vi.Slug(u.ID) != u.ID {
			l.Errorf(b.Key("id").Pos(), diag.CodeUnitID,
				diag.Tf("mã đơn vị %q không hợp lệ", "unit id %q is not valid", u.ID),
				diag.Tf("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ %q.",
					"An id has only lower-case ASCII letters, digits and hyphens, for example %q.", vi.Slug(u.ID)))
			ok = false
		}
		switch u.Kind {
		case "", KindDistrict, KindCommune, KindTown:
		default:
			l.Errorf(b.Key("kind").Pos(), diag.CodeUnitKind,
				diag.Tf("loại đơn vị %q không hợp lệ", "unit kind %q is not valid", u.Kind),
				diag.T(`Viết kind = "huyen" (cấp huyện), "xa" (xã) hoặc "thi-tran" (thị trấn).`,
					`Write kind = "huyen" (district office), "xa" (commune) or "thi-tran" (town).`))
			ok = false
		}
		if j, dup := us.byID[u.ID]; dup && u.ID != "" {
			l.Errorf(b.Key("id").Pos(), diag.CodeUnitDuplicate,
				diag.Tf("mã đơn vị %q đã dùng ở dòng %d", "unit id %q is already used on line %d", u.ID, us.All[j].Pos.Line),
				diag.T("Mỗi đơn vị cần một mã riêng.", "Each unit needs an id of its own."))
			ok = false
		}
		for _, n := range []struct{ key, val string }{{"name", u.Name}, {"short", u.Short}} {
			k := vi.Slug(n.val)
			if k == "" {
				continue
			}
			if first, dup := seenName[k]; dup {
				l.Errorf(b.Key(n.key).Pos(), diag.CodeUnitDuplicate,
					diag.Tf("tên %q trùng với tên đơn vị ở dòng %d", "name %q is the same as the unit's on line %d", n.val, first.Line),
					diag.T("Tên đầy đủ và tên ngắn phải khác nhau giữa các đơn vị, để tìm được đúng đơn vị theo tên.",
						"Full and short names must differ between units, so that a name finds one unit."))
				ok = false
				continue
			}
			seenName[k] = b.Key(n.key).Pos()
		}
		if !ok {
			continue
		}
		us.byID[u.ID] = len(us.All)
		us.All = append(us.All, u)
	}
	for i, u := range us.All {
		for _, k := range unitKeys(u) {
			if j, seen := us.byKey[k]; seen && j != i {
				us.byKey[k] = -1
				continue
			}
			us.byKey[k] = i
		}
	}
	us.parseGroups(raw.Group, tomlx.Scan(file, 0, src).Key("group"), l)
	return us
}

func unitKeyHint(key string) diag.Text {
	switch key {
	case "id":
		return diag.T(`Thêm dòng id = "xa-thach-kim" (mã không dấu).`, `Add a line id = "xa-thach-kim" (an ASCII id).`)
	case "name":
		return diag.T(`Thêm dòng name = "Xã Thạch Kim" (tên đầy đủ).`, `Add a line name = "Xã Thạch Kim" (the full name).`)
	case "short":
		return diag.T(`Thêm dòng short = "Thạch Kim" (tên ngắn cho bảng, biểu đồ).`, `Add a line short = "Thạch Kim" (the short name for tables and charts).`)
	}
	return diag.T(`Thêm dòng kind = "huyen", "xa" hoặc "thi-tran".`, `Add a line kind = "huyen", "xa" or "thi-tran".`)
}

// unitKeys lists the keys a unit is found by: its id, and the slugs of its
// names, of its name without "Xã"/"Thị trấn" and with it before the short
// name.
func unitKeys(u Unit) []string {
	keys := []string{u.ID, vi.Slug(u.Name), vi.Slug(u.Short)}
	if u.IsCommune() {
		for _, prefix := range []string{"xa-", "thi-tran-", "tt-", "phuong-"} {
			if rest, ok := strings.CutPrefix(vi.Slug(u.Name), prefix); ok {
				keys = append(keys, rest)
			}
			if rest, ok := strings.CutPrefix(vi.Slug(u.Short), prefix); ok {
				keys = append(keys, rest)
			}
		}
	}
	return keys
}

// ByID returns the unit with id.
func (us *Units) ByID(id string) (Unit, bool) {
	if us == nil {
		return Unit{}, false
	}
	i, ok := us.byID[id]
	if !ok {
		return Unit{}, false
	}
	return us.All[i], true
}

// Lookup finds the unit text names: its id, full name or short name, in any
// case, with or without marks, composed or not, with or without "xã",
// "thị trấn" or "UBND" before it. So "Thạch Kim", "xã Thạch Kim",
// "xa-thach-kim", "THACH KIM" and "UBND xã Thạch Kim" find the same unit. A
// name two units share finds neither.
func (us *Units) Lookup(text string) (Unit, bool) {
	if us == nil {
		return Unit{}, false
	}
	k := vi.Slug(vi.NFC(text))
	if k == "" {
		return Unit{}, false
	}
	for _, key := range []string{k, strings.TrimPrefix(k, "ubnd-"), strings.TrimPrefix(k, "uy-ban-nhan-dan-")} {
		if i, ok := us.byKey[key]; ok {
			if i < 0 {
				return Unit{}, false
			}
			return us.All[i], true
		}
	}
	return Unit{}, false
}

// Suggest returns the full names of up to three units whose names are
// closest to text, closest first, for "did you mean" hints.
func (us *Units) Suggest(text string) []string {
	return us.suggest(text, func(Unit) bool { return true })
}

func (us *Units) suggest(text string, keep func(Unit) bool) []string {
	if us == nil {
		return nil
	}
	var cands []string
	owner := map[string]string{}
	for _, u := range us.All {
		if !keep(u) {
			continue
		}
		for _, c := range []string{u.Name, u.Short, u.ID} {
			if _, dup := owner[c]; !dup {
				owner[c] = u.Name
				cands = append(cands, c)
			}
		}
	}
	var out []string
	for _, c := range vi.Closest(text, cands, 9) {
		if n := owner[c]; !slices.Contains(out, n) {
			out = append(out, n)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}
