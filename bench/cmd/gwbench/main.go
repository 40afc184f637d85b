// Command gwbench runs the federation gateway benchmark (`make
// bench-gateway`): it starts the ported subgraphs and our router as
// separate processes on loopback, drives the benchmark's query with 50
// clients (warm-up, then the measured phase) and prints RPS, latency
// percentiles, errors and the router's peak RSS; then the same load on one
// subgraph called directly, and optionally on Apollo's JS gateway.
//
//	gwbench -coach bin/coach [-duration 60s] [-warmup 10s] [-clients 50] [-peer DIR]
//	gwbench subgraphs -addr 127.0.0.1:4200   (the subgraph server alone)
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/careercoach/coach/bench"
	"github.com/careercoach/coach/bench/subgraphs"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var err error
	if len(os.Args) > 1 && os.Args[1] == "subgraphs" {
		err = serveSubgraphs(ctx, os.Args[2:])
	} else {
		err = run(ctx, log, os.Stdout, os.Args[1:])
	}
	if err != nil {
		log.Error("gwbench failed", "error", err)
		os.Exit(1)
	}
}

func serveSubgraphs(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("gwbench subgraphs", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:4200", "listen address")
	replay := fs.Bool("replay", false, "answer repeated requests with the first answer (subgraphs.Replay)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	h := subgraphs.Handler()
	if *replay {
		h = subgraphs.Replay(h)
	}
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); _ = srv.Close() }()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return fmt.Errorf("subgraphs: %w", err)
	}
	return nil
}

type options struct {
	coach, peer, logDir      string
	peerCmd, peerName        string
	subgraphAddr, routerAddr string
	replayAddr, peerAddr     string
	clients                  int
	warmup, duration         time.Duration
	skipDirect, skipRouter   bool
	skipReplay               bool
	routerEnv                string
	gatewayCPUs              string
	pin                      pinning
	sub                      *proc  // the subgraph server the current run uses
	subAddr                  string // and its address
}

