package main

import (
	"os"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		edit    func(string) string
		opts    Options
		wantErr string // substring of one reported error; empty: no errors
	}{
		{name: "good manifests pass", edit: func(s string) string { return s }},
		{name: "missing readiness probe",
			edit: func(s string) string {
				return strings.Replace(s, "readinessProbe: { httpGet: { path: /readyz", "readinessProbe: { httpGet: { path: /ready", 1)
			},
			wantErr: "Deployment router: container router: readinessProbe must GET /readyz"},
		{name: "root pod",
			edit:    func(s string) string { return strings.Replace(s, "runAsNonRoot: true", "runAsNonRoot: false", 1) },
			wantErr: "Deployment router: pod securityContext.runAsNonRoot is not true"},
		{name: "no resource requests",
			edit: func(s string) string {
				return strings.Replace(s, "requests: { cpu: 100m, memory: 96Mi }", "requests: { memory: 96Mi }", 1)
			},
			wantErr: "resources.requests needs cpu and memory"},
		{name: "latest image",
			edit: func(s string) string {
				return strings.Replace(s, "careercoach/coach:1.0.0", "careercoach/coach:latest", 1)
			},
			wantErr: `image "careercoach/coach:latest" needs a pinned tag`},
		{name: "untagged image",
			edit: func(s string) string {
				return strings.Replace(s, "careercoach/coach:1.0.0", "registry:5000/careercoach/coach", 1)
			},
			wantErr: "needs a pinned tag"},
		{name: "missing ConfigMap",
			edit: func(s string) string {
				return strings.Replace(s, "metadata: { name: coach-env }", "metadata: { name: other-env }", 1)
			},
			wantErr: "ConfigMap coach-env does not exist"},
		{name: "missing Secret key",
			edit:    func(s string) string { return strings.Replace(s, "key: cv }", "key: courses }", 1) },
			wantErr: "Secret coach-databases has no key courses"},
		{name: "external Secret is not required",
			edit: func(s string) string {
				return strings.Replace(s, "metadata: { name: coach-databases }\ndata: { cv: cG9zdGdyZXM= }", "metadata: { name: unrelated }", 1)
			},
			opts: Options{ExternalSecrets: []string{"coach-databases"}}},
		{name: "missing autoscaler",
			edit: func(s string) string {
				return strings.Replace(s, "scaleTargetRef: { kind: Deployment, name: cv }", "scaleTargetRef: { kind: Deployment, name: cvx }", 1)
			},
			wantErr: "Deployment cv: no HorizontalPodAutoscaler targets it"},
		{name: "too few replicas for the overlay",
			edit: func(s string) string { return s }, opts: Options{MinReplicas: 3},
			wantErr: "want minReplicas ≥ 3"},
		{name: "missing disruption budget",
			edit: func(s string) string {
				return strings.Replace(s, "metadata: { name: cv }\nspec: { selector: { matchLabels: { app.kubernetes.io/name: cv } } }", "metadata: { name: cv }\nspec: { selector: { matchLabels: { app.kubernetes.io/name: nothing } } }", 1)
			},
			wantErr: "Deployment cv: no PodDisruptionBudget selects its pods"},
		{name: "missing Service",
			edit: func(s string) string {
				return strings.Replace(s, "spec: { selector: { app.kubernetes.io/name: cv } }", "spec: { selector: { app.kubernetes.io/name: nothing } }", 1)
			},
			wantErr: "Deployment cv: no Service selects its pods"},
		{name: "subgraph without network policy",
			edit: func(s string) string {
				return strings.Replace(s, "podSelector: { matchLabels: { careercoach/tier: subgraph } }\n  policyTypes", "podSelector: { matchLabels: { careercoach/tier: none } }\n  policyTypes", 1)
			},
			wantErr: "Deployment cv: no ingress NetworkPolicy selects this subgraph"},
		{name: "policy open to every source",
			edit: func(s string) string {
				return strings.Replace(s, "    - from: [{ podSelector: { matchLabels: { app.kubernetes.io/name: router } } }]", "    - {}", 1)
			},
			wantErr: "admits every source to subgraph cv"},
		{name: "policy open to other namespaces",
			edit: func(s string) string {
				return strings.Replace(s, "from: [{ podSelector: { matchLabels: { app.kubernetes.io/name: router } } }]", "from: [{ namespaceSelector: {} }]", 1)
			},
			wantErr: "admits sources outside the namespace's pods to subgraph cv"},
		{name: "subgraph reaching another subgraph",
			edit: func(s string) string {
				return strings.Replace(s, "from: [{ podSelector: { matchLabels: { app.kubernetes.io/name: router } } }]", "from: [{ podSelector: {} }]", 1)
			},
			wantErr: "lets users reach subgraph cv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			objs, err := parse(strings.NewReader(tt.edit(string(good))))
			if err != nil {
				t.Fatal(err)
			}
			errs := Check(objs, tt.opts)
			if tt.wantErr == "" {
				if len(errs) > 0 {
					t.Fatalf("want no errors, got:\n%s", strings.Join(errs, "\n"))
				}
				return
			}
			for _, e := range errs {
				if strings.Contains(e, tt.wantErr) {
					return
				}
			}
			t.Fatalf("want an error containing %q, got:\n%s", tt.wantErr, strings.Join(errs, "\n"))
		})
	}
}

func TestParseRefusesBadInput(t *testing.T) {
	for name, in := range map[string]string{"empty": "", "no kind": "metadata: { name: x }\n", "not YAML": "kind: [\n"} {
		t.Run(name, func(t *testing.T) {
			if _, err := parse(strings.NewReader(in)); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}
