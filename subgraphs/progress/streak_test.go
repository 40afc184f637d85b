package progress

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func days(ss ...string) []time.Time {
	out := make([]time.Time, len(ss))
	for i, s := range ss {
		out[i] = day(s)
	}
	return out
}

func TestStreaks(t *testing.T) {
	now := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name             string
		days             []time.Time
		current, longest int
	}{
		{name: "no activity", days: nil},
		{name: "today only", days: days("2026-12-02"), current: 1, longest: 1},
		{name: "ends yesterday is still current", days: days("2026-11-30", "2026-12-01"), current: 2, longest: 2},
		{name: "ended two days ago is broken", days: days("2026-11-29", "2026-11-30"), current: 0, longest: 2},
		{name: "longest in the past", days: days("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-12-01", "2026-12-02"), current: 2, longest: 4},
		{name: "duplicates and disorder", days: days("2026-12-02", "2026-12-01", "2026-12-02", "2026-11-30"), current: 3, longest: 3},
		{name: "across a month end", days: days("2026-10-31", "2026-11-01"), current: 0, longest: 2},
		{name: "UTC day, not local", days: []time.Time{time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("x", -3*3600))}, current: 1, longest: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, l := Streaks(tt.days, now)
			if c != tt.current || l != tt.longest {
				t.Fatalf("Streaks = %d, %d; want %d, %d", c, l, tt.current, tt.longest)
			}
		})
	}
}

func TestWeekStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-12-02", "2026-11-30"}, // Wednesday → Monday
		{"2026-11-30", "2026-11-30"}, // Monday
		{"2026-12-06", "2026-11-30"}, // Sunday belongs to the week before
		{"2027-01-01", "2026-12-28"}, // across a year
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := WeekStart(day(tt.in).Add(13 * time.Hour)); !got.Equal(day(tt.want)) {
				t.Fatalf("WeekStart(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestWeeklySeries(t *testing.T) {
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	stats := []DayStat{
		{Day: day("2026-09-06"), Activities: 9, Hours: 9},   // before the window (window starts 2026-09-14)
		{Day: day("2026-09-14"), Activities: 1, Hours: 0.5}, // first day of the first week
		{Day: day("2026-11-30"), Activities: 2, Hours: 1},
		{Day: day("2026-12-02"), Activities: 3, Hours: 2},
	}
	w := WeeklySeries(stats, now, 12)
	if len(w) != 12 {
		t.Fatalf("%d weeks, want 12", len(w))
	}
	if !w[0].Start.Equal(day("2026-09-14")) || !w[11].Start.Equal(day("2026-11-30")) {
		t.Fatalf("weeks span %s..%s", w[0].Start, w[11].Start)
	}
	if w[0].Activities != 1 || w[0].Hours != 0.5 || w[0].ActiveDays != 1 {
		t.Fatalf("first week %+v", w[0])
	}
	if w[11].Activities != 5 || w[11].Hours != 3 || w[11].ActiveDays != 2 {
		t.Fatalf("last week %+v", w[11])
	}
	for i := 1; i < 11; i++ {
		if w[i].Activities != 0 || w[i].Hours != 0 || w[i].ActiveDays != 0 {
			t.Fatalf("week %d not zero-filled: %+v", i, w[i])
		}
	}
	if !SeriesStart(now, 12).Equal(w[0].Start) {
		t.Fatalf("SeriesStart %s, first week %s", SeriesStart(now, 12), w[0].Start)
	}
}
