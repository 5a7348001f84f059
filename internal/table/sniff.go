package table

// delimiters are the candidates, in order of preference on a tie.
var delimiters = [...]rune{',', ';', '\t'}

// sniffRecords is how many records after the header are compared.
const sniffRecords = 20

// sniff chooses the delimiter as described at [Read].
func sniff(text string) rune {
	// counts[k][d] is the number of fields record k has when split at
	// delimiters[d]; quotes are honoured as in a well-formed file, where a
	// doubled quote toggles twice.
	var counts [][len(delimiters)]int
	var cur [len(delimiters)]int
	blank, quoted := true, false
	for i := 0; i < len(text) && len(counts) <= sniffRecords; i++ {
		switch c := text[i]; {
		case c == '"':
			quoted = !quoted
			blank = false
		case quoted:
		case c == '\n':
			if !blank {
				for d := range cur {
					cur[d]++
				}
				counts = append(counts, cur)
			}
			cur, blank = [len(delimiters)]int{}, true
		case c == '\r' || c == ' ':
		default:
			for d, r := range delimiters {
				if rune(c) == r {
					cur[d]++
				}
			}
			blank = false
		}
	}
	if !blank && len(counts) <= sniffRecords {
		for d := range cur {
			cur[d]++
		}
		counts = append(counts, cur)
	}
	if len(counts) == 0 {
		return ','
	}
	best, bestSame, bestWidth := ',', -1, 0
	for d, r := range delimiters {
		width := counts[0][d]
		if width < 2 {
			continue
		}
		same := 0
		for _, c := range counts[1:] {
			if c[d] == width {
				same++
			}
		}
		if same > bestSame || same == bestSame && width > bestWidth {
			best, bestSame, bestWidth = r, same, width
		}
	}
	return best
}
