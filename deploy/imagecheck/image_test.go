package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// The image is built once per test run (about a minute: npm ci, vite build,
// go build) and shared by the tests that run it.
var (
	buildOnce sync.Once
	built     *Image
	buildErr  error
	buildLog  bytes.Buffer
	buildDir  string
)

// needRoot skips tests that mount, chroot and change user.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("building and running the image needs root (mount namespaces, overlayfs, chroot, setuid)")
	}
}

// image builds deploy/Dockerfile (once) and returns it.
func image(t *testing.T) *Image {
	t.Helper()
	needRoot(t)
	buildOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		df, err := ParseDockerfile(filepath.Join(repoRoot(), "deploy", "Dockerfile"))
		if err != nil {
			buildErr = err
			return
		}
		if buildDir, err = os.MkdirTemp("", "imagecheck-build-"); err != nil {
			buildErr = err
			return
		}
		start := time.Now()
		built, buildErr = Build(ctx, df, BuildOptions{Context: repoRoot(), WorkDir: buildDir, Log: &buildLog})
		buildLog.WriteString("build took " + time.Since(start).Round(time.Second).String() + "\n")
	})
	if buildErr != nil {
		t.Fatalf("building the image: %v\n%s", buildErr, buildLog.String())
	}
	return built
}

func TestImageBuild(t *testing.T) {
	img := image(t)
	t.Logf("%+v", img.Config)
}
