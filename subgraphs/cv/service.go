package cv

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/filename"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// Service applies the rules around the store: ownership, upload limits,
// content sniffing. Adapters (GraphQL) call it, never the store directly.
type Service struct {
	Store     Store
	Extractor Extractor
	// MaxUploadBytes bounds a CV file (default 10 MB).
	MaxUploadBytes int64
	// MaxCVsPerUser bounds how many CVs one user keeps (default 20).
	MaxCVsPerUser int
	// MaxTextChars bounds the CV text served (default
	// extract.DefaultMaxTextChars). New text is refused above it when
	// extracted; a longer text stored before that limit existed is cut.
	MaxTextChars int
	// Queued is called after a job was queued (wakes the worker).
	Queued func()
	// Pub, when set, tells subscribers that a CV was deleted.
	Pub Publisher
	// Reader re-reads a CV's stored text with the user's corrections (the
	// pipeline's parse, skills and engine; nothing is extracted again).
	Reader *Pipeline
	Now    func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// UploadLimit is the largest file Upload accepts.
func (s *Service) UploadLimit() int64 {
	if s.MaxUploadBytes > 0 {
		return s.MaxUploadBytes
	}
	return httpserver.DefaultMaxUploadBytes
}

// Upload stores a CV of the signed-in user and queues its analysis.
func (s *Service) Upload(ctx context.Context, fileName string, data []byte) (*CV, error) {
	id, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	limit := s.UploadLimit()
	if err := filename.Check(fileName); err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "%s", err)
	}
	if len(data) == 0 {
		return nil, ErrEmptyFile
	}
	if int64(len(data)) > limit {
		return nil, FileTooLarge(limit)
	}
	kind, err := s.Extractor.Sniff(data)
	if err != nil {
		return nil, ErrUnsupported
	}
	maxCVs := s.MaxCVsPerUser
	if maxCVs == 0 {
		maxCVs = 20
	}
	n, err := s.Store.CountCVs(ctx, id.UserID)
	if err != nil {
		return nil, err
	}
	if n >= maxCVs {
		return nil, ErrTooManyCVs
	}
	c, err := s.Store.CreateCV(ctx, Upload{UserID: id.UserID, FileName: CleanFileName(fileName, kind), Kind: kind, Data: data}, s.now())
	if err != nil {
		return nil, err
	}
	if s.Queued != nil {
		s.Queued()
	}
	return c, nil
}

// CleanFileName keeps the base name of a name filename.Check accepted
// (control characters, refused there, are dropped here too), at most 200
// bytes; an empty name becomes "cv.<kind>".
func CleanFileName(name, kind string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	for len(name) > 200 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == "/" {
		return "cv." + kind
	}
	return name
}

// cutNote ends a served text that was cut at MaxTextChars.
const cutNote = "\n[… text cut at %d characters]"

// bounded cuts c.Text at MaxTextChars (by characters), so that no response
// carries more text than a CV can have (GraphQL cheat sheet: bound
// response sizes).
func (s *Service) bounded(c *CV) *CV {
	limit := s.MaxTextChars
	if limit <= 0 {
		limit = extract.DefaultMaxTextChars
	}
	if len(c.Text) <= limit { // bytes ≥ characters: the common case costs nothing
		return c
	}
	n := 0
	for i := range c.Text {
		if n == limit {
			cut := *c
			cut.Text = c.Text[:i] + fmt.Sprintf(cutNote, limit)
			return &cut
		}
		n++
	}
	return c
}

// Get returns one of the caller's CVs; anyone else's is not found.
func (s *Service) Get(ctx context.Context, id string) (*CV, error) {
	if _, err := auth.RequireUser(ctx); err != nil {
		return nil, err
	}
	if len(id) > 64 {
		return nil, ErrNotFound
	}
	c, err := s.Store.CVByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := auth.RequireOwner(ctx, c.UserID, "CV"); err != nil {
		return nil, err
	}
	return s.bounded(s.upgraded(c)), nil
}

// GetMany returns the caller's CVs among ids, by id (entity batches).
func (s *Service) GetMany(ctx context.Context, ids []string) (map[string]*CV, error) {
	viewer, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.Store.CVsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*CV, len(list))
	for _, c := range list {
		if c.UserID == viewer.UserID {
			out[c.ID] = s.bounded(s.upgraded(c))
		}
	}
	return out, nil
}

// ForUser lists a user's CVs, newest first; only the user may.
func (s *Service) ForUser(ctx context.Context, userID string) ([]*CV, error) {
	if err := auth.RequireOwner(ctx, userID, "user"); err != nil {
		return nil, err
	}
	list, err := s.Store.CVsByUser(ctx, userID)
	if err != nil {
		return nil, err
	}
	for i, c := range list {
		list[i] = s.bounded(s.upgraded(c))
	}
	return list, nil
}

// Skills returns the skills of the user's latest analysis.
func (s *Service) Skills(ctx context.Context, userID string) ([]SkillFinding, error) {
	if err := auth.RequireOwner(ctx, userID, "user"); err != nil {
		return nil, err
	}
	c, err := s.Store.LatestAnalysis(ctx, userID)
	if err != nil || c == nil || c.Analysis == nil {
		return []SkillFinding{}, err
	}
	return c.Analysis.Skills, nil
}

// Delete removes one of the caller's CVs.
func (s *Service) Delete(ctx context.Context, id string) error {
	if _, err := s.Get(ctx, id); err != nil {
		return err
	}
	if err := s.Store.DeleteCV(ctx, id); err != nil {
		return err
	}
	if s.Pub != nil {
		// End open subscriptions; best effort, as all progress is.
		b, _ := json.Marshal(Progress{CVID: id, Stage: StageFailed, Percent: 100, Message: "CV deleted", Error: "the CV was deleted"})
		_ = s.Pub.Publish(context.WithoutCancel(ctx), ProgressTopic(id), b)
	}
	return nil
}

// Reanalyze queues a new analysis of one of the caller's finished CVs.
func (s *Service) Reanalyze(ctx context.Context, id string) (*CV, error) {
	if _, err := s.Get(ctx, id); err != nil {
		return nil, err
	}
	c, err := s.Store.Requeue(ctx, id, s.now())
	if err != nil {
		return nil, err
	}
	c = s.bounded(s.upgraded(c))
	if s.Queued != nil {
		s.Queued()
	}
	return c, nil
}

// Subscriber receives published messages (bus.Bus satisfies it).
type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan []byte, error)
}

// WatchProgress streams a CV's progress to its owner: the stored state
// first, then every published step, ending after DONE or FAILED. It
// subscribes before reading the stored state, so no step falls between.
func (s *Service) WatchProgress(ctx context.Context, sub Subscriber, cvID string, decode func([]byte) (Progress, error)) (<-chan Progress, error) {
	if _, err := s.Get(ctx, cvID); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	msgs, err := sub.Subscribe(ctx, ProgressTopic(cvID))
	if err != nil {
		cancel()
		return nil, err
	}
	c, err := s.Store.CVByID(ctx, cvID)
	if err != nil {
		cancel()
		if errors.Is(err, ErrNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	out := make(chan Progress, 1)
	go func() {
		defer cancel()
		defer close(out)
		cur := ProgressOf(c)
		out <- cur
		if cur.Stage.Terminal() {
			return
		}
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-msgs:
				if !ok {
					return
				}
				p, err := decode(m)
				if err != nil || p.CVID != cvID || p == cur {
					continue
				}
				cur = p
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
				if p.Stage.Terminal() {
					return
				}
			}
		}
	}()
	return out, nil
}
