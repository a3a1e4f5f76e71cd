// Who is connected to a dataset's presence socket, and relaying what they
// announce to the others: each editor's Studio shows the others' avatars on
// the documents and fields they are in.
import { randomId } from '../ids/random-id.ts';
import { notification } from './json-rpc.ts';

/** One socket: whose it is (after the in-band authorization) and what it listens to. */
export type PresenceConnection = {
  dataset: string;
  userId: string | undefined;
  subscriptions: Set<string>;
  /** Studio session ids this socket announced, told to leave when it closes. */
  sessions: Set<string>;
  send(text: string): void;
};

/** The events the Studio's presence store reads (`i` is the user id). */
export type PresenceEvent =
  | { type: 'rollCall'; i: string; session: string }
  | { type: 'state'; i: string; m: { sessionId: string; locations: unknown[] } }
  | { type: 'disconnect'; i: string; m: { session: string } };

export type PresenceHub = {
  add(connection: PresenceConnection): void;
  /** Removes a closed socket and tells the others its sessions left. */
  remove(connection: PresenceConnection): void;
  subscribe(connection: PresenceConnection): string;
  /** Sends an event to every other subscribed socket of the same dataset. */
  broadcast(from: PresenceConnection, event: PresenceEvent): void;
  size(): number;
};

export function createPresenceHub(): PresenceHub {
  const connections = new Set<PresenceConnection>();
  const hub: PresenceHub = {
    add: (connection) => {
      connections.add(connection);
    },
    remove(connection) {
      if (!connections.delete(connection) || !connection.userId) return;
      for (const session of connection.sessions) {
        hub.broadcast(connection, { type: 'disconnect', i: connection.userId, m: { session } });
      }
    },
    subscribe(connection) {
      const id = randomId(16);
      connection.subscriptions.add(id);
      return id;
    },
    broadcast(from, event) {
      for (const to of connections) {
        if (to === from || to.dataset !== from.dataset) continue;
        for (const subscription of to.subscriptions) {
          to.send(notification('presence_subscription', { subscription, result: event }));
        }
      }
    },
    size: () => connections.size,
  };
  return hub;
}
