import { Alert as MuiAlert, Button, MenuItem, TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/analytics';
import { SITREP_CADENCES, SITREP_PERIODS, type SitrepPeriod, type SituationReport } from '../../../shared/sitrep';
import { call, printPage } from '../../api/client';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useAlertText } from '../alerts/AlertBanner';
import { useErrorText } from '../common/use-error-text';
import { useNumbers } from '../common/use-numbers';
import '../print/print.css';
import { usePlanText } from '../plan/plan-text';
import { useRoleName } from '../team/role-text';
import { useEntryText } from '../timeline/entry-text';
import { useStakeholderName } from '../stakeholders/stakeholder-name';
import { copyText } from './copy-text';
import { zoneLabel } from '../../../shared/time-zone';

/** The same report, read again: what it says, not when it was drawn up (a rolling period's start moves with the clock). */
function sameReport(a: SituationReport, b: SituationReport): boolean {
  const { generatedAt: _a, since: _s, ...restA } = a;
  const { generatedAt: _b, since: _t, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * The situation report for the people outside the room: where the crisis stands, and what changed in a period —
 * printed, saved as PDF, or copied as plain text into an e-mail or a message. "Mark as sent" puts it on the
 * timeline, and the next report starts from there.
 */
export function SitrepView({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [period, setPeriod] = useState<SitrepPeriod>('last');
  const [data, setData] = useState<{ report: SituationReport; alerts: Alert[] } | null>(null);
  const shown = useRef(data); // the same, for an answer that comes after a re-render
  const page = useRef<HTMLDivElement>(null);
  const fail = (err: unknown) => notify('error', errorText(err));

  // Marking it sent does not reload: the page stays the report that went out, ready to print or copy again.
  const [sent, setSent] = useState(false);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let current = true; // a slower answer for the period chosen before must not replace this one
    Promise.all([call('sitrep.get', { incidentId, period }), call('alerts.list', { incidentId })]).then(([report, alerts]) => {
      if (!current) return;
      shown.current = { report, alerts };
      setData(shown.current);
      setSent(false);
      document.title = t('sitrep.title', { title: report.incident.title });
    }, fail);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident, the period or the schedule changes
  }, [incidentId, period, reloads]);

  // The room goes on while a report is read: a change on any laptop that alters it is said, not applied under the
  // reader's eyes (what they print stays what they read). Once marked sent, the page is the record of what went out.
  const change = useStore((s) => s.incidentChange);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!change || change.incidentId !== incidentId || !data || sent || stale) return;
    let current = true;
    const check = setTimeout(() => {
      // Against what is on screen when the answer comes: this laptop's own change may have reloaded it meanwhile.
      call('sitrep.get', { incidentId, period }).then((fresh) => current && shown.current && setStale(!sameReport(fresh, shown.current.report)), () => undefined);
    }, 300); // a burst of events (an import's batches) is one check
    return () => {
      current = false;
      clearTimeout(check);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- each change heard is one check against what is shown
  }, [change]);
  useEffect(() => setStale(false), [data]);

  const copy = () => void copyText(page.current?.innerText ?? '').then(() => notify('success', t('sitrep.copied')), fail);
  const schedule = (every: number | null) =>
    void call('incidents.update', { id: incidentId, patch: { sitrepEveryMinutes: every } }).then(() => setReloads((n) => n + 1), fail);
  const markSent = () => void call('sitrep.markSent', { incidentId }).then(() => (setSent(true), notify('success', t('sitrep.sent'))), fail);
  return (
    <>
      <div className="print-toolbar">
        <Button onClick={() => navigate({ name: 'incident', id: incidentId, tab: 'overview' })} data-testid="print-back">
          {t('app.back')}
        </Button>
        <TextField select size="small" label={t('sitrep.period.label')} value={period} onChange={(e) => setPeriod(e.target.value as SitrepPeriod)} sx={{ minWidth: 220 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'sitrep-period' } as object } }}>
          {SITREP_PERIODS.map((p) => (
            <MenuItem key={p} value={p} data-testid={`sitrep-period-${p}`}>
              {t(`sitrep.period.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <TextField select size="small" label={t('sitrep.everyLabel')} value={data.report.incident.sitrepEveryMinutes ?? 'off'} onChange={(e) => schedule(e.target.value === 'off' ? null : Number(e.target.value))} sx={{ minWidth: 180 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'sitrep-every' } as object } }}>
            {['off', ...SITREP_CADENCES].map((every) => (
              <MenuItem key={every} value={every} data-testid={`sitrep-every-${every}`}>
                {t(`sitrep.every.${every}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button variant="outlined" onClick={copy} data-testid="sitrep-copy">{t('sitrep.copy')}</Button>
        <Button variant="outlined" onClick={markSent} disabled={sent} data-testid="sitrep-mark-sent">{t('sitrep.markSent')}</Button>
        <Button variant="contained" onClick={() => void printPage(document.title)} data-testid="print-now">{t('print.print')}</Button>
        {stale && (
          <MuiAlert severity="info" sx={{ flexBasis: '100%' }} data-testid="sitrep-stale" action={<Button color="inherit" size="small" onClick={() => setReloads((n) => n + 1)} data-testid="sitrep-refresh">{t('sitrep.refresh')}</Button>}>
            {t('sitrep.stale')}
          </MuiAlert>
        )}
      </div>
      {data && (
        <div className="print-page" ref={page} data-testid="sitrep">
          <SitrepBody report={data.report} alerts={data.alerts} />
        </div>
      )}
    </>
  );
}

function SitrepBody({ report: r, alerts }: { report: SituationReport; alerts: Alert[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const { number, percent } = useNumbers();
  const roleName = useRoleName();
  const alertText = useAlertText();
  const entryText = useEntryText();
  const stakeholderName = useStakeholderName();
  const planText = usePlanText();
  const at = (ms: number) => formatTime(ms, language);
  const i = r.incident;
  const share = (v: number | null) => (v === null ? '—' : percent(v));
  const owner = (task: SituationReport['tasks']['late'][number]) => {
    if (task.ownerPersonName ?? task.ownerRoleHolders[0]) return isolate(task.ownerPersonName ?? task.ownerRoleHolders.join(', '));
    const role = r.roster.find((row) => row.role.id === task.ownerRoleId)?.role;
    return role ? t('sitrep.roleNobody', { role: roleName(role) }) : t('sitrep.noOwner');
  };
  const late = r.nextUpdateDueAt !== null && r.nextUpdateDueAt < r.generatedAt;
  return (
    <>
      <div className="org" dir="auto">{i.organisation}</div>
      <h1>{t('sitrep.title', { title: isolate(i.title) })}</h1>
      <div className="meta" data-testid="sitrep-meta">
        {[t(`status.${i.status}`), i.level ? t(`level.${i.level}`) : t('level.none'), i.crisisType ? t(`crisisType.${i.crisisType}`) : t('crisisType.none')].join(' · ')}
      </div>
      <div className="meta">
        {t('sitrep.covering', { at: at(r.generatedAt), from: at(r.since) })} · {r.lastSentAt === null ? t('sitrep.neverSent') : t('sitrep.lastSent', { at: at(r.lastSentAt) })} ·{' '}
        <span data-testid="sitrep-zone">{t('print.zone', { zone: zoneLabel(language, r.generatedAt) })}</span>
      </div>
      {r.nextUpdateDueAt !== null && <p data-testid="sitrep-next-update"><b>{t(late ? 'sitrep.updateLate' : 'sitrep.nextUpdate', { at: at(r.nextUpdateDueAt) })}</b></p>}
      {/* For its readers: when they will hear again, counted from this report. */}
      {r.timer && <p data-testid="sitrep-next-report">{t('sitrep.nextReport', { at: at(r.generatedAt + r.timer.everyMinutes * 60_000) })}</p>}

      <h2>{t('sitrep.figures')}</h2>
      <ul data-testid="sitrep-figures">
        <li>{t('sitrep.mentionsLine', { count: r.mentions.period.mentions, before: r.mentions.before.mentions })}</li>
        <li>{t('sitrep.negativeLine', { share: share(r.mentions.period.negativeShare), before: share(r.mentions.before.negativeShare) })}</li>
        {r.mentions.peakHour && <li>{t('sitrep.peakLine', { count: r.mentions.peakHour.mentions, at: at(r.mentions.peakHour.at) })}</li>}
        <li>{t('sitrep.triageLine', { unread: number(r.triage.unread), awaiting: number(r.triage.awaiting), overdue: number(r.triage.overdue) })}</li>
        <li>{t('sitrep.repliesLine', { count: r.triage.repliesInPeriod, approved: number(r.triage.approvedWordingInPeriod) })}</li>
        {/* An alert may quote an author: shown in its own direction, as the banner does. */}
        {r.openAlerts.map((a) => (
          <li key={a.id} data-testid="sitrep-alert">
            <span dir="auto">{t('sitrep.alertLine', { text: alertText(a) })}</span>
          </li>
        ))}
      </ul>

      <h2>{t('sitrep.happened')}</h2>
      {r.entries.length === 0 && <p>{t('sitrep.nothing')}</p>}
      {r.omittedEntries > 0 && <p className="meta" data-testid="sitrep-omitted">{t('sitrep.omitted', { count: r.omittedEntries })}</p>}
      <ul data-testid="sitrep-entries">
        {r.entries.map((e) => (
          <li key={e.id}>
            {e.keyEvent ? '★ ' : ''}
            {at(e.occurredAt)} · {t(`timeline.kind.${e.kind}`, { defaultValue: e.kind })}: <span dir="auto">{entryText(e, alerts) ?? e.text}</span> — {isolate(e.author)}
          </li>
        ))}
      </ul>

      <h2>{t('sitrep.statements')}</h2>
      <ul data-testid="sitrep-statements">
        {r.statements.published.map((p) => (
          <li key={`${p.statementId}/${p.channel}/${p.at}`}>{t('sitrep.publishedLine', { title: isolate(p.title), version: p.version, channel: t(`statements.channel.${p.channel}`, { defaultValue: p.channel }), at: at(p.at) })}</li>
        ))}
        {r.statements.waiting.map((s) => (
          <li key={s.id}>{t('sitrep.waitingLine', { title: isolate(s.title), who: isolate(s.waiting?.holders.join(', ') || t('sitrep.nobody')), at: s.waiting ? at(s.waiting.since) : '—' })}</li>
        ))}
        {r.statements.approvedNotPublished.map((s) => <li key={s.id}>{t('sitrep.approvedLine', { title: isolate(s.title) })}</li>)}
        {r.statements.published.length + r.statements.waiting.length + r.statements.approvedNotPublished.length === 0 && <li>{t('sitrep.none')}</li>}
      </ul>

      <h2>{t('sitrep.enquiries')}</h2>
      <ul data-testid="sitrep-enquiries">
        {r.enquiries.open.map((e) => (
          <li key={e.id}>
            {t(e.deadlineAt === null ? 'sitrep.enquiryOpenLine' : e.deadlineAt < r.generatedAt ? 'sitrep.enquiryLateLine' : 'sitrep.enquiryDueLine', {
              outlet: isolate(e.outlet), owner: isolate(e.ownerPersonName ?? t('sitrep.noOwner')), at: e.deadlineAt === null ? '' : at(e.deadlineAt),
            })}
          </li>
        ))}
        <li>{t('sitrep.enquiriesLine', { received: number(r.enquiries.receivedInPeriod), closed: number(r.enquiries.closedInPeriod) })}</li>
      </ul>

      <h2>{t('sitrep.stakeholders')}</h2>
      <ul data-testid="sitrep-stakeholders">
        {r.stakeholders.toInform.map((s) => (
          <li key={s.id}>
            {t(s.dueAt === null ? 'sitrep.stakeholderOpenLine' : s.dueAt < r.generatedAt ? 'sitrep.stakeholderLateLine' : 'sitrep.stakeholderDueLine', {
              name: isolate(stakeholderName(s)), owner: isolate(s.ownerPersonName ?? t('sitrep.noOwner')), at: s.dueAt === null ? '' : at(s.dueAt),
            })}
          </li>
        ))}
        <li>{t('sitrep.stakeholdersLine', { informed: number(r.stakeholders.informedInPeriod) })}</li>
      </ul>

      <h2>{t('sitrep.claims')}</h2>
      <ul data-testid="sitrep-claims">
        {r.claims.toAnswer.map((c) => (
          <li key={c.id}>
            {t('sitrep.claimLine', {
              verdict: t(`claims.verdict.${c.verdict}`), trend: t(`claims.trend.${c.spread.trend}`), claim: isolate(c.claim),
              owner: isolate(c.ownerPersonName ?? t('sitrep.noOwner')), count: number(c.inPeriod),
            })}
          </li>
        ))}
        <li>{t('sitrep.claimsLine', { answered: number(r.claims.answeredInPeriod) })}</li>
      </ul>

      {r.channels.length + r.impostors.length > 0 && (
        <>
          <h2>{t('sitrep.channels')}</h2>
          <ul data-testid="sitrep-channels">
            {r.channels.map((c) => (
              <li key={c.id}>
                {t('sitrep.channelLine', { channel: t(`statements.channel.${c.platform}`), name: isolate(c.name), posting: t(`channels.posting.${c.posting}`), since: at(c.postingSince) })}
                {c.waiting.length > 0 && `; ${t('sitrep.channelWaiting', { titles: c.waiting.map((w) => isolate(w.title)).join(', ') })}`}
              </li>
            ))}
            {r.impostors.map((i) => (
              <li key={`impostor-${i.id}`} data-testid="sitrep-impostor">
                {t('sitrep.impostorLine', {
                  channel: t(`statements.channel.${i.platform}`), name: isolate(i.handle), status: t(`impostors.status.${i.status}`),
                  at: at(i.reportedAt ?? i.spottedAt),
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('sitrep.tasks')}</h2>
      <ul data-testid="sitrep-tasks">
        {r.tasks.late.map((task) => <li key={task.id}>{t('sitrep.lateLine', { title: isolate(planText.task(task)), owner: owner(task), at: at(task.dueAt!) })}</li>)}
        {r.tasks.dueSoon.map((task) => <li key={task.id}>{t('sitrep.dueLine', { title: isolate(planText.task(task)), owner: owner(task), at: at(task.dueAt!) })}</li>)}
        <li>{t('sitrep.doneLine', { count: r.tasks.doneInPeriod })}</li>
      </ul>

      <h2>{t('sitrep.team')}</h2>
      <ul data-testid="sitrep-team">
        {r.roster.filter((row) => row.now.length > 0 || row.gap).map((row) => (
          <li key={row.role.id} data-testid={row.gap ? 'sitrep-gap' : undefined}>
            {roleName(row.role)}: {row.now.length ? row.now.map((a) => isolate(a.personName)).join(', ') : <b>{t('sitrep.gap')}</b>}
          </li>
        ))}
      </ul>
    </>
  );
}
