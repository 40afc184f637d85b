//go:build !routeronly

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract"
	"github.com/careercoach/coach/subgraphs/cv/server"
)

// cvMain is `coach cv` (the service), `coach cv extract FILE` and
// `coach cv analyze FILE [--json]` (the same pipeline on a local file).
type cvMain struct {
	env
	sub      string // "", "extract" or "analyze"
	file     string
	asJSON   bool
	svc      config.Service
	cv       server.Config
	logLevel string
}

// bindCV registers the cv service's own flags. dev passes prefix "cv-"
// (--cv-workers …) so that they cannot clash with other services' flags;
// the environment variables are COACH_CV_* either way. The AI flags are
// separate (ai.Bind) because services share them.
func bindCV(fs *config.FlagSet, c *server.Config, prefix string) {
	d := server.DefaultConfig()
	fs.Int64(&c.MaxUploadBytes, prefix+"max-upload-bytes", "COACH_CV_MAX_UPLOAD_BYTES", d.MaxUploadBytes, "largest CV file accepted, in bytes")
	fs.Int(&c.MaxCVsPerUser, prefix+"max-cvs-per-user", "COACH_CV_MAX_PER_USER", d.MaxCVsPerUser, "CVs one user may keep")
	fs.Int(&c.Workers, prefix+"workers", "COACH_CV_WORKERS", d.Workers, "CV analyses this process runs at once (0: none, e.g. an API-only replica)")
	fs.Duration(&c.JobLease, prefix+"job-lease", "COACH_CV_JOB_LEASE", d.JobLease, "how long a claimed analysis job stays claimed without heartbeats")
	fs.Int(&c.MaxAttempts, prefix+"max-attempts", "COACH_CV_MAX_ATTEMPTS", d.MaxAttempts, "tries of one analysis job before it fails")
	bindCVPipeline(fs, c, prefix)
}

// bindCVPipeline registers what the pipeline needs (service and CLI).
func bindCVPipeline(fs *config.FlagSet, c *server.Config, prefix string) {
	d := server.DefaultConfig()
	fs.Duration(&c.ExtractTimeout, prefix+"extract-timeout", "COACH_CV_EXTRACT_TIMEOUT", d.ExtractTimeout, "time limit of one text extraction")
	fs.Int64(&c.ExtractMemoryBytes, prefix+"extract-memory-bytes", "COACH_CV_EXTRACT_MEMORY_BYTES", d.ExtractMemoryBytes, "memory limit of one text extraction")
	fs.Int(&c.MaxTextChars, prefix+"max-text-chars", "COACH_CV_MAX_TEXT_CHARS", d.MaxTextChars, "longest CV text, in characters: a file with more is refused, and no response carries more")
	fs.Bool(&c.MaskContact, prefix+"mask-contact", "COACH_CV_MASK_CONTACT", d.MaskContact, "replace contact details by placeholders before CV text is sent to an AI endpoint")
}

func (m *cvMain) ParseFlags(args []string) error {
	if len(args) > 0 && (args[0] == "extract" || args[0] == "analyze") {
		m.sub, args = args[0], args[1:]
		for i, a := range args {
			if !strings.HasPrefix(a, "-") {
				m.file, args = a, append(append([]string(nil), args[:i]...), args[i+1:]...)
				break
			}
		}
	}
	fs := config.New("coach cv", m.getenv)
	m.cv = server.DefaultConfig()
	summary := "coach cv: the CV Analysis subgraph (upload, parse, analyse, progress)\n" +
		"       coach cv extract FILE       print a CV's text and the quality verdict\n" +
		"       coach cv analyze FILE [--json]  print the parsed sections and the analysis"
	switch m.sub {
	case "":
		m.svc.Bind(fs, ":4002")
		bindCV(fs, &m.cv, "")
		ai.Bind(fs, &m.cv.AI)
	case "extract":
		bindCVPipeline(fs, &m.cv, "")
	case "analyze":
		bindCVPipeline(fs, &m.cv, "")
		ai.Bind(fs, &m.cv.AI)
		fs.Bool(&m.asJSON, "json", "COACH_CV_JSON", false, "print JSON instead of text")
	}
	if m.sub != "" {
		fs.String(&m.logLevel, "log-level", "COACH_LOG_LEVEL", "warn", "debug, info, warn or error")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, summary)
		}
		return err
	}
	if m.sub != "" {
		if m.file == "" {
			return fmt.Errorf("coach cv %s: name the file to read", m.sub)
		}
		return m.cv.AI.Validate()
	}
	m.cv.DataDir, m.cv.DatabaseURL, m.cv.ServiceSecret = m.svc.DataDir, m.svc.DatabaseURL, m.svc.ServiceSecret
	return errors.Join(m.svc.Validate(), m.cv.Validate())
}

