package skills

import (
	"slices"
	"testing"
)

// TestFindContextFalsePositives replays the false hits issue 21 found on
// real CVs: each phrase must not yield its skill, and the skill written as
// a skill still matches.
func TestFindContextFalsePositives(t *testing.T) {
	tx := load(t)
	tests := []struct {
		name, text, skill string
		want              bool
	}{
		{"in design is not InDesign", "Strong background in design and typography.", "Adobe InDesign", false},
		{"InDesign is", "Tools: InDesign, Photoshop", "Adobe InDesign", true},
		{"the rest is not REST", "All the rest & some more", "REST APIs", false},
		{"REST is", "Designed REST and gRPC interfaces", "REST APIs", true},
		{"a restful weekend", "A restful weekend", "REST APIs", false},
		{"trading dashboard is not Trading", "Built a trading dashboard in React", "Trading", false},
		{"Trading listed", "Skills: Trading, Risk Management", "Trading", true},
		{"leadership team is not Leadership", "Reported to the leadership team weekly", "Leadership", false},
		{"Leadership listed", "Soft skills: Leadership, Mentoring", "Leadership", true},
		{"The Linux Foundation is not Linux", "Certified Kubernetes Application Developer (CKAD), The Linux Foundation", "Linux", false},
		{"Linux in prose", "Ran Linux servers at scale", "Linux", true},
		{"Docker Inc. is not Docker", "Software Engineer at Docker Inc. in Paris", "Docker", false},
		{"Oracle Eloqua is not Oracle Database", "Ran campaigns in Oracle Eloqua", "Oracle Database", false},
		{"Oracle listed", "Databases: Oracle, PostgreSQL", "Oracle Database", true},
		{"Oracle DB", "Tuned Oracle DB queries", "Oracle Database", true},
		{"packer of boxes", "Worked as a packer in a warehouse", "HashiCorp Packer", false},
		{"Packer", "IaC tools like Ansible, Packer and Terraform", "HashiCorp Packer", true},
		{"a consul", "Met the consul of France", "HashiCorp Consul", false},
		{"Consul", "evaluating Istio, Cilium, Kuma, Consul, and AWS VPC Lattice", "HashiCorp Consul", true},
		{"Kustomize", "managed on a GitOps basis with Kustomize and ArgoCD", "Kustomize", true},
		{"ArgoCD", "managed on a GitOps basis with Kustomize and ArgoCD", "Argo CD", true},
		{"Okta", "Introduced Okta employee identity solution", "Okta", true},
		{"Spring MVC", "Web apps with Spring MVC and Hibernate", "Spring MVC", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for _, m := range tx.Find(tt.text) {
				names = append(names, m.Skill.Name)
			}
			if got := slices.Contains(names, tt.skill); got != tt.want {
				t.Errorf("Find(%q) = %v; %s found: %v, want %v", tt.text, names, tt.skill, got, tt.want)
			}
		})
	}
}
