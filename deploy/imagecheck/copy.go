package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/moby/patternmatcher"
)

// copySpec is one COPY: sources relative to SrcRoot (the build context or
// an earlier stage's filesystem), a destination in the image.
type copySpec struct {
	SrcRoot string
	Sources []string
	Dest    string // absolute in the image; a trailing / means a directory
	UID     int
	GID     int
	// Ignore reports whether a path relative to SrcRoot is excluded
	// (.dockerignore); only for the build context.
	Ignore func(rel string) bool `json:"-"`
	// Patterns are the .dockerignore patterns, for a spec sent to a helper.
	Patterns []string
}

// doCopy performs a COPY into the filesystem at root, as docker does: a
// directory source copies its contents, a file source lands in a
// destination directory (trailing slash or several sources) or becomes the
// destination; everything is owned by UID:GID (0:0 without --chown) with
// its mode kept; parents created on the way are root's, 0755.
func doCopy(root string, s copySpec) error {
	ignore := s.Ignore
	if ignore == nil && len(s.Patterns) > 0 {
		pm, err := patternmatcher.New(s.Patterns)
		if err != nil {
			return err
		}
		ignore = func(rel string) bool { ok, _ := pm.MatchesOrParentMatches(rel); return ok }
	}
	if ignore == nil {
		ignore = func(string) bool { return false }
	}
	var srcs []string
	for _, src := range s.Sources {
		rel := strings.TrimPrefix(path.Clean("/"+src), "/")
		matches, err := filepath.Glob(filepath.Join(s.SrcRoot, rel))
		if err != nil {
			return fmt.Errorf("COPY %s: %w", src, err)
		}
		var kept []string
		for _, m := range matches {
			r, _ := filepath.Rel(s.SrcRoot, m)
			if r == "." || !ignore(r) {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			return fmt.Errorf("COPY %s: not found in %s (or excluded by .dockerignore)", src, s.SrcRoot)
		}
		srcs = append(srcs, kept...)
	}
	destDir := strings.HasSuffix(s.Dest, "/") || len(srcs) > 1
	dst := filepath.Join(root, s.Dest)
	for _, src := range srcs {
		fi, err := os.Lstat(src)
		if err != nil {
			return err
		}
		target := dst
		if !fi.IsDir() && destDir {
			target = filepath.Join(dst, filepath.Base(src))
		}
		if err := mkdirParents(root, filepath.Dir(target)); err != nil {
			return err
		}
		err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(s.SrcRoot, p)
			if p != src && ignore(rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			sub, _ := filepath.Rel(src, p)
			return copyEntry(p, filepath.Join(target, sub), s.UID, s.GID)
		})
		if err != nil {
			return fmt.Errorf("COPY %s %s: %w", src, s.Dest, err)
		}
	}
	return nil
}

// mkdirParents creates dir and its missing parents below root, root-owned.
func mkdirParents(root, dir string) error {
	if dir == root || !strings.HasPrefix(dir, root) {
		return nil
	}
	if _, err := os.Lstat(dir); err == nil {
		return nil
	}
	if err := mkdirParents(root, filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Lchown(dir, 0, 0)
}

// copyEntry copies one file, directory or symlink with its mode, owned by
// uid:gid. Overlay whiteouts (character devices 0:0: deleted in a stage)
// are not files and are skipped.
func copyEntry(src, dst string, uid, gid int) error {
	fi, err := os.Lstat(src)
	if err != nil {
		return err
	}
	mode := fi.Mode()
	switch {
	case mode&fs.ModeCharDevice != 0:
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Rdev == 0 {
			return nil
		}
		return fmt.Errorf("%s: device files are not copied", src)
	case mode.IsDir():
		if err := os.Mkdir(dst, mode.Perm()); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := os.Chmod(dst, mode.Perm()|mode&(fs.ModeSticky|fs.ModeSetgid)); err != nil {
			return err
		}
	case mode&fs.ModeSymlink != 0:
		link, err := os.Readlink(src)
		if err != nil {
			return err
		}
		_ = os.Remove(dst)
		if err := os.Symlink(link, dst); err != nil {
			return err
		}
	case mode.IsRegular():
		if err := copyFile(src, dst, mode.Perm()); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%s: %s files are not copied", src, mode.Type())
	}
	return os.Lchown(dst, uid, gid)
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_ = os.Remove(dst)
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chmod(dst, perm)
}
