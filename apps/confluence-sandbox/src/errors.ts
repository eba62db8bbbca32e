/** An error the REST API answers with; rendered in the v1 or v2 envelope by the route family. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const v2Codes: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

export function reasonPhrase(status: number): string {
  return reasons[status] ?? 'Error';
}

/** v1 and Data Center: `{statusCode, data:{…}, message, reason}`. */
export function v1ErrorBody(status: number, message: string): unknown {
  return {
    statusCode: status,
    data: { authorized: status !== 401 && status !== 403, valid: status !== 400, errors: [], successful: false },
    message,
    reason: reasonPhrase(status),
  };
}

/** Cloud v2: `{errors:[{status, code, title, detail}]}`. */
export function v2ErrorBody(status: number, message: string): unknown {
  return { errors: [{ status, code: v2Codes[status] ?? 'ERROR', title: message, detail: null }] };
}

export type ApiFamily = 'v1' | 'v2' | 'other';

export function familyOf(path: string): ApiFamily {
  if (path.startsWith('/wiki/api/v2')) return 'v2';
  if (/^\/(wiki\/)?(rest\/api|download)(\/|\?|$)/.test(path)) return 'v1';
  return 'other';
}

export function errorBody(family: ApiFamily, status: number, message: string): unknown {
  return family === 'v2' ? v2ErrorBody(status, message) : v1ErrorBody(status, message);
}

export const notFound = (message = 'Not Found'): ApiError => new ApiError(404, message);
export const badRequest = (message: string): ApiError => new ApiError(400, message);
