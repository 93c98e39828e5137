// The class's own points (lib/nn/custom-points.ts) as presets and submissions carry them, checked.
import { z } from "zod";
import { CUSTOM_POINTS_MAX, CUSTOM_POINTS_MIN, GRID, bothColours } from "./custom-points";

const hundredths = z.number().int().min(0).max(GRID);
export const labelledPointSchema = z.strictObject({ x: hundredths, y: hundredths, label: z.union([z.literal(0), z.literal(1)]) });

/** 2..16 points with both colours. */
export const customPointsSchema = z
  .array(labelledPointSchema)
  .min(CUSTOM_POINTS_MIN)
  .max(CUSTOM_POINTS_MAX)
  .refine(bothColours, { message: "pointsOneColour" });
