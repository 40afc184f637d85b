package graph

import (
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/graph/model"
)

// toUser maps the domain user to its GraphQL shape; empty optional fields are null.
func toUser(u *users.User) *model.User {
	return &model.User{
		ID:            u.ID,
		Email:         u.Email,
		EmailVerified: u.EmailVerified,
		DisplayName:   u.DisplayName,
		AvatarURL:     optional(u.AvatarURL),
		Headline:      optional(u.Headline),
		Location:      optional(u.Location),
		CreatedAt:     u.CreatedAt,
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
