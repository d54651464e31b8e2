import WebSocket from 'ws';

/** A test WebSocket client that queues every message it receives. */
export class WsTestClient {
  readonly socket: WebSocket;
  readonly #queue: unknown[] = [];
  readonly #waiting: ((message: unknown) => void)[] = [];
  #nextId = 1;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      const waiter = this.#waiting.shift();
      if (waiter) waiter(message);
      else this.#queue.push(message);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<WsTestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => resolve(new WsTestClient(socket)));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** The next message, in arrival order. */
  next(): Promise<any> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** Sends a request and returns the next message (the tests keep one request in flight). */
  async call(method: string, params: unknown[] = []): Promise<any> {
    this.send(JSON.stringify({ jsonrpc: '2.0', id: this.#nextId++, method, params }));
    return this.next();
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}
