/** A Terraform resource label from a task name: dots, slashes and colons are not allowed, nor a leading digit. */
export function tfLabel(name: string): string {
  const label = name.replace(/\./g, '-').replace(/\//g, '--').replace(/:/g, '_');
  return /^[0-9]/.test(label) ? `prefix_${label}` : label;
}

/** The data file holding a large attribute: `data/<type>_<task name>_<key>`. */
export function dataFileName(type: string, name: string, key: string): string {
  return `${type}_${name}_${key}`;
}
