package build

// IndicatorCard is an indicator as a card shows it.
type IndicatorCard struct {
	ID, Title, Path string
}
