package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

// Row is one line of a unit's weekly report: one service in one week.
type Row struct {
	// Week is the ISO week the figures cover (see [Rule] for how it
	// relates to the Tuesday the report is due).
	Week period.Period
	// Unit and Service are ids, as in data/units.toml and
	// data/services.toml.
	Unit    string
	Service string
	Counts
	// The reasons staff gave for the late dossiers (Counts.Late), the
	// dossiers not accepted and those returned for supplements.
	LateReason        string
	NotAcceptedReason string
	SupplementReason  string
	// Submitted is when the unit sent the row (ngay_gui); the aggregator
	// does not use it, [Check] does.
	Submitted time.Time
}

// Service is what the aggregator needs to know of a service: its sector,
// and whether it is one of Đề án 06's essential services, whose online
// target is higher.
type Service struct {
	ID        string
	Sector    string
	Essential bool
}

// Targets are the shares of dossiers to receive online.
type Targets struct {
	// Essential applies to Đề án 06's essential services, Other to the
	// rest: 0.8 and 0.6 in Lộc Hà's 2023 plan.
	Essential, Other float64
}

// DefaultTargets are the 2023 plan's: 80% of the dossiers of essential
// services received online, 60% of the others'.
func DefaultTargets() Targets { return Targets{Essential: 0.8, Other: 0.6} }

// Dims is a set of dimensions a view groups rows by. The zero Dims groups
// everything into one total.
type Dims uint8

const (
	ByWeek Dims = 1 << iota
	ByUnit
	ByService
	BySector
	allDims = ByWeek | ByUnit | ByService | BySector
)

func (d Dims) String() string {
	if d == 0 {
		return "total"
	}
	var parts []string
	for _, x := range []struct {
		d    Dims
		name string
	}{{ByWeek, "week"}, {ByUnit, "unit"}, {ByService, "service"}, {BySector, "sector"}} {
		if d&x.d != 0 {
			parts = append(parts, x.name)
		}
	}
	if d&^allDims != 0 {
		parts = append(parts, fmt.Sprintf("Dims(%#x)", uint8(d&^allDims)))
	}
	return strings.Join(parts, "×")
}

// DefaultViews are the views the site shows: the total; by week, unit,
// service and sector; by week and unit, week and service, week and sector,
// unit and service; and every week, unit and service. The last one is the
// finest, and the one whose size grows fastest: weeks × units × services.
func DefaultViews() []Dims {
	return []Dims{0, ByWeek, ByUnit, ByService, BySector,
		ByWeek | ByUnit, ByWeek | ByService, ByWeek | BySector, ByUnit | ByService,
		ByWeek | ByUnit | ByService}
}

// NationalViews are the views whose size does not grow with weeks ×
// units: the total; by week, unit, service and sector; by week and
// service, and by week and sector. Summing 10,000 communes' reports for a
// year keeps about 12,000 cells, most of them one per commune, and that
// number is reached in the first week.
func NationalViews() []Dims {
	return []Dims{0, ByWeek, ByUnit, ByService, BySector, ByWeek | ByService, ByWeek | BySector}
}

// Options configure an [Aggregator].
type Options struct {
	// Services is the catalogue: each service's sector and target. A row
	// of a service not listed has no sector and the Other target.
	Services []Service
	// Targets are the online shares to reach; the zero value means
	// DefaultTargets.
	Targets Targets
	// Views are the groupings to keep; nil means DefaultViews. The total
	// is always kept.
	Views []Dims
}

// The key of a cell packs its view and the ids of its week, unit, service
// and sector into 64 bits, so that the cell map has integer keys.
const (
	bitsSector  = 13
	bitsService = 13
	bitsUnit    = 22
	bitsWeek    = 12

	shiftService = bitsSector
	shiftUnit    = shiftService + bitsService
	shiftWeek    = shiftUnit + bitsUnit
	shiftView    = shiftWeek + bitsWeek // 60: 4 bits left for the view

	maskSector  = 1<<bitsSector - 1
	maskService = (1<<bitsService - 1) << shiftService
	maskUnit    = (1<<bitsUnit - 1) << shiftUnit
	maskWeek    = (1<<bitsWeek - 1) << shiftWeek
)

// Aggregator sums weekly report rows, one at a time, into views.
//
// Its memory depends on the distinct weeks, units, services, sectors and
// reason spellings it has seen, and on the views kept — a view holds one
// cell per distinct combination of its dimensions — never on the number of
// rows. It keeps no row.
//
// An Aggregator is not safe for concurrent use.
type Aggregator struct {
	targets Targets
	views   []view

	cells   map[uint64]int32 // packed key → index into tallies
	keys    []uint64
	tallies []tally

	weeks     []period.Period
	weekIndex map[period.Period]int32
	lastWeek  period.Period // a one-entry cache: rows come week by week
	lastID    int32

	units     names
	services  names
	svcSector []int32 // service id → sector id
	svcTarget []int64 // service id → target in basis points
	sectors   names
	catalogue int // how many services Options.Services listed: the first ids

	spell   spellings
	reasons map[uint64]int64 // cell<<32 | kind<<30 | spelling → dossiers

	rows int64
}

