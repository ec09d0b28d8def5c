import {
  AddMemberBody,
  bucketOf,
  MarkReadBody,
  CreateChatBody,
  decodeCursor,
  directChatId,
  encodeCursor,
  idempotentMessageId,
  ListMessagesQuery,
  parseInput,
  SendMessageBody,
  AppError,
  CreateUserBody,
  UpdateChatBody,
} from '../src';

describe('cursors', () => {
  it('when a position is encoded, then it decodes to the same position and looks opaque', () => {
    const position = { seconds: 1_790_000_000, nanos: 123_456_000, id: 'k_abc-DEF' };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64url', '***'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['the wrong shape', Buffer.from('{"seconds":1}').toString('base64url')],
    ['nanos out of range', Buffer.from('[1,1000000000,"a"]').toString('base64url')],
    ['an id with a slash', Buffer.from('[1,0,"a/b"]').toString('base64url')],
  ])('when a cursor is %s, then it is refused', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
    expect(() => parseInput(ListMessagesQuery, { after: cursor }, 'query')).toThrow(/^Invalid query\.after/);
  });
});

describe('deterministic ids', () => {
  it('when two users open their direct chat, then the id is the same whoever opens it', () => {
    expect(directChatId('alice', 'bob')).toBe(directChatId('bob', 'alice'));
    expect(directChatId('alice', 'bob')).toMatch(/^dm_[0-9a-f]{64}$/);
    expect(directChatId('alice', 'bob')).not.toBe(directChatId('alice', 'carol'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(directChatId('ab', 'c')).not.toBe(directChatId('a', 'bc'));
  });

  it('when the chat, sender or key differ, then the idempotent message id differs', () => {
    const id = idempotentMessageId('chat1', 'alice', 'key-1');
    expect(id).toMatch(/^k_[0-9a-f]{40}$/);
    expect(idempotentMessageId('chat1', 'alice', 'key-1')).toBe(id);
    expect(idempotentMessageId('chat2', 'alice', 'key-1')).not.toBe(id);
    expect(idempotentMessageId('chat1', 'bob', 'key-1')).not.toBe(id);
    expect(idempotentMessageId('chat1', 'alice', 'key-2')).not.toBe(id);
  });

  it('when members are bucketed, then a uid always lands in the same one of 16 buckets', () => {
    const buckets = new Set(Array.from({ length: 500 }, (_, i) => bucketOf(`user-${i}`)));
    expect(buckets.size).toBe(16);
    expect(bucketOf('user-1')).toBe(bucketOf('user-1'));
  });
});

describe('ids', () => {
  it.each(['__proto__', '__name__', '..', '.'])(
    'when an id is one Firestore reserves (%s), then it is refused',
    (id) => {
      expect(() => parseInput(MarkReadBody, { messageId: id })).toThrow(AppError);
      expect(() => parseInput(AddMemberBody, { uid: id })).toThrow(AppError);
    },
  );

  it('when an id merely contains underscores, then it is accepted', () => {
    expect(parseInput(MarkReadBody, { messageId: '__x' }).messageId).toBe('__x');
    expect(parseInput(AddMemberBody, { uid: 'a__b__' }).uid).toBe('a__b__');
  });
});

describe('chat and message bodies', () => {
  it('when a message is only whitespace or too long, then the text field is named', () => {
    for (const text of ['   ', 'x'.repeat(4001)]) {
      try {
        parseInput(SendMessageBody, { text });
        throw new Error('expected a failure');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).fields?.map((f) => f.path)).toEqual(['text']);
      }
    }
    expect(parseInput(SendMessageBody, { text: '  hi  ' }).text).toBe('hi');
  });

  it('when a group body omits members, then it defaults to none; a direct one needs memberId', () => {
    expect(parseInput(CreateChatBody, { type: 'group', title: 'T' })).toEqual({
      type: 'group',
      title: 'T',
      memberIds: [],
    });
    expect(() => parseInput(CreateChatBody, { type: 'direct', title: 'T' })).toThrow(AppError);
  });
});

describe('names and titles that reach other people', () => {
  it.each([
    ['a newline', 'Team\nVerify your account'],
    ['a carriage return', 'Team\rhidden'],
    ['a bell', 'Team\u0007'],
    ['a right-to-left override', 'Team\u202Etxt.exe'],
    ['a bidi isolate', 'Team\u2066x\u2069'],
  ])('when a group title or display name holds %s, then it is refused, naming the field', (_what, text) => {
    const group = CreateChatBody.safeParse({ type: 'group', title: text });
    expect(group.success).toBe(false);
    expect(group.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
    expect(UpdateChatBody.safeParse({ title: text }).success).toBe(false);
    const profile = CreateUserBody.safeParse({ displayName: text });
    expect(profile.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['displayName']);
  });

  it('when a title holds emoji joined by a zero-width joiner, then it is accepted', () => {
    expect(CreateChatBody.safeParse({ type: 'group', title: 'Family 👨‍👩‍👧' }).success).toBe(true);
    expect(CreateUserBody.safeParse({ displayName: 'Zoë 👩‍💻' }).success).toBe(true);
  });
});
