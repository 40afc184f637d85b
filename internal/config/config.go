// Package config binds command-line flags to environment-variable defaults.
//
// Every setting is a flag; its default comes from an environment variable
// when that is set, so the same binary is configured the same way by hand,
// by `make run` and by a container. Values are parsed and validated before a
// command starts, and a bad one is reported with the flag and variable names.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Setting documents one flag for help output and the README.
type Setting struct {
	Flag    string
	Env     string
	Default string
	Usage   string
}

// FlagSet is a flag.FlagSet whose flags read defaults from the environment.
type FlagSet struct {
	fs       *flag.FlagSet
	getenv   func(string) string
	errs     []error
	settings []Setting
}

// New returns a FlagSet for the command name. getenv is usually os.Getenv;
// tests pass a map lookup.
func New(name string, getenv func(string) string) *FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &FlagSet{fs: fs, getenv: getenv}
}

// String binds a string flag.
func (f *FlagSet) String(p *string, name, env, def, usage string) {
	if v := f.getenv(env); v != "" {
		def = v
	}
	f.add(name, env, def, usage)
	f.fs.StringVar(p, name, def, usage)
}

// Secret binds a string flag whose value must not be shown: help output says
// only whether it is set.
func (f *FlagSet) Secret(p *string, name, env, usage string) {
	def := f.getenv(env)
	shown := ""
	if def != "" {
		shown = "(set)"
	}
	f.add(name, env, shown, usage)
	f.fs.StringVar(p, name, def, usage)
}

// Int binds an int flag.
func (f *FlagSet) Int(p *int, name, env string, def int, usage string) {
	if v := f.getenv(env); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: not a whole number (flag --%s)", env, v, name))
		} else {
			def = n
		}
	}
	f.add(name, env, strconv.Itoa(def), usage)
	f.fs.IntVar(p, name, def, usage)
}

// Int64 binds an int64 flag (sizes in bytes).
func (f *FlagSet) Int64(p *int64, name, env string, def int64, usage string) {
	if v := f.getenv(env); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: not a whole number (flag --%s)", env, v, name))
		} else {
			def = n
		}
	}
	f.add(name, env, strconv.FormatInt(def, 10), usage)
	f.fs.Int64Var(p, name, def, usage)
}

// Bool binds a bool flag.
func (f *FlagSet) Bool(p *bool, name, env string, def bool, usage string) {
	if v := f.getenv(env); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: not true or false (flag --%s)", env, v, name))
		} else {
			def = b
		}
	}
	f.add(name, env, strconv.FormatBool(def), usage)
	f.fs.BoolVar(p, name, def, usage)
}

// Duration binds a duration flag ("15m", "720h").
func (f *FlagSet) Duration(p *time.Duration, name, env string, def time.Duration, usage string) {
	if v := f.getenv(env); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: not a duration such as 30s or 15m (flag --%s)", env, v, name))
		} else {
			def = d
		}
	}
	f.add(name, env, def.String(), usage)
	f.fs.DurationVar(p, name, def, usage)
}

func (f *FlagSet) add(name, env, def, usage string) {
	f.settings = append(f.settings, Setting{Flag: name, Env: env, Default: redactURL(def), Usage: usage})
}

// redactURL hides the password of a URL (a database or Redis URL from the
// environment) so that help output never shows it.
func redactURL(v string) string {
	if !strings.Contains(v, "://") {
		return v
	}
	u, err := url.Parse(v)
	if err != nil || u.User == nil {
		return v
	}
	return u.Redacted()
}

// Parse parses args and reports every bad environment value and flag at once.
func (f *FlagSet) Parse(args []string) error {
	errs := append([]error(nil), f.errs...)
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		errs = append(errs, err)
	}
	if f.fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected arguments: %s", strings.Join(f.fs.Args(), " ")))
	}
	return errors.Join(errs...)
}

// Settings lists the bound flags sorted by name.
func (f *FlagSet) Settings() []Setting {
	out := append([]Setting(nil), f.settings...)
	sort.Slice(out, func(i, j int) bool { return out[i].Flag < out[j].Flag })
	return out
}

// Usage writes a help text listing every flag with its variable and default.
func (f *FlagSet) Usage(w io.Writer, summary string) {
	fmt.Fprintf(w, "%s\n\nFlags (each also read from an environment variable):\n", summary)
	for _, s := range f.Settings() {
		fmt.Fprintf(w, "  --%-22s %-26s %s (default %q)\n", s.Flag, "$"+s.Env, s.Usage, s.Default)
	}
}