type view struct {
	dims Dims
	mask uint64
	// The last cell used: rows come sorted by week, often by unit, so
	// the total, week and unit views usually need no map lookup.
	lastKey uint64
	lastIdx int32
}

// tally is the sum of a cell.
type tally struct {
	Counts
	rows int64
	// target is Σ received × the service's target, in basis points.
	target int64
}

// names interns strings as small integers.
type names struct {
	index map[string]int32
	list  []string
}

func (n *names) id(s string) int32 {
	if i, ok := n.index[s]; ok {
		return i
	}
	return n.add(s)
}

func (n *names) idBytes(b []byte) int32 {
	if i, ok := n.index[string(b)]; ok {
		return i
	}
	return n.add(string(b))
}

func (n *names) add(s string) int32 {
	if n.index == nil {
		n.index = map[string]int32{}
	}
	i := int32(len(n.list))
	n.index[s] = i
	n.list = append(n.list, s)
	return i
}

// New returns an empty Aggregator.
func New(o Options) *Aggregator {
	a := &Aggregator{
		targets:   o.Targets,
		cells:     map[uint64]int32{},
		weekIndex: map[period.Period]int32{},
		reasons:   map[uint64]int64{},
		lastID:    -1,
	}
	if a.targets == (Targets{}) {
		a.targets = DefaultTargets()
	}
	views := o.Views
	if views == nil {
		views = DefaultViews()
	}
	seen := map[Dims]bool{}
	for _, d := range append([]Dims{0}, views...) {
		d &= allDims
		if seen[d] {
			continue
		}
		seen[d] = true
		a.views = append(a.views, view{dims: d, mask: mask(d), lastIdx: -1})
	}
	a.sectors.id("") // sector 0: none
	for _, s := range o.Services {
		if _, dup := a.services.index[s.ID]; dup {
			continue
		}
		a.newService(s.ID, s.Sector, s.Essential)
	}
	a.catalogue = len(a.services.list)
	return a
}

func mask(d Dims) uint64 {
	var m uint64
	if d&ByWeek != 0 {
		m |= maskWeek
	}
	if d&ByUnit != 0 {
		m |= maskUnit
	}
	if d&ByService != 0 {
		m |= maskService
	}
	if d&BySector != 0 {
		m |= maskSector
	}
	return m
}

func (a *Aggregator) newService(id, sector string, essential bool) int32 {
	i := a.services.add(id)
	if i >= 1<<bitsService {
		panic(fmt.Sprintf("report: more than %d services", 1<<bitsService))
	}
	sec := a.sectors.id(sector)
	if sec >= 1<<bitsSector {
		panic(fmt.Sprintf("report: more than %d sectors", 1<<bitsSector))
	}
	t := a.targets.Other
	if essential {
		t = a.targets.Essential
	}
	a.svcSector = append(a.svcSector, sec)
	a.svcTarget = append(a.svcTarget, int64(math.Round(t*10000)))
	return i
}

func (a *Aggregator) serviceID(s string) int32 {
	if i, ok := a.services.index[s]; ok {
		return i
	}
	return a.newService(s, "", false)
}

func (a *Aggregator) serviceIDBytes(b []byte) int32 {
	if i, ok := a.services.index[string(b)]; ok {
		return i
	}
	return a.newService(string(b), "", false)
}

func (a *Aggregator) unitID(s string) int32 {
	i := a.units.id(s)
	if i >= 1<<bitsUnit {
		panic(fmt.Sprintf("report: more than %d units", 1<<bitsUnit))
	}
	return i
}

func (a *Aggregator) weekID(w period.Period) int32 {
	if w == a.lastWeek && a.lastID >= 0 {
		return a.lastID
	}
	i, ok := a.weekIndex[w]
	if !ok {
		i = int32(len(a.weeks))
		if i >= 1<<bitsWeek {
			panic(fmt.Sprintf("report: more than %d weeks", 1<<bitsWeek))
		}
		a.weekIndex[w] = i
		a.weeks = append(a.weeks, w)
	}
	a.lastWeek, a.lastID = w, i
	return i
}

