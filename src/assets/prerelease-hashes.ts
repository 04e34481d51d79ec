/**
 * sha256 of pre-release Kubernetes binaries that the Go kops does not carry in its tables (it downloads
 * `<url>.sha256` at run time). Pinned so that clusters on these versions build offline and reproducibly.
 */
export const PRERELEASE_SHA256: Record<string, string> = {
  'https://dl.k8s.io/release/v1.35.0-alpha.1/bin/linux/amd64/kubelet': '658a6060d57932b268fe4896197c4171a316deaa0974ad67e60c3b91ffdb5235',
  'https://dl.k8s.io/release/v1.35.0-alpha.1/bin/linux/amd64/kubectl': '61fb51fbe9b2e0275e1cbeff49aa763f57b60c84d1fd36bdcb656ef21bbccef4',
  'https://dl.k8s.io/release/v1.35.0-alpha.1/bin/linux/arm64/kubelet': 'bcf8aa61e7284423870dc84875ed5d09c79a7b61285832446900ca3383157396',
  'https://dl.k8s.io/release/v1.35.0-alpha.1/bin/linux/arm64/kubectl': '44f0eebabc162e8a9a1fcec40922f1ccb7c6cbd37e00e17c54315ae08f05dee2',
  'https://dl.k8s.io/release/v1.36.0-rc.1/bin/linux/amd64/kubelet': '21be18730b9c70507bb68a1da0b1d57b61a2499f3583e7ffec5e7aeee71ebb9d',
  'https://dl.k8s.io/release/v1.36.0-rc.1/bin/linux/amd64/kubectl': '837bb39bfdf84d6b63f2d53e1f73bc6034bc2b2393641c8d2ba69d2b3b174092',
  'https://dl.k8s.io/release/v1.36.0-rc.1/bin/linux/arm64/kubelet': 'c7fd6b5d5af23079afb98695d9b2e2ed764c1b5581c43a994f8ca062fd154139',
  'https://dl.k8s.io/release/v1.36.0-rc.1/bin/linux/arm64/kubectl': '626d71ed21b05fedd56a1dc49ebee8e7217d170d75496f7cd8ee1f0721262e59',
};
