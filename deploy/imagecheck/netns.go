package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

// NetNS is a private network namespace with only a loopback interface,
// held open by a helper process: containers join it as the services of
// one compose project share a network, fixed ports collide with nothing
// on this machine, and nothing in it reaches beyond it.
type NetNS struct {
	Path string // /proc/<pid>/ns/net
	cmd  *exec.Cmd
	hold io.WriteCloser
}

// NewNetNS starts the namespace's holder and waits until loopback is up.
func NewNetNS(ctx context.Context) (*NetNS, error) {
	cmd, err := helperCommand(ctx, "netns", struct{}{})
	if err != nil {
		return nil, err
	}
	// No Pdeathsig: it follows the thread that forked, not the process. The
	// holder ends when its standard input closes, with this process at the latest.
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
	hold, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the network namespace: %w", err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("network namespace: %q, %v", line, err)
	}
	return &NetNS{Path: fmt.Sprintf("/proc/%d/ns/net", cmd.Process.Pid), cmd: cmd, hold: hold}, nil
}

// Close ends the holder: the namespace goes when its last process does.
func (n *NetNS) Close() error {
	n.hold.Close()
	return n.cmd.Wait()
}

// netnsHelper brings loopback up, says so, and holds the namespace until
// its standard input closes.
func netnsHelper() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING)
	if err := unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr); err != nil {
		return fmt.Errorf("bringing lo up: %w", err)
	}
	unix.Close(fd)
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	return nil
}

// joinNetNS moves the calling thread into a namespace. The thread stays
// locked: it must not run other goroutines afterwards.
func joinNetNS(path string) error {
	runtime.LockOSThread()
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer unix.Close(fd)
	if err := unix.Setns(fd, unix.CLONE_NEWNET); err != nil {
		return fmt.Errorf("joining %s: %w", path, err)
	}
	return nil
}

// DialContext connects from inside the namespace. Only literal IP
// addresses: name resolution would dial from other threads.
func (n *NetNS) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return inNetNS(n, func() (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	})
}

// Listen makes a listener inside the namespace (a socket stays in the
// namespace it was made in), e.g. for a test server the containers reach.
func (n *NetNS) Listen(network, addr string) (net.Listener, error) {
	return inNetNS(n, func() (net.Listener, error) { return net.Listen(network, addr) })
}

// inNetNS runs fn on a thread that joined the namespace for the call and
// went back afterwards (a thread that cannot go back stays locked and ends
// with its goroutine).
func inNetNS[T any](n *NetNS, fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			var zero T
			ch <- result{zero, fmt.Errorf("opening this thread's network namespace: %w", err)}
			return
		}
		defer unix.Close(orig)
		if err := joinNetNS(n.Path); err != nil {
			var zero T
			ch <- result{zero, err}
			return
		}
		v, err := fn()
		ch <- result{v, err}
		if unix.Setns(orig, unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
			runtime.UnlockOSThread() // joinNetNS locked once more
		}
	}()
	r := <-ch
	return r.v, r.err
}
