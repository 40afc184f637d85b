package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	external := flag.String("external-secrets", "", "comma-separated Secrets the cluster provides")
	minReplicas := flag.Int("min-replicas", 1, "least minReplicas of every autoscaler")
	flag.Parse()
	objs, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "deploy-check:", err)
		os.Exit(2)
	}
	var ext []string
	if *external != "" {
		ext = strings.Split(*external, ",")
	}
	errs := Check(objs, Options{ExternalSecrets: ext, MinReplicas: *minReplicas})
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, "deploy-check:", e)
	}
	if len(errs) > 0 {
		os.Exit(1)
	}
	fmt.Printf("deploy-check: %d objects ok\n", len(objs))
}
