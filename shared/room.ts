/**
 * A room server opened to other laptops (`firebreak serve --host ...` beyond this laptop) lets in only browsers that
 * gave its room code. These two calls (`POST /api/<call>`) are the room server's own, outside the dispatcher: they set
 * and read a cookie.
 */
export const ROOM_STATUS_CALL = 'room.status';
export const ROOM_JOIN_CALL = 'room.join';

/** `protected`: the room asks for a code; `joined`: this browser gave it (always true when the room asks none). */
export type RoomStatus = { protected: boolean; joined: boolean };

/** The code's letters: no 0/O or 1/I/L, so it survives being read aloud across a room or copied from a screen. */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 8;

/** A code as typed: any case, with or without its dash or spaces. */
export function normaliseRoomCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A code as shown: two groups of four, easier to read out. */
export function showRoomCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
