package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
)

// ComposeInput is what the compose model is checked against: the image it
// runs (the Dockerfile's final stage), the coach binary's real flags, and
// the supergraph the image ships.
type ComposeInput struct {
	Project    *types.Project
	Image      ImageConfig
	Coach      Coach
	Repo       string // repository root: the build context
	Supergraph string // the supergraph file the image's router reads
}

// container is one coach service as it would run: the image's entrypoint
// and environment with the service's command and environment applied, and
// the settings the coach binary derives from them.
type container struct {
	name     string
	svc      types.ServiceConfig
	args     []string
	settings map[string]Setting
}

// Well-known ports of the dependency images, where a URL names none.
var defaultPorts = map[string]string{"postgres": "5432", "redis": "6379"}

// CheckCompose returns every way the model disagrees with the image and
// the coach binary.
func CheckCompose(ctx context.Context, in ComposeInput) []error {
	var errs []error
	cmds, err := in.Coach.Commands(ctx)
	if err != nil {
		return []error{err}
	}
	var coach []*container
	names := make([]string, 0, len(in.Project.Services))
	for n := range in.Project.Services {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		svc := in.Project.Services[n]
		if !isCoach(svc) {
			continue
		}
		c, err := checkCoachService(ctx, in, cmds, svc)
		errs = append(errs, err...)
		if c != nil {
			coach = append(coach, c)
		}
	}
	if len(coach) == 0 {
		return append(errs, errors.New("no service runs the coach image"))
	}
	errs = append(errs, checkTopology(in, coach)...)
	for _, n := range names {
		errs = append(errs, checkDependsOn(in.Project, in.Project.Services[n])...)
	}
	return errs
}

// isCoach reports whether a service runs the coach image.
func isCoach(svc types.ServiceConfig) bool {
	return svc.Build != nil || strings.HasPrefix(svc.Image, "careercoach/coach")
}

// checkCoachService checks one coach service on its own and returns it
// with its settings (nil when the binary rejects its command line).
func checkCoachService(ctx context.Context, in ComposeInput, cmds []string, svc types.ServiceConfig) (*container, []error) {
	var errs []error
	fail := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("service %s: "+format, append([]any{svc.Name}, a...)...))
	}
	if b := svc.Build; b != nil {
		df := filepath.Join(b.Context, b.Dockerfile)
		if !filepath.IsAbs(b.Dockerfile) && b.Context != filepath.Clean(in.Repo) {
			fail("build context %s is not the repository root %s (the Dockerfile COPYs paths relative to it)", b.Context, in.Repo)
		}
		if _, err := os.Stat(df); err != nil {
			fail("build: %v", err)
		}
	}
	entry := []string(svc.Entrypoint)
	if entry == nil {
		entry = in.Image.Entrypoint
	}
	if !slices.Equal(entry, in.Image.Entrypoint) {
		fail("entrypoint %q is not the image's %q", entry, in.Image.Entrypoint)
	}
	args := []string(svc.Command)
	if args == nil {
		args = in.Image.Cmd
	}
	if len(args) == 0 || !slices.Contains(cmds, args[0]) {
		fail("command %q is not a coach command (%s)", args, strings.Join(cmds, ", "))
		return nil, errs
	}
	env := containerEnv(in.Image, svc)
	settings, err := in.Coach.Settings(ctx, args, env)
	if err != nil {
		fail("%v", err)
		return nil, errs
	}
	for _, k := range sortedKeys(svc.Environment) {
		if (strings.HasPrefix(k, "COACH_") || strings.HasPrefix(k, "AZURE_")) && !readsEnv(settings, k) {
			fail("sets %s, which coach %s does not read", k, args[0])
		}
	}
	if s, ok := settings["service-secret"]; !ok || s.Value != "(set)" {
		fail("no service secret (COACH_SERVICE_SECRET)")
	}
	if svc.ReadOnly && !hasTmpfs(svc, "/tmp") {
		// Uploads over 1 MiB are spooled to os.TempDir() by the subgraphs'
		// multipart transport; a read-only root needs a writable /tmp.
		fail("read_only without a tmpfs on /tmp (uploads over 1 MiB are spooled there)")
	}
	return &container{name: svc.Name, svc: svc, args: args, settings: settings}, errs
}

