package graph

import "github.com/careercoach/coach/bench/subgraphs/inventory/graph/model"

// Inventory is the benchmark's stock table, as in its inventory.rs. Price
// and weight are external and stay unset here.
var Inventory = []*model.Product{
	stock("1", true), stock("2", false), stock("3", false), stock("4", false), stock("5", true),
	stock("6", true), stock("7", true), stock("8", false), stock("9", true),
}

func stock(upc string, in bool) *model.Product { return &model.Product{Upc: upc, InStock: &in} }

// shippingEstimate is inventory.rs's formula. The Rust entity resolver
// computes it from its own table, where price and weight are unset, not
// from the representation's @requires fields: every estimate is null, and
// the port keeps that.
func shippingEstimate(p *model.Product) *int {
	if p.Price == nil {
		return nil
	}
	if *p.Price > 1000 {
		zero := 0
		return &zero
	}
	if p.Weight == nil {
		return nil
	}
	half := *p.Weight / 2
	return &half
}
