// Package data is the one in-memory data set behind the oracle's test
// subgraphs and its single-schema reference server, so both must answer
// every query identically.
package data

import (
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Author writes books and reviews.
type Author struct {
	ID   string
	Name string
}

// Book is a Media with an author; ISBN is missing for some books so that
// the non-null isbn field fails.
type Book struct {
	ID       string
	Title    string
	Pages    int
	AuthorID string
	ISBNCode *string
}

// Film is a Media; Rating is missing for some films so that the nullable
// rating field fails.
type Film struct {
	ID      string
	Title   string
	Minutes int
	Score   *int
}

// Review is a review of a book; Comment is missing for some reviews so that
// the nullable comment field fails.
type Review struct {
	ID       string
	BookID   string
	AuthorID string
	Stars    int
	Body     string
	Note     *string
}

// Media is the GraphQL interface Media (Book, Film), an entity interface
// (@key on the interface in catalog, @interfaceObject in ratings).
type Media interface {
	IsMedia()
	IsEntity()
}

// MediaRef is a Media known by its id only: the @interfaceObject
// subgraph's view, which knows no concrete type.
type MediaRef struct{ ID string }

// IsEntity marks MediaRef as a federation entity (the _Entity union).
func (*MediaRef) IsEntity() {}

// Popularity is a media's popularity, the field the ratings subgraph adds
// to every Media through @interfaceObject.
func Popularity(id string) int {
	n := 0
	for _, c := range id {
		n = n*31 + int(c)
	}
	return n % 100
}

// MediaByID returns the book or film with the id, or nil.
func (s *Set) MediaByID(id string) Media {
	if b := s.Book(id); b != nil {
		return b
	}
	if f := s.Film(id); f != nil {
		return f
	}
	return nil
}

// Trending lists every media, films first: an order of the ratings
// subgraph's own.
func (s *Set) Trending() []*MediaRef {
	var out []*MediaRef
	for _, f := range s.Films {
		out = append(out, &MediaRef{ID: f.ID})
	}
	for _, b := range s.Books {
		out = append(out, &MediaRef{ID: b.ID})
	}
	return out
}

// SearchResult is the GraphQL union SearchResult (Book, Film, Author).
type SearchResult interface{ IsSearchResult() }

// IsMedia marks Book as a Media.
func (*Book) IsMedia() {}

// IsMedia marks Film as a Media.
func (*Film) IsMedia() {}

// IsSearchResult marks Book as a SearchResult.
func (*Book) IsSearchResult() {}

// IsSearchResult marks Film as a SearchResult.
func (*Film) IsSearchResult() {}

// IsSearchResult marks Author as a SearchResult.
func (*Author) IsSearchResult() {}

// Set is the data set, in a fixed order so every list is deterministic.
type Set struct {
	Authors []*Author
	Books   []*Book
	Films   []*Film
	Reviews []*Review
}

func str(s string) *string { return &s }
func num(n int) *int       { return &n }

// New returns the data set.
func New() *Set {
	return &Set{
		Authors: []*Author{{"a1", "Ada"}, {"a2", "Brian"}, {"a3", "Chioma"}},
		Books: []*Book{
			{"b1", "Compilers", 620, "a1", str("978-0")},
			{"b2", "Databases", 410, "a2", nil},
			{"b3", "Networks", 95, "a1", str("978-2")},
			{"b4", "Graphs", 300, "a3", str("978-3")},
		},
		Films: []*Film{
			{"f1", "Arrival", 116, num(8)},
			{"f2", "Heat", 170, nil},
		},
		Reviews: []*Review{
			{"r1", "b1", "a2", 5, "Dense", str("worth it")},
			{"r2", "b1", "a3", 3, "Long", nil},
			{"r3", "b2", "a1", 4, "Clear", str("good index")},
			{"r4", "b4", "a2", 2, "Thin", nil},
		},
	}
}

// Author returns the author with the id, or nil.
func (s *Set) Author(id string) *Author {
	return first(s.Authors, func(v *Author) bool { return v.ID == id })
}

// Book returns the book with the id, or nil.
func (s *Set) Book(id string) *Book {
	return first(s.Books, func(v *Book) bool { return v.ID == id })
}

// Film returns the film with the id, or nil.
func (s *Set) Film(id string) *Film {
	return first(s.Films, func(v *Film) bool { return v.ID == id })
}

// Review returns the review with the id, or nil.
func (s *Set) Review(id string) *Review {
	return first(s.Reviews, func(v *Review) bool { return v.ID == id })
}

// Media lists books then films.
func (s *Set) Media() []Media {
	var out []Media
	for _, b := range s.Books {
		out = append(out, b)
	}
	for _, f := range s.Films {
		out = append(out, f)
	}
	return out
}

// Search lists books, films and authors whose title or name contains term
// (any, for the empty term).
func (s *Set) Search(term string) []SearchResult {
	var out []SearchResult
	for _, b := range s.Books {
		if strings.Contains(b.Title, term) {
			out = append(out, b)
		}
	}
	for _, f := range s.Films {
		if strings.Contains(f.Title, term) {
			out = append(out, f)
		}
	}
	for _, a := range s.Authors {
		if strings.Contains(a.Name, term) {
			out = append(out, a)
		}
	}
	return out
}

// BooksBy lists the author's books.
func (s *Set) BooksBy(authorID string) []*Book {
	return where(s.Books, func(v *Book) bool { return v.AuthorID == authorID })
}

// ReviewsOf lists the book's reviews.
func (s *Set) ReviewsOf(bookID string) []*Review {
	return where(s.Reviews, func(v *Review) bool { return v.BookID == bookID })
}

// ReviewsBy lists the author's reviews with at least minStars stars (nil:
// all).
func (s *Set) ReviewsBy(authorID string, minStars *int) []*Review {
	return where(s.Reviews, func(v *Review) bool {
		return v.AuthorID == authorID && (minStars == nil || v.Stars >= *minStars)
	})
}

// ReadingHours is the reading time of a book with pages pages, the field
// the reviews subgraph computes from @requires(fields: "pages").
func ReadingHours(pages int) int { return pages/30 + 1 }

// IsEntity marks Book as a federation entity (the _Entity union).
func (*Book) IsEntity() {}

// IsEntity marks Film as a federation entity (the _Entity union).
func (*Film) IsEntity() {}

// IsEntity marks Author as a federation entity (the _Entity union).
func (*Author) IsEntity() {}

// ErrorCode is the extensions.code of every failing field's error.
const ErrorCode = "ORACLE_UNAVAILABLE"

func unavailable(what string) error {
	return &gqlerror.Error{Message: what + " is unavailable", Extensions: map[string]any{"code": ErrorCode}}
}

// ISBN is the book's ISBN, or an error when it has none (the field is
// non-null, so the error nulls the book).
func (b *Book) ISBN() (string, error) {
	if b.ISBNCode == nil {
		return "", unavailable("isbn of " + b.ID)
	}
	return *b.ISBNCode, nil
}

// Rating is the film's rating, or an error when it has none.
func (f *Film) Rating() (*int, error) {
	if f.Score == nil {
		return nil, unavailable("rating of " + f.ID)
	}
	return f.Score, nil
}

// Comment is the review's comment, or an error when it has none.
func (r *Review) Comment() (*string, error) {
	if r.Note == nil {
		return nil, unavailable("comment of " + r.ID)
	}
	return r.Note, nil
}

// TopReviews lists the reviews with at least minStars stars (nil: all).
func (s *Set) TopReviews(minStars *int) []*Review {
	return where(s.Reviews, func(v *Review) bool { return minStars == nil || v.Stars >= *minStars })
}

// first is the first element of list that keep accepts, or nil.
func first[T any](list []*T, keep func(*T) bool) *T {
	for _, v := range list {
		if keep(v) {
			return v
		}
	}
	return nil
}

// where lists the elements of list that keep accepts, in order.
func where[T any](list []*T, keep func(*T) bool) []*T {
	var out []*T
	for _, v := range list {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// Codes of the mutations' errors.
const (
	CodeNotFound   = "ORACLE_NOT_FOUND"
	CodeOutOfRange = "ORACLE_OUT_OF_RANGE"
)

// RenameBook sets a book's title. Mutations run one at a time (the oracle
// sends one operation at a time and a mutation's fields run in order), so
// the set takes no lock.
func (s *Set) RenameBook(id, title string) (*Book, error) {
	b := s.Book(id)
	if b == nil {
		return nil, &gqlerror.Error{Message: "no book " + id, Extensions: map[string]any{"code": CodeNotFound}}
	}
	b.Title = title
	return b, nil
}

// AddStars adds by to a review's stars, which must stay within 1–5.
func (s *Set) AddStars(id string, by int) (*Review, error) {
	r := s.Review(id)
	if r == nil {
		return nil, &gqlerror.Error{Message: "no review " + id, Extensions: map[string]any{"code": CodeNotFound}}
	}
	if n := r.Stars + by; n < 1 || n > 5 {
		return nil, &gqlerror.Error{Message: "stars out of range", Extensions: map[string]any{"code": CodeOutOfRange}}
	}
	r.Stars += by
	return r, nil
}

// ReviewNow is a subscription's stream: the review as it stands, once,
// then closed; an unknown review is an error before any event.
func (s *Set) ReviewNow(id string) (<-chan *Review, error) {
	r := s.Review(id)
	if r == nil {
		return nil, &gqlerror.Error{Message: "no review " + id, Extensions: map[string]any{"code": CodeNotFound}}
	}
	ch := make(chan *Review, 1)
	ch <- r
	close(ch)
	return ch, nil
}
