package bench

import (
	"bytes"
	"encoding/json"

	accounts "github.com/careercoach/coach/bench/subgraphs/accounts/graph"
	inventory "github.com/careercoach/coach/bench/subgraphs/inventory/graph"
	products "github.com/careercoach/coach/bench/subgraphs/products/graph"
	reviews "github.com/careercoach/coach/bench/subgraphs/reviews/graph"
	reviewmodel "github.com/careercoach/coach/bench/subgraphs/reviews/graph/model"
)

// Expected is the response Query must get, joined by hand from the
// subgraphs' data tables (not from any router's output), compact JSON in
// the order of the query's selections.
func Expected() []byte {
	var users, top []any
	for _, u := range accounts.Users {
		users = append(users, obj{
			{"id", u.ID}, {"username", u.Username}, {"name", u.Name},
			{"reviews", reviewList(reviews.AuthorReviews(), productWithReviews)},
		})
	}
	for _, p := range products.Products[:5] { // topProducts' default first: 5
		top = append(top, productWithReviews(p.Upc))
	}
	b, err := json.Marshal(obj{{"data", obj{{"users", users}, {"topProducts", top}}}})
	if err != nil {
		panic(err) // only strings, numbers, booleans and nulls
	}
	return b
}

// productWithReviews is `...Product reviews { ...Review author { ...User
// reviews { ...Review product { ...Product } } } }`.
func productWithReviews(upc string) obj {
	rs := []any{} // reviews.rs answers an empty list, not null
	for _, r := range reviews.ProductReviews(upc) {
		rs = append(rs, obj{{"id", r.ID}, {"body", r.Body}, {"author", author()}})
	}
	return append(product(upc), kv{"reviews", rs})
}

// author is what every review's author resolves to: reviews.rs answers
// user 1 with the username it provides; the name comes from accounts.
func author() obj {
	u := accounts.Users[0]
	return obj{
		{"id", "1"}, {"username", "urigo"}, {"name", u.Name},
		{"reviews", reviewList(reviews.AuthorReviews(), product)},
	}
}

// reviewList is `{ ...Review product { <sub> } }` for each review.
func reviewList(rs []*reviewmodel.Review, sub func(upc string) obj) []any {
	out := make([]any, 0, len(rs))
	for _, r := range rs {
		out = append(out, obj{{"id", r.ID}, {"body", r.Body}, {"product", sub(r.Product.Upc)}})
	}
	return out
}

// product is the Product fragment: inStock from inventory, name, price and
// weight from products, and shippingEstimate null (inventory.rs computes
// it without the required fields).
func product(upc string) obj {
	var o obj
	for _, s := range inventory.Inventory {
		if s.Upc == upc {
			o = append(o, kv{"inStock", s.InStock})
		}
	}
	for _, p := range products.Products {
		if p.Upc == upc {
			o = append(o, kv{"name", p.Name}, kv{"price", p.Price}, kv{"shippingEstimate", nil},
				kv{"upc", p.Upc}, kv{"weight", p.Weight})
		}
	}
	return o
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		v, err := json.Marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
