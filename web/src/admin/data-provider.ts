/**
 * react-admin's data provider over the typed admin client (`@chat/client`: openapi-fetch over the API's
 * OpenAPI document), so every path, query and body is checked against the API's contract at compile
 * time. Lists page with cursors (see cursor-pages.ts). Rows that only make sense inside a chat (members,
 * messages) get ids `{chatId}:{id}`, since react-admin caches records per resource by id.
 */
import type { ApiClient, components, operations } from '@chat/client';
import type {
  CreateParams,
  DataProvider,
  DeleteParams,
  GetListResult,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateParams,
} from 'react-admin';
import { CursorPages, listKey, type CursorPage } from './cursor-pages';

type Schemas = components['schemas'];
type ProfileChange = operations['patchAdminUsersUid']['requestBody']['content']['application/json'];
export type AdminUserRecord = Schemas['AdminUser'] & { id: string; chats?: Schemas['Chat'][] };
export type AdminChatRecord = Schemas['AdminChat'];
export type MemberRecord = Schemas['Member'] & { id: string; chatId: string };
export type MessageRecord = Omit<Schemas['Message'], 'id'> & { id: string; messageId: string };
export type AuditRecordRow = Schemas['AuditRecord'];
export type AuditAction = Schemas['AuditAction'];

/** The admin actions that are not create/read/update/delete, called through `useDataProvider()`. */
export interface AdminActions {
  setDisabled(uid: string, disabled: boolean): Promise<void>;
  revokeSessions(uid: string): Promise<void>;
  setAdminClaim(uid: string, admin: boolean): Promise<void>;
}

export type AdminDataProvider = DataProvider & AdminActions;

interface Paging {
  page: number;
  perPage: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** `{chatId}:{id}` → its two parts. */
function split(id: Identifier): [string, string] {
  const value = String(id);
  const at = value.indexOf(':');
  return [value.slice(0, at), value.slice(at + 1)];
}

export function createAdminDataProvider(api: ApiClient): AdminDataProvider {
  const pages = new CursorPages();

  const paged = async <T extends RaRecord>(
    resource: string,
    filter: Record<string, unknown>,
    { page, perPage }: Paging,
    fetch: (cursor: string | undefined, limit: number) => Promise<CursorPage<T>>,
  ): Promise<GetListResult<T>> => {
    const result = await pages.page(listKey(resource, filter, perPage), page, (cursor) =>
      fetch(cursor, perPage),
    );
    return {
      data: result.rows,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: result.hasPreviousPage },
      // On the last page the count is known; without it react-admin showed "1-25 of 25" under 5 rows.
      ...(result.hasNextPage ? {} : { total: (page - 1) * perPage + result.rows.length }),
    };
  };

