import type { ErrorCode } from '../../shared/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  NOT_JOINED: 401,
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  STORAGE: 503, // the room's disk or database, not the request: the same call may succeed once it is fixed
  INTERNAL: 500,
};
