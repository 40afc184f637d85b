package graph

import "github.com/careercoach/coach/bench/subgraphs/products/graph/model"

// Products is the benchmark's catalogue, as in its products.rs.
var Products = []*model.Product{
	product("1", "Table", 899, 100),
	product("2", "Couch", 1299, 1000),
	product("3", "Glass", 15, 20),
	product("4", "Chair", 499, 100),
	product("5", "TV", 1299, 1000),
	product("6", "Lamp", 6999, 300),
	product("7", "Grill", 3999, 2000),
	product("8", "Fridge", 100000, 6000),
	product("9", "Sofa", 9999, 800),
}

func product(upc, name string, price, weight int) *model.Product {
	return &model.Product{Upc: upc, Name: &name, Price: &price, Weight: &weight}
}
