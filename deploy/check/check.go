// Command check validates rendered Kubernetes manifests of Career Coach (the
// output of `kustomize build`) against the rules of our production topology:
// probes, resources, non-root pods, autoscalers and disruption budgets for
// every Deployment, configuration that exists, and network policies that let
// only the router reach the subgraphs. `make deploy-check` runs it on every
// overlay.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// object is the part of a Kubernetes object the rules read.
type object struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name   string            `yaml:"name"`
		Labels map[string]string `yaml:"labels"`
	} `yaml:"metadata"`
	Data map[string]string `yaml:"data"`
	Spec spec              `yaml:"spec"`
}

type spec struct {
	// Deployment
	Template struct {
		Metadata struct {
			Labels map[string]string `yaml:"labels"`
		} `yaml:"metadata"`
		Spec podSpec `yaml:"spec"`
	} `yaml:"template"`
	// Service, PodDisruptionBudget
	Selector selector `yaml:"selector"`
	// HorizontalPodAutoscaler
	ScaleTargetRef struct {
		Kind string `yaml:"kind"`
		Name string `yaml:"name"`
	} `yaml:"scaleTargetRef"`
	MinReplicas int `yaml:"minReplicas"`
	MaxReplicas int `yaml:"maxReplicas"`
	// NetworkPolicy
	PodSelector selector      `yaml:"podSelector"`
	PolicyTypes []string      `yaml:"policyTypes"`
	Ingress     []ingressRule `yaml:"ingress"`
}

// selector is a label selector: Service selectors are plain label maps, the
// others put them under matchLabels.
type selector map[string]any

func (s selector) labels() map[string]string {
	src := map[string]any(s)
	if ml, ok := s["matchLabels"].(map[string]any); ok {
		src = ml
	}
	out := map[string]string{}
	for k, v := range src {
		if str, ok := v.(string); ok {
			out[k] = str
		}
	}
	return out
}

type ingressRule struct {
	From []struct {
		PodSelector       *selector `yaml:"podSelector"`
		NamespaceSelector *selector `yaml:"namespaceSelector"`
		IPBlock           any       `yaml:"ipBlock"`
	} `yaml:"from"`
}

type podSpec struct {
	SecurityContext struct {
		RunAsNonRoot bool `yaml:"runAsNonRoot"`
	} `yaml:"securityContext"`
	Containers []container `yaml:"containers"`
	Volumes    []struct {
		Name      string `yaml:"name"`
		ConfigMap *struct {
			Name string `yaml:"name"`
		} `yaml:"configMap"`
		Secret *struct {
			SecretName string `yaml:"secretName"`
		} `yaml:"secret"`
	} `yaml:"volumes"`
}

type container struct {
	Name  string `yaml:"name"`
	Image string `yaml:"image"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	EnvFrom []struct {
		ConfigMapRef *struct {
			Name string `yaml:"name"`
		} `yaml:"configMapRef"`
		SecretRef *struct {
			Name string `yaml:"name"`
		} `yaml:"secretRef"`
	} `yaml:"envFrom"`
	Env []struct {
		Name      string `yaml:"name"`
		ValueFrom *struct {
			SecretKeyRef *struct {
				Name string `yaml:"name"`
				Key  string `yaml:"key"`
			} `yaml:"secretKeyRef"`
			ConfigMapKeyRef *struct {
				Name string `yaml:"name"`
			} `yaml:"configMapKeyRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	ReadinessProbe *probe `yaml:"readinessProbe"`
	LivenessProbe  *probe `yaml:"livenessProbe"`
	Resources      struct {
		Requests map[string]string `yaml:"requests"`
	} `yaml:"resources"`
	SecurityContext struct {
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
	} `yaml:"securityContext"`
}

type probe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
		Port any    `yaml:"port"`
	} `yaml:"httpGet"`
}

// Options tune the rules for an overlay.
type Options struct {
	// ExternalSecrets are Secrets the cluster provides (not rendered).
	ExternalSecrets []string
	// MinReplicas is the least minReplicas every autoscaler must have.
	MinReplicas int
}

// parse reads a multi-document YAML stream.
func parse(r io.Reader) ([]object, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading manifests: %w", err)
	}
	var out []object
	for i, doc := range bytes.Split(data, []byte("\n---")) {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		var o object
		if err := yaml.Unmarshal(doc, &o); err != nil {
			return nil, fmt.Errorf("document %d: %w", i+1, err)
		}
		if o.Kind == "" {
			return nil, fmt.Errorf("document %d has no kind", i+1)
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil, errors.New("no manifests in the input")
	}
	return out, nil
}

