import { describe, expect, it } from "vitest";
import { ACTIVATIONS, resolveParams } from "../nn/activations";
import {
  BUNDLED_IMAGES, checkImageSize, checkUploadFile, fitWithin, makeBundledImage, MAX_UPLOAD_BYTES, pixelNoise,
} from "./images";
import { imagePanels } from "./samples";

describe("bundled images", () => {
  it.each(BUNDLED_IMAGES)("%s is an opaque square RGBA picture, the same every time", (id) => {
    const a = makeBundledImage(id, 64);
    expect(a.width).toBe(64);
    expect(a.height).toBe(64);
    expect(a.data).toHaveLength(64 * 64 * 4);
    for (let i = 3; i < a.data.length; i += 4) expect(a.data[i]).toBe(255);
    expect(makeBundledImage(id, 64).data).toEqual(a.data);
  });
  it.each(BUNDLED_IMAGES)("%s has a wide spread of red values (the channel the lesson keeps)", (id) => {
    const { data } = makeBundledImage(id, 128);
    const reds = new Set<number>();
    let lo = 255, hi = 0;
    for (let i = 0; i < data.length; i += 4) { reds.add(data[i]); lo = Math.min(lo, data[i]); hi = Math.max(hi, data[i]); }
    expect(hi - lo).toBeGreaterThan(150);
    expect(reds.size).toBeGreaterThan(60);
  });
  it("draws different pictures for different ids, and rejects silly sizes", () => {
    expect(makeBundledImage("portrait", 32).data).not.toEqual(makeBundledImage("shapes", 32).data);
    expect(() => makeBundledImage("shapes", 0)).toThrow(RangeError);
    expect(() => makeBundledImage("shapes", 10.5)).toThrow(RangeError);
  });
  it("goes through the image panels: ReLU blacks out everything darker than the median", () => {
    const img = makeBundledImage("shapes", 64);
    const relu = ACTIVATIONS.relu;
    const r = imagePanels(relu, resolveParams(relu), img.data, 64, 64);
    let negatives = 0;
    for (let i = 0; i < r.gray.length; i++) {
      if (r.gray[i] < 0) {
        negatives++;
        expect(r.activated[i]).toBe(0);
        expect(r.activatedBytes[4 * i]).toBe(0);
      } else expect(r.activated[i]).toBe(r.gray[i]);
    }
    expect(negatives).toBeGreaterThan(64 * 64 * 0.3);
    expect(negatives).toBeLessThanOrEqual(64 * 64 * 0.5);
  });
});

describe("upload checks", () => {
  it("refuses files that are not images, empty or over 10 MB", () => {
    expect(checkUploadFile({ type: "image/png", size: 1234 })).toBeNull();
    expect(checkUploadFile({ type: "", size: 1234 })).toBeNull(); // left to the decoder
    expect(checkUploadFile({ type: "text/plain", size: 12 })).toBe("notAnImage");
    expect(checkUploadFile({ type: "application/pdf", size: 12 })).toBe("notAnImage");
    expect(checkUploadFile({ type: "image/png", size: 0 })).toBe("notAnImage");
    expect(checkUploadFile({ type: "image/jpeg", size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(checkUploadFile({ type: "image/jpeg", size: MAX_UPLOAD_BYTES + 1 })).toBe("fileTooLarge");
  });
  it("refuses decoded pictures over 4096 px a side", () => {
    expect(checkImageSize(4096, 4096)).toBeNull();
    expect(checkImageSize(4097, 10)).toBe("imageTooLarge");
    expect(checkImageSize(10, 5000)).toBe("imageTooLarge");
    expect(checkImageSize(0, 10)).toBe("notAnImage");
  });
  it("scales down to at most 512 px a side, keeping the shape, never up", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 512, height: 384 });
    expect(fitWithin(600, 1200)).toEqual({ width: 256, height: 512 });
    expect(fitWithin(300, 200)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(4096, 1)).toEqual({ width: 512, height: 1 });
  });
});

describe("pixelNoise", () => {
  it("is a fixed value in [0, 1) per pixel and seed", () => {
    const vals = Array.from({ length: 1000 }, (_, i) => pixelNoise(i % 37, Math.floor(i / 37), 2));
    expect(vals.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(pixelNoise(5, 7, 2)).toBe(pixelNoise(5, 7, 2));
    expect(pixelNoise(5, 7, 2)).not.toBe(pixelNoise(5, 7, 3));
  });
});
