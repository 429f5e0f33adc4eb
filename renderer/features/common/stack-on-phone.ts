import type { SxProps, Theme } from '@mui/material';

/**
 * A table on a phone (a laptop's room joined through its QR code): each row becomes a card, its cells one under
 * another, full width, a cell with `data-label` headed by its column's name; the column heads are hidden. From the
 * `sm` breakpoint up it is the table again.
 */
export const stackOnPhone: SxProps<Theme> = {
  '& thead': { display: { xs: 'none', sm: 'table-header-group' } },
  '& tbody tr': { display: { xs: 'block', sm: 'table-row' }, py: { xs: 1, sm: 0 }, borderBottom: { xs: 1, sm: 0 }, borderColor: 'divider' },
  '& tbody td': { display: { xs: 'block', sm: 'table-cell' }, borderBottom: { xs: 0, sm: 1 }, borderColor: 'divider', py: { xs: 0.25, sm: 0.75 }, maxWidth: { xs: 'none', sm: undefined } },
  '& tbody td[data-label]::before': {
    content: { xs: 'attr(data-label)', sm: 'none' },
    display: 'block',
    fontSize: '0.75rem',
    color: 'text.secondary',
  },
};
