package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// seeded returns a store on d with the shipped catalogue loaded.
func seeded(t *testing.T, d *db.DB) (*store.Store, []*courses.Course) {
	t.Helper()
	shipped, err := courses.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	cat := shipped.Courses
	st := store.New(d)
	if _, err := st.SeedCatalogue(t.Context(), cat); err != nil {
		t.Fatal(err)
	}
	return st, cat
}

func ids(cs []*courses.Course) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func outboxCount(t *testing.T, d *db.DB, typ string) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM bus_outbox WHERE type = $1`, typ).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSeedCatalogue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		shipped, err := courses.LoadCatalogue()
		if err != nil {
			t.Fatal(err)
		}
		cat := shipped.Courses
		st := store.New(d)
		ctx := t.Context()

		t.Run("first seed writes and announces every course", func(t *testing.T) {
			n, err := st.SeedCatalogue(ctx, cat)
			if err != nil || n != len(cat) {
				t.Fatalf("wrote %d, %v; want %d", n, err, len(cat))
			}
			if got := outboxCount(t, d, bus.CourseCatalogued); got != len(cat) {
				t.Fatalf("%d course.catalogued events, want %d", got, len(cat))
			}
			var payload string
			if err := d.QueryRowContext(ctx, `SELECT payload FROM bus_outbox WHERE subject = $1`, cat[0].ID).Scan(&payload); err != nil {
				t.Fatal(err)
			}
			var ev bus.CourseCataloguedPayload
			if err := json.Unmarshal([]byte(payload), &ev); err != nil || ev.CourseID != cat[0].ID || ev.Title != cat[0].Title ||
				!slices.Equal(ev.Skills, cat[0].Skills) || ev.DurationHours != cat[0].DurationHours {
				t.Fatalf("payload %s (%v)", payload, err)
			}
		})
		t.Run("seeding again changes nothing", func(t *testing.T) {
			n, err := st.SeedCatalogue(ctx, cat)
			if err != nil || n != 0 {
				t.Fatalf("wrote %d, %v", n, err)
			}
			if got := outboxCount(t, d, bus.CourseCatalogued); got != len(cat) {
				t.Fatalf("%d events after a no-op seed", got)
			}
		})
		t.Run("a changed course is rewritten and announced again", func(t *testing.T) {
			changed := *cat[0]
			changed.Title = "Renamed course"
			changed.Skills = []string{"Go"}
			next := append([]*courses.Course{&changed}, cat[1:]...)
			n, err := st.SeedCatalogue(ctx, next)
			if err != nil || n != 1 {
				t.Fatalf("wrote %d, %v", n, err)
			}
			got, err := st.CoursesByIDs(ctx, []string{changed.ID})
			if err != nil || len(got) != 1 || got[0].Title != "Renamed course" || !slices.Equal(got[0].Skills, []string{"Go"}) {
				t.Fatalf("got %+v, %v", got, err)
			}
			res, err := st.SearchCourses(ctx, courses.Filter{Search: "renamed"}, courses.Page{Limit: 5})
			if err != nil || len(res.Courses) != 1 || res.Courses[0].ID != changed.ID {
				t.Fatalf("search index not updated: %+v, %v", res, err)
			}
			res, err = st.SearchCourses(ctx, courses.Filter{Search: "renamed", Skills: []string{"go"}}, courses.Page{Limit: 50})
			if err != nil || !slices.Contains(ids(res.Courses), changed.ID) {
				t.Fatalf("skills index not updated: %v", err)
			}
			if got := outboxCount(t, d, bus.CourseCatalogued); got != len(cat)+1 {
				t.Fatalf("%d events, want %d", got, len(cat)+1)
			}
		})
	}, store.Migrations()...)
}

func TestCoursesByIDs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, cat := seeded(t, d)
		got, err := st.CoursesByIDs(t.Context(), []string{cat[3].ID, "no-such-course", cat[1].ID})
		if err != nil {
			t.Fatal(err)
		}
		gotIDs := ids(got)
		slices.Sort(gotIDs)
		want := []string{cat[1].ID, cat[3].ID}
		slices.Sort(want)
		if !slices.Equal(gotIDs, want) {
			t.Fatalf("got %v, want %v", gotIDs, want)
		}
		for _, c := range got {
			if c.ID == cat[1].ID && (c.Title != cat[1].Title || c.URL != cat[1].URL || c.Level != cat[1].Level ||
				c.Free != cat[1].Free || c.DurationHours != cat[1].DurationHours || !slices.Equal(c.Skills, cat[1].Skills)) {
				t.Fatalf("round trip changed the course: %+v vs %+v", c, cat[1])
			}
		}
	}, store.Migrations()...)
}

func TestSearchCourses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, cat := seeded(t, d)
		ctx := t.Context()
		yes, no := true, false
		tests := []struct {
			name    string
			f       courses.Filter
			first   string // expected first result ("" = do not check)
			check   func(c *courses.Course) bool
			atLeast int
		}{
			{name: "title words rank the exact course first", f: courses.Filter{Search: "CS50's Introduction to Programming Using Python"}, first: "cs50p", atLeast: 1},
			{name: "prefix and case", f: courses.Filter{Search: "KUBERN"}, atLeast: 5,
				check: func(c *courses.Course) bool {
					return containsFold(c.Title+c.Description, "kubernetes") || slices.Contains(c.Skills, "Kubernetes")
				}},
			{name: "stemming: learning finds learn", f: courses.Filter{Search: "learning kaggle"}, atLeast: 5,
				check: func(c *courses.Course) bool { return containsFold(c.Title+c.Provider+c.Description, "kaggle") }},
			{name: "all words must match", f: courses.Filter{Search: "kubernetes accounting"}, atLeast: 0},
			{name: "query syntax is plain text", f: courses.Filter{Search: `"sql"* :( -^ &| !`}, atLeast: 5},
			{name: "skills filter", f: courses.Filter{Skills: []string{"Rust"}}, atLeast: 1,
				check: func(c *courses.Course) bool { return slices.Contains(c.Skills, "Rust") }},
			{name: "skills filter is any-of and case-insensitive", f: courses.Filter{Skills: []string{"haskell", "ELIXIR"}}, atLeast: 2,
				check: func(c *courses.Course) bool {
					return slices.Contains(c.Skills, "Haskell") || slices.Contains(c.Skills, "Elixir")
				}},
			{name: "level filter", f: courses.Filter{Level: courses.Advanced}, atLeast: 10,
				check: func(c *courses.Course) bool { return c.Level == courses.Advanced }},
			{name: "free filter", f: courses.Filter{Free: &yes}, atLeast: 100, check: func(c *courses.Course) bool { return c.Free }},
			// Both sources list free courses only.
			{name: "paid filter", f: courses.Filter{Free: &no}, atLeast: 0},
			{name: "everything combined", f: courses.Filter{Search: "data", Skills: []string{"Big Data", "Data Science", "Data Mining"}, Level: courses.Advanced, Free: &yes}, atLeast: 2,
				check: func(c *courses.Course) bool {
					return c.Free && c.Level == courses.Advanced && (slices.Contains(c.Skills, "Big Data") || slices.Contains(c.Skills, "Data Science") || slices.Contains(c.Skills, "Data Mining"))
				}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res, err := st.SearchCourses(ctx, tt.f, courses.Page{Limit: courses.MaxPageSize})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total < tt.atLeast || len(res.Courses) != min(res.Total, courses.MaxPageSize) {
					t.Fatalf("total %d, page %d, want at least %d", res.Total, len(res.Courses), tt.atLeast)
				}
				if tt.atLeast == 0 && res.Total != 0 {
					t.Fatalf("want no results, got %v", ids(res.Courses))
				}
				if tt.first != "" && res.Courses[0].ID != tt.first {
					t.Fatalf("first is %s, want %s (%v)", res.Courses[0].ID, tt.first, ids(res.Courses)[:min(5, len(res.Courses))])
				}
				for _, c := range res.Courses {
					if tt.check != nil && !tt.check(c) {
						t.Fatalf("course %s (%v %s free=%v) does not match the filter", c.ID, c.Skills, c.Level, c.Free)
					}
				}
			})
		}
		t.Run("pages cover the whole result once", func(t *testing.T) {
			for _, f := range []courses.Filter{{}, {Search: "data"}} {
				var seen []string
				total := -1
				for off := 0; ; off += 37 {
					res, err := st.SearchCourses(ctx, f, courses.Page{Offset: off, Limit: 37})
					if err != nil {
						t.Fatal(err)
					}
					total = res.Total
					if len(res.Courses) == 0 {
						break
					}
					seen = append(seen, ids(res.Courses)...)
				}
				uniq := slices.Clone(seen)
				slices.Sort(uniq)
				uniq = slices.Compact(uniq)
				if len(seen) != total || len(uniq) != total {
					t.Fatalf("filter %+v: %d seen, %d unique, total %d", f, len(seen), len(uniq), total)
				}
				if f.Search == "" && total != len(cat) {
					t.Fatalf("unfiltered total %d, want %d", total, len(cat))
				}
			}
		})
	}, store.Migrations()...)
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// event builds a domain event with a JSON payload.
func event(typ, user string, payload any, at time.Time) bus.Event {
	b, _ := json.Marshal(payload)
	return bus.Event{ID: uuid.NewString(), Type: typ, Subject: user, Payload: b, OccurredAt: at}
}

func handle(t *testing.T, d *db.DB, st *store.Store, ev bus.Event) error {
	t.Helper()
	return d.WithTx(context.Background(), func(tx *sql.Tx) error {
		return bus.Dispatch(courses.EventHandlers(st, nil))(context.Background(), tx, ev)
	})
}

func TestConcurrentSeedsAnnounceEachCourseOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		shipped, err := courses.LoadCatalogue()
		if err != nil {
			t.Fatal(err)
		}
		cat := shipped.Courses
		errs := make(chan error, 2)
		for range 2 {
			go func() {
				_, err := store.New(d).SeedCatalogue(context.Background(), cat)
				errs <- err
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		if got := outboxCount(t, d, bus.CourseCatalogued); got != len(cat) {
			t.Fatalf("%d course.catalogued events, want %d", got, len(cat))
		}
	}, store.Migrations()...)
}

// A course the catalogue stops shipping is retired: it still resolves by id
// (enrolments hold it) but is neither searched nor recommended, and shipping
// it again brings it back.
func TestSeedRetiresDroppedCourses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, cat := seeded(t, d)
		ctx := t.Context()
		gone := cat[0]
		n, err := st.SeedCatalogue(ctx, cat[1:])
		if err != nil || n != 1 {
			t.Fatalf("reseed wrote %d: %v", n, err)
		}
		if got := outboxCount(t, d, bus.CourseCatalogued); got != len(cat)+1 {
			t.Fatalf("%d course.catalogued events, want %d (the seed and the retirement)", got, len(cat)+1)
		}
		rows, err := d.QueryContext(ctx, `SELECT payload FROM bus_outbox WHERE subject = $1`, gone.ID)
		if err != nil {
			t.Fatal(err)
		}
		announced := false
		for rows.Next() {
			var payload string
			var ev bus.CourseCataloguedPayload
			if err := rows.Scan(&payload); err != nil || json.Unmarshal([]byte(payload), &ev) != nil {
				t.Fatalf("payload %q: %v", payload, err)
			}
			announced = announced || (ev.Retired && ev.CourseID == gone.ID)
		}
		if err := rows.Close(); err != nil || !announced {
			t.Fatalf("retirement of %s not announced (%v)", gone.ID, err)
		}
		res, err := st.SearchCourses(ctx, courses.Filter{}, courses.Page{Limit: 1})
		if err != nil || res.Total != len(cat)-1 {
			t.Fatalf("search total %d, want %d: %v", res.Total, len(cat)-1, err)
		}
		byTitle, err := st.SearchCourses(ctx, courses.Filter{Search: gone.Title}, courses.Page{Limit: courses.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(ids(byTitle.Courses), gone.ID) {
			t.Fatalf("retired %s is still searchable", gone.ID)
		}
		got, err := st.CoursesByIDs(ctx, []string{gone.ID})
		if err != nil || len(got) != 1 || got[0].URL != gone.URL {
			t.Fatalf("retired course by id: %v %v", got, err)
		}
		if n, err := st.SeedCatalogue(ctx, cat[1:]); err != nil || n != 0 {
			t.Fatalf("an unchanged reseed wrote %d: %v", n, err)
		}
		if n, err := st.SeedCatalogue(ctx, cat); err != nil || n != 1 {
			t.Fatalf("shipping it again wrote %d: %v", n, err)
		}
		if res, _ := st.SearchCourses(ctx, courses.Filter{}, courses.Page{Limit: 1}); res.Total != len(cat) {
			t.Fatalf("after un-retiring: total %d", res.Total)
		}
	}, store.Migrations()...)
}
