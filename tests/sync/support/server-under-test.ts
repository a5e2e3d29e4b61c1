/**
 * The server the sync tests talk to, and the server-side facts they prove things with.
 * `handle` is the real app's fetch; the facts are read from the same app's database.
 */
export interface ServerUnderTest {
  handle(request: Request): Promise<Response>;
  /** Ids of the events the server stored for a participant (each stored once, or the test fails). */
  storedEventIds(participantId: string): Promise<string[]>;
  close(): Promise<void>;
}
