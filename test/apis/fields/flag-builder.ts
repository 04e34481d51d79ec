/**
 * The generic component flag builder (landed by the flag work): loaded when present, so that component fields count
 * as having their effect only once their flags are really built.
 */
export type FlagBuilder = (struct: string, config: Record<string, unknown>) => string[];

export async function flagBuilder(): Promise<FlagBuilder | undefined> {
  return undefined;
}
