package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

func TestExtractErrors(t *testing.T) {
	twoPage, err := os.ReadFile("testdata/fpdf-two-page.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"file over MaxBytes", twoPage, Limits{MaxBytes: 1000}, ErrTooLarge},
		{"pages over MaxPages", twoPage, Limits{MaxPages: 1}, ErrTooLarge},
		{"flate bomb over MaxUncompressedBytes", slowPDF(t), Limits{MaxUncompressedBytes: 1 << 20}, ErrTooLarge},
		{"not a document", []byte("hello, I am a CV, honest"), Limits{}, ErrUnsupported},
		{"broken PDF", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage"), Limits{}, ErrCorrupt},
		{"encrypted PDF", encryptedPDF(), Limits{}, ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), tt.data, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if UserMessage(err) == UserMessage(errors.New("other")) {
				t.Errorf("no specific user message for %v", err)
			}
		})
	}
}

// TestTimeoutKillsChild: the interpreter would need seconds for this
// stream; the parent kills the child at the deadline.
func TestTimeoutKillsChild(t *testing.T) {
	data := slowPDF(t)
	lim := Limits{Timeout: 150 * time.Millisecond, MaxUncompressedBytes: 1 << 30}
	start := time.Now()
	_, err := Extract(context.Background(), data, lim)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("returned after %s, want about 150ms", d)
	}
	// The same file without a tight deadline does finish: the timeout,
	// not a parse error, stopped it above.
	if testing.Short() {
		return
	}
	if _, err := Extract(context.Background(), data, Limits{Timeout: time.Minute, MaxUncompressedBytes: 1 << 30}); err != nil {
		t.Fatalf("without the deadline: %v", err)
	}
}

func TestTimeoutInProcess(t *testing.T) {
	lim := Limits{Timeout: 100 * time.Millisecond, MaxUncompressedBytes: 1 << 30}
	if _, err := ExtractInProcess(context.Background(), slowPDF(t), lim); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

// TestMemoryLimitKillsChild: the glyphs of this stream need gigabytes; the
// child's address-space limit stops it and the parent reports it.
func TestMemoryLimitKillsChild(t *testing.T) {
	_, err := Extract(context.Background(), greedyPDF(t), Limits{MaxMemoryBytes: 96 << 20, Timeout: time.Minute, MaxTextChars: 1 << 30})
	if !errors.Is(err, ErrMemoryLimit) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrMemoryLimit (an ErrTooLarge)", err)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, textPDF(t, "hello"), Limits{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestChildAndInProcessAgree(t *testing.T) {
	data, err := os.ReadFile("testdata/chromium-two-column.pdf")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(context.Background(), data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ExtractInProcess(context.Background(), data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatalf("child and in-process results differ:\n%q\n%q", a.Text, b.Text)
	}
	if a.Kind != PDF || a.Pages != 1 || !bytes.Contains([]byte(a.Text), []byte("Łukasiewicz")) {
		t.Fatalf("unexpected document %+v", a)
	}
}

func TestChildEnvironmentHasNoSecrets(t *testing.T) {
	t.Setenv("CAREERCOACH_DATABASE_URL", "postgres://secret")
	for _, kv := range childEnvironment("{}") {
		if bytes.Contains([]byte(kv), []byte("secret")) {
			t.Fatalf("child environment carries %q", kv)
		}
	}
}
