// Package unsupported holds Go constructs geneva-codegen must reject with file:line.
package unsupported

import "time"

// WithInterface has a field of interface type.
type WithInterface struct {
	Extra any `mapstructure:"extra"`
}

// WithChan has a channel.
type WithChan struct {
	Events chan string `mapstructure:"events"`
}

// Pair is a generic type other than configoptional.Optional.
type Pair[T any] struct {
	A, B T
}

// WithGeneric uses Pair.
type WithGeneric struct {
	P Pair[int] `mapstructure:"p"`
}

// Base is embedded without squash.
type Base struct {
	X int `mapstructure:"x"`
}

// WithEmbedded embeds Base without squash.
type WithEmbedded struct {
	Base
}

// Node is recursive.
type Node struct {
	Next *Node `mapstructure:"next"`
}

// WithBadDefault is fine, its default function is not.
type WithBadDefault struct {
	Wait time.Duration `mapstructure:"wait"`
}

func newWithBadDefault() *WithBadDefault {
	cfg := &WithBadDefault{}
	cfg.Wait = time.Second
	return cfg
}

func newEmpty() *WithBadDefault { return &WithBadDefault{} }
