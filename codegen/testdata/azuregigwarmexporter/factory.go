package azuregigwarmexporter

import (
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configretry"
	"go.opentelemetry.io/collector/exporter/exporterhelper"
)

// Defaults of the per-batch retry layer.
const (
	defaultBatchMaxRetries      = 3
	defaultBatchInitialInterval = "100ms"
	defaultBatchMaxInterval     = "5s"
	defaultBatchMultiplier      = 2.0
)

func createDefaultConfig() component.Config {
	return &Config{
		QueueSettings: exporterhelper.NewDefaultQueueConfig(),
		BackOffConfig: configretry.NewDefaultBackOffConfig(),
		BatchRetry:    newDefaultBatchRetryConfig(),
	}
}

func newDefaultBatchRetryConfig() BatchRetryConfig {
	return BatchRetryConfig{
		Enabled:         true,
		MaxRetries:      defaultBatchMaxRetries,
		InitialInterval: defaultBatchInitialInterval,
		MaxInterval:     defaultBatchMaxInterval,
		Multiplier:      defaultBatchMultiplier,
	}
}
