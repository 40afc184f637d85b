package main

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestDockerfileCheckFails breaks the Dockerfile one way at a time.
func TestDockerfileCheckFails(t *testing.T) {
	src := string(readRepoFile(t, "deploy/Dockerfile"))
	replace := func(old, new string) string {
		if !strings.Contains(src, old) {
			t.Fatalf("Dockerfile has no %q to break", old)
		}
		return strings.Replace(src, old, new, 1)
	}
	for _, tc := range []struct {
		name, src, want string
	}{
		{"root user", replace("USER 65532:65532", "USER 0:0"), `USER "0:0": want a numeric user other than root`},
		{"named user", replace("USER 65532:65532", "USER nonroot"), `USER "nonroot": want a numeric user`},
		{"no group", replace("USER 65532:65532", "USER 65532"), `USER "65532": want a numeric group too`},
		{"shell-form CMD", replace(`CMD ["router"]`, `CMD router`), "exec form"},
		{"unknown default command", replace(`CMD ["router"]`, `CMD ["gateway"]`), `CMD ["gateway"] is not a coach command`},
		{"RUN in the final stage", replace("USER 65532:65532", "RUN mkdir /data\nUSER 65532:65532"), "RUN mkdir /data in the final stage"},
		{"COPY from a later stage", replace("COPY schema/api.graphql /src/schema/api.graphql", "COPY --from=go /out/coach /tmp/coach"), "--from=go is not an earlier stage"},
		{"variable nobody reads", replace("COACH_LOG_FORMAT=json", "COACH_LOGFORMAT=json"), "ENV COACH_LOGFORMAT: no coach command reads it"},
		{"web dir not copied", replace("COACH_WEB_DIR=/srv/web", "COACH_WEB_DIR=/srv/www"), "ENV COACH_WEB_DIR=/srv/www: no COPY in the final stage"},
		{"supergraph not copied", replace("/etc/coach/supergraph.graphql \\", "/etc/supergraph.graphql \\"), "ENV COACH_SUPERGRAPH=/etc/supergraph.graphql: no COPY"},
		{"data dir not a volume", replace(`VOLUME ["/data"]`, `VOLUME ["/var/lib/coach"]`), "ENV COACH_DATA_DIR=/data is not a VOLUME"},
		{"lint: casing", replace("AS web", "as web"), "FromAsCasing"},
		{"lint: deprecated", replace("USER 65532:65532", "MAINTAINER ops@example.com\nUSER 65532:65532"), "MaintainerDeprecated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			df, err := parseDockerfile([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			errs := CheckDockerfile(context.Background(), df, Coach{Binary: coachBinary})
			for _, e := range errs {
				if strings.Contains(e.Error(), tc.want) {
					return
				}
			}
			t.Fatalf("want a problem containing %q, got:\n%v", tc.want, errors.Join(errs...))
		})
	}
}

func TestDockerfileParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no FROM", "RUN true\n", "no build stage"},
		{"unknown instruction", "FROM scratch\nCOPPY a b\n", "coppy"},
		{"bad flag", "FROM scratch\nCOPY --frm=x a b\n", "frm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseDockerfile([]byte(tc.src))
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tc.want)) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}
