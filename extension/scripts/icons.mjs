// Draws the toolbar icon (three lines of text, the middle one highlighted) at any size
// and encodes it as PNG, so the repository holds no binary images.

import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Signed distance to a rounded rectangle centred at (cx, cy), in units of the icon (0..1).
function roundRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const LAYERS = [
  // [colour, shape]
  [[31, 36, 48], (x, y) => roundRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.2)],
  [[255, 196, 0], (x, y) => roundRect(x, y, 0.5, 0.5, 0.36, 0.12, 0.04)], // the highlighter stroke
  [[200, 206, 214], (x, y) => roundRect(x, y, 0.47, 0.24, 0.27, 0.045, 0.045)],
  [[31, 36, 48], (x, y) => roundRect(x, y, 0.46, 0.5, 0.28, 0.05, 0.05)],
  [[200, 206, 214], (x, y) => roundRect(x, y, 0.4, 0.76, 0.21, 0.045, 0.045)],
];

export function drawIcon(size) {
  const px = Buffer.alloc(size * size * 4);
  const ss = 4; // supersampling per axis, for anti-aliased edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          let colour = null;
          for (const [c, shape] of LAYERS) if (shape(u, v) <= 0) colour = c;
          if (colour) acc = [acc[0] + colour[0], acc[1] + colour[1], acc[2] + colour[2], acc[3] + 1];
        }
      }
      const n = ss * ss;
      const i = (y * size + x) * 4;
      const cover = acc[3];
      px[i] = cover ? Math.round(acc[0] / cover) : 0;
      px[i + 1] = cover ? Math.round(acc[1] / cover) : 0;
      px[i + 2] = cover ? Math.round(acc[2] / cover) : 0;
      px[i + 3] = Math.round((cover / n) * 255);
    }
  }
  return encodePng(size, size, px);
}
