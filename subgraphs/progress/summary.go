package progress

import (
	"context"
	"sort"
	"time"
)

// Summary is the dashboard of one person.
type Summary struct {
	Totals
	HoursThisWeek  float64
	CurrentStreak  int
	LongestStreak  int
	Weekly         []Week
	SkillHistories []SkillHistory
}

// SkillHistory is one skill's assessments, oldest first.
type SkillHistory struct {
	Skill  string
	Points []*Assessment
}

// Current is the latest level.
func (h SkillHistory) Current() int { return h.Points[len(h.Points)-1].Level }

// Summarize builds the dashboard with a fixed number of queries (four),
// whatever the amount of data.
func Summarize(ctx context.Context, st Store, userID string, now time.Time) (*Summary, error) {
	totals, err := st.Totals(ctx, userID)
	if err != nil {
		return nil, err
	}
	days, err := st.ActiveDays(ctx, userID)
	if err != nil {
		return nil, err
	}
	stats, err := st.DayStats(ctx, userID, SeriesStart(now, WeeklySeriesWeeks))
	if err != nil {
		return nil, err
	}
	assessments, err := st.Assessments(ctx, userID, "")
	if err != nil {
		return nil, err
	}
	s := &Summary{Totals: totals, Weekly: WeeklySeries(stats, now, WeeklySeriesWeeks)}
	s.CurrentStreak, s.LongestStreak = Streaks(days, now)
	s.HoursThisWeek = s.Weekly[len(s.Weekly)-1].Hours
	s.SkillHistories = histories(assessments)
	return s, nil
}

// histories groups assessments (oldest first) by skill, skills sorted by name.
func histories(as []*Assessment) []SkillHistory {
	by := map[string][]*Assessment{}
	for _, a := range as {
		by[a.Skill] = append(by[a.Skill], a)
	}
	out := make([]SkillHistory, 0, len(by))
	for skill, pts := range by {
		out = append(out, SkillHistory{Skill: skill, Points: pts})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Skill < out[j].Skill })
	return out
}
