// How often a crashed server is restarted: at most `max` restarts within `windowMs`; after that
// the client stops and tells the user once. Pure, with an injectable clock for tests.

export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when one more restart is allowed. */
  recordCrash(): boolean {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    return this.crashes.length <= this.max;
  }

  /** A manual restart starts with a fresh budget. */
  reset(): void {
    this.crashes = [];
  }
}

export function gaveUpMessage(budget: RestartBudget): string {
  const minutes = Math.round(budget.windowMs / 60000);
  return (
    `The Outreach server stopped unexpectedly ${budget.max + 1} times in ${minutes} minutes and will not be restarted. ` +
    'See the "Outreach" output for the cause, then run "Outreach: Restart server".'
  );
}
