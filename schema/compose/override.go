package compose

import (
	"strconv"
	"strings"
)

// overrideState says what @override did to one subgraph's field.
type overrideState int

const (
	notOverridden    overrideState = iota
	unusedOverridden               // taken over; the subgraph no longer resolves it
	usedOverridden                 // taken over, but the subgraph still needs it (keys, @requires)
	labelOverridden                // progressively taken over: still resolved for part of traffic
)

// validLabel applies Apollo's rule for progressive override labels:
// "percent(x)" with 0 <= x <= 100 (up to 8 decimals), or a name starting
// with a letter followed by letters, digits and _ - : . /
func validLabel(label string) bool {
	if p, ok := strings.CutPrefix(label, "percent("); ok {
		p, ok = strings.CutSuffix(p, ")")
		whole, frac, hasFrac := strings.Cut(p, ".")
		if !ok || whole == "" || len(whole) > 3 || hasFrac && (frac == "" || len(frac) > 8) || !digits(whole) || !digits(frac) {
			return false
		}
		v, err := strconv.ParseFloat(p, 64)
		return err == nil && v <= 100
	}
	for i, r := range label {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || strings.ContainsRune("_-:./", r))) {
			return false
		}
	}
	return label != ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// applyOverrides validates @override and records its effect on the
// overridden subgraph.
func (m *merger) applyOverrides(fm *fieldMerge) {
	for i, f := range fm.fs {
		if f == nil || !f.hasOverride {
			continue
		}
		sg := m.sgs[i]
		if f.overrideLabel != "" && !validLabel(f.overrideLabel) {
			m.e.add("OVERRIDE_LABEL_INVALID", fm.coord, one(sg.name), "Invalid @override label %q on field %q on subgraph %q: labels must start with a letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the form \"percent(x)\" where x is a float between 0-100 inclusive.", f.overrideLabel, fm.coord, sg.name)
			fm.invalidOverride = true
			continue
		}
		if f.override == sg.name {
			m.e.add("OVERRIDE_FROM_SELF_ERROR", fm.coord, one(sg.name), "Source and destination subgraphs %q are the same for overridden field %q", sg.name, fm.coord)
			fm.invalidOverride = true
			continue
		}
		j := m.indexOf(f.override)
		if j < 0 || fm.fs[j] == nil || fm.fs[j].external {
			// Nothing to take over (Apollo only hints), but Apollo still
			// records the override.
			fm.overrideFrom[i] = f.override
			continue
		}
		from := fm.fs[j]
		if from.hasOverride {
			m.e.add("OVERRIDE_SOURCE_HAS_OVERRIDE", fm.coord, []string{sg.name, f.override}, "Field %q on subgraph %q is also marked with directive @override in subgraph %q. Only one @override directive is allowed per field.", fm.coord, sg.name, f.override)
			continue
		}
		if from.requires != "" || from.provides != "" {
			m.e.add("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", fm.coord, []string{sg.name, f.override}, "@override cannot be used on field %q on subgraph %q since %q on %q is marked with directive \"@%s\"", fm.coord, sg.name, fm.coord, f.override, map[bool]string{true: "requires", false: "provides"}[from.requires != ""])
			continue
		}
		fm.overrideFrom[i] = f.override
		switch {
		case f.overrideLabel != "":
			fm.state[j] = labelOverridden
			fm.label[i], fm.label[j] = f.overrideLabel, f.overrideLabel
		case m.sgs[j].fieldSetUsage()[fm.coord]:
			fm.state[j] = usedOverridden
		default:
			fm.state[j] = unusedOverridden
		}
	}
}

func (m *merger) indexOf(name string) int {
	for i, sg := range m.sgs {
		if sg.name == name {
			return i
		}
	}
	return -1
}
