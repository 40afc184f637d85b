package load

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// Password is every seeded account's password.
const Password = "violet-Harbour-42"

// User is a seeded account and what the mix needs to know about it. The
// mutex guards the enrollment state when several clients share a user.
type User struct {
	Email, Token string
	RoleID       string // target role of the user's goal

	mu       sync.Mutex
	progress map[string]int // course id → percent
}

// Catalog holds the ids the mix picks from.
type Catalog struct {
	Roles   []string // software and data roles (goals, skill gaps, questions)
	Courses []string
}

// Searches are course search terms of the kind people type.
var Searches = []string{"python", "kubernetes", "sql", "machine learning", "react", "go", "security",
	"data engineering", "cloud", "leadership", "typescript", "statistics"}

// CV is a file to upload.
type CV struct {
	Name string
	Data []byte
}

// LoadCatalog reads the roles and the first courses of the catalogue.
func LoadCatalog(ctx context.Context, c *Client, token string) (*Catalog, error) {
	var out struct {
		Software []struct{ ID string } `json:"software"`
		Data     []struct{ ID string } `json:"data"`
		Courses  struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	err := c.Do(ctx, token, `{ software: roles(category: SOFTWARE) { id } data: roles(category: DATA) { id }
		courses(first: 50) { edges { node { id } } } }`, nil, &out)
	if err != nil {
		return nil, fmt.Errorf("reading the catalogue: %w", err)
	}
	cat := &Catalog{}
	for _, r := range append(out.Software, out.Data...) {
		cat.Roles = append(cat.Roles, r.ID)
	}
	for _, e := range out.Courses.Edges {
		cat.Courses = append(cat.Courses, e.Node.ID)
	}
	if len(cat.Roles) == 0 || len(cat.Courses) == 0 {
		return nil, fmt.Errorf("empty catalogue: %d roles, %d courses", len(cat.Roles), len(cat.Courses))
	}
	return cat, nil
}

// Seed signs up n users with emails load-<i>-<run>@example.com, in parallel
// workers. Each uploads a CV (cvs in turn), sets a goal for a role of the
// catalogue and enrolls in a course; Seed returns once every CV is analysed.
func Seed(ctx context.Context, c *Client, run string, n, parallel int, cvs []CV, cat *Catalog) ([]*User, error) {
	users := make([]*User, n)
	cvIDs := make([]string, n)
	jobs := make(chan int)
	errs := make(chan error, parallel)
	var wg sync.WaitGroup
	for range parallel {
		wg.Go(func() {
			for i := range jobs {
				u, cvID, err := seedOne(ctx, c, fmt.Sprintf("load-%d-%s@example.com", i, run), cvs[i%len(cvs)], cat, i)
				if err != nil {
					errs <- err
					return
				}
				users[i], cvIDs[i] = u, cvID
			}
		})
	}
	var err error
feed:
	for i := range n {
		select {
		case jobs <- i:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	if err == nil {
		err = <-errs // nil once closed and empty
	}
	if err != nil {
		return nil, fmt.Errorf("seeding users: %w", err)
	}
	for i, u := range users {
		if err := waitAnalysed(ctx, c, u.Token, cvIDs[i]); err != nil {
			return nil, err
		}
	}
	return users, nil
}

func seedOne(ctx context.Context, c *Client, email string, cv CV, cat *Catalog, i int) (*User, string, error) {
	token, err := c.SignUp(ctx, email, Password)
	if err != nil {
		return nil, "", err
	}
	u := &User{Email: email, Token: token, RoleID: cat.Roles[i%len(cat.Roles)], progress: map[string]int{}}
	cvID, err := c.Upload(ctx, token, cv.Name, cv.Data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: uploading %s: %w", email, cv.Name, err)
	}
	if err := c.Do(ctx, token, `mutation($r: ID!) { createGoal(input: {title: "Next role", targetRoleId: $r}) { id } }`,
		map[string]any{"r": u.RoleID}, nil); err != nil {
		return nil, "", fmt.Errorf("%s: creating a goal: %w", email, err)
	}
	course := cat.Courses[i%len(cat.Courses)]
	if err := enroll(ctx, c, u, course); err != nil {
		return nil, "", fmt.Errorf("%s: %w", email, err)
	}
	return u, cvID, nil
}

// waitAnalysed polls a CV's status until its analysis is DONE.
func waitAnalysed(ctx context.Context, c *Client, token, cvID string) error {
	for {
		var out struct {
			CV struct{ Status string } `json:"cv"`
		}
		err := c.Do(ctx, token, `query($id: ID!) { cv(id: $id) { status } }`, map[string]any{"id": cvID}, &out)
		switch {
		case err != nil:
			return fmt.Errorf("waiting for CV %s: %w", cvID, err)
		case out.CV.Status == "DONE":
			return nil
		case out.CV.Status == "FAILED":
			return fmt.Errorf("CV %s: analysis FAILED", cvID)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for CV %s (last status %s): %w", cvID, out.CV.Status, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// enroll enrolls u in course; progress learns of new courses from the
// catalogue's events, so a course it does not know yet is retried briefly.
func enroll(ctx context.Context, c *Client, u *User, course string) error {
	for try := 0; ; try++ {
		err := c.Do(ctx, u.Token, enrollQuery, map[string]any{"c": course}, nil)
		if err == nil {
			u.mu.Lock()
			if _, ok := u.progress[course]; !ok {
				u.progress[course] = 0
			}
			u.mu.Unlock()
			return nil
		}
		if try >= 50 || !strings.Contains(err.Error(), "NOT_FOUND") {
			return fmt.Errorf("enrolling in %s: %w", course, err)
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// pick returns a random element.
func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// Verify checks that a seeded user's data reached every service, so that the
// mix reads real data: the dashboard shows the analysed CV, the goal, an
// enrollment and recommendations (which follow the goal.changed and
// cv.analyzed events, hence the wait).
func Verify(ctx context.Context, c *Client, u *User) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	const q = `{ me { latestCV { status } goals { id } enrollments { id } recommendedCourses(first: 3) { course { id } }
		paths: goals { learningPath { steps { skill } } } } }`
	for {
		var out struct {
			Me struct {
				LatestCV           struct{ Status string } `json:"latestCV"`
				Goals              []struct{ ID string }
				Enrollments        []struct{ ID string }
				RecommendedCourses []struct{ Course struct{ ID string } } `json:"recommendedCourses"`
				Paths              []struct {
					LearningPath *struct{ Steps []struct{ Skill string } } `json:"learningPath"`
				} `json:"paths"`
			}
		}
		err := c.Do(ctx, u.Token, q, nil, &out)
		m := out.Me
		if err == nil && m.LatestCV.Status == "DONE" && len(m.Goals) == 1 && len(m.Enrollments) > 0 &&
			len(m.RecommendedCourses) > 0 && len(m.Paths) == 1 && m.Paths[0].LearningPath != nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s's data did not reach every service: %+v, %v", u.Email, m, err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}
