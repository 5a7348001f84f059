package data

import (
	"slices"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/table"
)

// The keys of an indicator file's columns, for the data-entry form of
// `tiendo serve`, which writes rows that ParseObservations then reads.
const (
	ColPeriod = "ky"
	ColValue  = "gia_tri"
	ColNum    = "tu_so"
	ColDen    = "mau_so"
	ColNote   = "ghi_chu"
)

// IndicatorColumns are the columns an indicator's file may have.
func IndicatorColumns() []table.ColumnSpec { return slices.Clone(allColumns) }

// IsDimColumn reports whether key is a column that may hold ind's
// dimension (the commune, unit or service of a row).
func IsDimColumn(ind *indicator.Indicator, key string) bool {
	return slices.Contains(dimColumns[ind.Dimension], key)
}
