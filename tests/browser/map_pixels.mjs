// Where the map's fills are on screen, found in a screenshot by their colours: shared by the
// map tests and the phone tests (a pan moves the box, a zoom grows it).
// The fill colours the map uses (ICS colour mixed half with white), as 0-255 RGB.
export const ICS = { NWL: [0x56, 0xB4, 0xE9], NCL: [0xE6, 0x9F, 0x00], NEL: [0xCC, 0x79, 0xA7], SEL: [0x00, 0x9E, 0x73], SWL: [0xF0, 0xE4, 0x42] };
const tint = (c) => c.map((v) => Math.round(v + (255 - v) * 0.5));

// Finds the on-screen bounding box of the map's fills from a screenshot, by their colours.
export async function fillsBox(page) {
  const png = await page.screenshot();
  const b64 = png.toString("base64");
  return page.evaluate(async ({ b64, tints }) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const cv = document.createElement("canvas");
    cv.width = img.width; cv.height = img.height;
    const g = cv.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, cv.width, cv.height).data;
    let x0 = 1e9, y0 = 1e9, x1 = -1, y1 = -1, n = 0;
    for (let y = 0; y < cv.height; y++) for (let x = 0; x < cv.width; x++) {
      const i = (y * cv.width + x) * 4;
      for (const t of tints) if (Math.abs(d[i] - t[0]) <= 3 && Math.abs(d[i + 1] - t[1]) <= 3 && Math.abs(d[i + 2] - t[2]) <= 3) {
        n++; if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y; break;
      }
    }
    return { x0, y0, x1: x1 + 1, y1: y1 + 1, n };
  }, { b64, tints: Object.values(ICS).map(tint) });
}

