// Public page of a reading challenge: window, goal, the learner's progress bar (a native <progress>, no JS),
// joining (group, leaderboard opt-in), logging a book (marked self-logged), the learner's entries, totals per
// group and the leaderboard of those who opted in.
import { data, redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  joinChallenge,
  logReading,
  viewChallenge,
} from '../../../modules/learning/challenges.usecases.server.ts';
import { EntryInputSchema, JoinInputSchema } from '../../../modules/learning/learning.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { SignInLink } from '../components/SignInLink.tsx';
import { ENTRY_MESSAGES, JOIN_MESSAGES, readEntryForm, readJoinForm } from '../forms.server.ts';
import learningCss from '../learning.css?url';
import type { Route } from './+types/challenge.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learningCss }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await viewChallenge(deps, actor, params.challengeId, request);
    const c = v.challenge;
    const done = new URL(request.url).searchParams.get('done');
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      startsOn: formatIsoDay(c.startsOn),
      endsOn: formatIsoDay(c.endsOn),
      today: v.today,
      goalKind: c.goalKind,
      goal: c.goal,
      groupKind: c.groupKind,
      running: v.running,
      draft: c.status !== 'published',
      participants: v.participants,
      leaderboard: v.leaderboard.map((r, i) => ({ ...r, rank: i + 1 })),
      groups: v.groups,
      signedIn: v.signedIn,
      me: v.me
        ? {
            groupName: v.me.groupName,
            optIn: v.me.leaderboardOptIn,
            total: v.me.total,
            percent: v.me.percent,
            entries: v.me.entries.map((e) => ({
              id: e.id,
              title: e.title,
              source: e.source,
              minutes: e.minutes,
              books: e.books,
              readOn: formatIsoDay(e.readOn),
            })),
          }
        : null,
      notice: done === 'joined' || done === 'logged' ? done : null,
      // A "log this book" link from a catalogue record: ?record=rec_… fills the title field.
      prefill: /^rec_[a-z0-9]{16}$/.exec(new URL(request.url).searchParams.get('record') ?? '')?.[0] ?? '',
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const back = (done: string) =>
    redirect(`${localePath(locale, `/learn/challenges/${params.challengeId}`)}?done=${done}`, 303);
  if (intent === 'join') {
    const { values, input } = readJoinForm(form);
    const parsed = JoinInputSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesToMessages(parsed.error, JOIN_MESSAGES), { intent, ...values });
    try {
      await joinChallenge(deps, actor, params.challengeId, parsed.data, request);
      return back('joined');
    } catch (e) {
      return failure(e, { intent, ...values }, 'join-group');
    }
  }
  if (intent === 'log') {
    const { values, input } = readEntryForm(form);
    const parsed = EntryInputSchema.safeParse(input);
    if (!parsed.success)
      return invalid(issuesToMessages(parsed.error, ENTRY_MESSAGES), { intent, ...values });
    try {
      await onceForm(deps, actor, 'learning.challenge.entry', form, (d) =>
        logReading(d, actor, params.challengeId, parsed.data, request),
      );
      return back('logged');
    } catch (e) {
      return failure(e, { intent, ...values }, 'entry-day');
    }
  }
  return data(
    { ok: false as const, errors: [{ key: 'error.validation' as const }], values: { intent } },
    { status: 400 },
  );
}

