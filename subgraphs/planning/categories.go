package planning

import "strings"

// Category is a group of roles for browsing: the 13 categories the
// hand-written roles had, and the SOC 2018 major groups for the rest of
// the occupations (SOC 15, Computer and Mathematical, is split finer).
type Category struct {
	ID    string // as GraphQL names it, e.g. "CONSTRUCTION"
	Title string // e.g. "Construction and extraction"
}

// AllCategories lists every category in browsing order; the first 13 are
// the original ones and keep their GraphQL names.
var AllCategories = []Category{
	{"SOFTWARE", "Software development"}, {"DATA", "Data and mathematics"}, {"PRODUCT", "Product and project management"},
	{"DESIGN", "Design"}, {"CLOUD", "Cloud, networks and systems"}, {"SECURITY", "Information security"},
	{"MANAGEMENT", "Management"}, {"MARKETING", "Marketing, advertising and PR"}, {"SALES", "Sales"},
	{"FINANCE", "Finance and accounting"}, {"HR", "Human resources"}, {"EDUCATION", "Education and libraries"},
	{"HEALTHCARE", "Healthcare"},
	{"BUSINESS", "Business operations"}, {"ENGINEERING", "Architecture and engineering"},
	{"SCIENCE", "Life, physical and social science"}, {"SOCIAL_SERVICE", "Community and social service"},
	{"LEGAL", "Legal"}, {"ARTS_MEDIA", "Arts, entertainment, sports and media"},
	{"PROTECTIVE_SERVICE", "Protective service"}, {"FOOD_SERVICE", "Food preparation and serving"},
	{"BUILDING_GROUNDS", "Building and grounds cleaning and maintenance"}, {"PERSONAL_CARE", "Personal care and service"},
	{"OFFICE_ADMIN", "Office and administrative support"}, {"FARMING", "Farming, fishing and forestry"},
	{"CONSTRUCTION", "Construction and extraction"}, {"MAINTENANCE_REPAIR", "Installation, maintenance and repair"},
	{"PRODUCTION", "Production"}, {"TRANSPORTATION", "Transportation and material moving"},
}

// majorGroupCategory maps a SOC major group (the code's first two digits)
// to its category; groups 11, 13, 15 and 27 are split by codeCategory.
// O*NET rates no occupation of group 55 (military), so it has none.
var majorGroupCategory = map[string]string{
	"11": "MANAGEMENT", "13": "BUSINESS", "15": "SOFTWARE", "17": "ENGINEERING", "19": "SCIENCE",
	"21": "SOCIAL_SERVICE", "23": "LEGAL", "25": "EDUCATION", "27": "ARTS_MEDIA", "29": "HEALTHCARE",
	"31": "HEALTHCARE", "33": "PROTECTIVE_SERVICE", "35": "FOOD_SERVICE", "37": "BUILDING_GROUNDS",
	"39": "PERSONAL_CARE", "41": "SALES", "43": "OFFICE_ADMIN", "45": "FARMING", "47": "CONSTRUCTION",
	"49": "MAINTENANCE_REPAIR", "51": "PRODUCTION", "53": "TRANSPORTATION",
}

// codeCategory files occupations whose SOC code (a prefix of the O*NET
// code, longest first) belongs with one of the original categories.
var codeCategory = []struct{ prefix, category string }{
	{"11-2011", "MARKETING"}, {"11-2021", "MARKETING"}, {"11-2032", "MARKETING"}, {"11-2033", "MARKETING"},
	{"11-2022", "SALES"}, {"11-3031", "FINANCE"}, {"11-3111", "HR"}, {"11-3121", "HR"}, {"11-3131", "HR"},
	{"11-9111", "HEALTHCARE"}, {"11-903", "EDUCATION"},
	{"13-107", "HR"}, {"13-1141", "HR"}, {"13-1151", "HR"}, {"13-1161", "MARKETING"}, {"13-1082", "PRODUCT"},
	{"13-2", "FINANCE"},
	{"15-1299.04", "SECURITY"}, {"15-1299.05", "SECURITY"}, {"15-1299.06", "SECURITY"}, {"15-1212", "SECURITY"},
	{"15-1221", "DATA"}, {"15-1242", "DATA"}, {"15-1243", "DATA"}, {"15-2", "DATA"},
	{"15-1231", "CLOUD"}, {"15-1232", "CLOUD"}, {"15-1241", "CLOUD"}, {"15-1244", "CLOUD"}, {"15-1299.08", "CLOUD"},
	{"15-1255", "DESIGN"}, {"27-1", "DESIGN"},
}

// occupationCategory files an O*NET-SOC occupation by its code.
func occupationCategory(code string) string {
	best, bestLen := "", 0
	for _, c := range codeCategory {
		if strings.HasPrefix(code, c.prefix) && len(c.prefix) > bestLen {
			best, bestLen = c.category, len(c.prefix)
		}
	}
	if best != "" {
		return best
	}
	if len(code) >= 2 {
		if c, ok := majorGroupCategory[code[:2]]; ok {
			return c
		}
	}
	return "BUSINESS"
}

// occupationSeniority reads a seniority off an occupation: chief
// executives are EXECUTIVE, managers LEAD; otherwise O*NET's job zone
// (preparation needed) decides: 1–2 JUNIOR, 3–4 MID, 5 SENIOR.
func occupationSeniority(code string, jobZone int) string {
	switch {
	case strings.HasPrefix(code, "11-1011"):
		return "EXECUTIVE"
	case strings.HasPrefix(code, "11-"):
		return "LEAD"
	case jobZone >= 5:
		return "SENIOR"
	case jobZone >= 3:
		return "MID"
	case jobZone >= 1:
		return "JUNIOR"
	}
	return "MID"
}

// JobZoneTitles are O*NET's names of the five job zones.
var JobZoneTitles = [6]string{"", "Little or no preparation needed", "Some preparation needed", "Medium preparation needed",
	"Considerable preparation needed", "Extensive preparation needed"}
