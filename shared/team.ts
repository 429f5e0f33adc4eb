export type Person = {
  id: string;
  name: string;
  title: string;
  organisation: string;
  phone: string;
  email: string;
  languages: string[];
  notes: string;
};

export type Role = { id: string; name: string; duties: string; required: boolean; builtin: boolean };

export const RANKS = ['primary', 'backup'] as const;
export type Rank = (typeof RANKS)[number];

export type Assignment = {
  id: number;
  incidentId: string;
  personId: string;
  personName: string;
  roleId: string;
  rank: Rank;
  shiftStart: number | null;
  shiftEnd: number | null;
  handover: string;
  assignedBy: string;
  assignedAt: number;
  endedBy: string | null;
  endedAt: number | null;
};

/** Per role: who holds it now (primary first), who comes on shift next, and whether a required role is empty. */
export type RosterRow = { role: Role; now: Assignment[]; next: Assignment[]; gap: boolean };
