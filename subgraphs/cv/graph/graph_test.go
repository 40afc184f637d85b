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

func TestResolvers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		e := setup(t, d, b)
		adaCVID := e.uploaded("ada", adaCV)
		queued := e.uploaded("ada", "SCANNED")
		e.work()
		bobCV := e.uploaded("bob", adaCV)

		reps := func(typ string, ids ...string) map[string]any {
			var r []any
			for _, id := range ids {
				r = append(r, map[string]any{"__typename": typ, "id": id})
			}
			return map[string]any{"r": r}
		}
		const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id skills { name level } latestCV { id } cvs { id } } ... on CV { id status } } }`
		tests := []struct {
			name      string
			user      string
			asRouter  bool
			query     string
			vars      map[string]any
			wantCodes string
			wantData  []string // substrings of the JSON data
			notData   []string // substrings it must not hold
		}{
			{name: "cv after analysis", user: "ada", query: `query($id: ID!) { cv(id: $id) { status fileType pages sections { contact { name email phone location } experience { title company startDate current } } analysis { score engine seniority scoreReasons { aspect points maxPoints } skills { name level evidence { where } } suggestedRoles { title } } } }`,
				vars: map[string]any{"id": adaCVID},
				wantData: []string{`"status":"DONE"`, `"fileType":"PDF"`, `"name":"Ada Lovelace"`, `"email":"ada@example.com"`, `"location":"Berlin, Germany"`,
					`"title":"Senior Software Engineer","company":"Acme Corp","startDate":"2019-01","current":true`, `"engine":"offline"`,
					`"seniority":"SENIOR"`, `{"name":"Kubernetes","level":4,"evidence":[{"where":"experience: Senior Software Engineer at Acme Corp"}`}},
			{name: "what was read and how sure", user: "ada", query: `query($id: ID!) { cv(id: $id) { sections { experience { location } languages spokenLanguages { name level } } analysis { confidence unreadParts { part reason } skills { name } } } }`,
				vars:     map[string]any{"id": adaCVID},
				wantData: []string{`"experience":[{"location":"Berlin, Germany"}]`, `"spokenLanguages":[{"name":"German","level":"native"},{"name":"English","level":"C1"}]`, `"confidence":1,"unreadParts":[]`},
				notData:  []string{`{"name":"German"}`, `{"name":"English"}`}},
			{name: "a failed cv says why", user: "ada", query: `query($id: ID!) { cv(id: $id) { status analysis { score } failure { code message retryable } } }`,
				vars: map[string]any{"id": queued}, wantData: []string{`"status":"FAILED","analysis":null,"failure":{"code":"UNREADABLE","message":"this looks like a scanned PDF; upload a text PDF or a DOCX","retryable":false}`}},
			{name: "another user's cv is not found", user: "bob", query: `query($id: ID!) { cv(id: $id) { id } }`, vars: map[string]any{"id": adaCVID},
				wantCodes: "NOT_FOUND", wantData: []string{`"cv":null`}},
			{name: "signed out", query: `query($id: ID!) { cv(id: $id) { id } }`, vars: map[string]any{"id": adaCVID}, wantCodes: "UNAUTHENTICATED"},
			{name: "delete another user's cv", user: "bob", query: `mutation($id: ID!) { deleteCV(id: $id) }`, vars: map[string]any{"id": adaCVID}, wantCodes: "NOT_FOUND"},
			{name: "reanalyze another user's cv", user: "bob", query: `mutation($id: ID!) { reanalyzeCV(id: $id) { id } }`, vars: map[string]any{"id": adaCVID}, wantCodes: "NOT_FOUND"},
			{name: "reanalyze a queued cv", user: "bob", query: `mutation($id: ID!) { reanalyzeCV(id: $id) { id } }`, vars: map[string]any{"id": bobCV}, wantCodes: "CONFLICT"},
			{name: "user entity: skills, latest and all cvs", user: "ada", asRouter: true, query: entities, vars: reps("User", "ada"),
				wantData: []string{`{"name":"Kubernetes","level":4}`, `"latestCV":{"id":"` + queued + `"}`, `"cvs":[{"id":"` + queued + `"},{"id":"` + adaCVID + `"}]`}},
			{name: "user entity of another user", user: "ada", asRouter: true, query: entities, vars: reps("User", "bob"), wantCodes: "NOT_FOUND", wantData: []string{`[null]`}},
			{name: "cv entities batch, another's is null", user: "ada", asRouter: true, query: entities, vars: reps("CV", adaCVID, bobCV, queued),
				wantCodes: "NOT_FOUND", wantData: []string{`[{"id":"` + adaCVID + `","status":"DONE"},null,{"id":"` + queued + `","status":"FAILED"}]`}},
			{name: "entities only for the router", user: "ada", query: entities, vars: reps("User", "ada"), wantCodes: "FORBIDDEN"},
			{name: "sdl for the router", asRouter: true, query: `{ _service { sdl } }`, wantData: []string{`type UserSkill @shareable`}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.do(tt.user, tt.asRouter, tt.query, tt.vars)
				if got := codes(resp); got != tt.wantCodes {
					t.Fatalf("error codes %q, want %q (%+v)", got, tt.wantCodes, resp.Errors)
				}
				data, _ := json.Marshal(resp.Data)
				for _, w := range tt.wantData {
					if !strings.Contains(string(data), w) {
						t.Errorf("data %s\nwant containing %s", data, w)
					}
				}
				for _, w := range tt.notData {
					if strings.Contains(string(data), w) {
						t.Errorf("data %s\nwant without %s", data, w)
					}
				}
			})
		}

		t.Run("reanalyze then delete", func(t *testing.T) {
			resp := e.do("ada", false, `mutation($id: ID!) { reanalyzeCV(id: $id) { status analysis { score } } }`, map[string]any{"id": adaCVID})
			if codes(resp) != "" || !strings.Contains(string(resp.Data["reanalyzeCV"]), `"status":"QUEUED","analysis":{"score":`) {
				t.Fatalf("reanalyze: %s %+v", resp.Data["reanalyzeCV"], resp.Errors)
			}
			e.work()
			resp = e.do("ada", false, `mutation($id: ID!) { deleteCV(id: $id) }`, map[string]any{"id": adaCVID})
			if codes(resp) != "" || string(resp.Data["deleteCV"]) != "true" {
				t.Fatalf("delete: %+v", resp)
			}
			if resp := e.do("ada", false, `query($id: ID!) { cv(id: $id) { id } }`, map[string]any{"id": adaCVID}); codes(resp) != "NOT_FOUND" {
				t.Fatalf("after delete: %+v", resp)
			}
		})
	}, store.Migrations()...)
}

func TestUpload(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		e := setup(t, d, b)
		tests := []struct {
			name      string
			user      string
			fileName  string
			data      []byte
			wantCodes string
			wantData  string
		}{
			{name: "a pdf by content, whatever its name", user: "ada", fileName: "../../etc/résumé.docx", data: []byte("%PDF-" + adaCV),
				wantData: `"fileName":"résumé.docx","fileType":"PDF","sizeBytes":` + itoa(len(adaCV)+5) + `,"status":"QUEUED"`},
			{name: "not a pdf or docx", user: "ada", fileName: "cv.pdf", data: []byte("MZ\x90\x00 an exe"), wantCodes: "BAD_USER_INPUT"},
			{name: "empty", user: "ada", fileName: "cv.pdf", data: nil, wantCodes: "BAD_USER_INPUT"},
			{name: "over the size limit", user: "ada", fileName: "cv.pdf", data: append([]byte("%PDF-"), make([]byte, 64<<10)...), wantCodes: "BAD_USER_INPUT"},
			{name: "signed out", fileName: "cv.pdf", data: []byte("%PDF-x"), wantCodes: "UNAUTHENTICATED"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.upload(tt.user, tt.fileName, tt.data)
				if got := codes(resp); got != tt.wantCodes {
					t.Fatalf("error codes %q, want %q (%+v)", got, tt.wantCodes, resp.Errors)
				}
				if data, _ := json.Marshal(resp.Data); !strings.Contains(string(data), tt.wantData) {
					t.Errorf("data %s, want containing %s", data, tt.wantData)
				}
			})
		}
		t.Run("too many cvs", func(t *testing.T) {
			e.uploaded("ada", "two")
			e.uploaded("ada", "three")
			if resp := e.upload("ada", "cv.pdf", []byte("%PDF-four")); codes(resp) != "BAD_USER_INPUT" {
				t.Fatalf("fourth upload: %+v", resp)
			}
		})
	}, store.Migrations()...)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
