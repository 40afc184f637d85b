package progress

import (
	"sort"
	"time"
)

// Streaks count consecutive active UTC days. A day is active when anything
// landed in the activity feed that day (course progress, a milestone, a CV
// analysis, an assessment). UTC, not the viewer's time zone, because the
// service has no reliable zone for a person and the day must be the same on
// every replica; the web app says so next to the number.
//
// The current streak is still alive on a day without activity yet: it ends
// today or yesterday, so the count does not drop to 0 at midnight before the
// person had a chance to learn that day.

// Day truncates t to midnight UTC.
func Day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Streaks returns the current and longest streak for a set of active days
// (any order, duplicates allowed) as of now.
func Streaks(days []time.Time, now time.Time) (current, longest int) {
	if len(days) == 0 {
		return 0, 0
	}
	ds := make([]time.Time, len(days))
	for i, d := range days {
		ds[i] = Day(d)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	run := 0
	var prev time.Time
	for i, d := range ds {
		switch {
		case i > 0 && d.Equal(prev):
			continue
		case i > 0 && d.Equal(prev.AddDate(0, 0, 1)):
			run++
		default:
			run = 1
		}
		prev = d
		longest = max(longest, run)
	}
	today := Day(now)
	if prev.Equal(today) || prev.Equal(today.AddDate(0, 0, -1)) {
		current = run
	}
	return current, longest
}

// WeekStart is the Monday 00:00 UTC of t's ISO week.
func WeekStart(t time.Time) time.Time {
	d := Day(t)
	offset := (int(d.Weekday()) + 6) % 7 // Monday = 0
	return d.AddDate(0, 0, -offset)
}

// Week is one bucket of the dashboard's weekly series.
type Week struct {
	Start      time.Time
	ActiveDays int
	Activities int
	Hours      float64
}

// WeeklySeries buckets day stats into the n weeks ending with now's week,
// oldest first, weeks without activity zero-filled.
func WeeklySeries(stats []DayStat, now time.Time, n int) []Week {
	first := WeekStart(now).AddDate(0, 0, -7*(n-1))
	out := make([]Week, n)
	for i := range out {
		out[i].Start = first.AddDate(0, 0, 7*i)
	}
	for _, s := range stats {
		d := Day(s.Day)
		if d.Before(first) {
			continue
		}
		i := int(d.Sub(first).Hours()) / (24 * 7)
		if i >= n {
			continue
		}
		out[i].Activities += s.Activities
		out[i].Hours += s.Hours
		if s.Activities > 0 {
			out[i].ActiveDays++
		}
	}
	return out
}

// SeriesStart is the first day WeeklySeries(…, now, n) covers.
func SeriesStart(now time.Time, n int) time.Time {
	return WeekStart(now).AddDate(0, 0, -7*(n-1))
}
