// The live session's socket.io rooms and presence keys (server/auth/revocation.ts names the same
// rooms; server/auth/revocation-rooms.test.ts keeps them in step).
export const sessionRoom = (id: string) => `session:${id}`;
export const boardRoom = (id: string) => `board:${id}`;
export const userRoom = (id: string) => `user:${id}`;
export const sessionKey = (id: string) => `session:${id}`;
