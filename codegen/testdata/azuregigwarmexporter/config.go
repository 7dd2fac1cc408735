// Package azuregigwarmexporter is a test fixture for geneva-codegen: it expresses the
// configuration surface of the Go azuregigwarm exporter (keys, defaults, Validate rules).
package azuregigwarmexporter

import (
	"errors"
	"fmt"

	"go.opentelemetry.io/collector/config/configretry"
	"go.opentelemetry.io/collector/exporter/exporterhelper"
)

// AuthMethod selects how the exporter authenticates to the Geneva config service.
type AuthMethod int

const (
	// MSI uses a managed identity.
	MSI AuthMethod = iota
	// Certificate uses a client certificate (PKCS#12).
	Certificate
	// WorkloadIdentity uses Azure workload identity (federated token).
	WorkloadIdentity
)

// String returns the name of the authentication method.
func (a AuthMethod) String() string {
	switch a {
	case MSI:
		return "msi"
	case Certificate:
		return "certificate"
	case WorkloadIdentity:
		return "workload_identity"
	default:
		return "unknown"
	}
}

// BatchRetryConfig configures retries of a single uploaded batch.
type BatchRetryConfig struct {
	// Enabled turns per-batch retries on.
	Enabled bool `mapstructure:"enabled"`
	// MaxRetries is the number of retries per batch; a negative value falls back to 3.
	MaxRetries int `mapstructure:"max_retries"`
	// InitialInterval is the first backoff delay as a Go duration string; empty or invalid falls back to the default.
	InitialInterval string `mapstructure:"initial_interval"`
	// MaxInterval caps the backoff delay, as a Go duration string; empty or invalid falls back to the default.
	MaxInterval string `mapstructure:"max_interval"`
	// Multiplier grows the delay between retries; a value <= 0 falls back to 2.0.
	Multiplier float64 `mapstructure:"multiplier"`
}

// Config defines the configuration of the azuregigwarm exporter.
type Config struct {
	// Endpoint is the Geneva config service endpoint.
	Endpoint string `mapstructure:"endpoint"`
	// Environment is the Geneva environment (for example "Test" or "Prod").
	Environment string `mapstructure:"environment"`
	// Account is the Geneva account name.
	Account string `mapstructure:"account"`
	// Namespace is the Geneva namespace.
	Namespace string `mapstructure:"namespace"`
	// Region is the Azure region of the Geneva account.
	Region string `mapstructure:"region"`
	// ConfigMajorVersion is the Geneva configuration major version.
	ConfigMajorVersion uint32 `mapstructure:"config_major_version"`
	// AuthMethod selects the authentication method.
	AuthMethod AuthMethod `mapstructure:"auth_method"`
	// Tenant is the tenant name recorded with every event.
	Tenant string `mapstructure:"tenant"`
	// RoleName is the role name recorded with every event.
	RoleName string `mapstructure:"role_name"`
	// RoleInstance is the role instance recorded with every event.
	RoleInstance string `mapstructure:"role_instance"`
	// CertPath is the path of the PKCS#12 client certificate (certificate auth).
	CertPath string `mapstructure:"cert_path"`
	// CertPassword is the password of the PKCS#12 file (certificate auth); may be empty.
	CertPassword string `mapstructure:"cert_password"`
	// WorkloadIdentityResource is the token resource (workload identity auth).
	WorkloadIdentityResource string `mapstructure:"workload_identity_resource"`

	// QueueSettings configures the exporterhelper sending queue.
	QueueSettings exporterhelper.QueueBatchConfig `mapstructure:"sending_queue"`
	// BackOffConfig configures exporterhelper retries around a whole export.
	BackOffConfig configretry.BackOffConfig `mapstructure:"retry_on_failure"`
	// BatchRetry configures retries of each uploaded batch.
	BatchRetry BatchRetryConfig `mapstructure:"batch_retry"`
}

// Validate checks the configuration; the first failure wins.
func (c *Config) Validate() error {
	if c.Endpoint == "" {
		return errors.New(`requires a non-empty "endpoint"`)
	}
	if c.Environment == "" {
		return errors.New(`requires a non-empty "environment"`)
	}
	if c.Account == "" {
		return errors.New(`requires a non-empty "account"`)
	}
	if c.Namespace == "" {
		return errors.New(`requires a non-empty "namespace"`)
	}
	if c.Region == "" {
		return errors.New(`requires a non-empty "region"`)
	}
	if c.Tenant == "" {
		return errors.New(`requires a non-empty "tenant"`)
	}
	if c.RoleName == "" {
		return errors.New(`requires a non-empty "role_name"`)
	}
	if c.RoleInstance == "" {
		return errors.New(`requires a non-empty "role_instance"`)
	}
	if c.AuthMethod != MSI && c.AuthMethod != Certificate && c.AuthMethod != WorkloadIdentity {
		return fmt.Errorf("invalid auth_method: %d (must be 0 for MSI, 1 for Certificate, or 2 for WorkloadIdentity)", c.AuthMethod)
	}
	if c.AuthMethod == Certificate && c.CertPath == "" {
		return errors.New(`requires a non-empty "cert_path" when auth_method == certificate`)
	}
	if c.AuthMethod == WorkloadIdentity && c.WorkloadIdentityResource == "" {
		return errors.New(`requires a non-empty "workload_identity_resource" when auth_method == workload_identity`)
	}
	return nil
}
