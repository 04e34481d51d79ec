/** Version of this tool, and the Go kops release whose behaviour it implements. */
export const KOPS_TS_VERSION = '0.1.0';
export const KOPS_COMPAT_VERSION = '1.37.0';
