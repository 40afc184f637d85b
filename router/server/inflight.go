package server

import (
	"context"
	"sync"
	"sync/atomic"
)

// inflight shares one execution among identical queries (same operation,
// variables and forwarded headers, so only callers with the same
// credentials share) that arrive while it runs. Nothing is kept once it
// ends: this is not a cache, a caller never gets an answer older than its
// own arrival. A mutation through the router closes the running
// executions to new joiners, so a query sent after a write sees it.
type inflight struct {
	mu      sync.Mutex
	flights map[string]*flight
	epoch   atomic.Uint64 // bumped when a mutation starts
}

type flight struct {
	key    string
	st     *state // the supergraph it runs on: a reload starts new flights
	epoch  uint64
	done   chan struct{}
	out    encoded // set before done closes; read-only after
	refs   int     // callers still waiting, the runner included
	joined int     // callers that joined it
	cancel context.CancelFunc
}

// encoded is a result ready to write: the body and whether it has errors.
type encoded struct {
	buf    *[]byte // from bufPool; read-only once shared
	errors bool
}

// mutating marks the start of a mutation: running executions take no more
// joiners.
func (f *inflight) mutating() { f.epoch.Add(1) }

// role is how a caller of do got its answer.
type role int

const (
	alone    role = iota // it ran the execution, and no one joined
	starter              // it ran the execution, others share the body
	joiner               // it got a running execution's body
	lateJoin             // its context ended before the execution it joined did: no body
	failed               // the execution it joined panicked: no body
)

// do returns the response for key: the answer of an execution of the same
// key already running, or of run, which other callers may then join. A
// body of a starter or joiner is shared: read-only.
func (f *inflight) do(ctx context.Context, key string, st *state, run func(ctx context.Context) encoded) (_ encoded, r role) {
	f.mu.Lock()
	epoch := f.epoch.Load()
	if fl := f.flights[key]; fl != nil && fl.st == st && fl.epoch == epoch {
		fl.refs++
		fl.joined++
		f.mu.Unlock()
		select {
		case <-fl.done:
			f.leave(fl)
			if fl.out.buf == nil {
				return encoded{}, failed
			}
			return fl.out, joiner
		case <-ctx.Done():
			f.leave(fl)
			return encoded{}, lateJoin
		}
	}
	// The execution outlives the caller that started it while others wait
	// for it; it keeps the context's values (forwarded headers), which all
	// sharers have, and its deadline.
	fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	if d, has := ctx.Deadline(); has {
		cancel()
		fctx, cancel = context.WithDeadline(context.WithoutCancel(ctx), d)
	}
	fl := &flight{key: key, st: st, epoch: epoch, done: make(chan struct{}), refs: 1, cancel: cancel}
	if f.flights == nil {
		f.flights = map[string]*flight{}
	}
	f.flights[key] = fl
	f.mu.Unlock()
	stop := context.AfterFunc(ctx, func() { f.leave(fl) })
	// Whatever run does, joiners are released: after a panic they are
	// told the execution failed, and the panic goes on to this caller's
	// recovery.
	defer func() {
		f.mu.Lock()
		f.unlink(fl)
		joined := fl.joined
		f.mu.Unlock()
		close(fl.done)
		if stop() {
			f.leave(fl)
		}
		cancel()
		if joined > 0 {
			r = starter
		}
	}()
	fl.out = run(fctx)
	return fl.out, alone
}

// leave drops a waiting caller; when none is left the execution is
// cancelled, and no one may join it any more.
func (f *inflight) leave(fl *flight) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fl.refs--
	if fl.refs == 0 {
		f.unlink(fl)
		fl.cancel()
	}
}

// unlink removes fl from the joinable flights; f.mu is held.
func (f *inflight) unlink(fl *flight) {
	if f.flights[fl.key] == fl {
		delete(f.flights, fl.key)
	}
}
