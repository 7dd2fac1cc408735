// Code generated from metadata.yaml by scripts/gen-metadata.mjs. DO NOT EDIT.

/** Component type, from metadata.yaml `type`. */
export const COMPONENT_TYPE = 'azuregigwarm' as const;

/** Component class, from metadata.yaml `status.class`. */
export const COMPONENT_CLASS = 'exporter' as const;

/** Stability per signal, from metadata.yaml `status.stability`. */
export const COMPONENT_STABILITY = { traces: 'alpha', logs: 'alpha' } as const;
