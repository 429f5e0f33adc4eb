import { Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/domain';
import type { StatementDetail } from '../../../shared/statements';
import { call, printPage } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useRoleName } from '../team/role-text';
import './print.css';
import { isApprovedVersion, printedLine, StatementPrint } from './StatementPrint';

/** The toolbar above a print view (not printed): back to the room, and print / save as PDF (recorded in the audit log). */
function Toolbar({ incidentId, onPrint }: { incidentId: string; onPrint(): Promise<unknown> }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  return (
    <div className="print-toolbar">
      <Button onClick={() => navigate({ name: 'incident', id: incidentId, tab: 'statements' })} data-testid="print-back">
        {t('app.back')}
      </Button>
      <Button variant="contained" onClick={() => void onPrint().then(() => printPage(document.title), (err: unknown) => notify('error', errorText(err)))} data-testid="print-now">
        {t('print.print')}
      </Button>
    </div>
  );
}

/** The document's title names the PDF a user saves. */
function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

function useRoles(incidentId: string | undefined) {
  const roles = useStore((s) => s.roles);
  const loadTeam = useStore((s) => s.loadTeam);
  useEffect(() => {
    if (incidentId) void loadTeam(incidentId).catch(() => undefined);
  }, [incidentId, loadTeam]);
  return roles;
}

export function PrintStatementView({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const roleName = useRoleName();
  const [data, setData] = useState<{ statement: StatementDetail; incident: Incident } | null>(null);
  useEffect(() => {
    void call('statements.get', { id }).then(async (statement) => setData({ statement, incident: await call('incidents.get', { id: statement.incidentId }) }), () => undefined);
  }, [id]);
  const roles = useRoles(data?.incident.id);
  const [printedAt] = useState(() => Date.now());
  const v = data ? (data.statement.versions.find((x) => x.version === version) ?? data.statement.current) : null;
  useDocumentTitle(v ? `${v.title} v${v.version}` : null);
  if (!data || !v) return null;
  const approved = isApprovedVersion(data.statement, v.version);
  return (
    <>
      <Toolbar incidentId={data.incident.id} onPrint={() => call('statements.recordPrint', { id, version: v.version })} />
      {/* Faint on purpose (the text stays readable through it); the red line above says the same to everyone. */}
      {!approved && <div className="print-watermark" aria-hidden data-testid="print-watermark">{t('print.watermark')}</div>}
      <div className="print-page" data-testid="print-ready">
        <StatementPrint incident={data.incident} statement={data.statement} version={v} roles={roles} roleName={roleName} t={t} language={language} printedAt={printedAt} />
      </div>
    </>
  );
}

/** Every approved statement of the incident, each on its own page, after a cover page listing them. */
export function PrintPackView({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const roleName = useRoleName();
  const roles = useRoles(incidentId);
  const [data, setData] = useState<{ incident: Incident; statements: StatementDetail[] } | null>(null);
  useEffect(() => {
    void (async () => {
      const incident = await call('incidents.get', { id: incidentId });
      const list = (await call('statements.list', { incidentId })).filter((s) => s.state === 'approved' || s.state === 'published');
      setData({ incident, statements: await Promise.all(list.map((s) => call('statements.get', { id: s.id }))) });
    })().catch(() => undefined);
  }, [incidentId]);
  const [printedAt] = useState(() => Date.now());
  useDocumentTitle(data ? t('print.packTitle', { title: data.incident.title }) : null);
  if (!data) return null;
  const record = () => Promise.all(data.statements.map((s) => call('statements.recordPrint', { id: s.id, version: s.version })));
  return (
    <>
      <Toolbar incidentId={incidentId} onPrint={record} />
      <div className="print-page" data-testid="print-ready">
        <section data-testid="print-cover">
          <div className="org" dir="auto">{data.incident.organisation}</div>
          <h1 dir="auto">{t('print.packTitle', { title: isolate(data.incident.title) })}</h1>
          <p className="meta">{printedLine(t, language, printedAt)}</p>
          <table>
            <thead>
              <tr>
                <th>{t('statements.title')}</th>
                <th>{t('print.versionShort')}</th>
                <th>{t('statements.state.approved')}</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {data.statements.map((s) => (
                <tr key={s.id}>
                  <td dir="auto">{s.title}</td>
                  <td>{s.version}</td>
                  <td>{t(`statements.state.${s.state}`)}</td>
                  <td className="hash">{s.hash.slice(0, 16)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.statements.length === 0 && <p>{t('print.packEmpty')}</p>}
        </section>
        {data.statements.map((s) => (
          <StatementPrint key={s.id} pageBreak incident={data.incident} statement={s} version={s.current} roles={roles} roleName={roleName} t={t} language={language} printedAt={printedAt} />
        ))}
      </div>
    </>
  );
}
