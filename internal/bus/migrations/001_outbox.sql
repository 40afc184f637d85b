-- +goose Up
-- Events waiting for the relay; a row is deleted once it is on the bus.
CREATE TABLE bus_outbox (
	id TEXT PRIMARY KEY,
	type TEXT NOT NULL,
	subject TEXT NOT NULL,
	payload TEXT NOT NULL,
	occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX bus_outbox_order ON bus_outbox (occurred_at, id);

-- Events a consumer has handled, for Idempotent.
CREATE TABLE bus_processed_events (
	consumer TEXT NOT NULL,
	event_id TEXT NOT NULL,
	processed_at TIMESTAMP NOT NULL,
	PRIMARY KEY (consumer, event_id)
);
CREATE INDEX bus_processed_events_at ON bus_processed_events (processed_at);

-- +goose Down
DROP TABLE bus_processed_events;
DROP TABLE bus_outbox;
