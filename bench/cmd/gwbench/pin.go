package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// pinning gives the gateways CPUs of their own (-gateway-cpus), as the
// published benchmark gives the gateway its own cores: the subgraphs and
// the load generator (this process) then share the other CPUs, and a
// gateway's throughput is what its own CPUs allow rather than what is
// left of a shared machine. taskset execs its command, so the pid whose
// RSS and CPU are read stays the gateway's.
type pinning struct {
	gateway, harness string // CPU lists for taskset -c; empty: no pinning
}

func newPinning(gatewayCPUs string, ncpu int) (pinning, error) {
	if gatewayCPUs == "" {
		return pinning{}, nil
	}
	var gw, rest []string
	for _, f := range strings.Split(gatewayCPUs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n >= ncpu {
			return pinning{}, fmt.Errorf("-gateway-cpus %q: want CPU numbers below %d, comma-separated", gatewayCPUs, ncpu)
		}
		gw = append(gw, strconv.Itoa(n))
	}
	for n := range ncpu {
		if !slices.Contains(gw, strconv.Itoa(n)) {
			rest = append(rest, strconv.Itoa(n))
		}
	}
	if len(rest) == 0 {
		return pinning{}, fmt.Errorf("-gateway-cpus %q leaves no CPU for the subgraphs and the load", gatewayCPUs)
	}
	return pinning{gateway: strings.Join(gw, ","), harness: strings.Join(rest, ",")}, nil
}

func (p pinning) wrap(cpus string, argv []string) []string {
	if cpus == "" {
		return argv
	}
	return append([]string{"taskset", "-c", cpus}, argv...)
}

// gatewayArgv and harnessArgv wrap a child's command line.
func (p pinning) gatewayArgv(argv []string) []string { return p.wrap(p.gateway, argv) }
func (p pinning) harnessArgv(argv []string) []string { return p.wrap(p.harness, argv) }

// pinSelf moves every thread of this process (the load generator) to the
// harness CPUs; threads started later inherit it.
func (p pinning) pinSelf() error {
	if p.harness == "" {
		return nil
	}
	out, err := exec.Command("taskset", "-a", "-p", "-c", p.harness, strconv.Itoa(os.Getpid())).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pin the load generator to CPUs %s: %w: %s", p.harness, err, out)
	}
	return nil
}

func (p pinning) String() string {
	if p.gateway == "" {
		return "none"
	}
	return fmt.Sprintf("gateway on CPU %s, subgraphs and load on CPU %s", p.gateway, p.harness)
}
