"use client";
import { useTranslations } from "next-intl";
import type { AliasStyle } from "@/lib/board/aliases";

interface Props {
  on: boolean;
  style: AliasStyle;
  onChange(on: boolean, style: AliasStyle): void;
}

/** One switch hides every nickname behind a stable alias (a number or an animal). */
export default function ProjectorSwitch({ on, style, onChange }: Props) {
  const t = useTranslations("board.projector");
  return (
    <div className="bd-projector">
      <button type="button" role="switch" aria-checked={on} className={on ? "bd-switch on" : "bd-switch"} onClick={() => onChange(!on, style)}
        data-testid="projector-switch">
        <span className="bd-switch-track" aria-hidden="true"><span className="bd-switch-thumb" /></span>
        {t("switch")}
      </button>
      {on && (
        <label className="bd-inline">
          {t("style")}
          <select value={style} onChange={(e) => onChange(true, e.target.value as AliasStyle)}>
            <option value="number">{t("number")}</option>
            <option value="animal">{t("animal")}</option>
          </select>
        </label>
      )}
    </div>
  );
}
