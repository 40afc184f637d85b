package auth

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/careercoach/coach/internal/apperr"
)

func TestOwnUsers(t *testing.T) {
	ada, bob := "ada", "bob"
	signedIn := WithIdentity(context.Background(), Identity{UserID: ada})
	tests := []struct {
		name     string
		ctx      context.Context
		ids      []*string
		wantOwn  []bool
		wantCode string
	}{
		{"own user", signedIn, []*string{&ada, &ada}, []bool{true, true}, ""},
		{"another user is not found", signedIn, []*string{&ada, &bob}, []bool{true, false}, apperr.NotFound},
		{"missing id is not found", signedIn, []*string{nil}, []bool{false}, apperr.NotFound},
		{"signed out", context.Background(), []*string{&ada}, []bool{false}, apperr.Unauthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			own, err := OwnUsers(tt.ctx, tt.ids)
			if !slices.Equal(own, tt.wantOwn) {
				t.Fatalf("own %v, want %v", own, tt.wantOwn)
			}
			var ae *apperr.Error
			switch {
			case tt.wantCode == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.wantCode != "" && (!errors.As(err, &ae) || ae.Code != tt.wantCode):
				t.Fatalf("error %v, want code %s", err, tt.wantCode)
			}
		})
	}
}
