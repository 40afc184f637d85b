package cv

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// Pipeline turns a file into a Result: extract (with the quality gate),
// parse, find skills, analyse. The service's worker and `coach cv analyze`
// both run it.
type Pipeline struct {
	Extractor Extractor
	Skills    SkillFinder
	Analyzer  Analyzer
	// AnalyzeTimeout bounds the engine's work; 0 means 2 minutes.
	AnalyzeTimeout time.Duration
	// MaxTextChars bounds the text parsed and analysed (0: extract.DefaultMaxTextChars).
	// The extractor already refuses longer files; checking again here keeps
	// every stage's input bounded whatever Extractor is plugged in.
	MaxTextChars int
	// StageDelay holds each stage of Run this long after reporting it: a
	// test hook (coach dev --cv-stage-delay) so that a browser test sees
	// the stages before DONE. 0 in production.
	StageDelay time.Duration
	Now        func() time.Time
}

// StepFunc reports progress; an error stops the pipeline (e.g. ErrLeaseLost).
type StepFunc func(stage Stage, percent int, message string) error

// Run processes data; corr (nil for none) are the user's corrections,
// applied to the new reading. Failures that should be recorded on the CV
// come back as *FailureError.
func (p *Pipeline) Run(ctx context.Context, data []byte, corr *Corrections, step StepFunc) (Result, error) {
	if step == nil {
		step = func(Stage, int, string) error { return nil }
	}
	if d := p.StageDelay; d > 0 {
		report := step
		step = func(st Stage, percent int, msg string) error {
			if err := report(st, percent, msg); err != nil {
				return err
			}
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		}
	}
	if err := step(StageExtracting, 10, "Reading the text of your CV"); err != nil {
		return Result{}, err
	}
	ex, err := p.Extractor.Extract(ctx, data)
	if err != nil {
		return Result{}, err
	}
	if err := CheckTextLength(ex.Text, p.MaxTextChars); err != nil {
		return Result{}, err
	}
	if err := step(StageParsing, 40, "Finding sections and skills"); err != nil {
		return Result{}, err
	}
	r, err := p.Reassess(ctx, Unwrap(ex.Text), FileDate(data), corr, step)
	r.Pages = ex.Pages
	return r, err
}

// Reassess reads an extracted (and unwrapped) text with the user's
// corrections: parse, skills, analysis. Corrections re-run it on the
// stored text, so nothing is extracted again.
func (p *Pipeline) Reassess(ctx context.Context, text string, fileDate time.Time, corr *Corrections, step StepFunc) (Result, error) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if step == nil {
		step = func(Stage, int, string) error { return nil }
	}
	if corr == nil {
		corr = &Corrections{}
	}
	working, orig := relabel(text, corr.Headings)
	secs := Parse(working)
	secs.Headings = headingsOf(working, orig)
	setRefs(working, secs)
	fixEntries(secs, corr.Entries)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	found := FindSkills(working, secs, p.Skills, CVDateOf(working, fileDate, now()))
	skills, stated := splitSkills(found, corr)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if err := step(StageAnalyzing, 60, analysingMessage(p.Analyzer.Engine())); err != nil {
		return Result{}, err
	}
	timeout := p.AnalyzeTimeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	a, err := p.Analyzer.Analyze(actx, AnalysisInput{Text: working, Sections: secs, Skills: skills, FileDate: fileDate})
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return Result{}, Fail(FailTimeout, "the analysis took too long; try again later", true, err)
		}
		if _, ok := errors.AsType[*FailureError](err); ok || ctx.Err() != nil {
			return Result{}, err
		}
		return Result{}, Fail(FailEngine, "the analysis engine failed; try again later", true, fmt.Errorf("analyse: %w", err))
	}
	if a.UnreadParts == nil { // an AI engine: the same checks as the offline one
		r := AssessFile(working, secs, fileDate, now())
		a.Confidence, a.UnreadParts = r.Confidence, r.Unread
		r.Guard(a, secs)
	}
	// The user's statements join the profile after the engine: they are
	// not the CV's, so they neither raise its score nor get re-levelled.
	a.Skills = append(a.Skills, stated...)
	if err := a.Validate(); err != nil {
		return Result{}, Fail(FailEngine, "the analysis engine gave an invalid result; try again later", true, err)
	}
	return Result{Text: text, Sections: secs, Analysis: a, Corrections: corr}, nil
}

// CheckTextLength refuses text longer than limit characters (0: the
// default) with a final TOO_LARGE failure.
func CheckTextLength(text string, limit int) error {
	if limit <= 0 {
		limit = extract.DefaultMaxTextChars
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return Fail(FailTooLarge, fmt.Sprintf("This file holds %d characters of text; a CV has at most %d. Please upload only your CV (a few pages) as a PDF or a DOCX file.", n, limit),
			false, fmt.Errorf("text of %d characters, limit %d", n, limit))
	}
	return nil
}

func analysingMessage(engine string) string {
	if engine == EngineOffline {
		return "Analysing your CV (offline analyser)"
	}
	return "Analysing your CV with AI"
}

// Validate checks an analysis before it is stored, whichever engine made it.
func (a *Analysis) Validate() error {
	var errs []error
	if a.Score < 0 || a.Score > 100 {
		errs = append(errs, fmt.Errorf("score %d not in 0..100", a.Score))
	}
	if !a.Seniority.Valid() {
		errs = append(errs, fmt.Errorf("seniority %q unknown", a.Seniority))
	}
	for _, s := range a.Skills {
		if s.Name == "" || s.Level < 1 || s.Level > 5 {
			errs = append(errs, fmt.Errorf("skill %q level %d not in 1..5", s.Name, s.Level))
		}
	}
	switch a.Engine {
	case EngineOffline, EngineAzureOpenAI, EngineOpenAI:
	default:
		errs = append(errs, fmt.Errorf("engine %q unknown", a.Engine))
	}
	return errors.Join(errs...)
}