func run(ctx context.Context, log *slog.Logger, out io.Writer, args []string) error {
	var o options
	fs := flag.NewFlagSet("gwbench", flag.ContinueOnError)
	fs.StringVar(&o.coach, "coach", "bin/coach-router", "coach binary (the router; make build's router-only one links no subgraph)")
	fs.StringVar(&o.peer, "peer", "", "directory of the Apollo JS gateway peer (bench/peer, npm installed); empty: no peer run")
	fs.StringVar(&o.peerCmd, "peer-cmd", "", "command starting another gateway (Cosmo, Hive Router, …) on -peer-addr in front of $SUBGRAPHS (base URL; subgraph paths /accounts …) with $PORT; it must answer GET /graphql?query={__typename}")
	fs.StringVar(&o.peerName, "peer-name", "other gateway", "name of the -peer-cmd gateway in the table")
	fs.StringVar(&o.logDir, "logs", os.TempDir(), "directory for the child processes' logs")
	fs.StringVar(&o.subgraphAddr, "subgraphs-addr", "127.0.0.1:4200", "subgraph server address")
	fs.StringVar(&o.routerAddr, "router-addr", "127.0.0.1:4000", "router address")
	fs.StringVar(&o.peerAddr, "peer-addr", "127.0.0.1:4100", "peer gateway address")
	fs.StringVar(&o.replayAddr, "replay-addr", "127.0.0.1:4201", "address of the replaying subgraph server")
	fs.BoolVar(&o.skipReplay, "skip-replay", false, "skip the run against replayed subgraphs")
	fs.StringVar(&o.routerEnv, "router-env", defaultRouterEnv, "extra environment of the router process, comma-separated; empty: Go's defaults")
	fs.StringVar(&o.gatewayCPUs, "gateway-cpus", "", "CPUs (taskset list, e.g. 1) the gateways get to themselves; the subgraphs and the load share the rest; empty: all share all")
	fs.IntVar(&o.clients, "clients", 50, "concurrent clients (k6 VUs)")
	fs.DurationVar(&o.warmup, "warmup", 10*time.Second, "warm-up before measuring")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "measured phase")
	fs.BoolVar(&o.skipDirect, "skip-direct", false, "skip the direct subgraph run")
	fs.BoolVar(&o.skipRouter, "skip-router", false, "skip the router run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pin, err := newPinning(o.gatewayCPUs, runtime.NumCPU())
	if err != nil {
		return err
	}
	if err := pin.pinSelf(); err != nil {
		return err
	}
	o.pin = pin
	// Bounded: every phase has a deadline, and so has the whole run.
	ctx, cancel := context.WithTimeout(ctx, 4*(o.warmup+o.duration)+3*time.Minute)
	defer cancel()

	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("own executable: %w", err)
	}
	sg, err := start(ctx, "subgraphs", filepath.Join(o.logDir, "gwbench-subgraphs.log"),
		"http://"+o.subgraphAddr+"/health", nil, o.pin.harnessArgv([]string{self, "subgraphs", "-addr", o.subgraphAddr})...)
	if err != nil {
		return err
	}
	defer sg.stop()

	fmt.Fprintf(out, "gateway benchmark: %d clients, %s warm-up, %s measured, %d CPUs, pinning: %s; router: %s, env %q\n\n",
		o.clients, o.warmup, o.duration, runtime.NumCPU(), o.pin, o.coach, o.routerEnv)
	fmt.Fprintln(out, "| target | RPS | p50 | p95 | p99 | max | errors | peak RSS | gateway CPU | per request | subgraphs CPU |")
	fmt.Fprintln(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	o.sub, o.subAddr = sg, o.subgraphAddr
	var routerRPS, replayRPS float64
	var ratios []string
	if !o.skipRouter {
		st, err := o.gateway(ctx, log, out, "router (coach)", "http://"+o.routerAddr, o.routerArgv(o.subgraphAddr))
		if err != nil {
			return err
		}
		routerRPS = st.RPS
	}
	if !o.skipDirect {
		if err := o.direct(ctx, out); err != nil {
			return err
		}
	}
	if !o.skipReplay {
		rp, err := start(ctx, "replaying subgraphs", filepath.Join(o.logDir, "gwbench-replay.log"),
			"http://"+o.replayAddr+"/health", replayEnv, o.pin.harnessArgv([]string{self, "subgraphs", "-replay", "-addr", o.replayAddr})...)
		if err != nil {
			return err
		}
		defer rp.stop()
		o.sub, o.subAddr = rp, o.replayAddr
		st, err := o.gateway(ctx, log, out, "router (coach), subgraphs replayed", "http://"+o.routerAddr, o.routerArgv(o.replayAddr))
		if err != nil {
			return err
		}
		replayRPS = st.RPS
		rp.stop() // the peer run starts its own, so both gateways see a fresh one
		o.sub, o.subAddr = sg, o.subgraphAddr
	}
	for _, pr := range o.peers() {
		// Every gateway against the same subgraph server: a fresh replaying
		// one when it ran (gateway against gateway), else the real one.
		rps, label := routerRPS, "router"
		if !o.skipReplay {
			rp, err := start(ctx, "replaying subgraphs", filepath.Join(o.logDir, "gwbench-replay.log"),
				"http://"+o.replayAddr+"/health", replayEnv, o.pin.harnessArgv([]string{self, "subgraphs", "-replay", "-addr", o.replayAddr})...)
			if err != nil {
				return err
			}
			o.sub, o.subAddr, rps, label = rp, o.replayAddr, replayRPS, "router (replayed subgraphs)"
			pr.name += ", subgraphs replayed"
		}
		st, err := o.gateway(ctx, log, out, pr.name, "http://"+o.peerAddr, pr.argv)
		if o.sub != sg {
			o.sub.stop()
			o.sub, o.subAddr = sg, o.subgraphAddr
		}
		if err != nil {
			return err
		}
		if st.RPS > 0 && rps > 0 {
			ratios = append(ratios, fmt.Sprintf("%s / %s: %.1f× the RPS", label, pr.short, rps/st.RPS))
		}
	}
	if len(ratios) > 0 {
		fmt.Fprintln(out)
		for _, r := range ratios {
			fmt.Fprintln(out, r)
		}
	}
	return nil
}

// peer is another gateway run in front of the same subgraphs.
type peer struct {
	name, short string // table row and ratio line
	argv        []string
}

func (o options) peers() []peer {
	var ps []peer
	if o.peer != "" {
		ps = append(ps, peer{"Apollo JS gateway (@apollo/gateway)", "Apollo JS gateway",
			[]string{"node", filepath.Join(o.peer, "index.mjs")}})
	}
	if o.peerCmd != "" {
		ps = append(ps, peer{o.peerName, o.peerName, strings.Fields(o.peerCmd)})
	}
	return ps
}

// replayEnv: the replaying subgraphs stand in for subgraphs on machines
// of their own; here they share the router's cores, so they collect
// garbage seldom (they keep little: the recorded answers).
var replayEnv = []string{"GOGC=400"}

// defaultRouterEnv is how the router is tuned for the benchmark: a
// request's data are garbage once it is answered, so a higher GOGC saves
// collections, and the soft limit keeps the process under the issue's
// 60 MB (its resident binary is about 10 MB of that).
const defaultRouterEnv = "GOGC=400,GOMEMLIMIT=44MiB"

