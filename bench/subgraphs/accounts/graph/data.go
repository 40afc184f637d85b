package graph

import "github.com/careercoach/coach/bench/subgraphs/accounts/graph/model"

// Users is the benchmark's account table, as in its accounts.rs.
var Users = []*model.User{
	user("1", "Uri Goldshtein", "urigo"),
	user("2", "Dotan Simha", "dotansimha"),
	user("3", "Kamil Kisiela", "kamilkisiela"),
	user("4", "Arda Tanrikulu", "ardatan"),
	user("5", "Gil Gardosh", "gilgardosh"),
	user("6", "Laurin Quast", "laurin"),
}

func user(id, name, username string) *model.User {
	birthday := 1234567890
	return &model.User{ID: id, Name: &name, Username: &username, Birthday: &birthday}
}

// findUser returns a copy, so no resolver can change the table.
func findUser(id string) *model.User {
	for _, u := range Users {
		if u.ID == id {
			c := *u
			return &c
		}
	}
	return nil
}
