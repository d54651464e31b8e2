import type { RawData, WebSocket } from 'ws';
import type { InternalErrorReporter, RpcDispatcher } from '../protocol/dispatcher';
import { notificationMessage } from '../protocol/envelope';
import type { ConnectionContext } from '../registry/method';

/** Close codes of RFC 6455 that this server uses. */
const POLICY_VIOLATION = 1008;

/**
 * One WebSocket client: each text or binary message is a JSON-RPC body (single or batch) answered
 * on the same socket; handlers reach the client through `notify` (subscriptions) and register
 * clean-up through `onClose`. A client that stops reading is disconnected once its unsent output
 * passes `maxBufferedBytes`, so notifications cannot pile up without bound.
 */
export class WsConnection implements ConnectionContext {
  readonly id: number;
  readonly #socket: WebSocket;
  readonly #dispatcher: RpcDispatcher;
  readonly #maxBufferedBytes: number;
  readonly #cleanups: (() => void)[] = [];
  #closed = false;

  constructor(id: number, socket: WebSocket, dispatcher: RpcDispatcher, maxBufferedBytes: number, report: InternalErrorReporter) {
    this.id = id;
    this.#socket = socket;
    this.#dispatcher = dispatcher;
    this.#maxBufferedBytes = maxBufferedBytes;
    socket.on('message', (data) =>
      this.#receive(data).catch((error) => {
        report('ws', error);
        socket.terminate();
      }),
    );
    socket.on('close', () => this.#runCleanups());
    socket.on('error', () => socket.terminate());
  }

  notify(method: string, params: unknown): void {
    this.#send(notificationMessage(method, params));
  }

  onClose(cleanup: () => void): void {
    if (this.#closed) cleanup();
    else this.#cleanups.push(cleanup);
  }

  async #receive(data: RawData): Promise<void> {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Uint8Array).toString('utf8');
    const result = await this.#dispatcher.dispatch(text, { transport: 'ws', connection: this });
    if (result.body !== undefined) this.#send(result.body);
  }

  #send(message: string): void {
    if (this.#closed || this.#socket.readyState !== this.#socket.OPEN) return;
    if (this.#socket.bufferedAmount + message.length > this.#maxBufferedBytes) {
      this.#socket.close(POLICY_VIOLATION, 'client is not reading its messages');
      this.#runCleanups();
      return;
    }
    this.#socket.send(message);
  }

  #runCleanups(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}
