// Command imagecheck verifies deploy/Dockerfile and deploy/compose.yaml on a
// machine without a Docker engine: compose.yaml is loaded by compose-go (the
// loader docker compose uses) and checked against the coach binary's real
// commands and flags; the Dockerfile is parsed by buildkit's parser. Its
// tests go further: they build the image with a small interpreter of the
// Dockerfile, run it chrooted as its USER, and run the compose topology in
// a private network namespace. `make deploy-check` runs the command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	if runHelper() {
		return
	}
	repo := flag.String("repo", "../..", "repository root (the image's build context)")
	binary := flag.String("coach", "", "a built coach binary (default: build one)")
	flag.Parse()
	if err := run(context.Background(), *repo, *binary); err != nil {
		fmt.Fprintln(os.Stderr, "imagecheck:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, repo, binary string) error {
	repo, err := filepath.Abs(repo)
	if err != nil {
		return fmt.Errorf("locating the repository: %w", err)
	}
	if binary == "" {
		dir, err := os.MkdirTemp("", "imagecheck-")
		if err != nil {
			return fmt.Errorf("making a directory for coach: %w", err)
		}
		defer os.RemoveAll(dir)
		if binary, err = buildCoach(ctx, repo, dir); err != nil {
			return err
		}
	}
	errs := CheckRepo(ctx, repo, Coach{Binary: binary})
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, "imagecheck:", e)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%d problems in deploy/Dockerfile and deploy/compose.yaml", len(errs))
	}
	fmt.Println("imagecheck: deploy/Dockerfile and deploy/compose.yaml ok")
	return nil
}

// buildCoach builds the coach binary of the repository into dir.
func buildCoach(ctx context.Context, repo, dir string) (string, error) {
	out := filepath.Join(dir, "coach")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./cmd/coach")
	cmd.Dir = repo
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("building coach: %w", err)
	}
	return out, nil
}

// testEnv is the environment the compose file is loaded with: what its
// header asks the operator to set.
// The SMTP settings point at the sink the compose-up test runs in the
// containers' network namespace (mailsink_test.go).
var testEnv = map[string]string{"COACH_SERVICE_SECRET": "imagecheck-secret-0123456789",
	"COACH_KEY_ENCRYPTION_KEY": "aW1hZ2VjaGVjay1rZXktMDEyMzQ1Njc4OWFiY2RlZjA=",
	"COACH_SMTP_HOST":          "127.0.0.1", "COACH_SMTP_PORT": "2525", "COACH_SMTP_TLS": "none"}

// CheckRepo runs the static checks of the Dockerfile and the compose file.
func CheckRepo(ctx context.Context, repo string, coach Coach) []error {
	df, err := ParseDockerfile(filepath.Join(repo, "deploy", "Dockerfile"))
	if err != nil {
		return []error{err}
	}
	errs := CheckDockerfile(ctx, df, coach)
	file := filepath.Join(repo, "deploy", "compose.yaml")
	if _, err := LoadCompose(ctx, file, nil); err == nil {
		errs = append(errs, errors.New("compose.yaml loads without COACH_SERVICE_SECRET: it must refuse to"))
	}
	p, err := LoadCompose(ctx, file, testEnv)
	if err != nil {
		return append(errs, err)
	}
	return append(errs, CheckCompose(ctx, ComposeInput{Project: p, Image: df.Config(), Coach: coach, Repo: repo,
		Supergraph: filepath.Join(repo, "schema", "supergraph.graphql")})...)
}
