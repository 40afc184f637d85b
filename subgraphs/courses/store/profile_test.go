package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// Recommendations follow the skill profile (not only the CV) and never offer
// a completed course again, the top one included.
func TestRecommendationsFollowProfileAndCompletions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, _ := seeded(t, d)
		t0 := time.Now().Add(-time.Hour).UTC()
		cloud := []courses.SkillLevel{{Name: "Kubernetes", Level: 3}, {Name: "Docker", Level: 3}, {Name: "AWS", Level: 3}, {Name: "Linux", Level: 3}}
		if err := handle(t, d, st, goalEvent("ada", "g1", "created", "ACTIVE", t0, cloud...)); err != nil {
			t.Fatal(err)
		}
		if err := handle(t, d, st, cvEvent("ada", t0.Add(time.Minute))); err != nil {
			t.Fatal(err)
		}

		t.Run("a completed course is never recommended again", func(t *testing.T) {
			top := stored(t, st, "ada")[0].CourseID
			ev := event(bus.EnrollmentCompleted, "ada", bus.EnrollmentCompletedPayload{UserID: "ada", CourseID: top}, t0.Add(2*time.Minute))
			if err := handle(t, d, st, ev); err != nil {
				t.Fatal(err)
			}
			for _, r := range stored(t, st, "ada") {
				if r.CourseID == top {
					t.Fatalf("completed course %s still recommended (rank %d)", top, r.Rank)
				}
			}
		})
		t.Run("skills of the profile are not a gap", func(t *testing.T) {
			ev := event(bus.SkillProfileChanged, "ada", bus.SkillProfileChangedPayload{UserID: "ada",
				Skills: []bus.ProfileSkill{{Name: "Kubernetes", Level: 4}, {Name: "docker", Level: 3}}}, t0.Add(3*time.Minute))
			if err := handle(t, d, st, ev); err != nil {
				t.Fatal(err)
			}
			got := stored(t, st, "ada")
			if len(got) == 0 {
				t.Fatal("no recommendations")
			}
			for _, r := range got {
				if strings.Contains(r.Matched, "Kubernetes") || strings.Contains(r.Matched, "Docker") {
					t.Fatalf("%s matched %s, which the profile already covers", r.CourseID, r.Matched)
				}
			}
		})
		t.Run("a malformed profile is refused", func(t *testing.T) {
			ev := event(bus.SkillProfileChanged, "ada", bus.SkillProfileChangedPayload{UserID: "bob"}, t0.Add(4*time.Minute))
			if err := handle(t, d, st, ev); err == nil {
				t.Fatal("a profile for another subject was accepted")
			}
		})
	}, store.Migrations()...)
}