func (o options) routerArgv(subgraphAddr string) []string {
	var urls []string
	for _, n := range subgraphs.Names {
		urls = append(urls, n+"=http://"+subgraphAddr+"/"+n)
	}
	return []string{o.coach, "router", "--auth=off", "--addr", o.routerAddr,
		"--supergraph", "bench/supergraph.graphql", "--subgraph-urls", strings.Join(urls, ","),
		"--service-secret", "benchmark-secret-not-used", "--users-url", "", "--web-dir", "",
		"--graphiql=false", "--metrics-addr=", "--log-level", "warn",
		// The community benchmark's query is estimated at 102,927 (its
		// lists at the default size 10), over our API's --max-cost of
		// 20,000: the benchmark measures federation, not our API's limits,
		// as the conformance audit's router does.
		"--max-cost", "1000000000"}
}

// gateway starts a gateway process, checks it answers the query exactly,
// runs the load and prints one row.
func (o options) gateway(ctx context.Context, log *slog.Logger, out io.Writer, name, base string, argv []string) (bench.Stats, error) {
	env := []string{"PORT=" + o.peerAddr[strings.LastIndexByte(o.peerAddr, ':')+1:],
		"SUPERGRAPH=" + "bench/supergraph.graphql", "SUBGRAPHS=http://" + o.subAddr}
	health := base + "/healthz"
	if argv[0] == o.coach {
		env = append(env, splitList(o.routerEnv)...)
	}
	if argv[0] != o.coach {
		health = base + "/graphql?query=%7B__typename%7D" // no common health route
	}
	p, err := start(ctx, name, filepath.Join(o.logDir, "gwbench-"+logName(name)+".log"), health, env, o.pin.gatewayArgv(argv)...)
	if err != nil {
		return bench.Stats{}, err
	}
	defer p.stop()
	body, _ := json.Marshal(map[string]string{"query": bench.Query})
	load := bench.Load{URL: base + "/graphql", Body: body, Clients: o.clients, Warmup: o.warmup,
		Duration: o.duration, Want: bench.Expected()}
	cpu0, sub0 := cpuTime(p.cmd.Process.Pid), cpuTime(o.sub.cmd.Process.Pid)
	st, err := bench.Run(ctx, load)
	if err != nil {
		return st, err
	}
	cpu, sub := cpuTime(p.cmd.Process.Pid)-cpu0, cpuTime(o.sub.cmd.Process.Pid)-sub0
	row(out, name, st, peakRSS(p.cmd.Process.Pid), cpu, sub, o.warmup+o.duration)
	if st.FirstError != "" {
		log.Warn("requests failed", "target", name, "first_error", st.FirstError)
	}
	return st, nil
}

// directQuery is the router's largest subgraph request in this plan: the
// users' reviews (with products, their reviews and authors) from the
// reviews subgraph.
const directQuery = `query($representations:[_Any!]!){_entities(representations:$representations){... on User{reviews{id body product{__typename upc reviews{id body author{__typename id username reviews{id body product{__typename upc}}}}}}}}}`

func (o options) direct(ctx context.Context, out io.Writer) error {
	var reps []map[string]string
	for i := 1; i <= 6; i++ {
		reps = append(reps, map[string]string{"__typename": "User", "id": fmt.Sprint(i)})
	}
	body, _ := json.Marshal(map[string]any{"query": directQuery, "variables": map[string]any{"representations": reps}})
	sub0 := cpuTime(o.sub.cmd.Process.Pid)
	st, err := bench.Run(ctx, bench.Load{URL: "http://" + o.subgraphAddr + "/reviews", Body: body,
		Clients: o.clients, Warmup: o.warmup, Duration: o.duration})
	if err != nil {
		return err
	}
	row(out, "reviews subgraph directly (largest fetch)", st, 0, 0, cpuTime(o.sub.cmd.Process.Pid)-sub0, o.warmup+o.duration)
	return nil
}

func row(out io.Writer, name string, st bench.Stats, rss int64, cpu, subCPU, wall time.Duration) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	cores := func(d time.Duration) string {
		if d <= 0 || wall <= 0 {
			return "—"
		}
		return fmt.Sprintf("%.2f cores", d.Seconds()/wall.Seconds())
	}
	mem := "—"
	if rss > 0 {
		mem = fmt.Sprintf("%.0f MB", float64(rss)/1e6)
	}
	// CPU is read over warm-up and measured phase together, requests over
	// the measured one: per request assumes the same rate in both.
	perReq := "—"
	if cpu > 0 && st.RPS > 0 {
		perReq = fmt.Sprintf("%.2f ms", cpu.Seconds()*1000/(st.RPS*wall.Seconds()))
	}
	fmt.Fprintf(out, "| %s | %.0f | %s | %s | %s | %s | %d | %s | %s | %s | %s |\n",
		name, st.RPS, ms(st.P50), ms(st.P95), ms(st.P99), ms(st.Max), st.Errors, mem, cores(cpu), perReq, cores(subCPU))
}

// logName is a gateway's name as a file name: its first word, letters and
// digits only ("net/http floor" → "nethttp").
func logName(name string) string {
	w := strings.Fields(name + " gateway")[0]
	w = strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, w)
	if w == "" {
		return "gateway"
	}
	return w
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
