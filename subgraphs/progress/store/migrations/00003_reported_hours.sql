-- +goose Up
-- Learning time the user reported with their progress steps. Hours are
-- counted only when reported: completing a 140-hour course in one click is
-- not 140 hours of learning. Earlier rows estimated hours from the percent
-- and the course length; those estimates are not carried over.
ALTER TABLE enrollments ADD COLUMN hours_reported DOUBLE PRECISION NOT NULL DEFAULT 0;
