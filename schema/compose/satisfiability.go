package compose

// validateSatisfiability is filled in below.
func (m *merger) validateSatisfiability() {}
