import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { BatchList } from './BatchList';
import { ImportDialog } from './ImportDialog';
import { QuarantineList } from './QuarantineList';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json,.jsonl,.ndjson,.js';

/** The import button and drop zone, the list of imports with undo, and the quarantine. */
export function ImportsTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const batches = useStore((s) => s.batches);
  const loadBatches = useStore((s) => s.loadBatches);
  const loadQuarantine = useStore((s) => s.loadQuarantine);
  const [files, setFiles] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadBatches(incidentId);
    void loadQuarantine(incidentId);
  }, [incidentId, loadBatches, loadQuarantine]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) setFiles([...e.dataTransfer.files]);
  };

  return (
    <Stack spacing={2}>
      <Card
        variant="outlined"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{ borderStyle: 'dashed', borderColor: dragging ? 'primary.main' : undefined }}
        data-testid="import-dropzone"
      >
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} data-testid="import-button">
              {t('importer.button')}
            </Button>
            <Typography variant="body2" color="text.secondary">
              {t('importer.dropHint')}
            </Typography>
          </Stack>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            data-testid="import-file-input"
            onChange={(e) => {
              if (e.target.files?.length) setFiles([...e.target.files]);
              e.target.value = '';
            }}
          />
        </CardContent>
      </Card>
      <Box>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('batches.title')}
        </Typography>
        <BatchList incidentId={incidentId} batches={batches} />
      </Box>
      <QuarantineList incidentId={incidentId} />
      {files && (
        <ImportDialog
          incidentId={incidentId}
          files={files}
          onClose={() => {
            setFiles(null);
            void loadBatches(incidentId);
            void loadQuarantine(incidentId);
          }}
        />
      )}
    </Stack>
  );
}
