// A small WebSocket client (RFC 6455, text messages only) over node:net, for
// WebDriver BiDi on 127.0.0.1: Node 20 has no WebSocket without a flag, and
// the tests take no new npm package for it.
import { connect } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode, payload) {
  const mask = randomBytes(4);
  const length = payload.length;
  const head = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode; // FIN: never fragmented by us
  if (length < 126) {
    head[1] = 0x80 | length;
  } else if (length < 65536) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(length, 2);
  } else {
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i += 1) body[i] ^= mask[i % 4];
  return Buffer.concat([head, mask, body]);
}

/**
 * Opens `url` (ws:// only). Resolves to { send(text), close(), onMessage }
 * once the server has accepted the upgrade; set `onMessage` to receive each
 * whole text message.
 */
export function openWebSocket(url) {
  const { hostname, port, pathname, search } = new URL(url);
  if (!url.startsWith('ws://')) throw new Error(`only ws:// addresses: ${url}`);
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 80) });
    let buffer = Buffer.alloc(0);
    let open = false;
    let parts = [];
    const ws = {
      onMessage: () => {},
      onClose: () => {},
      send(text) {
        socket.write(frame(0x1, Buffer.from(text, 'utf8')));
      },
      close() {
        if (!socket.destroyed) socket.end(frame(0x8, Buffer.alloc(0)));
        socket.destroy();
      },
    };
    socket.on('connect', () => {
      socket.write([
        `GET ${pathname}${search} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${key}`,
        'Sec-WebSocket-Version: 13',
        '', '',
      ].join('\r\n'));
    });
    socket.on('error', (err) => (open ? ws.onClose(err) : reject(err)));
    socket.on('close', () => (open ? ws.onClose() : reject(new Error(`${url}: closed during the handshake`))));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!open) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (!/^HTTP\/1\.1 101 /.test(head) || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
          socket.destroy();
          reject(new Error(`${url}: the upgrade was refused:\n${head}`));
          return;
        }
        open = true;
        resolve(ws);
      }
      // Whole frames only; a partial one waits for more data.
      for (;;) {
        if (buffer.length < 2) return;
        const fin = (buffer[0] & 0x80) !== 0;
        const opcode = buffer[0] & 0x0f;
        const masked = (buffer[1] & 0x80) !== 0;
        let length = buffer[1] & 0x7f;
        let at = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          at = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          at = 10;
        }
        const maskAt = at;
        if (masked) at += 4;
        if (buffer.length < at + length) return;
        const payload = Buffer.from(buffer.subarray(at, at + length));
        if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] ^= buffer[maskAt + (i % 4)];
        buffer = buffer.subarray(at + length);
        if (opcode === 0x8) {
          ws.close();
          return;
        }
        if (opcode === 0x9) {
          socket.write(frame(0xa, payload));
          continue;
        }
        if (opcode === 0xa) continue;
        parts.push(payload); // 0x1 starts a message, 0x0 continues it
        if (fin) {
          const text = Buffer.concat(parts).toString('utf8');
          parts = [];
          ws.onMessage(text);
        }
      }
    });
  });
}
