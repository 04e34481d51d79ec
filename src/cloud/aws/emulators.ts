/**
 * Fields an AWS emulator accepts but does not report faithfully, per emulator. Used only when named by
 * KOPS_AWS_EMULATOR (tests against moto_server); against real AWS every reported field is diffed.
 */
const EMULATOR_UNOBSERVABLE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  // moto 5: the subnet hostname type is accepted and ignored (it stays ip-name).
  moto: { aws_subnet: ['privateDnsHostnameTypeOnLaunch'] },
};

export function emulatorProfile(name: string | undefined): Readonly<Record<string, readonly string[]>> | undefined {
  return name ? EMULATOR_UNOBSERVABLE[name] : undefined;
}
