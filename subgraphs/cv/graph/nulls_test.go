package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// sparseCV has no summary, no phone or location, a position without a
// company or dates, a degree without dates, a project without a
// description and skills that no position mentions.
const sparseCV = `Grace Hopper
grace@example.com

Experience
Software Engineer
• Wrote compilers.

Education
University of Bonn

Projects
Compiler

Skills
Go, Haskell
`

const sparseQuery = `query($id: ID!) { cv(id: $id) { sections {
  summary contact { name email phone location }
  experience { title company startDate endDate }
  education { institution degree startDate endDate }
  projects { name description }
} analysis { skills { name category years lastUsed } } } }`

// TestAbsentValuesAreNull checks that a value the CV does not have is null,
// never "" or 0.
func TestAbsentValuesAreNull(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		e := setup(t, d, b)
		id := e.uploaded("grace", sparseCV)
		e.work()
		resp := e.do("grace", false, sparseQuery, map[string]any{"id": id})
		if len(resp.Errors) > 0 {
			t.Fatalf("errors: %+v", resp.Errors)
		}
		data := string(resp.Data["cv"])
		if strings.Contains(data, `:""`) || strings.Contains(data, `:0,`) || strings.Contains(data, `:0}`) {
			t.Errorf("data has an empty string or a zero: %s", data)
		}
		var got struct {
			Sections struct {
				Summary *string
				Contact struct{ Name, Email, Phone, Location *string }
			}
			Analysis struct {
				Skills []struct {
					Name     string
					Years    *float64
					LastUsed *int
				}
			}
		}
		if err := json.Unmarshal(resp.Data["cv"], &got); err != nil {
			t.Fatal(err)
		}
		s := got.Sections
		if s.Summary != nil || s.Contact.Phone != nil || s.Contact.Location != nil {
			t.Errorf("summary, phone and location should be null: %s", data)
		}
		if s.Contact.Name == nil || *s.Contact.Name != "Grace Hopper" || s.Contact.Email == nil {
			t.Errorf("name and email should be set: %s", data)
		}
		if len(got.Analysis.Skills) == 0 {
			t.Fatalf("no skills: %s", data)
		}
		for _, sk := range got.Analysis.Skills {
			if sk.Years != nil || sk.LastUsed != nil {
				t.Errorf("%s: years and lastUsed should be null (no position mentions it): %s", sk.Name, data)
			}
		}
	}, store.Migrations()...)
}
