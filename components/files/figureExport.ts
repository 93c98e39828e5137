// Charts to files, all in the browser: a figure (one chart, or several side by side) serialised as
// one SVG (canvases, such as the image panels, embedded as PNG data), and a PNG drawn from that SVG
// through an <img> and a canvas. Nothing leaves the machine.
const NS = "http://www.w3.org/2000/svg";

export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies the computed colours and fonts an exported SVG needs (CSS variables do not travel). */
function inlineStyles(src: Element, dst: Element) {
  const cs = getComputedStyle(src);
  const keep = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-size", "font-family", "font-weight", "text-anchor", "dominant-baseline"];
  (dst as SVGElement).setAttribute("style", keep.map((k) => `${k}:${cs.getPropertyValue(k)}`).join(";"));
  for (let i = 0; i < src.children.length; i++) inlineStyles(src.children[i], dst.children[i]);
}

type Layer = { el: SVGSVGElement | HTMLCanvasElement; x: number; y: number; w: number; h: number };

/** A figure's drawing: its canvases and outer <svg>s (overlays included, legend icons left out), placed as on screen. */
function layersOf(fig: HTMLElement): { layers: Layer[]; w: number; h: number } {
  const els = Array.from(fig.querySelectorAll<SVGSVGElement | HTMLCanvasElement>("svg, canvas"))
    .filter((el) => !(el.parentElement?.closest("svg")))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 24 && r.height > 24);
  if (els.length === 0) return { layers: [], w: 0, h: 0 };
  const x0 = Math.min(...els.map((e) => e.r.left)), y0 = Math.min(...els.map((e) => e.r.top));
  const layers = els.map(({ el, r }) => ({ el, x: r.left - x0, y: r.top - y0, w: Math.ceil(r.width), h: Math.ceil(r.height) }));
  return { layers, w: Math.max(...layers.map((l) => l.x + l.w)), h: Math.max(...layers.map((l) => l.y + l.h)) };
}

/** The figures (<figure> elements, or `root` itself) of `root`, laid out in a grid of `columns`, as one SVG. */
export function composeSvg(root: HTMLElement, columns = 2): { svg: string; width: number; height: number } {
  const figures = root.matches("figure") ? [root] : Array.from(root.querySelectorAll<HTMLElement>("figure"));
  const boxes = (figures.length ? figures : [root]).map(layersOf).filter((b) => b.layers.length > 0);
  const cols = Math.max(1, Math.min(columns, boxes.length));
  const cw = Math.max(1, ...boxes.map((b) => b.w));
  const ch = Math.max(1, ...boxes.map((b) => b.h));
  const width = Math.ceil(cols * cw), height = Math.ceil(Math.ceil(boxes.length / cols) * ch);
  const out = document.createElementNS(NS, "svg");
  out.setAttribute("xmlns", NS);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const bg = document.createElementNS(NS, "rect");
  bg.setAttribute("width", "100%"); bg.setAttribute("height", "100%"); bg.setAttribute("fill", "#ffffff");
  out.appendChild(bg);
  boxes.forEach((b, i) => {
    const g = document.createElementNS(NS, "g");
    g.setAttribute("transform", `translate(${(i % cols) * cw},${Math.floor(i / cols) * ch})`);
    for (const l of b.layers) {
      if (l.el instanceof HTMLCanvasElement) {
        const img = document.createElementNS(NS, "image");
        img.setAttribute("href", l.el.toDataURL("image/png"));
        img.setAttribute("x", String(l.x)); img.setAttribute("y", String(l.y));
        img.setAttribute("width", String(l.w)); img.setAttribute("height", String(l.h));
        img.setAttribute("preserveAspectRatio", "none");
        g.appendChild(img);
      } else {
        const copy = l.el.cloneNode(true) as SVGSVGElement;
        inlineStyles(l.el, copy);
        copy.setAttribute("x", String(l.x)); copy.setAttribute("y", String(l.y));
        copy.setAttribute("width", String(l.w)); copy.setAttribute("height", String(l.h));
        g.appendChild(copy);
      }
    }
    out.appendChild(g);
  });
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

/** The SVG drawn onto a canvas (at `scale`), as a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    img.decoding = "async";
    await new Promise<void>((ok, fail) => { img.onload = () => ok(); img.onerror = () => fail(new Error("svg")); img.src = url; });
    const canvas = document.createElement("canvas");
    canvas.width = width * scale; canvas.height = height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("png"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
