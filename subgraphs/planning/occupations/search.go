package occupations

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Limits on a title query: the walk over it is linear and bounded.
const (
	maxQueryBytes = 200
	// MaxQueryTokens is how many words of a query count.
	MaxQueryTokens = 8
)

// Index finds occupations by title or alternate title: for search boxes
// (Search) and for recognising the job titles in a CV (Match).
type Index struct {
	occ     []*Occupation
	entries []titleEntry
	exact   map[string][]int32 // normalised title → entries
	posting map[string][]int32 // token → entries holding it, ascending
	vocab   []string           // sorted tokens, for prefix lookups
}

type titleEntry struct {
	occ     int32
	primary bool // the O*NET title, not an alternate
	words   int
	title   string
}

// NewIndex indexes every occupation's title and alternate titles.
func NewIndex(ds *Dataset) *Index {
	x := &Index{exact: map[string][]int32{}, posting: map[string][]int32{}}
	for i := range ds.Occupations {
		o := &ds.Occupations[i]
		x.occ = append(x.occ, o)
		x.add(int32(i), o.Title, true)
		for _, t := range o.AltTitles {
			x.add(int32(i), t, false)
			// "Chief Executive Officer (CEO)" is also "Chief Executive
			// Officer" and "CEO" as people write them in CVs.
			if head, inner, ok := strings.Cut(t, "("); ok {
				if inner, _, ok := strings.Cut(inner, ")"); ok {
					x.add(int32(i), head, false)
					x.add(int32(i), inner, false)
				}
			}
		}
	}
	for tok := range x.posting {
		x.vocab = append(x.vocab, tok)
	}
	slices.Sort(x.vocab)
	return x
}

func (x *Index) add(occ int32, title string, primary bool) {
	toks := tokens(title, -1)
	id := int32(len(x.entries))
	x.entries = append(x.entries, titleEntry{occ: occ, primary: primary, words: len(toks), title: title})
	key := strings.Join(toks, " ")
	x.exact[key] = append(x.exact[key], id)
	seen := map[string]bool{}
	for _, t := range toks {
		if !seen[t] {
			seen[t] = true
			x.posting[t] = append(x.posting[t], id)
		}
	}
}

// tokens lower-cases s and splits it into runs of letters and digits
// ("C++" and "C#" keep their sign); limit < 0 means no limit.
func tokens(s string, limit int) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, singular(b.String()))
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '+' || r == '#') && b.Len() > 0:
			b.WriteRune(r)
		default:
			flush()
		}
		if limit >= 0 && len(out) >= limit {
			return out
		}
	}
	flush()
	if limit >= 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// singular folds the plural O*NET titles use ("Registered Nurses",
// "Secretaries") onto the singular CVs use; index and query fold alike.
func singular(t string) string {
	switch {
	case len(t) > 4 && strings.HasSuffix(t, "ies"):
		return t[:len(t)-3] + "y"
	case len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss"):
		return t[:len(t)-1]
	}
	return t
}

// Match returns the occupations whose title or an alternate title is the
// given job title (case, punctuation and spacing aside), O*NET titles
// first. "RN" finds Registered Nurses; "Senior Java Developer" finds
// nothing unless O*NET lists that title.
func (x *Index) Match(title string) []*Occupation {
	if len(title) > maxQueryBytes {
		return nil
	}
	ids := x.exact[strings.Join(tokens(title, -1), " ")]
	hits := x.hits(slices.Clone(ids), len(x.occ))
	out := make([]*Occupation, len(hits))
	for i, h := range hits {
		out[i] = h.Occupation
	}
	return out
}

// Search returns up to limit occupations whose title or an alternate title
// has, for every word of q, a word starting with it ("regist nur" finds
// Registered Nurses); O*NET titles rank before alternate titles, shorter
// titles before longer ones.
func (x *Index) Search(q string, limit int) []*Occupation {
	hits := x.SearchTitles(q, limit)
	out := make([]*Occupation, len(hits))
	for i, h := range hits {
		out[i] = h.Occupation
	}
	return out
}

// Hit is an occupation found by a title search and the title that matched.
type Hit struct {
	Occupation *Occupation
	Title      string // the O*NET title or the alternate title matched
}

// SearchTitles is Search with the title each occupation matched by.
func (x *Index) SearchTitles(q string, limit int) []Hit {
	if len(q) > maxQueryBytes || limit <= 0 {
		return nil
	}
	toks := tokens(q, MaxQueryTokens)
	if len(toks) == 0 {
		return nil
	}
	var ids []int32
	for i, t := range toks {
		p := x.prefixPosting(t)
		if i == 0 {
			ids = slices.Clone(p)
		} else {
			ids = intersect(ids, p)
		}
		if len(ids) == 0 {
			return nil
		}
	}
	return x.hits(ids, limit)
}

// Tokens are the words of s as the index compares them (lower case,
// plurals folded), at most limit (< 0: all).
func Tokens(s string, limit int) []string {
	return tokens(s, limit)
}

// prefixPosting merges the postings of every token starting with prefix.
func (x *Index) prefixPosting(prefix string) []int32 {
	i := sort.SearchStrings(x.vocab, prefix)
	var out []int32
	for ; i < len(x.vocab) && strings.HasPrefix(x.vocab[i], prefix); i++ {
		out = append(out, x.posting[x.vocab[i]]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func intersect(a, b []int32) []int32 {
	out := a[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// hits ranks title entries and returns their distinct occupations.
func (x *Index) hits(ids []int32, limit int) []Hit {
	slices.SortFunc(ids, func(a, b int32) int {
		ea, eb := x.entries[a], x.entries[b]
		if ea.primary != eb.primary {
			if ea.primary {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ea.words, eb.words), cmp.Compare(ea.title, eb.title), cmp.Compare(ea.occ, eb.occ))
	})
	var out []Hit
	seen := map[int32]bool{}
	for _, id := range ids {
		o := x.entries[id].occ
		if seen[o] {
			continue
		}
		seen[o] = true
		out = append(out, Hit{Occupation: x.occ[o], Title: x.entries[id].title})
		if len(out) == limit {
			break
		}
	}
	return out
}
