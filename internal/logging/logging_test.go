package logging

import (
	"bytes"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name, format, level string
		wantErr             bool
		logged              string
	}{
		{name: "json info", format: "json", level: "info", logged: `"msg":"hello"`},
		{name: "text debug", format: "text", level: "debug", logged: "msg=hello"},
		{name: "level filters", format: "text", level: "error", logged: ""},
		{name: "bad format", format: "xml", level: "info", wantErr: true},
		{name: "bad level", format: "json", level: "loud", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log, err := New(&buf, tt.format, tt.level)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			log.Info("hello")
			if tt.logged == "" && buf.Len() != 0 || !strings.Contains(buf.String(), tt.logged) {
				t.Fatalf("logged %q, want containing %q", buf.String(), tt.logged)
			}
		})
	}
}