  const lists: Record<
    string,
    (filter: Record<string, unknown>, paging: Paging) => Promise<GetListResult<RaRecord>>
  > = {
    users: (filter, paging) =>
      paged('users', filter, paging, async (cursor, limit) => {
        const by = filter['by'] === 'displayName' || filter['by'] === 'uid' ? filter['by'] : 'email';
        const q = text(filter['q']);
        const { data } = await api.GET('/admin/users', {
          params: { query: { by, limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
        });
        return { rows: data!.users.map((user) => ({ ...user, id: user.uid })), next: data!.nextCursor };
      }),
    chats: (filter, paging) =>
      paged('chats', filter, paging, async (cursor, limit) => {
        const q = text(filter['q']);
        const member = q ? undefined : text(filter['member']);
        const { data } = await api.GET('/admin/chats', {
          params: {
            query: {
              limit,
              ...(q ? { q } : {}),
              ...(member ? { member } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        });
        return { rows: data!.chats, next: data!.nextCursor };
      }),
    audit: (filter, paging) =>
      paged('audit', filter, paging, async (cursor, limit) => {
        const actor = text(filter['actor']);
        const action = text(filter['action']) as AuditAction | undefined;
        const targetId = text(filter['targetId']);
        const { data } = await api.GET('/admin/audit', {
          params: {
            query: {
              limit,
              ...(actor ? { actor } : {}),
              ...(action ? { action } : {}),
              ...(targetId ? { targetId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        });
        return { rows: data!.records, next: data!.nextCursor };
      }),
  };

  const references: Record<string, (chatId: string, paging: Paging) => Promise<GetListResult<RaRecord>>> = {
    members: (chatId, paging) =>
      paged(`members|${chatId}`, {}, paging, async (cursor, limit) => {
        const { data } = await api.GET('/admin/chats/{chatId}/members', {
          params: { path: { chatId }, query: { limit, ...(cursor ? { cursor } : {}) } },
        });
        const rows: MemberRecord[] = data!.members.map((m) => ({ ...m, id: `${chatId}:${m.uid}`, chatId }));
        return { rows, next: data!.nextCursor };
      }),
    // Page 1 is the latest messages, newest first; "next" goes back in time.
    messages: (chatId, paging) =>
      paged(`messages|${chatId}`, {}, paging, async (cursor, limit) => {
        const { data } = await api.GET('/admin/chats/{chatId}/messages', {
          params: { path: { chatId }, query: { limit, ...(cursor ? { before: cursor } : {}) } },
        });
        const rows: MessageRecord[] = data!.messages
          .map((m) => ({ ...m, id: `${chatId}:${m.id}`, messageId: m.id }))
          .reverse();
        return { rows, next: data!.olderCursor };
      }),
  };

  const unsupported = (what: string, resource: string): never => {
    throw new Error(`The admin API cannot ${what} ${resource}.`);
  };

  const getOne = async (resource: string, { id }: GetOneParams): Promise<RaRecord> => {
    if (resource === 'users') {
      const { data } = await api.GET('/admin/users/{uid}', { params: { path: { uid: String(id) } } });
      return { ...data!.user, id: data!.user.uid, chats: data!.chats };
    }
    if (resource === 'chats') {
      const { data } = await api.GET('/admin/chats/{chatId}', { params: { path: { chatId: String(id) } } });
      return data!;
    }
    return unsupported('read one of', resource);
  };

  const update = async (resource: string, { id, data }: UpdateParams): Promise<RaRecord> => {
    if (resource !== 'users') return unsupported('update', resource);
    const body: ProfileChange = {};
    for (const field of ['displayName', 'photoURL', 'bio'] as const) {
      const value: unknown = (data as Record<string, unknown>)[field];
      if (typeof value === 'string' || value === null) Object.assign(body, { [field]: value });
    }
    const { data: user } = await api.PATCH('/admin/users/{uid}', {
      params: { path: { uid: String(id) } },
      body,
    });
    pages.forget('users');
    return { ...user!, id: user!.uid };
  };

  const create = async (resource: string, { data }: CreateParams): Promise<RaRecord> => {
    if (resource !== 'announcements') return unsupported('create', resource);
    const input = data as { title?: string; body?: string; to?: string };
    const to = text(input.to);
    const { data: sent } = await api.POST('/admin/announcements', {
      body: { title: input.title ?? '', body: input.body ?? '', ...(to ? { to } : {}) },
    });
    pages.forget('audit');
    return sent!;
  };

  const remove = async (resource: string, { id, previousData }: DeleteParams): Promise<RaRecord> => {
    if (resource === 'chats') {
      await api.DELETE('/admin/chats/{chatId}', { params: { path: { chatId: String(id) } } });
      pages.forget('chats');
    } else if (resource === 'members') {
      const [chatId, uid] = split(id);
      await api.DELETE('/admin/chats/{chatId}/members/{uid}', { params: { path: { chatId, uid } } });
      pages.forget(`members|${chatId}`);
    } else if (resource === 'messages') {
      // Moderation leaves a tombstone: the row stays, marked as removed by moderation.
      const [chatId, messageId] = split(id);
      await api.DELETE('/admin/chats/{chatId}/messages/{messageId}', {
        params: { path: { chatId, messageId } },
      });
    } else {
      return unsupported('delete', resource);
    }
    pages.forget('audit');
    return previousData ?? { id };
  };

  const provider: AdminDataProvider = {
    getList: async <R extends RaRecord>(
      resource: string,
      params: { pagination?: Paging; filter?: unknown },
    ) => {
      const list = lists[resource] ?? unsupported('list', resource);
      const paging = params.pagination ?? { page: 1, perPage: 25 };
      return (await list((params.filter ?? {}) as Record<string, unknown>, paging)) as GetListResult<R>;
    },
    getOne: async <R extends RaRecord>(resource: string, params: GetOneParams) => ({
      data: (await getOne(resource, params)) as R,
    }),
    getMany: async <R extends RaRecord>(resource: string, params: { ids: Identifier[] }) => ({
      data: (await Promise.all(params.ids.map((id) => getOne(resource, { id })))) as R[],
    }),
    getManyReference: async <R extends RaRecord>(resource: string, params: GetManyReferenceParams) => {
      const reference = references[resource] ?? unsupported('list by reference', resource);
      return (await reference(String(params.id), params.pagination)) as GetListResult<R>;
    },
    update: async <R extends RaRecord>(resource: string, params: UpdateParams) => ({
      data: (await update(resource, params)) as R,
    }),
    updateMany: async (resource: string) => unsupported('update many of', resource),
    create: async <_R, Result extends RaRecord>(resource: string, params: CreateParams) => ({
      data: (await create(resource, params)) as Result,
    }),
    delete: async <R extends RaRecord>(resource: string, params: DeleteParams) => ({
      data: (await remove(resource, params)) as R,
    }),
    deleteMany: async (resource: string) => unsupported('delete many of', resource),

    async setDisabled(uid, disabled) {
      await api.POST('/admin/users/{uid}/disable', { params: { path: { uid } }, body: { disabled } });
      pages.forget('users');
      pages.forget('audit');
    },
    async revokeSessions(uid) {
      await api.POST('/admin/users/{uid}/revoke', { params: { path: { uid } } });
      pages.forget('audit');
    },
    async setAdminClaim(uid, admin) {
      await api.POST('/admin/users/{uid}/admin-claim', { params: { path: { uid } }, body: { admin } });
      pages.forget('users');
      pages.forget('audit');
    },
  };
  return provider;
}
