package courses_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/subgraphs/courses"
)

func cvEvent(subject, payload string) bus.Event {
	return bus.Event{ID: "e1", Type: bus.CVAnalyzed, Subject: subject, Payload: json.RawMessage(payload)}
}

func TestCleanCVAnalyzed(t *testing.T) {
	canon := func(s string) string {
		if strings.EqualFold(s, "k8s") {
			return "Kubernetes"
		}
		return s
	}
	raw, err := bus.Decode[bus.CVAnalyzedPayload](cvEvent("u1", `{"userId":"u1","cvId":"c1","skills":[{"name":" k8s ","level":9},{"name":"Kubernetes","level":2},{"name":"","level":3},{"name":"Go","level":0}],"suggestedRoles":[" Data Analyst ",""]}`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := courses.CleanCVAnalyzed(raw, canon)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Skills) != 2 || p.Skills[0] != (courses.SkillLevel{Name: "Kubernetes", Level: 5}) || p.Skills[1] != (courses.SkillLevel{Name: "Go", Level: 1}) {
		t.Fatalf("skills %+v: want aliases merged, levels clamped, empty names dropped", p.Skills)
	}
	if len(p.SuggestedRoles) != 1 || p.SuggestedRoles[0] != "Data Analyst" {
		t.Fatalf("roles %q", p.SuggestedRoles)
	}
	tests := []struct {
		name, payload, subject string
	}{
		{"subject mismatch", `{"userId":"u1","cvId":"c1"}`, "u2"},
		{"no user", `{"cvId":"c1","skills":[]}`, ""},
		{"too many skills", `{"userId":"u1","cvId":"c1","skills":[` + strings.Repeat(`{"name":"x","level":1},`, 300) + `{"name":"y","level":1}]}`, "u1"},
		{"skill name too long", `{"userId":"u1","cvId":"c1","skills":[{"name":"` + strings.Repeat("x", 121) + `","level":1}]}`, "u1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := bus.Decode[bus.CVAnalyzedPayload](cvEvent(tt.subject, tt.payload))
			if err == nil {
				_, err = courses.CleanCVAnalyzed(raw, nil)
			}
			if !errors.Is(err, bus.ErrMalformed) {
				t.Fatalf("err = %v, want bus.ErrMalformed", err)
			}
		})
	}
}
