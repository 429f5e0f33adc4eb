import type { TFunction } from 'i18next';
import type { Incident } from '../../../shared/domain';
import type { Role } from '../../../shared/team';
import type { StatementDetail, StatementVersion } from '../../../shared/statements';
import { zoneLabel } from '../../../shared/time-zone';
import { formatTime } from '../../format';

/** Whether a version is the approved text (only the current version of an approved or published statement is). */
export function isApprovedVersion(s: StatementDetail, version: number): boolean {
  return version === s.version && (s.state === 'approved' || s.state === 'published');
}

/** When a page was printed, and the time zone all its times are in (the page leaves the room). */
export function printedLine(t: TFunction, language: string, printedAt: number): string {
  return `${t('print.printedAt', { time: formatTime(printedAt, language) })} · ${t('print.zone', { zone: zoneLabel(language, printedAt) })}`;
}

/**
 * One statement as printed: organisation, title, the exact text of the version, its number and content hash, and the
 * approval block (each approver, role, time). Anything but the approved text says so on every page.
 */
export function StatementPrint(props: { incident: Incident; statement: StatementDetail; version: StatementVersion; roles: Role[]; roleName(r: Role): string; t: TFunction; language: string; printedAt: number; pageBreak?: boolean }) {
  const { incident, statement: s, version: v, t, language } = props;
  const approved = isApprovedVersion(s, v.version);
  const role = (id: string) => ((r) => (r ? props.roleName(r) : id))(props.roles.find((r) => r.id === id));
  const approvals = approved ? s.steps.filter((x) => x.decision?.decision === 'approved') : [];
  return (
    <section className={props.pageBreak ? 'break' : undefined} data-testid="print-statement">
      <div className="org" dir="auto">{incident.organisation || incident.title}</div>
      <h1 dir="auto" lang={v.languages[0]}>{v.title}</h1>
      <div className="meta">
        {t(`statements.kind.${s.kind}`)} · {t('print.version', { version: v.version })} · {v.languages.join(', ')} · {v.channels.map((c) => t(`statements.channel.${c}`, { defaultValue: c })).join(', ')}
      </div>
      {!approved && <p className="meta" style={{ color: '#b00', fontWeight: 'bold' }}>{t('print.notApproved')}</p>}
      <div className="body" dir="auto" lang={v.languages[0]}>{v.body}</div>
      <div className="meta">{t('print.hash')}</div>
      <div className="hash" data-testid="print-hash">{v.hash}</div>
      <h2>{t('print.approvals')}</h2>
      {approvals.length ? (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('print.role')}</th>
              <th>{t('print.approver')}</th>
              <th>{t('print.time')}</th>
            </tr>
          </thead>
          <tbody>
            {approvals.map((x) => (
              <tr key={x.step}>
                <td>{x.step}</td>
                <td>{role(x.roleId)}</td>
                <td dir="auto">{x.decision!.person}{x.decision!.asBackup ? ` (${t('statements.asBackup')})` : ''}</td>
                <td>{formatTime(x.decision!.at, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="meta">{t('print.noApprovals')}</p>
      )}
      <p className="meta">{printedLine(t, language, props.printedAt)}</p>
    </section>
  );
}
