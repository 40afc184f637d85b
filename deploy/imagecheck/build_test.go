package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBuildRejects: the interpreter refuses what it cannot do faithfully.
func TestBuildRejects(t *testing.T) {
	needRoot(t)
	ctx := t.Context()
	dir := t.TempDir()
	for f, body := range map[string]string{"a.txt": "a", "secret.env": "x", "sub/b.txt": "b", ".dockerignore": "*.env\n"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const final = "FROM gcr.io/distroless/static-debian12:nonroot\n"
	for _, tc := range []struct{ name, src, want string }{
		{"unknown base", "FROM alpine:3\n", "no stand-in"},
		{"node of another version", "FROM node:18\n", "no stand-in"},
		{"RUN without a shell", final + "RUN true\n", "has no shell"},
		{"missing source", final + "COPY nothing.txt /x\n", "not found"},
		{"ignored source", final + "COPY secret.env /x\n", "excluded by .dockerignore"},
		{"named --chown", final + "COPY --chown=nonroot a.txt /x\n", "only numeric --chown"},
		{"ADD", final + "ADD a.txt /x\n", "not an instruction this interpreter handles"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			df, err := parseDockerfile([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Build(ctx, df, BuildOptions{Context: dir, WorkDir: t.TempDir(), Log: io.Discard})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

// TestBuildCopy: COPY as docker does it, on the distroless stand-in.
func TestBuildCopy(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	for f, body := range map[string]string{"a.txt": "a", "secret.env": "x", "sub/b.txt": "b", "sub/c.env": "c", ".dockerignore": "*.env\n**/*.env\n"} {
		_ = os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := "FROM gcr.io/distroless/static-debian12:nonroot\nWORKDIR /app\nCOPY a.txt ./\nCOPY sub/ /srv/\nCOPY --chown=65532:65532 . /all\n"
	df, err := parseDockerfile([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	img, err := Build(context.Background(), df, BuildOptions{Context: dir, WorkDir: t.TempDir(), Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path   string
		exists bool
		uid    uint32
	}{
		{"app/a.txt", true, 0},  // into the WORKDIR
		{"srv/b.txt", true, 0},  // a directory's contents
		{"srv/sub", false, 0},   // not the directory itself
		{"srv/c.env", false, 0}, // .dockerignore
		{"all/sub/b.txt", true, 65532},
		{"all", true, 65532}, // the destination is the user's too
		{"all/secret.env", false, 0},
		{"etc/passwd", true, 0}, // the stand-in base
	} {
		t.Run(tc.path, func(t *testing.T) {
			fi, err := os.Lstat(filepath.Join(img.Rootfs, tc.path))
			if (err == nil) != tc.exists {
				t.Fatalf("exists %v, want %v", err == nil, tc.exists)
			}
			if err == nil && fi.Sys().(*syscall.Stat_t).Uid != tc.uid {
				t.Fatalf("owner %d, want %d", fi.Sys().(*syscall.Stat_t).Uid, tc.uid)
			}
		})
	}
	if img.Config.WorkingDir != "/app" || img.Config.User != "65532" {
		t.Fatalf("config %+v: want the WORKDIR and the base's user", img.Config)
	}
}

// TestStandInVersion: a stand-in whose tool has another version is refused.
func TestStandInVersion(t *testing.T) {
	if err := wantVersion(t.Context(), "v20.", "node", "--version"); err != nil {
		t.Fatalf("this machine's node: %v", err)
	}
	if err := wantVersion(t.Context(), "v99.", "node", "--version"); err == nil || !strings.Contains(err.Error(), "the image has v99.*") {
		t.Fatalf("want a version mismatch, got %v", err)
	}
}
