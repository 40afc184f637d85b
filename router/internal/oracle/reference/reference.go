// Package reference is the oracle's single-schema reference server (see
// package oracle).
package reference
