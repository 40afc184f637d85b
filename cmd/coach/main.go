// Command coach runs Career Coach: the whole platform in one process
// (`coach dev`), or one service per process (`coach users`, `coach router`, …).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// command follows the Main{ParseFlags, Run} shape: parse and validate
// everything first, then run until the context ends.
type command interface {
	ParseFlags(args []string) error
	Run(ctx context.Context) error
}

type env struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	// memLimit reads the container's memory limit (memory.go); nil: none.
	memLimit memlimit.Provider
}

func main() {
	// SIGHUP too: closing the terminal of `coach up` must stop its
	// processes (each runs in its own process group), not orphan them.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	if err := run(ctx, os.Args[1:], env{getenv: os.Getenv, stdout: os.Stdout, stderr: os.Stderr, memLimit: memlimit.FromCgroup}); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "coach:", err)
		}
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string, e env) error {
	cmds := commands(e)
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || cmds[args[0]] == nil {
		fmt.Fprintf(e.stderr, "usage: coach <%s> [flags]\n       coach <command> --help lists a command's flags\n", strings.Join(names, "|"))
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return fmt.Errorf("unknown command %q", args[0])
	}
	c := cmds[args[0]]
	if err := c.ParseFlags(args[1:]); err != nil {
		return err
	}
	containerMemoryLimit(e.stderr, e.memLimit)
	return c.Run(ctx)
}