// Add adds one row to every view.
func (a *Aggregator) Add(r Row) {
	var sp [reasonKinds]int32
	for k, text := range [reasonKinds]string{r.LateReason, r.NotAcceptedReason, r.SupplementReason} {
		sp[k] = -1
		if weight(&r.Counts, k) > 0 {
			sp[k] = a.spell.id(text)
		}
	}
	a.add(a.weekID(r.Week), a.unitID(r.Unit), a.serviceID(r.Service), &r.Counts, sp)
}

// MaxUnits is how many distinct units one Aggregator holds.
const MaxUnits = 1 << bitsUnit

// ErrTooManyUnits is AddRaw's error for a row naming a unit past the
// MaxUnits-th.
var ErrTooManyUnits = fmt.Errorf("report: more than %d units", MaxUnits)

// RawRow is a row as a reader of a large file holds it, its names still
// bytes of the reader's buffer. [Aggregator.AddRaw] copies a name only the
// first time it sees it, so that a file of millions of rows is summed with
// no allocation per row.
type RawRow struct {
	Week    period.Period
	Unit    []byte
	Service []byte
	Counts  Counts
	// The reasons; nil when the file has no such column.
	LateReason, NotAcceptedReason, SupplementReason []byte
}

// AddRaw adds r to every view, as Add does. It adds nothing and returns
// ErrTooManyUnits when r names a unit past the MaxUnits-th.
func (a *Aggregator) AddRaw(r *RawRow) error {
	u := a.units.idBytes(r.Unit)
	if u >= MaxUnits {
		return ErrTooManyUnits
	}
	s := a.serviceIDBytes(r.Service)
	var sp [reasonKinds]int32
	for k, text := range [reasonKinds][]byte{r.LateReason, r.NotAcceptedReason, r.SupplementReason} {
		sp[k] = -1
		if weight(&r.Counts, k) > 0 {
			sp[k] = a.spell.idBytes(text)
		}
	}
	a.add(a.weekID(r.Week), u, s, &r.Counts, sp)
	return nil
}

// Catalogue lists the ids of the services of Options.Services, in their
// order; it is empty when there were none.
func (a *Aggregator) Catalogue() []string {
	return slices.Clone(a.services.list[:a.catalogue])
}

// weight is the count a reason of kind k explains.
func weight(c *Counts, k int) int64 {
	switch k {
	case reasonLate:
		return c.Late()
	case reasonNotAccepted:
		return c.NotAccepted
	}
	return c.ReturnedForSupplement
}

// add adds counts c to the cells of week w, unit u and service s, with the
// spelling of each kind of reason (-1 when it explains nothing).
func (a *Aggregator) add(w, u, s int32, c *Counts, sp [reasonKinds]int32) {
	a.rows++
	target := a.svcTarget[s] * c.Received()
	key := uint64(w)<<shiftWeek | uint64(u)<<shiftUnit | uint64(s)<<shiftService | uint64(a.svcSector[s])
	for k, i := range sp {
		if i >= 0 {
			a.spell.weight[i] += weight(c, k)
			a.spell.rows[i]++
		}
	}
	for vi := range a.views {
		v := &a.views[vi]
		ck := uint64(v.dims)<<shiftView | key&v.mask
		i := v.lastIdx
		if ck != v.lastKey || i < 0 {
			var ok bool
			i, ok = a.cells[ck]
			if !ok {
				i = int32(len(a.tallies))
				a.cells[ck] = i
				a.keys = append(a.keys, ck)
				a.tallies = append(a.tallies, tally{})
			}
			v.lastKey, v.lastIdx = ck, i
		}
		t := &a.tallies[i]
		t.Counts.Add(c)
		t.rows++
		t.target += target
		for k, spelling := range sp {
			if spelling >= 0 {
				a.reasons[uint64(i)<<32|uint64(k)<<30|uint64(spelling)] += weight(c, k)
			}
		}
	}
}

// Rows is the number of rows added.
func (a *Aggregator) Rows() int64 { return a.rows }

// Key names a cell of a view. Only the fields of the view's dimensions are
// set; the others are zero.
type Key struct {
	Week    period.Period
	Unit    string
	Service string
	Sector  string
}

// Summary is the sum of the rows of one cell of a view.
type Summary struct {
	Key
	Counts
	// Rows is the number of report rows summed.
	Rows int64
	// The reasons given, most dossiers first; each list's dossiers add up
	// to the count it explains (Counts.Late(), NotAccepted,
	// ReturnedForSupplement).
	LateReasons        []Reason
	NotAcceptedReasons []Reason
	SupplementReasons  []Reason

	target int64 // Σ received × target, in basis points
}

// OnlineTarget is the online rate the cell should reach: each service's
// target weighted by the dossiers it received, so 0.8 when every service
// is an essential one. ok is false when nothing was received.
func (s Summary) OnlineTarget() (target float64, ok bool) {
	if s.Received() == 0 {
		return 0, false
	}
	return float64(s.target) / 10000 / float64(s.Received()), true
}

