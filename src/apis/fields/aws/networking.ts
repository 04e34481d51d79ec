export const AWS_NETWORKING_FIELDS: readonly import('../registry.js').RegistryEntry[] = [];
