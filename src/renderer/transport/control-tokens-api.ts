import {
  controlAnswerSchema,
  controlPaths,
  controlTokenCreatedSchema,
  controlTokenListSchema,
  type ControlTokenInfo,
} from '../../shared/protocol/control-api';
import type { LocalizedText } from '../../shared/protocol';
import { apiErrorSchema } from '../../shared/protocol/content-api';

/** What a token call came back with, checked against its schema. Never throws. */
export type TokenAnswer<T> =
  { ok: true; value: T } | { ok: false; httpStatus: number; error: LocalizedText | string };

export interface ControlTokensApi {
  list(): Promise<TokenAnswer<ControlTokenInfo[]>>;
  create(name: string): Promise<TokenAnswer<{ token: string; info: ControlTokenInfo }>>;
  revoke(id: string): Promise<TokenAnswer<null>>;
}

/** The console's client of `/api/v1/control-tokens`, with the operator's token. */
export function createControlTokensApi(
  operatorToken: string,
  base = '',
  fetchImpl: typeof fetch = fetch,
): ControlTokensApi {
  async function call(path: string, init: RequestInit): Promise<TokenAnswer<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${operatorToken}`, ...init.headers },
      });
    } catch (error) {
      return { ok: false, httpStatus: 0, error: String(error) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, value: body };
    const refused = controlAnswerSchema.safeParse(body);
    if (refused.success && !refused.data.ok) {
      const { error, key, params } = refused.data;
      return { ok: false, httpStatus: response.status, error: { message: error, key, params } };
    }
    const error = apiErrorSchema.safeParse(body);
    return {
      ok: false,
      httpStatus: response.status,
      error: error.success ? error.data.error : response.statusText,
    };
  }

  function checked<T>(
    answer: TokenAnswer<unknown>,
    parse: (body: unknown) => { success: true; data: T } | { success: false },
  ): TokenAnswer<T> {
    if (!answer.ok) return answer;
    const parsed = parse(answer.value);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, httpStatus: 200, error: 'unexpected answer' };
  }

  return {
    async list() {
      const answer = await call(controlPaths.tokens, { method: 'GET' });
      const list = checked(answer, (body) => controlTokenListSchema.safeParse(body));
      return list.ok ? { ok: true, value: list.value.tokens } : list;
    },
    async create(name) {
      const answer = await call(controlPaths.tokens, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      return checked(answer, (body) => controlTokenCreatedSchema.safeParse(body));
    },
    async revoke(id) {
      const answer = await call(controlPaths.token(id), { method: 'DELETE' });
      return answer.ok ? { ok: true, value: null } : answer;
    },
  };
}
