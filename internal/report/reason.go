package report

import (
	"strings"
	"unicode"

	"github.com/tiendo/tiendo/internal/vi"
)

// reasonKey is the form under which reasons written differently count as
// one: NFC with the tone of "oa", "oe", "uy" in one place, lower case,
// every run of spaces made one space, and no punctuation or spaces at
// either end. "Hồ sơ cần xác minh thêm.", "hồ sơ cần  xác minh thêm" and
// "Hồ sơ cần xác minh thêm;" share a key; marks are kept, because
// "xác minh" and "xác mình" are not the same words.
func reasonKey(s string) string {
	s = strings.ToLower(vi.NormalizeTone(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// Reason is one cause staff gave, with the dossiers it explains.
type Reason struct {
	// Label is the spelling of the reason written on the most rows, as
	// written (NFC, trimmed). An empty Label collects the dossiers for
	// which no reason was written.
	Label string
	// Dossiers is how many dossiers the rows giving it counted in the
	// column it explains.
	Dossiers int64
}

// Kinds of reason.
const (
	reasonLate        = iota // ly_do_qua_han, weighed by Counts.Late
	reasonNotAccepted        // ly_do_khong_tiep_nhan, by NotAccepted
	reasonSupplement         // ly_do_tra_lai, by ReturnedForSupplement
	reasonKinds
)

// spellings interns the reasons as written and groups them by reasonKey.
type spellings struct {
	index  map[string]int32 // text as written → spelling
	text   []string
	group  []int32 // spelling → group
	weight []int64 // spelling → dossiers over every row, to pick labels
	rows   []int64 // spelling → rows giving it

	groups map[string]int32 // reasonKey → group
	keys   []string         // group → reasonKey
}

func (s *spellings) id(text string) int32 {
	if i, ok := s.index[text]; ok {
		return i
	}
	return s.add(text)
}

func (s *spellings) idBytes(text []byte) int32 {
	if i, ok := s.index[string(text)]; ok {
		return i
	}
	return s.add(string(text))
}

func (s *spellings) add(raw string) int32 {
	if s.index == nil {
		s.index, s.groups = map[string]int32{}, map[string]int32{}
	}
	text := strings.TrimSpace(vi.NFC(raw))
	if i, ok := s.index[text]; ok {
		s.index[raw] = i
		return i
	}
	k := reasonKey(text)
	g, ok := s.groups[k]
	if !ok {
		g = int32(len(s.keys))
		s.groups[k] = g
		s.keys = append(s.keys, k)
	}
	i := int32(len(s.text))
	s.index[text], s.index[raw] = i, i
	s.text = append(s.text, text)
	s.group = append(s.group, g)
	s.weight = append(s.weight, 0)
	s.rows = append(s.rows, 0)
	return i
}

// labels returns the label of each group: the spelling written on the
// most rows, ties going to the one with more dossiers, then to the smaller
// string, so that the label does not depend on the order of rows. The
// group of reasons left blank (or made only of punctuation) has the empty
// label.
func (s *spellings) labels() []string {
	out := make([]string, len(s.keys))
	best := make([]int, len(s.keys))
	seen := make([]bool, len(s.keys))
	better := func(i, j int) bool { // spelling i over spelling j
		if s.rows[i] != s.rows[j] {
			return s.rows[i] > s.rows[j]
		}
		if s.weight[i] != s.weight[j] {
			return s.weight[i] > s.weight[j]
		}
		return s.text[i] < s.text[j]
	}
	for i, g := range s.group {
		if s.keys[g] == "" {
			continue
		}
		if !seen[g] || better(i, best[g]) {
			seen[g], best[g], out[g] = true, i, s.text[i]
		}
	}
	return out
}
