import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { Alert, Box, Button, Chip, ListItemText, Menu, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_LIMITS, replyLength } from '../../../shared/reply-length';
import { AUTHOR_PLACEHOLDER } from '../../../shared/statements';
import type { ReplyWording, TriageItem } from '../../../shared/triage';
import { call, saidKey } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** Spaces and line breaks do not change what was said (the core compares the same way). */
const words = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

type Props = {
  incidentId: string;
  item: TriageItem;
  replyBox: React.RefObject<HTMLInputElement | null>;
};

/**
 * The reply as sent. "Approved wording" puts an approved statement of the incident into the box, filled for this
 * mention; the reply then remembers which text it came from, and says so when the responder changed it. The count
 * is the platform's own, so a statement too long for one reply is seen before it is posted.
 */
export function ReplyBox({ incidentId, item, replyBox }: Props) {
  const { t } = useTranslation();
  const respond = useStore((s) => s.triageRespond);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [reply, setReply] = useState('');
  const [picked, setPicked] = useState<ReplyWording | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; wordings: ReplyWording[] | null } | null>(null);

  // Open at once, saying it is reading: on a slow room a click that shows nothing gets clicked again.
  const openMenu = (anchor: HTMLElement) => {
    setMenu({ anchor, wordings: null });
    void call('triage.wordings', { mentionId: item.id }).then(
      (wordings) => setMenu((open) => (open?.anchor === anchor ? { anchor, wordings } : open)), // unless closed meanwhile
      (err: unknown) => (setMenu(null), notify('error', errorText(err))),
    );
  };
  const take = (w: ReplyWording) => {
    setReply(w.text);
    setPicked(w);
    setMenu(null);
    replyBox.current?.focus();
  };
  const edit = (text: string) => {
    setReply(text);
    if (!text.trim()) setPicked(null);
  };
  const send = () => {
    if (!reply.trim()) return;
    const wording = picked ? { statementId: picked.statementId, version: picked.version } : undefined;
    respond(incidentId, item.id, reply.trim(), wording).then(
      () => (setReply(''), setPicked(null)),
      (err: unknown) => {
        notify('error', errorText(err));
        // No longer approved as taken: what stays in the box is recorded as the responder's own words, unless taken again.
        if (saidKey(err) === 'wordingStale') setPicked(null);
      },
    );
  };

  const edited = picked !== null && words(reply) !== words(picked.text);
  const limit = REPLY_LIMITS[item.platform];
  const length = replyLength(reply, item.platform);
  return (
    <Box data-testid="reply-box">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Tooltip title={t('triage.wordingsHint')}>
          <Button size="small" variant="outlined" startIcon={<FormatQuoteIcon />} onClick={(e) => openMenu(e.currentTarget)} data-testid="reply-wordings">
            {t('triage.wordings')}
          </Button>
        </Tooltip>
        {reply.trim() !== '' && (
          <Chip
            size="small"
            variant="outlined"
            color={picked === null ? 'default' : edited ? 'warning' : 'success'}
            label={picked === null ? t('triage.ownWording') : t(edited ? 'triage.editedWording' : 'triage.fromWording', { title: isolate(picked.title), version: picked.version })}
            data-testid="reply-wording-state"
          />
        )}
      </Stack>
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)} slotProps={{ paper: { sx: { maxWidth: 520 } } }}>
        {menu && menu.wordings === null && <MenuItem disabled data-testid="reply-wordings-loading">{t('triage.wordingsLoading')}</MenuItem>}
        {menu?.wordings?.length === 0 && <MenuItem disabled>{t('triage.noWordings')}</MenuItem>}
        {menu?.wordings?.map((w) => (
          <MenuItem key={w.statementId} onClick={() => take(w)} data-testid="reply-wording" sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}>
            <ListItemText
              primary={<span dir="auto">{w.title}</span>}
              secondary={
                <>
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t(`statements.kind.${w.kind}`)} · {t(`statements.state.${w.published ? 'published' : 'approved'}`)} · {w.languages.join(', ')}
                    {!w.inMentionLanguage && ` · ${t('triage.otherLanguage')}`}
                  </Typography>
                  <Typography component="span" variant="body2" dir="auto" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                    {w.text}
                  </Typography>
                </>
              }
            />
          </MenuItem>
        ))}
      </Menu>
      <TextField
        size="small"
        fullWidth
        multiline
        minRows={2}
        inputRef={replyBox}
        label={t('triage.reply')}
        placeholder={t('triage.replyHint')}
        value={reply}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), send())}
        slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'triage-reply' }, formHelperText: { 'data-testid': 'reply-length' } as object }}
        helperText={limit && reply ? t(length > limit ? 'triage.tooLong' : 'triage.length', { count: length, limit, platform: item.platform }) : undefined}
        error={limit !== undefined && length > limit}
      />
      {reply.includes(AUTHOR_PLACEHOLDER) && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="reply-author-left">
          {t('triage.authorLeft')}
        </Alert>
      )}
      <Button size="small" variant="contained" sx={{ mt: 1 }} disabled={!reply.trim()} onClick={send} data-testid="triage-reply-save">
        {t('triage.recordReply')}
      </Button>
    </Box>
  );
}
