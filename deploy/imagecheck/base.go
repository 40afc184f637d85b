package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A base is what stands in here for a FROM image, since no image can be
// pulled on this machine:
//   - the node and golang build images are this machine's own root
//     filesystem (Debian 12 with Node 20 and Go 1.26, the versions the
//     images name), under an overlay so that a stage writes only to its
//     own layer;
//   - the distroless runtime image is a directory with what
//     gcr.io/distroless/static-debian12 provides that a Go program can
//     notice: /etc/passwd and /etc/group (root, nobody, nonroot 65532),
//     CA certificates, /tmp (1777) and the nonroot home, and no shell,
//     libc or loader, with the image's PATH, SSL_CERT_FILE, user and
//     working directory.
type base struct {
	host    bool // the machine's root stands in
	env     []string
	user    string
	workdir string
}

// standIn returns the stand-in for an image reference, after checking
// that this machine has the tool versions the image would.
func standIn(ctx context.Context, ref string) (base, error) {
	name, tag, _ := strings.Cut(ref, ":")
	switch {
	case name == "node" && strings.HasPrefix(tag, "20"):
		return base{host: true}, wantVersion(ctx, "v20.", "node", "--version")
	case name == "golang" && strings.HasPrefix(tag, "1.26"):
		return base{host: true}, wantVersion(ctx, "go1.26", "go", "env", "GOVERSION")
	case name == "gcr.io/distroless/static-debian12":
		b := base{env: []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"}, user: "0", workdir: "/"}
		if tag == "nonroot" {
			b.user, b.workdir = "65532", "/home/nonroot"
		}
		return b, nil
	}
	return base{}, fmt.Errorf("FROM %s: no stand-in for this image on this machine", ref)
}

func wantVersion(ctx context.Context, prefix string, cmd ...string) error {
	out, err := exec.CommandContext(ctx, cmd[0], cmd[1:]...).Output()
	if err != nil {
		return fmt.Errorf("running %s: %w", strings.Join(cmd, " "), err)
	}
	if v := strings.TrimSpace(string(out)); !strings.HasPrefix(v, prefix) {
		return fmt.Errorf("%s is %s, the image has %s*", cmd[0], v, prefix)
	}
	return nil
}

// makeDistroless lays out the distroless stand-in in dir.
func makeDistroless(dir string) error {
	files := []struct {
		path     string
		mode     os.FileMode
		contents string
	}{
		{"etc/passwd", 0o644, "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"},
		{"etc/group", 0o644, "root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n"},
	}
	for _, d := range []struct {
		path string
		mode os.FileMode
		uid  int
	}{{"etc", 0o755, 0}, {"etc/ssl/certs", 0o755, 0}, {"tmp", 0o1777, 0}, {"root", 0o700, 0}, {"home/nonroot", 0o700, 65532}} {
		p := filepath.Join(dir, d.path)
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
		if err := os.Chmod(p, d.mode); err != nil {
			return err
		}
		if err := os.Chown(p, d.uid, d.uid); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.path), []byte(f.contents), f.mode); err != nil {
			return err
		}
	}
	// The image's certificates are Debian's ca-certificates, as here.
	return copyFile("/etc/ssl/certs/ca-certificates.crt", filepath.Join(dir, "etc/ssl/certs/ca-certificates.crt"), 0o644)
}
