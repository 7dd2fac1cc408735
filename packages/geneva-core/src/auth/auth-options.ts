import type { TokenCredential } from '@azure/core-auth';

/** Token resource used for managed identity when none is given. */
export const DEFAULT_MSI_RESOURCE = 'https://monitor.core.windows.net';

/**
 * How the client authenticates to the Geneva config service.
 * - `msi`: Azure managed identity (system-assigned, or user-assigned by client id, object id or
 *   resource id: give at most one). Bearer token to the `userapi` path.
 * - `workload_identity`: Microsoft Entra workload identity (federated token file, e.g. AKS).
 *   Unset fields come from `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`,
 *   `AZURE_AUTHORITY_HOST`. Bearer token to the `userapi` path.
 * - `certificate`: PKCS#12 client certificate for mutual TLS to the `api` path (no bearer token).
 * - `credential`: any `TokenCredential` you bring; bearer token to the `userapi` path.
 */
export type GenevaAuth =
  | { kind: 'msi'; resource?: string; clientId?: string; objectId?: string; resourceId?: string }
  | {
      kind: 'workload_identity';
      resource: string;
      clientId?: string;
      tenantId?: string;
      tokenFilePath?: string;
      authorityHost?: string;
      /** Skip Entra instance discovery/authority validation (sovereign clouds, local emulators). */
      disableInstanceDiscovery?: boolean;
    }
  | { kind: 'certificate'; path: string; password?: string }
  | { kind: 'credential'; credential: TokenCredential; resource: string };