export default function ChallengePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const posted: Record<string, string> = actionData?.values ?? {};
  const unit = d.goalKind === 'books' ? 'learning.challenge.unitBooks' : 'learning.challenge.unitMinutes';
  return (
    <>
      <title>{`${d.title} — Suốt Đời`}</title>
      <p>
        <a href={href('/learn')}>{t('learning.public.title')}</a>
      </p>
      <h1>{d.title}</h1>
      {d.draft ? <p className="alert-ok">{t('learning.public.draftNotice')}</p> : null}
      {d.notice ? (
        <p className="alert-ok" role="status">
          {t(d.notice === 'joined' ? 'learning.challenge.joined' : 'learning.challenge.logged')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {d.description ? <p className="lead">{d.description}</p> : null}
      <ul>
        <li>{t('learning.challenge.window', { start: d.startsOn, end: d.endsOn })}</li>
        <li>
          {t(d.goalKind === 'books' ? 'learning.challenge.goalBooks' : 'learning.challenge.goalMinutes', {
            count: d.goal,
          })}
        </li>
        <li>{t('learning.challenge.participants', { count: d.participants })}</li>
      </ul>
      {!d.running ? <p>{t('learning.error.notRunning')}</p> : null}

      {d.me ? (
        <section aria-labelledby="my-progress">
          <h2 id="my-progress">{t('learning.challenge.myProgress')}</h2>
          <p>
            <label htmlFor="challenge-progress">
              {t('learning.challenge.progressText', {
                total: d.me.total,
                goal: d.goal,
                unit: t(unit),
                percent: d.me.percent,
              })}
            </label>
            <br />
            <progress id="challenge-progress" className="learn-progress" max={100} value={d.me.percent}>
              {d.me.percent}%
            </progress>
          </p>
          {d.running ? (
            <form method="post" className="form" noValidate>
              <h3>{t('learning.challenge.logHeading')}</h3>
              <input type="hidden" name="intent" value="log" />
              <FormToken />
              <TextField
                id="entry-title"
                label={t('learning.challenge.entryTitle')}
                errors={errors}
                hint={t('learning.challenge.entryTitleHint')}
                name="title"
                defaultValue={posted.title ?? d.prefill}
              />
              <TextField
                id="entry-minutes"
                label={t('learning.challenge.entryMinutes')}
                errors={errors}
                name="minutes"
                inputMode="numeric"
                defaultValue={posted.minutes ?? ''}
              />
              <TextField
                id="entry-day"
                label={t('learning.challenge.entryDay')}
                errors={errors}
                hint={t('learning.challenge.entryDayHint', { start: d.startsOn, end: d.endsOn })}
                name="readOn"
                type="date"
                defaultValue={posted.readOn ?? d.today}
              />
              <div>
                <button type="submit">{t('learning.challenge.logSubmit')}</button>
              </div>
            </form>
          ) : null}
          <h3>{t('learning.challenge.entriesHeading')}</h3>
          {d.me.entries.length === 0 ? <p>{t('learning.challenge.noEntries')}</p> : null}
          <ul>
            {d.me.entries.map((e) => (
              <li key={e.id}>
                {e.readOn} — {e.title}
                {e.minutes ? ` (${t('learning.challenge.minutesShort', { count: e.minutes })})` : ''}{' '}
                <span className="learn-tag">
                  {t(
                    e.source === 'self'
                      ? 'learning.challenge.selfLogged'
                      : `learning.challenge.verified.${e.source}`,
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : d.running ? (
        d.signedIn ? (
          <form method="post" className="form" noValidate>
            <h2>{t('learning.challenge.joinHeading')}</h2>
            <input type="hidden" name="intent" value="join" />
            {d.groupKind ? (
              <TextField
                id="join-group"
                label={t(`learning.group.${d.groupKind}`)}
                errors={errors}
                name="groupName"
                defaultValue={posted.groupName ?? ''}
              />
            ) : null}
            <div className="field checkbox-field">
              <input
                id="join-optin"
                name="leaderboardOptIn"
                type="checkbox"
                defaultChecked={posted.leaderboardOptIn === 'on'}
              />
              <label htmlFor="join-optin">{t('learning.challenge.optIn')}</label>
            </div>
            <div>
              <button type="submit">{t('learning.challenge.joinSubmit')}</button>
            </div>
          </form>
        ) : (
          <SignInLink back={`/learn/challenges/${d.id}`} />
        )
      ) : null}

      {d.groups.length ? (
        <section aria-labelledby="challenge-groups">
          <h2 id="challenge-groups">{t('learning.challenge.groupsHeading')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(`learning.group.${d.groupKind ?? 'team'}`)}</th>
                  <th scope="col">{t('learning.challenge.people')}</th>
                  <th scope="col">{t(unit)}</th>
                </tr>
              </thead>
              <tbody>
                {d.groups.map((g) => (
                  <tr key={g.groupName}>
                    <th scope="row">{g.groupName}</th>
                    <td>{g.participants}</td>
                    <td>{g.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="challenge-board">
        <h2 id="challenge-board">{t('learning.challenge.leaderboard')}</h2>
        <p className="hint">{t('learning.challenge.leaderboardHint')}</p>
        {d.leaderboard.length === 0 ? <p>{t('learning.challenge.leaderboardEmpty')}</p> : null}
        <ol>
          {d.leaderboard.map((r) => (
            <li
              key={r.rank}
            >{`${r.displayName}${r.groupName ? ` (${r.groupName})` : ''} — ${r.total} ${t(unit)}`}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
