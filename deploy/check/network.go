package main

import (
	"fmt"
	"sort"
)

// Pod tiers, from the careercoach/tier label.
const (
	tierLabel    = "careercoach/tier"
	tierSubgraph = "subgraph"
	routerName   = "router"
	usersName    = "users"
)

// checkNetwork requires that every subgraph's pods are isolated by an ingress
// policy and that the policies admit only the router, plus the other
// subgraphs for the users service (they fetch its JWKS).
func checkNetwork(byKind map[string]map[string]object) []string {
	var errs []string
	deps := byKind["Deployment"]
	names := make([]string, 0, len(deps))
	for n := range deps {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		labels := deps[name].Spec.Template.Metadata.Labels
		if labels[tierLabel] != tierSubgraph {
			continue
		}
		allowed := map[string]bool{routerName: true}
		if name == usersName {
			for n, d := range deps {
				if d.Spec.Template.Metadata.Labels[tierLabel] == tierSubgraph {
					allowed[n] = true
				}
			}
		}
		isolated := false
		for pname, p := range byKind["NetworkPolicy"] {
			if !matches(p.Spec.PodSelector.labels(), labels) || !hasIngressType(p) {
				continue
			}
			isolated = true
			for i, rule := range p.Spec.Ingress {
				if len(rule.From) == 0 {
					errs = append(errs, fmt.Sprintf("NetworkPolicy %s rule %d admits every source to subgraph %s", pname, i+1, name))
					continue
				}
				for _, from := range rule.From {
					if from.PodSelector == nil || from.NamespaceSelector != nil || from.IPBlock != nil {
						errs = append(errs, fmt.Sprintf("NetworkPolicy %s rule %d admits sources outside the namespace's pods to subgraph %s", pname, i+1, name))
						continue
					}
					for _, src := range selected(deps, from.PodSelector.labels()) {
						if !allowed[src] {
							errs = append(errs, fmt.Sprintf("NetworkPolicy %s lets %s reach subgraph %s", pname, src, name))
						}
					}
				}
			}
		}
		if !isolated {
			errs = append(errs, fmt.Sprintf("Deployment %s: no ingress NetworkPolicy selects this subgraph, so every pod can reach it", name))
		}
	}
	return errs
}

func hasIngressType(p object) bool {
	if len(p.Spec.PolicyTypes) == 0 {
		return true // Kubernetes defaults to Ingress
	}
	for _, t := range p.Spec.PolicyTypes {
		if t == "Ingress" {
			return true
		}
	}
	return false
}

// selected lists the Deployments whose pods sel matches (an empty selector matches all).
func selected(deps map[string]object, sel map[string]string) []string {
	var out []string
	for n, d := range deps {
		if matches(sel, d.Spec.Template.Metadata.Labels) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