func (m *cvMain) Run(ctx context.Context) error {
	switch m.sub {
	case "extract":
		return m.runExtract(ctx)
	case "analyze":
		return m.runAnalyze(ctx)
	}
	return serveSubgraph(ctx, m.env, m.svc, "cv", func(ctx context.Context, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
		return openSubgraph(ctx, m.cv, server.OpenDB, server.New, b, v, log)
	})
}

func (m *cvMain) limits() extract.Limits {
	lim := extract.DefaultLimits()
	lim.Timeout, lim.MaxMemoryBytes = m.cv.ExtractTimeout, m.cv.ExtractMemoryBytes
	return lim
}

func (m *cvMain) runExtract(ctx context.Context) error {
	v, err := extract.CLI(ctx, m.file, m.limits(), m.stdout)
	if err != nil {
		return err
	}
	if !v.OK {
		return fmt.Errorf("%s fails the quality gate: %s", m.file, v.Reason)
	}
	return nil
}

func (m *cvMain) runAnalyze(ctx context.Context) error {
	log, err := logging.New(m.stderr, "text", m.logLevel)
	if err != nil {
		return err
	}
	data, err := readLimited(m.file, m.cv.MaxUploadBytes)
	if err != nil {
		return err
	}
	p, err := server.Pipeline(m.cv, log)
	if err != nil {
		return err
	}
	res, err := p.Run(ctx, data, nil, func(stage cv.Stage, _ int, msg string) error {
		log.InfoContext(ctx, msg, "stage", stage)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %s", m.file, cv.FailureOf(err).Message)
	}
	if m.asJSON {
		enc := json.NewEncoder(m.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"pages": res.Pages, "sections": res.Sections, "analysis": res.Analysis})
	}
	printReport(m.stdout, res)
	return nil
}

func readLimited(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes (--max-upload-bytes)", path, maxBytes)
	}
	return data, nil
}

// printReport writes the sections and analysis for a person to read.
func printReport(w io.Writer, r cv.Result) {
	s, a := r.Sections, r.Analysis
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	c := s.Contact
	p("CONTACT\n  name: %s\n  email: %s\n  phone: %s\n  location: %s\n  links: %s\n", c.Name, c.Email, c.Phone, c.Location, strings.Join(c.Links, ", "))
	if s.Summary != "" {
		p("\nSUMMARY\n  %s\n", s.Summary)
	}
	p("\nEXPERIENCE (%d)\n", len(s.Experience))
	for _, e := range s.Experience {
		end := e.EndDate
		if e.Current {
			end = "present"
		}
		p("  %s | %s | %s – %s", e.Title, e.Company, e.StartDate, end)
		if e.Location != "" {
			p(" | %s", e.Location)
		}
		p("\n")
		for _, b := range e.Bullets {
			p("    • %s\n", b)
		}
	}
	p("\nEDUCATION (%d)\n", len(s.Education))
	for _, e := range s.Education {
		p("  %s | %s | %s – %s\n", e.Degree, e.Institution, e.StartDate, e.EndDate)
	}
	p("\nSKILLS SECTION: %s\n", strings.Join(s.Skills, ", "))
	p("CERTIFICATIONS: %s\n", strings.Join(s.Certifications, "; "))
	p("LANGUAGES: %s\n", strings.Join(s.Languages, ", "))
	for _, l := range s.SpokenLanguages {
		if l.Level == "" {
			l.Level = "level not stated"
		}
		p("  %s (%s)\n", l.Name, l.Level)
	}
	p("PROJECTS (%d)\n", len(s.Projects))
	for _, pr := range s.Projects {
		p("  %s  %s\n", pr.Name, pr.Description)
	}

	p("\nANALYSIS (engine: %s", a.Engine)
	if a.Model != "" {
		p(", model %s", a.Model)
	}
	p(")\n  score: %d/100   seniority: %s   confidence: %.2f\n", a.Score, a.Seniority, a.Confidence)
	if len(a.UnreadParts) == 0 {
		p("  read: every part found\n")
	} else {
		p("  not read (nothing is claimed about these):\n")
		for _, u := range a.UnreadParts {
			p("    - %s: %s\n", u.Part, u.Reason)
		}
	}
	for _, r := range a.ScoreReasons {
		p("    %-16s %2d/%-2d  %s\n", r.Aspect, r.Points, r.MaxPoints, r.Comment)
	}
	list := func(title string, xs []string) {
		p("  %s:\n", title)
		for _, x := range xs {
			p("    - %s\n", x)
		}
	}
	list("strengths", a.Strengths)
	list("weaknesses", a.Weaknesses)
	list("suggestions", a.Suggestions)
	p("  suggested roles:\n")
	for _, r := range a.SuggestedRoles {
		p("    - %s: %s\n", r.Title, r.Reason)
	}
	p("  skills (%d):\n", len(a.Skills))
	for _, sk := range a.Skills {
		ev := ""
		if len(sk.Evidence) > 0 {
			ev = sk.Evidence[0].Where + ": " + sk.Evidence[0].Snippet
		}
		p("    %-24s level %d  %s\n", sk.Name, sk.Level, ev)
	}
}
