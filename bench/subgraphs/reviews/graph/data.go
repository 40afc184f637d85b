package graph

import "github.com/careercoach/coach/bench/subgraphs/reviews/graph/model"

// The review texts of reviews.rs; several reviews share one.
const (
	body1 = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum."
	body2 = "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi"
	body3 = "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem."
	body4 = "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem"
	body5 = "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat."
)

// Reviews is the benchmark's review table, as in its reviews.rs.
var Reviews = []*model.Review{
	review("1", body1, "1"),
	review("2", body2, "1"),
	review("3", body3, "1"),
	review("4", body4, "1"),
	review("5", body1, "2"),
	review("6", body2, "2"),
	review("7", body3, "2"),
	review("8", body4, "2"),
	review("9", body4, "3"),
	review("10", body4, "4"),
	review("11", body5, "4"),
}

func review(id, body, upc string) *model.Review {
	return &model.Review{ID: id, Body: &body, Product: &model.Product{Upc: upc}}
}

// AuthorReviews are the reviews every user has: reviews.rs gives each user,
// author or entity, the first two reviews.
func AuthorReviews() []*model.Review { return copies(Reviews[:2]) }

// ProductReviews are the reviews of the product with this upc.
func ProductReviews(upc string) []*model.Review {
	var out []*model.Review
	for _, r := range Reviews {
		if r.Product.Upc == upc {
			out = append(out, r)
		}
	}
	return copies(out)
}

func findReview(id string) *model.Review {
	for _, r := range Reviews {
		if r.ID == id {
			return copies([]*model.Review{r})[0]
		}
	}
	return nil
}

// copies keeps the table safe from resolvers; a nil slice stays an empty
// list, as the Rust resolver returns Some(vec![]).
func copies(rs []*model.Review) []*model.Review {
	out := make([]*model.Review, len(rs))
	for i, r := range rs {
		c := *r
		p := *r.Product
		c.Product = &p
		out[i] = &c
	}
	return out
}
