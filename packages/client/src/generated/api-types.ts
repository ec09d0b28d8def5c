/**
 * Generated from the API's OpenAPI document (functions/src/openapi.ts) by openapi-typescript.
 * Do not edit: run `npm run generate -w @chat/client`; a test fails when this file drifts from the document.
 */
export interface paths {
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and Firestore reachability */
        get: operations["getPing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Human-readable API docs (Swagger UI) */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every profile, in uid order (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getUsers"];
        put?: never;
        /** Create the caller's profile */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's profile */
        get: operations["getUsersMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the caller's profile */
        patch: operations["patchUsersMe"];
        trace?: never;
    };
    "/users/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anyone's profile */
        get: operations["getUsersUid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's chats, newest activity first */
        get: operations["getChats"];
        put?: never;
        /** Open a direct chat or create a group */
        post: operations["postChats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chats/{chatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One chat (404 for non-members) */
        get: operations["getChatsChatId"];
        put?: never;
        post?: never;
        /** Delete a chat: a direct chat for the caller only, a group for everyone (its owner) */
        delete: operations["deleteChatsChatId"];
        options?: never;
        head?: never;
        /** Rename a group (admins and the owner) */
        patch: operations["patchChatsChatId"];
        trace?: never;
    };
    "/chats/{chatId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members, in uid order */
        get: operations["getChatsChatIdMembers"];
        put?: never;
        /** Add a member (admins and the owner) */
        post: operations["postChatsChatIdMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chats/{chatId}/members/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (admins and the owner) */
        delete: operations["deleteChatsChatIdMembersUid"];
        options?: never;
        head?: never;
        /** Change a member's role (the owner) or your own muted flag */
        patch: operations["patchChatsChatIdMembersUid"];
        trace?: never;
    };
    "/chats/{chatId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a chat */
        post: operations["postChatsChatIdLeave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chats/{chatId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages, oldest first, paged with before/after cursors */
        get: operations["getChatsChatIdMessages"];
        put?: never;
        /** Send a message (idempotent with Idempotency-Key or clientMessageId) */
        post: operations["postChatsChatIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chats/{chatId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message */
        get: operations["getChatsChatIdMessagesMessageId"];
        put?: never;
        post?: never;
        /** Delete a message (yours, or any as a chat admin): leaves a tombstone */
        delete: operations["deleteChatsChatIdMessagesMessageId"];
        options?: never;
        head?: never;
        /** Edit your own message */
        patch: operations["patchChatsChatIdMessagesMessageId"];
        trace?: never;
    };
    "/chats/{chatId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the chat read up to a message */
        post: operations["postChatsChatIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unread-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unread messages per chat, and the total */
        get: operations["getUnreadCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's inbox, newest first */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification read */
        post: operations["postNotificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["postNotificationsNotificationIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search users by email, display name or uid prefix (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user with their chats (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminUsersUid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's public profile (admins only; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        patch: operations["patchAdminUsersUid"];
        trace?: never;
    };
    "/admin/users/{uid}/admin-claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant or remove the admin role (admins only, never on yourself; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        post: operations["postAdminUsersUidAdminClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search chats by title prefix or member, or page through all (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminChats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats/{chatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Any chat (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminChatsChatId"];
        put?: never;
        post?: never;
        /**
         * Hard-delete any chat: gone at once, its history deleted in the background (admins only; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        delete: operations["deleteAdminChatsChatId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats/{chatId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Any chat's members, in uid order (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminChatsChatIdMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats/{chatId}/members/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member from any group (admins only; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        delete: operations["deleteAdminChatsChatIdMembersUid"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats/{chatId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Any chat's messages, in cursor pages (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminChatsChatIdMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/chats/{chatId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a message as moderator: a tombstone marked `moderated` (admins only; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        delete: operations["deleteAdminChatsChatIdMessagesMessageId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a notification to one user or to everyone (admins only; audited)
         * @description Needs an ID token with the `admin` custom claim.
         */
        post: operations["postAdminAnnouncements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first, by actor, action or target (admins only)
         * @description Needs an ID token with the `admin` custom claim.
         */
        get: operations["getAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{uid}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a user out everywhere: revoke their tokens and close their sockets (app admins)
         * @description Needs an ID token with the `admin` custom claim.
         */
        post: operations["postAdminUsersUidRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{uid}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable or enable an account; a disabled user loses their sockets at once (app admins)
         * @description Needs an ID token with the `admin` custom claim.
         */
        post: operations["postAdminUsersUidDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorEnvelope: {
            error: {
                status: number;
                /**
                 * @description Stable machine code; switch on this, not on the message.
                 * @enum {string}
                 */
                code: "invalid-argument" | "unauthenticated" | "token-expired" | "token-revoked" | "user-disabled" | "permission-denied" | "not-found" | "already-exists" | "failed-precondition" | "payload-too-large" | "resource-exhausted" | "unavailable" | "internal";
                message: string;
                /** @description Each bad input field, by dotted path. */
                fields?: {
                    path: string;
                    message: string;
                }[];
                /** @description Also in the X-Request-Id header; quote it in bug reports. */
                requestId?: string;
            };
        };
        Ping: {
            /** @enum {string} */
            status: "ok" | "degraded";
        };
        UserProfile: {
            uid: string;
            displayName: string;
            email: string | null;
            photoURL: string | null;
            bio: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PublicProfile: {
            uid: string;
            displayName: string;
            photoURL: string | null;
            bio: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserView: components["schemas"]["UserProfile"] | components["schemas"]["PublicProfile"];
        UserPage: {
            users: components["schemas"]["UserProfile"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        SessionsRevoked: {
            uid: string;
            /**
             * Format: date-time
             * @description Sessions signed in before this instant are revoked.
             */
            revokedAt: string;
        };
        AccountState: {
            uid: string;
            disabled: boolean;
        };
        Chat: {
            /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
            id: string;
            /** @enum {string} */
            type: "direct" | "group";
            title: string | null;
            memberIds: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            lastActivityAt: string;
            lastMessage: {
                /** @description A message id, unique within its chat. */
                id: string;
                senderId: string;
                text: string;
                /** Format: date-time */
                createdAt: string;
            } | null;
            membership: components["schemas"]["Member"] | null;
        };
        ChatPage: {
            chats: components["schemas"]["Chat"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Member: {
            uid: string;
            /**
             * @description owner: everything, including roles and deleting the chat; admin: rename, add and remove members, delete any message; member: read and write.
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
            /** Format: date-time */
            joinedAt: string;
            addedBy: string | null;
            lastReadMessageId: string | null;
            lastReadAt: string | null;
            unreadCount: number;
            muted: boolean;
        };
        MemberPage: {
            members: components["schemas"]["Member"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ChatEvent: {
            /** @constant */
            event: "member-added";
            uid: string;
        } | {
            /** @constant */
            event: "member-removed";
            uid: string;
        } | {
            /** @constant */
            event: "member-left";
            uid: string;
        } | {
            /** @constant */
            event: "renamed";
            title: string;
        } | {
            /** @constant */
            event: "chat-deleted";
        };
        Message: {
            /** @description A message id, unique within its chat. */
            id: string;
            /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
            chatId: string;
            /**
             * @description `system`: a change to the chat (see `system`), written by the API itself.
             * @enum {string}
             */
            type: "text" | "system";
            /** @description Who sent it; for a system message, who made the change. */
            senderId: string;
            /** @description Empty when the message was deleted, and for system messages. */
            text: string;
            /** @description What changed, on system messages; null on text messages. */
            system: components["schemas"]["ChatEvent"] | null;
            /** Format: date-time */
            createdAt: string;
            editedAt: string | null;
            deletedAt: string | null;
            /** @description true when an app admin removed the message (moderation); its text is then empty. */
            moderated: boolean;
            replyToId: string | null;
            clientMessageId: string | null;
            /** @description This message as a cursor: pass it as `after` to get what came next. */
            cursor: string;
        };
        MessagePage: {
            messages: components["schemas"]["Message"][];
            /** @description Pass as `before` for older messages; null when there are none. */
            olderCursor: string | null;
            /** @description Pass as `after` for newer messages (now or later); null only for an empty chat. */
            newerCursor: string | null;
            /** @description Whether newer messages existed when this page was read. */
            hasNewer: boolean;
        };
        Notification: {
            /** @description A notification id, unique within one inbox. */
            id: string;
            type: string;
            title: string;
            body: string;
            /** @description What it is about, e.g. `chats/{chatId}`. */
            subject: string | null;
            /** Format: date-time */
            createdAt: string;
            readAt: string | null;
        };
        NotificationPage: {
            notifications: components["schemas"]["Notification"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        MarkAllReadResult: {
            updated: number;
        };
        UnreadCounts: {
            total: number;
            chats: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                unreadCount: number;
            }[];
        };
        AdminUser: {
            uid: string;
            displayName: string;
            email: string | null;
            photoURL: string | null;
            bio: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Set by `POST /admin/users/{uid}/disable`. */
            disabled: boolean;
            /** @description Whether the account holds the `admin` custom claim (as last set by the admin API). */
            admin: boolean;
        };
        AdminUserPage: {
            users: components["schemas"]["AdminUser"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        AdminUserDetail: {
            user: components["schemas"]["AdminUser"];
            /** @description Up to 50 of the chats the user belongs to, most recent activity first. */
            chats: components["schemas"]["Chat"][];
        };
        AdminChat: {
            /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
            id: string;
            /** @enum {string} */
            type: "direct" | "group";
            title: string | null;
            memberIds: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            lastActivityAt: string;
            lastMessage: {
                /** @description A message id, unique within its chat. */
                id: string;
                senderId: string;
                text: string;
                /** Format: date-time */
                createdAt: string;
            } | null;
        };
        AdminChatPage: {
            chats: components["schemas"]["AdminChat"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Announcement: {
            /** @description A notification id, unique within one inbox. */
            id: string;
            title: string;
            body: string;
            /** @description The one recipient; null for everyone. */
            to: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        AuditAction: "user.update-profile" | "user.disable" | "user.enable" | "user.revoke-sessions" | "user.grant-admin" | "user.remove-admin" | "chat.remove-member" | "chat.delete" | "message.moderate" | "announcement.send";
        AuditRecord: {
            id: string;
            /** @description The admin who acted. */
            actor: string;
            action: components["schemas"]["AuditAction"];
            target: {
                /** @enum {string} */
                type: "user" | "chat" | "message" | "announcement";
                /** @description The uid, chat id, `{chatId}/{messageId}` or announcement id. */
                id: string;
            };
            /** @description The touched fields before the action; null when they did not exist. */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description The touched fields after it; null when the target is gone. */
            after: {
                [key: string]: unknown;
            } | null;
            /** @description The X-Request-Id of the API request that acted. */
            requestId: string;
            /** Format: date-time */
            at: string;
        };
        AuditPage: {
            records: components["schemas"]["AuditRecord"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up, and Firestore answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ping"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Up, but Firestore did not answer within 2 s (why: the logs). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ping"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page that renders /openapi.json. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    photoURL?: string | null;
                    bio?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfile"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Already exists (`already-exists`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfile"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    photoURL?: string | null;
                    bio?: string;
                };
            };
        };
        responses: {
            /** @description The changed profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfile"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUsersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole profile to its owner and app admins; the public one to others. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChats: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description An opaque cursor returned by a previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postChats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "direct";
                    /** @description The other user; their profile must exist. */
                    memberId: string;
                } | {
                    /** @constant */
                    type: "group";
                    /** @description The group title, 1..120 characters, on one line (no control characters or bidirectional controls). */
                    title: string;
                    /**
                     * @description Users to add besides the caller, who becomes the owner. Their profiles must exist.
                     * @default []
                     */
                    memberIds?: string[];
                };
            };
        };
        responses: {
            /** @description The direct chat with that user already existed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChatsChatId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chat. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteChatsChatId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchChatsChatId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The group title, 1..120 characters, on one line (no control characters or bidirectional controls). */
                    title: string;
                };
            };
        };
        responses: {
            /** @description The renamed chat. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChatsChatIdMembers: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postChatsChatIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user to add; their profile must exist. */
                    uid: string;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Added. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Already exists (`already-exists`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteChatsChatIdMembersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchChatsChatIdMembersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description owner: everything, including roles and deleting the chat; admin: rename, add and remove members, delete any message; member: read and write.
                     * @enum {string}
                     */
                    role?: "owner" | "admin" | "member";
                    muted?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postChatsChatIdLeave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChatsChatIdMessages: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description An opaque cursor returned by a previous page. */
                before?: string;
                /** @description An opaque cursor returned by a previous page. */
                after?: string;
            };
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postChatsChatIdMessages: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The message text, 1..4000 characters after trimming. */
                    text: string;
                    /** @description A message of the same chat this one answers. */
                    replyToId?: string;
                    /** @description Makes the send idempotent, like the Idempotency-Key header: a retry returns the original message. */
                    clientMessageId?: string;
                };
            };
        };
        responses: {
            /** @description A retry: the original message (header Idempotent-Replayed: true). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChatsChatIdMessagesMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                /** @description A message id, unique within its chat. */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteChatsChatIdMessagesMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                /** @description A message id, unique within its chat. */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchChatsChatIdMessagesMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                /** @description A message id, unique within its chat. */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The message text, 1..4000 characters after trimming. */
                    text: string;
                };
            };
        };
        responses: {
            /** @description The edited message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postChatsChatIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A message id, unique within its chat. */
                    messageId: string;
                };
            };
        };
        responses: {
            /** @description The caller's member record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUnreadCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCounts"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description An opaque cursor returned by a previous page. */
                cursor?: string;
                /** @description true: only notifications not read yet. */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postNotificationsReadAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAllReadResult"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postNotificationsNotificationIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A notification id, unique within one inbox. */
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminUsers: {
        parameters: {
            query?: {
                /** @description A prefix of the field named by `by`; all users when absent. */
                q?: string;
                /** @description Which field `q` is a prefix of. Emails are matched in lower case. */
                by?: "email" | "displayName" | "uid";
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminUsersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDetail"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchAdminUsersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    photoURL?: string | null;
                    bio?: string;
                };
            };
        };
        responses: {
            /** @description The changed user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postAdminUsersUidAdminClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true grants the `admin` custom claim; false removes it. Never on yourself. */
                    admin: boolean;
                };
            };
        };
        responses: {
            /** @description The user with the new role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminChats: {
        parameters: {
            query?: {
                /** @description A prefix of the group title. */
                q?: string;
                /** @description Only chats this user belongs to. */
                member?: string;
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminChatPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminChatsChatId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chat. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminChat"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteAdminChatsChatId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminChatsChatIdMembers: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteAdminChatsChatIdMembersUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminChatsChatIdMessages: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description An opaque cursor returned by a previous page. */
                before?: string;
                /** @description An opaque cursor returned by a previous page. */
                after?: string;
            };
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteAdminChatsChatIdMessagesMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids. */
                chatId: string;
                /** @description A message id, unique within its chat. */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postAdminAnnouncements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    body: string;
                    /** @description One recipient; everyone with a profile when absent. */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Recorded; a trigger delivers it to the inboxes. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Announcement"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAdminAudit: {
        parameters: {
            query?: {
                /** @description How many items to return (1..100). */
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                actor?: string;
                action?: "user.update-profile" | "user.disable" | "user.enable" | "user.revoke-sessions" | "user.grant-admin" | "user.remove-admin" | "chat.remove-member" | "chat.delete" | "message.moderate" | "announcement.send";
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postAdminUsersUidRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionsRevoked"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postAdminUsersUidDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true disables the account; false enables it again. */
                    disabled: boolean;
                };
            };
        };
        responses: {
            /** @description The account state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountState"];
                };
            };
            /** @description Invalid input (`invalid-argument`); `fields` names each bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No valid ID token (`unauthenticated`, `token-expired`, `token-revoked`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed (`permission-denied`, `user-disabled`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not a member (`not-found`: chat ids are not leaked). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not possible in this state (`failed-precondition`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than 64 KiB (`payload-too-large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (`resource-exhausted`); see Retry-After and RateLimit. */
            429: {
                headers: {
                    /** @description Seconds until the limit resets. */
                    "Retry-After"?: number;
                    /** @description Remaining quota per policy (draft-ietf-httpapi-ratelimit-headers). */
                    RateLimit?: string;
                    /** @description The policies that applied. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Our fault (`internal`); logged with the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
