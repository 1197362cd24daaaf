// The award-rule engine. Each rule kind reads its facts through an input: `events_attended` through the
// events module's attendance port (here); path completion, challenge goals and learning hours are plugged in by
// the modules that hold those facts (registerAwardInput). A kind with no input is skipped, never guessed.
import type { AppDeps } from '../../app/deps.types.ts';
import { attendancePort } from '../events/index.server.ts';
import { type AwardRule, periodKey, vietnamYear } from './credentials.rules.ts';
import { issueAward } from './credentials.usecases.server.ts';
import type { AwardRuleKind } from './credentials.vocab.ts';

export interface Qualifier {
  learnerId: string;
  /** The name the credential is issued to. */
  name: string;
}

/** What a module plugs in for one rule kind: who met the rule in the year. */
export interface AwardInput<K extends AwardRuleKind = AwardRuleKind> {
  kind: K;
  qualifiers(deps: AppDeps, rule: Extract<AwardRule, { kind: K }>, year: number): Promise<Qualifier[]>;
}

const eventsAttended: AwardInput<'events_attended'> = {
  kind: 'events_attended',
  async qualifiers(deps, rule, year) {
    const { from, to } = vietnamYear(year);
    const rows = await attendancePort.attendeesByCategory(deps, deps.db, {
      category: rule.category,
      from,
      to,
      min: rule.count,
    });
    // The account holder's learner id is their user id (learners port contract).
    return rows.map((r) => ({ learnerId: r.userId, name: r.name }));
  },
};

const inputs = new Map<AwardRuleKind, AwardInput>([['events_attended', eventsAttended as AwardInput]]);

/** Plugs in the input for a rule kind (paths, challenges, learning record); replaces an earlier one. */
export function registerAwardInput<K extends AwardRuleKind>(input: AwardInput<K>): void {
  inputs.set(input.kind, input as unknown as AwardInput);
}

export const EVALUATE_RULES_JOB = 'credentials.rules.evaluate';

/** Evaluates every active rule for `year`; awards each qualifier once per period. How many were awarded. */
export async function evaluateRules(
  deps: AppDeps,
  year: number,
): Promise<{ awarded: number; skippedKinds: string[] }> {
  let awarded = 0;
  const skippedKinds: string[] = [];
  for (const kind of ['events_attended', 'path_completed', 'challenge_goal', 'hours_in_year'] as const) {
    const achievements = await deps.repos.credentials.withRule(deps.db, kind);
    if (!achievements.length) continue;
    const input = inputs.get(kind);
    if (!input) {
      skippedKinds.push(kind);
      continue;
    }
    for (const a of achievements) {
      const rule = a.awardRule!;
      for (const q of await input.qualifiers(deps, rule as never, year)) {
        const id = await deps.db.transaction((tx) =>
          issueAward(
            deps,
            tx,
            a,
            {
              learnerId: q.learnerId,
              recipientName: q.name,
              source: 'rule',
              reason: null,
              periodKey: periodKey(rule, year),
            },
            null,
          ),
        );
        if (id) awarded++;
      }
    }
  }
  return { awarded, skippedKinds };
}

export async function runEvaluateRulesJob(deps: AppDeps): Promise<void> {
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(deps.now()),
  );
  await evaluateRules(deps, year);
}
