// Client surface (config service, authentication, uploads, errors, backoff).
export {};
