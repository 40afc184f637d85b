//go:build !routeronly

package main

// commands is every command; a build with the routeronly tag has only the
// router (commands_router.go).
func commands(e env) map[string]command {
	return map[string]command{
		"dev":      &devMain{env: e},
		"users":    &usersMain{env: e},
		"compose":  &composeMain{env: e},
		"router":   &routerMain{env: e},
		"cv":       &cvMain{env: e},
		"up":       &upMain{env: e},
		"progress": &progressMain{env: e},
		"courses":  &coursesMain{env: e},
		"planning": &planningMain{env: e},
		"data":     &dataMain{env: e},
	}
}
