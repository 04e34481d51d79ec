export const AWS_INSTANCE_GROUP_FIELDS: readonly import('../registry.js').RegistryEntry[] = [];
