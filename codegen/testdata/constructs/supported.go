// Package constructs exercises the Go constructs geneva-codegen supports and rejects.
package constructs

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/confmap"
)

// Level is a named string over a basic type, without constants.
type Level string

// Mode is an enum whose String() is not a switch.
type Mode uint8

const (
	// ModeA is the first mode.
	ModeA Mode = iota + 1
	// ModeB is the second mode.
	ModeB
)

var modeNames = map[Mode]string{ModeA: "a", ModeB: "b"}

// String returns the mode name.
func (m Mode) String() string { return modeNames[m] }

// Common is squashed into Supported.
type Common struct {
	// Name is promoted by squash.
	Name string `mapstructure:"name"`
}

// Validate of a squashed struct.
func (c *Common) Validate() error {
	if c.Name == "" {
		return errors.New("name must not be empty")
	}
	return nil
}

// Inner is used through pointers, slices, maps and Optional.
type Inner struct {
	// Limit is a bounded int.
	Limit int16 `mapstructure:"limit"`
	// Wait is a duration.
	Wait time.Duration `mapstructure:"wait"`
}

// InnerAlias is an alias of Inner.
type InnerAlias = Inner

// Supported uses every supported construct.
type Supported struct {
	Common `mapstructure:",squash"`
	// Secret is a configopaque.String.
	Secret configopaque.String `mapstructure:"secret"`
	// Level is a named string.
	Level Level `mapstructure:"level,omitempty"`
	// Mode is an enum.
	Mode Mode `mapstructure:"mode"`
	// Ptr is a pointer to a struct.
	Ptr *Inner `mapstructure:"ptr"`
	// Items is a slice of structs.
	Items []Inner `mapstructure:"items"`
	// Labels is a map.
	Labels map[string]string `mapstructure:"labels"`
	// Opt is an Optional with a default flavour.
	Opt configoptional.Optional[InnerAlias] `mapstructure:"opt"`
	// Ratio is a float32.
	Ratio float32 `mapstructure:"ratio"`
	// Alias defaults to Name when not given (see Unmarshal).
	Alias string `mapstructure:"alias"`
	// Untagged has no mapstructure tag.
	Untagged bool
	// Ignored is skipped.
	Ignored string `mapstructure:"-"`
	hidden  string
}

// Validate has a translatable and an untranslatable rule.
func (s *Supported) Validate() error {
	if s.Ptr != nil && s.Ptr.Limit > 10 {
		return fmt.Errorf("ptr.limit %d is above 10", s.Ptr.Limit)
	}
	for _, it := range s.Items {
		if it.Limit < 0 {
			return errors.New("negative limit")
		}
	}
	if len(s.Labels) > 3 || s.Opt.HasValue() && s.Opt.Get().Wait > 2*time.Second {
		return errors.New("too many labels or opt.wait above 2s")
	}
	return nil
}

// Unmarshal is a confmap hook: one translatable statement, one not.
func (s *Supported) Unmarshal(conf *confmap.Conf) error {
	if err := conf.Unmarshal(s); err != nil {
		return err
	}
	if !conf.IsSet("alias") {
		s.Alias = s.Name
	}
	s.Ratio *= 2
	return nil
}

func newSupported() *Supported {
	return &Supported{
		Common: Common{Name: "n"},
		Mode:   ModeB,
		Opt:    configoptional.Default(Inner{Limit: 4, Wait: 1500 * time.Millisecond}),
		Ratio:  0.25,
	}
}

var _ = Supported{}.hidden
