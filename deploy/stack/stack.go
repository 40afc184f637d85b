// Package stack runs Career Coach's production topology on one machine: the
// router and the five subgraphs as separate `coach` processes, each subgraph
// with its own PostgreSQL database and all of them on one Redis. `make up`
// runs it in the foreground; the full-stack and fault tests drive it too, so
// they can kill and restart single processes.
package stack

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/careercoach/coach/internal/mail"
)

// Subgraphs lists the subgraph processes in start order (users first: the
// others fetch its JWKS).
var Subgraphs = []string{"users", "cv", "planning", "progress", "courses"}

// Options configure a stack.
type Options struct {
	// Binary is the path of a built `coach` binary.
	Binary string
	// DatabaseURL is a PostgreSQL server URL; each subgraph gets the database
	// careercoach_<name> on it (created by the service if missing). A suffix
	// keeps parallel stacks apart (careercoach_<name>_<suffix>).
	DatabaseURL string
	DBSuffix    string
	// RedisURL is the Redis every process shares.
	RedisURL string
	// Host and BasePort place the processes: router on BasePort, subgraph i
	// on BasePort+1+i. Port 0 picks free ports.
	Host     string
	BasePort int
	// Supergraph is the supergraph file the router serves.
	Supergraph string
	// WebDir is the built web app the router serves ("" for none).
	WebDir string
	// MetricsAddr is where the router serves /metrics ("" for nowhere).
	MetricsAddr string
	// DataDir is a writable directory for the processes (no SQLite is used).
	DataDir string
	// Logs receives every process's output, each line prefixed with its name.
	Logs io.Writer
	// Env is added to every process's environment (e.g. AI settings).
	Env []string
	// KeyEncryptionKey is the users service's (base64 of 32 bytes); empty:
	// a random one for this stack, which suits a stack whose databases do
	// not outlive it.
	KeyEncryptionKey string
	// Mail is the users service's SMTP server, handed to the users
	// processes only (it may hold a password).
	Mail mail.Config
	// ReadyTimeout bounds the wait for each process's /readyz.
	ReadyTimeout time.Duration
}

// Stack is a running topology.
type Stack struct {
	opts   Options
	secret string
	kek    string
	mu     sync.Mutex
	logMu  sync.Mutex
	procs  map[string]*proc
	addrs  map[string]string // name → host:port
}

// Start launches every process and waits until each is ready. On error the
// processes already started are stopped.
func Start(ctx context.Context, o Options) (*Stack, error) {
	if o.Binary == "" || o.DatabaseURL == "" || o.RedisURL == "" || o.Supergraph == "" || o.DataDir == "" {
		return nil, errors.New("stack: Binary, DatabaseURL, RedisURL, Supergraph and DataDir are required")
	}
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.ReadyTimeout == 0 {
		o.ReadyTimeout = 60 * time.Second
	}
	if o.Logs == nil {
		o.Logs = io.Discard
	}
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("stack: making the service secret: %w", err)
	}
	s := &Stack{opts: o, secret: hex.EncodeToString(b[:]), kek: o.KeyEncryptionKey, procs: map[string]*proc{}, addrs: map[string]string{}}
	if s.kek == "" {
		var k [32]byte
		_, _ = rand.Read(k[:]) // crypto/rand.Read never fails on supported platforms
		s.kek = base64.StdEncoding.EncodeToString(k[:])
	}
	names := append([]string{"router"}, Subgraphs...)
	// Each free port stays held until all are picked: closed at once, the
	// kernel may hand one out twice (it did: cv and planning on one port).
	var held []io.Closer
	for i, n := range names {
		port := 0
		if o.BasePort != 0 {
			port = o.BasePort + i
		}
		addr, l, err := reserve(o.Host, port)
		if err != nil {
			closeAll(held)
			return nil, err
		}
		if l != nil {
			held = append(held, l)
		}
		s.addrs[n] = addr
	}
	closeAll(held)
	for _, n := range append(append([]string{}, Subgraphs...), "router") {
		if err := s.StartProcess(ctx, n); err != nil {
			return nil, errors.Join(err, s.Stop())
		}
	}
	return s, nil
}

// reserve returns host:port, picking a free port when port is 0; the
// listener holding it is the caller's to close before the port is used.
func reserve(host string, port int) (string, io.Closer, error) {
	if port != 0 {
		return net.JoinHostPort(host, strconv.Itoa(port)), nil, nil
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", nil, fmt.Errorf("stack: finding a free port: %w", err)
	}
	return l.Addr().String(), l, nil
}

func closeAll(cs []io.Closer) {
	for _, c := range cs {
		_ = c.Close()
	}
}

// URL is the router's public base URL, e.g. http://127.0.0.1:4000.
func (s *Stack) URL() string { return "http://" + s.addrs["router"] }

// Addr is the listen address of a process.
func (s *Stack) Addr(name string) string { return s.addrs[name] }

// Secret is the service credential the router presents to the subgraphs.
func (s *Stack) Secret() string { return s.secret }

// DatabaseURL is the PostgreSQL URL of a subgraph's database.
func (s *Stack) DatabaseURL(name string) string {
	u, err := url.Parse(s.opts.DatabaseURL)
	if err != nil {
		return ""
	}
	db := "careercoach_" + name
	if s.opts.DBSuffix != "" {
		db += "_" + s.opts.DBSuffix
	}
	u.Path = "/" + db
	return u.String()
}

// args are the command line of a process; a replica ("cv#2") runs the
// subgraph's command on its own address. The service secret is not among
// them (any local user can read a command line): see env.
func (s *Stack) args(name string) []string {
	o := s.opts
	cmd, _, _ := strings.Cut(name, "#")
	if name == "router" {
		urls := ""
		for i, n := range Subgraphs {
			if i > 0 {
				urls += ","
			}
			urls += n + "=http://" + s.addrs[n] + "/graphql"
		}
		a := []string{"router", "--addr", s.addrs["router"], "--supergraph", o.Supergraph, "--subgraph-urls", urls,
			"--web-dir", o.WebDir, "--jwks-url", "http://" + s.addrs["users"] + "/.well-known/jwks.json",
			"--token-issuer", s.URL(), "--users-url", "http://" + s.addrs["users"], "--metrics-addr", o.MetricsAddr}
		return a
	}
	a := []string{cmd, "--addr", s.addrs[name], "--database-url", s.DatabaseURL(cmd), "--redis-url", o.RedisURL,
		"--data-dir", o.DataDir,
		"--jwks-url", "http://" + s.addrs["users"] + "/.well-known/jwks.json", "--token-issuer", s.URL()}
	if cmd == "users" {
		a = append(a, "--public-url", s.URL())
	}
	return a
}

// waitReady polls a process's /readyz until it answers 200.
func (s *Stack) waitReady(ctx context.Context, name string, exited <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.ReadyTimeout)
	defer cancel()
	u := "http://" + s.addrs[name] + "/readyz"
	c := &http.Client{Timeout: 2 * time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if resp, err := c.Do(req); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("stack: %s not ready at %s: %w", name, u, ctx.Err())
		case <-exited:
			return fmt.Errorf("stack: %s exited before it was ready (see its log lines)", name)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
