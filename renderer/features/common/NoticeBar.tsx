import { Alert, Snackbar } from '@mui/material';
import { useStore } from '../../store';

export function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  return (
    <Snackbar key={notice?.key} open={notice !== null} autoHideDuration={notice?.kind === 'error' ? 8000 : 3000} onClose={dismiss}>
      <Alert severity={notice?.kind ?? 'success'} onClose={dismiss} variant="filled" data-testid="notice">
        {notice?.text}
      </Alert>
    </Snackbar>
  );
}
