//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mailtest"
	routerserver "github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
	planning "github.com/careercoach/coach/subgraphs/planning/server"
	usersdomain "github.com/careercoach/coach/subgraphs/users"
	users "github.com/careercoach/coach/subgraphs/users/server"
	usersstore "github.com/careercoach/coach/subgraphs/users/store"
)

// fakeCV stands in for the cv service behind its real schema: it answers
// the router's _entities requests for User.skills with a fixed analysis
// (the real service would need a CV analysed first) and records that it
// was asked.
func fakeCV(t *testing.T, asked *int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Query     string                     `json:"query"`
			Variables map[string]json.RawMessage `json:"variables"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || !strings.Contains(req.Query, "_entities") {
			http.Error(w, "fake cv only serves _entities", http.StatusBadRequest)
			return
		}
		var reps []map[string]any
		_ = json.Unmarshal(req.Variables["representations"], &reps)
		out := make([]map[string]any, len(reps))
		for i := range reps {
			out[i] = map[string]any{"__typename": "User", "skills": []map[string]any{
				{"name": "SQL", "level": 4}, {"name": "Python", "level": 2}, {"name": "Excel", "level": 3}}}
		}
		*asked++
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"_entities": out}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestRouterResolvesSkillGapWithRequires runs the real router over users,
// a cv subgraph and planning: User.skillGap is planned as users (me) → cv
// (skills) → planning (skillGap with the skills in the representation).
func TestRouterResolvesSkillGapWithRequires(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	log := logging.Discard()
	const secret = "router-secret-0123456789"
	b := membus.New(log, membus.Options{})
	t.Cleanup(func() { _ = b.Close() })

	usersHTTP := httptest.NewUnstartedServer(nil)
	publicURL := "http://" + usersHTTP.Listener.Addr().String()
	mails := mailtest.Start(t)
	ucfg := users.Config{ServiceSecret: secret, PublicURL: publicURL, AccessTTL: 15 * time.Minute, RefreshTTL: time.Hour, KeyRotation: 24 * time.Hour,
		KeyEncryptionKey: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", Mail: mails.Config()}
	ucfg.OAuth.PublicURL = publicURL
	usvc, err := users.New(ctx, ucfg, dbtest.Open(t, db.SQLite, usersstore.Migrations()...), b, log)
	if err != nil {
		t.Fatal(err)
	}
	bg := make(chan error, 1)
	go func() { bg <- usvc.RunBackground(ctx) }() // sends the sign-up mail
	t.Cleanup(func() { cancel(); <-bg })
	usersHTTP.Config.Handler = usvc.Handler()
	usersHTTP.Start()
	t.Cleanup(usersHTTP.Close)

	pd, err := planning.OpenDB(ctx, planning.Config{DataDir: t.TempDir(), ServiceSecret: secret}, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pd.Close() })
	psvc, err := planning.New(ctx, planning.Config{DataDir: t.TempDir(), ServiceSecret: secret}, pd, b, usvc.Verifier, log)
	if err != nil {
		t.Fatal(err)
	}
	planningHTTP := httptest.NewServer(psvc.Handler())
	t.Cleanup(planningHTTP.Close)
	asked := 0
	cv := fakeCV(t, &asked)

	sdl := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	res, errs := compose.Compose([]compose.Subgraph{
		{Name: "users", URL: usersHTTP.URL + "/graphql", SDL: sdl("../../subgraphs/users/graph/schema.graphqls")},
		{Name: "cv", URL: cv.URL, SDL: sdl("../../subgraphs/cv/graph/schema.graphqls")},
		{Name: "planning", URL: planningHTTP.URL + "/graphql", SDL: sdl("../../subgraphs/planning/graph/schema.graphqls")},
	})
	if len(errs) > 0 {
		t.Fatalf("compose: %v", errs)
	}
	rcfg := routerConfig(usvc.Verifier, secret, nil, true)
	rcfg.SupergraphSDL = res.Supergraph
	rh, err := routerserver.New(rcfg, log)
	if err != nil {
		t.Fatal(err)
	}
	router := httptest.NewServer(rh)
	t.Cleanup(router.Close)

	post := func(url, token string, body any) string { t.Helper(); return string(postJSON(t, url, token, body)) }
	tok := accessToken(t, signUpVerified(t, usersHTTP.URL, map[string]any{"email": "ada@example.com", "password": "violet-Harbour-42", "displayName": "Ada"},
		func(email string) string {
			return mailtest.Link(t, mails.Wait(t, email, usersdomain.SubjectVerify, 10*time.Second), "/verify-email")
		}))

	created := post(router.URL+"/graphql", tok, map[string]any{"query": `mutation { createGoal(input: {title: "Analyst", targetRoleId: "data-analyst"}) { id targetRole { title } } }`})
	if !strings.Contains(created, `"title":"Data Analyst"`) {
		t.Fatalf("createGoal through the router: %s", created)
	}
	got := post(router.URL+"/graphql", tok, map[string]any{"query": `{ me { email goals { title } skillGap(targetRole: "data-analyst") { readinessPercent matched { name } underLevel { name level } } } }`})
	// data-analyst needs SQL 4, Excel 4, Python 2 among 29 levels: 4+3+2 = 9 → 31%.
	for _, want := range []string{`"email":"ada@example.com"`, `"goals":[{"title":"Analyst"}]`, `"readinessPercent":31`, `{"name":"SQL"}`, `{"name":"Excel","level":3}`} {
		if !strings.Contains(got, want) {
			t.Errorf("response %s\nwant containing %s", got, want)
		}
	}
	if asked == 0 {
		t.Error("the router never asked the cv subgraph for the required skills")
	}

	// Job match through the router: match, save, track (issue 26).
	ad := "Data Analyst\n\nRequirements\n- Strong SQL\n- 2+ years of experience\n"
	matched := post(router.URL+"/graphql", tok, map[string]any{"query": `query($i: JobAdInput!) { matchJob(input: $i) { title occupation { code } requirements { name status } } }`,
		"variables": map[string]any{"i": map[string]any{"text": ad}}})
	for _, want := range []string{`"title":"Data Analyst"`, `{"name":"SQL","status":"MISSING"}`, `{"name":"2+ years of experience","status":"UNKNOWN"}`} {
		if !strings.Contains(matched, want) {
			t.Errorf("matchJob through the router: %s\nwant containing %s", matched, want)
		}
	}
	saved := post(router.URL+"/graphql", tok, map[string]any{"query": `mutation($i: JobAdInput!) { saveJobTarget(input: $i, status: APPLIED) { status history { status } } }`,
		"variables": map[string]any{"i": map[string]any{"text": ad, "company": "Acme"}}})
	if !strings.Contains(saved, `"status":"APPLIED","history":[{"status":"APPLIED"}]`) {
		t.Errorf("saveJobTarget through the router: %s", saved)
	}
	listed := post(router.URL+"/graphql", tok, map[string]any{"query": `{ jobTargets { company match { title } } }`})
	if !strings.Contains(listed, `"jobTargets":[{"company":"Acme","match":{"title":"Data Analyst"}}]`) {
		t.Errorf("jobTargets through the router: %s", listed)
	}

	// Every O*NET occupation is a role (issue 25): found by an alternate
	// title, its gap computed, its market figures or the reason there are none.
	for _, tt := range []struct {
		name, query string
		want        []string
	}{
		{"search by alternate title", `{ searchRoles(query: "RN", first: 3) { totalCount hits { matchedTitle role { id title requiredSkills { name source } } } } }`,
			[]string{`"matchedTitle":"RN","role":{"id":"29-1141.00","title":"Registered Nurses"`, `{"name":"Critical Thinking","source":"ONET_SKILL"}`}},
		{"gap for an electrician", `{ me { skillGap(targetRole: "47-2111.00") { targetRole { title } matched { name } } } }`,
			[]string{`"targetRole":{"title":"Electricians"},"matched":[{"name":"Excel"}]`}},
		{"no figure is no figure", `{ marketInsights(roleId: "27-2011.00") { occupationTitle medianPay { value } employment { value source { file } } unavailable { field reason } } }`,
			[]string{`"medianPay":null`, `{"field":"medianPay","reason":"BLS OEWS May 2024 does not publish this estimate for SOC 27-2011"}`, `"source":{"file":"national_M2024_dl.xlsx"}`}},
		{"a category's page", `{ roleCategories { category roleCount } roles(category: CONSTRUCTION, first: 2, offset: 1) { id category } }`,
			[]string{`{"category":"CONSTRUCTION","roleCount":61}`, `"roles":[{"id":"47-2021.00","category":"CONSTRUCTION"},{"id":"47-2031.00","category":"CONSTRUCTION"}]`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := post(router.URL+"/graphql", tok, map[string]any{"query": tt.query})
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("response %s\nwant containing %s", got, want)
				}
			}
		})
	}
}

func TestPlanningCommand(t *testing.T) {
	t.Run("help", func(t *testing.T) {
		var stdout bytes.Buffer
		err := run(context.Background(), []string{"planning", "--help"}, env{getenv: func(string) string { return "" }, stdout: &stdout, stderr: &bytes.Buffer{}})
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stdout.String(), "--jwks-url") || !strings.Contains(stdout.String(), ":4003") || !strings.Contains(stdout.String(), "--azure-openai-endpoint") {
			t.Fatalf("err %v, help:\n%s", err, stdout.String())
		}
	})
	t.Run("needs a service secret", func(t *testing.T) {
		err := run(context.Background(), []string{"planning", "--data-dir", t.TempDir()}, env{getenv: func(string) string { return "" }, stdout: io.Discard, stderr: io.Discard})
		if err == nil || !strings.Contains(err.Error(), "service-secret") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("serves until stopped", func(t *testing.T) {
		iss := authtest.New(t)
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"planning", "--addr", addr, "--data-dir", t.TempDir(), "--service-secret", "router-secret-0123456789",
				"--jwks-url", iss.JWKSURL, "--token-issuer", iss.URL}, env{getenv: func(string) string { return "" }, stdout: io.Discard, stderr: io.Discard})
		}()
		waitReady(t, "http://"+addr+"/readyz", done)
		body, _ := json.Marshal(map[string]any{"query": `{ role(id: "data-engineer") { title } }`})
		req, _ := http.NewRequest("POST", "http://"+addr+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+iss.Token(t, "user-1"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(out), `"title":"Data Engineer"`) {
			t.Fatalf("response %s", out)
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("stopped with %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("did not stop")
		}
	})
}
