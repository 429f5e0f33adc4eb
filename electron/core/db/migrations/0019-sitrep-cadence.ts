export const name = 'sitrep-cadence';

/** How often the people outside the room expect a situation report, in minutes; NULL: no schedule (the default). */
export const sql = `
ALTER TABLE incidents ADD COLUMN sitrep_every_minutes INTEGER;
`;
