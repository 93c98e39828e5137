"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import {
  BUNDLED_IMAGES, checkImageSize, checkUploadFile, fitWithin, type BundledImageId, type RgbaImage, type UploadError,
} from "@/lib/explorer/images";
import SelectField from "../forms/SelectField";

export type ImageChoice = BundledImageId | "upload";

interface Props {
  value: ImageChoice;
  /** The uploaded file's name, once there is one. */
  uploadName: string | null;
  onChoose(choice: ImageChoice): void;
  onUpload(image: RgbaImage, name: string): void;
  disabled?: boolean;
}

/** Decodes a picture in the browser (it is never sent anywhere), shrunk to at most 512 px a side. */
async function decodeImageFile(file: File): Promise<RgbaImage | UploadError> {
  const early = checkUploadFile(file);
  if (early) return early;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return "notAnImage";
  }
  try {
    const bad = checkImageSize(bitmap.width, bitmap.height);
    if (bad) return bad;
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return "notAnImage";
    ctx.fillStyle = "#fff"; // transparent areas read as white, not black
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { width, height, data: ctx.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
}

/** Pick a bundled picture or bring your own. */
export default function ImagePicker({ value, uploadName, onChoose, onUpload, disabled }: Props) {
  const t = useTranslations("explorer.images");
  const te = useTranslations("explorer.uploadErrors");
  const [error, setError] = useState<UploadError | null>(null);
  const [reading, setReading] = useState(false);
  const uid = useId();

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again still fires
    if (!file) return;
    setReading(true);
    const result = await decodeImageFile(file);
    setReading(false);
    if (typeof result === "string") return setError(result);
    setError(null);
    onUpload(result, file.name);
  }

  return (
    <div className="act-picker">
      <SelectField label={t("label")} value={value} disabled={disabled} onChange={(e) => onChoose(e.target.value as ImageChoice)}
        options={[...BUNDLED_IMAGES.map((id) => ({ value: id, label: t(id) })), ...(uploadName ? [{ value: "upload", label: t("uploaded", { name: uploadName }) }] : [])]} />
      <label className={disabled || reading ? "act-upload-button disabled" : "act-upload-button"}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M12 16V4m0 0-5 5m5-5 5 5M4 20h16" />
        </svg>
        {t("upload")}
        <input type="file" accept="image/*" disabled={disabled || reading} onChange={onFile} aria-describedby={`${uid}-note ${uid}-error`} />
      </label>
      <p id={`${uid}-note`} className="muted act-hint">{reading ? t("reading") : t("privacy")}</p>
      <p id={`${uid}-error`} className="field-error" role="alert">{error ? te(error) : ""}</p>
    </div>
  );
}
