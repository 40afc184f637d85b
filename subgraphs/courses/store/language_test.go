package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// The stored recommendations of an English reader put readable courses
// first and name the language of a foreign one (issue 25).
func TestRecommendationsPreferReadableLanguages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mk := func(id, lang string, skills ...string) *courses.Course {
			return &courses.Course{ID: id, Title: id, Provider: "p", URL: "https://example.org/" + id, Description: "d",
				Skills: skills, Level: courses.Beginner, Free: true, Language: lang, Category: "data", Source: "test"}
		}
		st := store.New(d)
		cat := []*courses.Course{mk("ar-sql-etl", "ar", "SQL", "ETL"), mk("en-sql", "en", "SQL"), mk("es-sql", "es", "SQL")}
		if _, err := st.SeedCatalogue(t.Context(), cat); err != nil {
			t.Fatal(err)
		}
		ev := goalEvent("ada", "g1", "created", "ACTIVE", time.Now().Add(-time.Hour).UTC(),
			courses.SkillLevel{Name: "SQL", Level: 3}, courses.SkillLevel{Name: "ETL", Level: 3})
		if err := handle(t, d, st, ev); err != nil {
			t.Fatal(err)
		}
		got := stored(t, st, "ada")
		if len(got) != 2 || got[0].CourseID != "en-sql" || got[1].CourseID != "ar-sql-etl" {
			t.Fatalf("got %+v, want en-sql then ar-sql-etl (es-sql teaches nothing en-sql does not)", got)
		}
		if strings.Contains(got[0].Reason, "Taught in") {
			t.Fatalf("English course carries a language note: %q", got[0].Reason)
		}
		if want := "Taught in Arabic: no course in a language you read teaches ETL."; !strings.HasPrefix(got[1].Reason, want) {
			t.Fatalf("reason %q, want prefix %q", got[1].Reason, want)
		}
	}, store.Migrations()...)
}
