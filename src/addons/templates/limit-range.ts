/** Default CPU request for containers in the default namespace. */
export function limitRange(): string {
  return `apiVersion: v1
kind: LimitRange
metadata:
  labels:
    k8s-addon: limit-range.addons.k8s.io
  name: limits
  namespace: default
spec:
  limits:
  - defaultRequest:
      cpu: 100m
    type: Container
`;
}