// MeetsOnlineTarget reports whether the dossiers received online reach
// the target, comparing whole numbers so that 80 of 100 meets 80%. ok is
// false when nothing was received.
func (s Summary) MeetsOnlineTarget() (met, ok bool) {
	if s.Received() == 0 {
		return false, false
	}
	return s.ReceivedOnline*10000 >= s.target, true
}

// Total is the sum of every row.
func (a *Aggregator) Total() Summary {
	s, _ := a.Find(0, Key{})
	return s
}

// View returns the cells of the view d, ordered by week, then unit,
// service and sector id. It returns nil if d is not kept or no row was
// added.
func (a *Aggregator) View(d Dims) []Summary {
	var idx []int32
	for i, k := range a.keys {
		if Dims(k>>shiftView) == d {
			idx = append(idx, int32(i))
		}
	}
	if len(idx) == 0 {
		return nil
	}
	out := a.summaries(idx)
	slices.SortFunc(out, func(x, y Summary) int {
		return cmp.Or(period.Compare(x.Week, y.Week), cmp.Compare(x.Unit, y.Unit),
			cmp.Compare(x.Service, y.Service), cmp.Compare(x.Sector, y.Sector))
	})
	return out
}

// Find returns the cell k of the view d; ok is false when no row fell in
// it or d is not kept. Fields of k outside d are ignored.
func (a *Aggregator) Find(d Dims, k Key) (s Summary, ok bool) {
	d &= allDims
	var key uint64
	if d&ByWeek != 0 {
		w, found := a.weekIndex[k.Week]
		if !found {
			return Summary{}, false
		}
		key |= uint64(w) << shiftWeek
	}
	for _, x := range []struct {
		dim   Dims
		n     *names
		text  string
		shift int
	}{{ByUnit, &a.units, k.Unit, shiftUnit}, {ByService, &a.services, k.Service, shiftService}, {BySector, &a.sectors, k.Sector, 0}} {
		if d&x.dim == 0 {
			continue
		}
		i, found := x.n.index[x.text]
		if !found {
			return Summary{}, false
		}
		key |= uint64(i) << x.shift
	}
	i, found := a.cells[uint64(d)<<shiftView|key]
	if !found {
		return Summary{}, false
	}
	return a.summaries([]int32{i})[0], true
}

// summaries builds the summaries of the cells idx, reasons included.
func (a *Aggregator) summaries(idx []int32) []Summary {
	out := make([]Summary, len(idx))
	at := make(map[int32]int, len(idx))
	for j, i := range idx {
		at[i] = j
		k, t := a.keys[i], &a.tallies[i]
		d := Dims(k >> shiftView)
		s := &out[j]
		s.Counts, s.Rows, s.target = t.Counts, t.rows, t.target
		if d&ByWeek != 0 {
			s.Week = a.weeks[k&maskWeek>>shiftWeek]
		}
		if d&ByUnit != 0 {
			s.Unit = a.units.list[k&maskUnit>>shiftUnit]
		}
		if d&ByService != 0 {
			s.Service = a.services.list[k&maskService>>shiftService]
		}
		if d&BySector != 0 {
			s.Sector = a.sectors.list[k&maskSector]
		}
	}
	if len(a.reasons) == 0 {
		return out
	}
	labels := a.spell.labels()
	type groupKey struct {
		j, kind int
		group   int32
	}
	sums := map[groupKey]int64{}
	for rk, n := range a.reasons {
		j, ok := at[int32(rk>>32)]
		if !ok {
			continue
		}
		kind, spelling := int(rk>>30&3), int32(rk&(1<<30-1))
		sums[groupKey{j, kind, a.spell.group[spelling]}] += n
	}
	for gk, n := range sums {
		s := &out[gk.j]
		r := Reason{Label: labels[gk.group], Dossiers: n}
		switch gk.kind {
		case reasonLate:
			s.LateReasons = append(s.LateReasons, r)
		case reasonNotAccepted:
			s.NotAcceptedReasons = append(s.NotAcceptedReasons, r)
		default:
			s.SupplementReasons = append(s.SupplementReasons, r)
		}
	}
	byCount := func(x, y Reason) int {
		return cmp.Or(cmp.Compare(y.Dossiers, x.Dossiers), cmp.Compare(x.Label, y.Label))
	}
	for j := range out {
		slices.SortFunc(out[j].LateReasons, byCount)
		slices.SortFunc(out[j].NotAcceptedReasons, byCount)
		slices.SortFunc(out[j].SupplementReasons, byCount)
	}
	return out
}
