/** The Go exporter's defaults, from the generated config surface (plus the overlay's extension keys). */
import { DEFAULT_MSI_RESOURCE } from '../internal/core.js';
import type { AzureGigWarmConfigResolved } from './generated/azuregigwarm.types.js';
import { createDefaultConfig as generatedDefaults } from './generated/azuregigwarm.validator.js';

/** Default managed-identity token resource (extension; Go passes none, so its MSI mode cannot work). */
export { DEFAULT_MSI_RESOURCE };

/** A new Go-shaped default `azuregigwarm` block (snake_case, durations as Go strings) each call. */
export function createDefaultConfig(): AzureGigWarmConfigResolved {
  return generatedDefaults();
}