// Check applies every rule and returns one error per violation, sorted.
func Check(objs []object, o Options) []string {
	byKind := map[string]map[string]object{}
	for _, obj := range objs {
		if byKind[obj.Kind] == nil {
			byKind[obj.Kind] = map[string]object{}
		}
		byKind[obj.Kind][obj.Metadata.Name] = obj
	}
	external := map[string]bool{}
	for _, s := range o.ExternalSecrets {
		external[s] = true
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	if len(byKind["Deployment"]) == 0 {
		fail("no Deployments")
	}
	for name, d := range byKind["Deployment"] {
		errs = append(errs, checkDeployment(name, d, byKind, external, o)...)
	}
	errs = append(errs, checkNetwork(byKind)...)
	sort.Strings(errs)
	return errs
}

func checkDeployment(name string, d object, byKind map[string]map[string]object, external map[string]bool, o Options) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf("Deployment %s: "+format, append([]any{name}, args...)...))
	}
	pod := d.Spec.Template.Spec
	labels := d.Spec.Template.Metadata.Labels
	if !pod.SecurityContext.RunAsNonRoot {
		fail("pod securityContext.runAsNonRoot is not true")
	}
	if len(pod.Containers) == 0 {
		fail("no containers")
	}
	for _, c := range pod.Containers {
		if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" {
			fail("container %s: readinessProbe must GET /readyz", c.Name)
		}
		if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" {
			fail("container %s: livenessProbe must GET /healthz", c.Name)
		}
		if c.Resources.Requests["cpu"] == "" || c.Resources.Requests["memory"] == "" {
			fail("container %s: resources.requests needs cpu and memory", c.Name)
		}
		if c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
			fail("container %s: allowPrivilegeEscalation must be false", c.Name)
		}
		if i := strings.LastIndex(c.Image, ":"); i < 0 || strings.Contains(c.Image[i:], "/") || c.Image[i+1:] == "latest" {
			fail("container %s: image %q needs a pinned tag (not latest)", c.Name, c.Image)
		}
		for _, ef := range c.EnvFrom {
			if ef.ConfigMapRef != nil && byKind["ConfigMap"][ef.ConfigMapRef.Name].Kind == "" {
				fail("container %s: ConfigMap %s does not exist", c.Name, ef.ConfigMapRef.Name)
			}
			if ef.SecretRef != nil && !external[ef.SecretRef.Name] && byKind["Secret"][ef.SecretRef.Name].Kind == "" {
				fail("container %s: Secret %s does not exist", c.Name, ef.SecretRef.Name)
			}
		}
		for _, e := range c.Env {
			if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
				continue
			}
			ref := e.ValueFrom.SecretKeyRef
			if external[ref.Name] {
				continue
			}
			s := byKind["Secret"][ref.Name]
			if s.Kind == "" {
				fail("container %s: Secret %s does not exist", c.Name, ref.Name)
			} else if _, ok := s.Data[ref.Key]; !ok {
				fail("container %s: Secret %s has no key %s", c.Name, ref.Name, ref.Key)
			}
		}
	}
	for _, v := range pod.Volumes {
		if v.ConfigMap != nil && byKind["ConfigMap"][v.ConfigMap.Name].Kind == "" {
			fail("volume %s: ConfigMap %s does not exist", v.Name, v.ConfigMap.Name)
		}
	}
	if !hasService(byKind["Service"], labels) {
		fail("no Service selects its pods")
	}
	hpa, ok := findHPA(byKind["HorizontalPodAutoscaler"], name)
	if !ok {
		fail("no HorizontalPodAutoscaler targets it")
	} else if hpa.Spec.MinReplicas < max(o.MinReplicas, 1) || hpa.Spec.MaxReplicas < hpa.Spec.MinReplicas {
		fail("autoscaler replicas %d..%d: want minReplicas ≥ %d and max ≥ min", hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas, max(o.MinReplicas, 1))
	}
	if !hasPDB(byKind["PodDisruptionBudget"], labels) {
		fail("no PodDisruptionBudget selects its pods")
	}
	return errs
}

func hasService(svcs map[string]object, labels map[string]string) bool {
	for _, s := range svcs {
		if sel := s.Spec.Selector.labels(); len(sel) > 0 && matches(sel, labels) {
			return true
		}
	}
	return false
}

func findHPA(hpas map[string]object, deployment string) (object, bool) {
	for _, h := range hpas {
		if h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == deployment {
			return h, true
		}
	}
	return object{}, false
}

func hasPDB(pdbs map[string]object, labels map[string]string) bool {
	for _, p := range pdbs {
		if sel := p.Spec.Selector.labels(); len(sel) > 0 && matches(sel, labels) {
			return true
		}
	}
	return false
}

// matches reports whether every selector label is on the object.
func matches(sel, labels map[string]string) bool {
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return true
}