// containerEnv is the environment a container starts with: the image's,
// then the service's (compose-go has interpolated it).
func containerEnv(img ImageConfig, svc types.ServiceConfig) []string {
	env := append([]string{}, img.Env...)
	for _, k := range sortedKeys(svc.Environment) {
		if v := svc.Environment[k]; v != nil {
			env = append(env, k+"="+*v)
		}
	}
	return env
}

func hasTmpfs(svc types.ServiceConfig, dir string) bool {
	for _, t := range svc.Tmpfs {
		if p, _, _ := strings.Cut(t, ":"); filepath.Clean(p) == dir {
			return true
		}
	}
	for _, v := range svc.Volumes {
		if v.Type == types.VolumeTypeTmpfs && filepath.Clean(v.Target) == dir {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkTopology checks that the services find each other: every URL a
// coach service is configured with names a compose service that listens
// on that port, each subgraph has a database of its own, and all agree on
// the token issuer.
func checkTopology(in ComposeInput, coach []*container) []error {
	var errs []error
	fail := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	byCmd := map[string][]*container{}
	port := map[string]string{} // service → the port it listens on
	for _, c := range coach {
		byCmd[c.args[0]] = append(byCmd[c.args[0]], c)
		_, p, err := net.SplitHostPort(c.settings["addr"].Value)
		if err != nil {
			fail("service %s: listen address %q: %v", c.name, c.settings["addr"].Value, err)
		}
		port[c.name] = p
	}
	for _, svc := range in.Project.Services {
		for img, p := range defaultPorts {
			if strings.HasPrefix(svc.Image, img+":") || svc.Image == img {
				port[svc.Name] = p
			}
		}
	}
	// target checks that raw (a URL setting of service from) reaches a
	// service running one of cmds (or with an image of that name) on its
	// port, and returns that service's name.
	target := func(from *container, flag string, want ...string) string {
		raw := from.settings[flag].Value
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			fail("service %s: --%s %q is not a URL", from.name, flag, raw)
			return ""
		}
		host, p := u.Hostname(), u.Port()
		svc, ok := in.Project.Services[host]
		if !ok {
			fail("service %s: --%s %s: no service %q in the compose file", from.name, flag, raw, host)
			return ""
		}
		runs := ""
		if isCoach(svc) {
			for _, c := range coach {
				if c.name == host {
					runs = c.args[0]
				}
			}
		} else {
			runs = imageName(svc.Image)
		}
		if !slices.Contains(want, runs) {
			fail("service %s: --%s %s: service %s runs %q, not %s", from.name, flag, raw, host, runs, strings.Join(want, " or "))
			return host
		}
		if p == "" {
			p = defaultPorts[runs]
		}
		if p != port[host] {
			fail("service %s: --%s %s: service %s listens on port %s", from.name, flag, raw, host, port[host])
		}
		if !slices.Contains(from.svc.GetDependencies(), host) {
			fail("service %s: --%s %s: does not depend_on %s", from.name, flag, raw, host)
		}
		return host
	}
	issuer := ""
	if users := byCmd["users"]; len(users) == 1 {
		issuer = users[0].settings["public-url"].Value
	} else {
		fail("want one service running coach users, have %d", len(users))
	}
	dbs := map[string]string{}
	for _, c := range coach {
		if c.args[0] == "router" {
			checkRouter(in, c, target, fail)
		} else {
			if c.settings["redis-url"].Value == "" {
				fail("service %s: no Redis URL: events would stay in the process", c.name)
			} else {
				target(c, "redis-url", "redis")
			}
			if c.args[0] != "users" {
				target(c, "jwks-url", "users")
			}
			checkDatabase(in, c, dbs, target, fail)
		}
		if got := c.settings["token-issuer"].Value; issuer != "" && got != issuer {
			fail("service %s: token issuer %q is not the users service's public URL %q", c.name, got, issuer)
		}
	}
	return errs
}

// checkDatabase checks a subgraph's database URL: on the postgres service,
// a database no other service uses.
func checkDatabase(in ComposeInput, c *container, dbs map[string]string, target func(*container, string, ...string) string, fail func(string, ...any)) {
	raw := c.settings["database-url"].Value
	if raw == "" {
		fail("service %s: no database URL: SQLite in the container", c.name)
		return
	}
	host := target(c, "database-url", "postgres")
	u, _ := url.Parse(raw)
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" {
		fail("service %s: database URL %s names no database", c.name, u.Redacted())
	} else if other, dup := dbs[db]; dup {
		fail("services %s and %s share the database %s", other, c.name, db)
	} else {
		dbs[db] = c.name
	}
	// --help redacts the password: compare the one the service sets.
	if v := c.svc.Environment["COACH_DATABASE_URL"]; v != nil && host != "" {
		pu, err := url.Parse(*v)
		pw, _ := pu.User.Password()
		if want := in.Project.Services[host].Environment["POSTGRES_PASSWORD"]; err == nil && want != nil && pw != *want {
			fail("service %s: database password is not %s's POSTGRES_PASSWORD", c.name, host)
		}
	}
}

var joinGraph = regexp.MustCompile(`@join__graph\(name: "([^"]+)", url: "([^"]*)"\)`)

// checkRouter checks the router's view: every subgraph of the supergraph
// it serves is reached at a compose service running that subgraph.
func checkRouter(in ComposeInput, c *container, target func(*container, string, ...string) string, fail func(string, ...any)) {
	sdl, err := os.ReadFile(in.Supergraph)
	if err != nil {
		fail("service %s: reading the supergraph: %v", c.name, err)
		return
	}
	graphs := joinGraph.FindAllStringSubmatch(string(sdl), -1)
	if len(graphs) == 0 {
		fail("service %s: no join__graph in %s", c.name, in.Supergraph)
	}
	overrides := map[string]string{}
	for _, kv := range strings.Split(c.settings["subgraph-urls"].Value, ",") {
		if n, u, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
			overrides[n] = u
		}
	}
	for _, g := range graphs {
		name, u := g[1], g[2]
		if o, ok := overrides[name]; ok {
			u = o
		}
		delete(overrides, name)
		probe := &container{name: c.name, svc: c.svc, settings: map[string]Setting{"subgraph " + name: {Value: u}}}
		if host := target(probe, "subgraph "+name, name); host != "" {
			if pu, _ := url.Parse(u); pu == nil || pu.Path != "/graphql" {
				fail("service %s: subgraph %s at %s: the subgraphs serve /graphql", c.name, name, u)
			}
		}
	}
	for n := range overrides {
		fail("service %s: --subgraph-urls names %s, which the supergraph does not have", c.name, n)
	}
	if c.settings["users-url"].Value != "" {
		target(c, "users-url", "users")
	}
	target(c, "jwks-url", "users")
	_, p, _ := net.SplitHostPort(c.settings["addr"].Value)
	published := false
	for _, pc := range c.svc.Ports {
		published = published || fmt.Sprint(pc.Target) == p
	}
	if !published {
		fail("service %s: listens on %s but publishes no port to it", c.name, p)
	}
	if c.settings["web-dir"].Value == "" {
		fail("service %s: serves no web app (--web-dir is empty)", c.name)
	}
}

// imageName is an image reference's repository without registry or tag:
// "postgres" for postgres:16-alpine.
func imageName(ref string) string {
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndex(ref, "/"); i >= 0 {
		ref = ref[i+1:]
	}
	n, _, _ := strings.Cut(ref, ":")
	return n
}

// checkDependsOn checks one service's depends_on: waiting for a healthy
// service needs a healthcheck on it.
func checkDependsOn(p *types.Project, svc types.ServiceConfig) []error {
	var errs []error
	for _, dep := range sortedKeys(svc.DependsOn) {
		d := svc.DependsOn[dep]
		target, ok := p.Services[dep]
		if !ok {
			errs = append(errs, fmt.Errorf("service %s: depends_on %s, which is not a service", svc.Name, dep))
			continue
		}
		if d.Condition == types.ServiceConditionHealthy && (target.HealthCheck == nil || target.HealthCheck.Disable) {
			errs = append(errs, fmt.Errorf("service %s: waits for %s to be healthy, which has no healthcheck", svc.Name, dep))
		}
	}
	return errs
}
