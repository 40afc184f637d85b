package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/server"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

type connection struct {
	Courses struct {
		TotalCount int `json:"totalCount"`
		Edges      []struct {
			Cursor string `json:"cursor"`
			Node   struct {
				ID       string   `json:"id"`
				Title    string   `json:"title"`
				Skills   []string `json:"skills"`
				Level    string   `json:"level"`
				Free     bool     `json:"free"`
				Language string   `json:"language"`
			} `json:"node"`
		} `json:"edges"`
		PageInfo struct {
			HasNextPage     bool    `json:"hasNextPage"`
			HasPreviousPage bool    `json:"hasPreviousPage"`
			StartCursor     *string `json:"startCursor"`
			EndCursor       *string `json:"endCursor"`
		} `json:"pageInfo"`
	} `json:"courses"`
}

const coursesQuery = `query($search: String, $skills: [String!], $level: CourseLevel, $free: Boolean, $language: String, $first: Int, $after: String) {
	courses(search: $search, skills: $skills, level: $level, free: $free, language: $language, first: $first, after: $after) {
		totalCount edges { cursor node { id title skills level free language } }
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`

func TestCatalogueQueries(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := start(t, d, bustest.MemBus(t), server.Config{})
		shipped, _ := courses.LoadCatalogue()
		cat := shipped.Courses

		t.Run("search ranks the best match first", func(t *testing.T) {
			var c connection
			resp := h.do("", false, coursesQuery, map[string]any{"search": "MIT's introduction to algorithms spring 2020", "first": 5}, &c)
			if len(resp.Errors) > 0 || len(c.Courses.Edges) == 0 || c.Courses.Edges[0].Node.ID != "mit-6-006-algorithms" {
				t.Fatalf("%s %+v", resp.codes(), c)
			}
		})
		t.Run("cursor pagination walks every match once", func(t *testing.T) {
			var seen []string
			vars := map[string]any{"search": "data", "first": 7}
			pages := 0
			for {
				var c connection
				if resp := h.do("", false, coursesQuery, vars, &c); len(resp.Errors) > 0 {
					t.Fatal(resp.codes())
				}
				pages++
				if pi := c.Courses.PageInfo; pi.HasPreviousPage != (pages > 1) || (len(c.Courses.Edges) > 0 && *pi.EndCursor != c.Courses.Edges[len(c.Courses.Edges)-1].Cursor) {
					t.Fatalf("page %d info %+v", pages, pi)
				}
				for _, e := range c.Courses.Edges {
					seen = append(seen, e.Node.ID)
				}
				if !c.Courses.PageInfo.HasNextPage {
					if len(seen) != c.Courses.TotalCount || c.Courses.TotalCount < 30 {
						t.Fatalf("saw %d of %d", len(seen), c.Courses.TotalCount)
					}
					break
				}
				vars["after"] = *c.Courses.PageInfo.EndCursor
			}
			uniq := slices.Clone(seen)
			slices.Sort(uniq)
			if len(slices.Compact(uniq)) != len(seen) {
				t.Fatal("a course appeared on two pages")
			}
		})
		t.Run("filters", func(t *testing.T) {
			var c connection
			resp := h.do("", false, coursesQuery, map[string]any{"skills": []string{"Cybersecurity"}, "level": "ADVANCED", "free": true, "first": 50}, &c)
			if len(resp.Errors) > 0 || c.Courses.TotalCount == 0 {
				t.Fatalf("%s %+v", resp.codes(), c)
			}
			for _, e := range c.Courses.Edges {
				if !slices.Contains(e.Node.Skills, "Cybersecurity") || e.Node.Level != "ADVANCED" || !e.Node.Free {
					t.Fatalf("%+v does not match", e.Node)
				}
			}
		})
		t.Run("the language filter keeps courses taught in it (issue 25)", func(t *testing.T) {
			want := map[string]int{}
			for _, c := range cat {
				want[c.Language]++
			}
			for _, lang := range []string{"en", "ar"} {
				var c connection
				resp := h.do("", false, coursesQuery, map[string]any{"language": lang, "first": 50}, &c)
				if len(resp.Errors) > 0 || c.Courses.TotalCount != want[lang] || want[lang] == 0 {
					t.Fatalf("%s: %s total %d, want %d", lang, resp.codes(), c.Courses.TotalCount, want[lang])
				}
				for _, e := range c.Courses.Edges {
					if e.Node.Language != lang {
						t.Fatalf("%s filter returned %+v", lang, e.Node)
					}
				}
			}
		})
		t.Run("the skills filter accepts taxonomy aliases", func(t *testing.T) {
			var byAlias, byName connection
			h.do("", false, coursesQuery, map[string]any{"skills": []string{"k8s"}, "first": 50}, &byAlias)
			h.do("", false, coursesQuery, map[string]any{"skills": []string{"Kubernetes"}, "first": 50}, &byName)
			if byAlias.Courses.TotalCount == 0 || byAlias.Courses.TotalCount != byName.Courses.TotalCount {
				t.Fatalf("k8s found %d, Kubernetes %d", byAlias.Courses.TotalCount, byName.Courses.TotalCount)
			}
		})
		t.Run("no search: the whole catalogue by title", func(t *testing.T) {
			var c connection
			h.do("", false, coursesQuery, map[string]any{"first": 50}, &c)
			if c.Courses.TotalCount != len(cat) || len(c.Courses.Edges) != 50 || !c.Courses.PageInfo.HasNextPage {
				t.Fatalf("total %d, %d edges", c.Courses.TotalCount, len(c.Courses.Edges))
			}
			for i := 1; i < len(c.Courses.Edges); i++ {
				if c.Courses.Edges[i-1].Node.Title > c.Courses.Edges[i].Node.Title {
					t.Fatalf("not sorted by title at %d", i)
				}
			}
		})
		t.Run("argument errors", func(t *testing.T) {
			var first connection
			h.do("", false, coursesQuery, map[string]any{"search": "python", "first": 2}, &first)
			otherQueryCursor := *first.Courses.PageInfo.EndCursor
			long := make([]byte, 201)
			for i := range long {
				long[i] = 'a'
			}
			tests := []struct {
				name string
				vars map[string]any
				code string
			}{
				{"first too large", map[string]any{"first": 51}, "BAD_USER_INPUT"},
				{"first zero", map[string]any{"first": 0}, "BAD_USER_INPUT"},
				{"garbage cursor", map[string]any{"after": "!!!"}, "BAD_USER_INPUT"},
				{"cursor of another query", map[string]any{"search": "java", "after": otherQueryCursor}, "BAD_USER_INPUT"},
				{"search too long", map[string]any{"search": string(long)}, "BAD_USER_INPUT"},
				{"unknown level", map[string]any{"level": "EXPERT"}, "GRAPHQL_VALIDATION_FAILED"},
				{"too many skills", map[string]any{"skills": make([]string, 21)}, "BAD_USER_INPUT"},
				{"language not an ISO 639-1 code", map[string]any{"language": "english' OR 1=1"}, "BAD_USER_INPUT"},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					if tt.name == "too many skills" {
						for i := range tt.vars["skills"].([]string) {
							tt.vars["skills"].([]string)[i] = "Go"
						}
					}
					resp := h.do("", false, coursesQuery, tt.vars, nil)
					if resp.codes() != tt.code {
						t.Fatalf("codes %q, want %q (%+v)", resp.codes(), tt.code, resp.Errors)
					}
				})
			}
		})
		t.Run("course by id", func(t *testing.T) {
			var data struct {
				Course *struct {
					ID, Title, URL, Provider string
				} `json:"course"`
				Missing *struct{ ID string } `json:"missing"`
			}
			resp := h.do("", false, `{ course(id: "cs50p") { id title url provider } missing: course(id: "nope") { id } }`, nil, &data)
			if len(resp.Errors) > 0 || data.Course == nil || data.Course.URL != "https://cs50.harvard.edu/python/" || data.Missing != nil {
				t.Fatalf("%s %+v", resp.codes(), data)
			}
		})
		t.Run("a course names its source; what the source does not state is null", func(t *testing.T) {
			var data struct {
				Course *struct {
					Level         *string  `json:"level"`
					DurationHours *float64 `json:"durationHours"`
					Source        *struct {
						Name, License, URL string
					} `json:"source"`
				} `json:"course"`
			}
			resp := h.do("", false, `{ course(id: "cs50p") { level durationHours source { name license url } } }`, nil, &data)
			c := data.Course
			if len(resp.Errors) > 0 || c == nil || c.Source == nil {
				t.Fatalf("%s %s", resp.codes(), resp.Data)
			}
			if c.Level != nil || c.DurationHours != nil {
				t.Fatalf("free-programming-books states no level or length, got %v %v", *c.Level, *c.DurationHours)
			}
			if c.Source.License != "CC BY 4.0" || !strings.HasPrefix(c.Source.URL, "https://github.com/EbookFoundation/free-programming-books/blob/") ||
				!strings.Contains(c.Source.Name, "free-programming-books") {
				t.Fatalf("source %+v", c.Source)
			}
		})
		t.Run("Course entities resolve in one batch; unknown ids are null", func(t *testing.T) {
			var data struct {
				Entities []*struct {
					ID    string `json:"id"`
					Title string `json:"title"`
				} `json:"_entities"`
			}
			q := `{ _entities(representations: [{__typename: "Course", id: "cs50p"}, {__typename: "Course", id: "nope"}, {__typename: "Course", id: "kaggle-python"}]) { ... on Course { id title } } }`
			resp := h.do("", true, q, nil, &data)
			if len(data.Entities) != 3 || data.Entities[0].ID != "cs50p" || data.Entities[1] != nil || data.Entities[2].ID != "kaggle-python" || resp.codes() != "NOT_FOUND" {
				t.Fatalf("%s %s", resp.codes(), resp.Data)
			}
			if resp := h.do("", false, q, nil, nil); resp.codes() != "FORBIDDEN" {
				t.Fatalf("_entities without the service credential: %s", resp.codes())
			}
		})
	}, store.Migrations()...)
}
