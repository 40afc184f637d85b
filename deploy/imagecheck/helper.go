package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// Mount namespaces cannot be entered by a running Go program (its threads
// share one filesystem context), so the stage builder and the container
// runtime re-execute this program with a new namespace and run there.
const (
	helperEnv     = "IMAGECHECK_HELPER"
	helperSpecEnv = "IMAGECHECK_SPEC"
)

// runHelper runs the process as a helper when it was started as one and
// reports whether it did (it exits then).
func runHelper() bool {
	kind := os.Getenv(helperEnv)
	if kind == "" {
		return false
	}
	raw := []byte(os.Getenv(helperSpecEnv))
	var err error
	switch kind {
	case "stage":
		var spec stageSpec
		if err = json.Unmarshal(raw, &spec); err == nil {
			err = stageHelper(spec)
		}
	case "container":
		var spec containerSpec
		if err = json.Unmarshal(raw, &spec); err == nil {
			err = containerHelper(spec) // returns only on failure
		}
	case "netns":
		err = netnsHelper()
	default:
		err = fmt.Errorf("unknown helper %q", kind)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "imagecheck %s helper: %v\n", kind, err)
		os.Exit(3)
	}
	os.Exit(0)
	return true
}
