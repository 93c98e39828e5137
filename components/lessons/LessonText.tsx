"use client";
import { useLayoutEffect, useState } from "react";

interface Props {
  title: string;
  paragraphs: React.ReactNode[];
  /** Screens at most this wide (CSS px) start with the text folded away. */
  collapseBelow?: number;
  className?: string;
}

/**
 * A titled explanation that folds open and shut (a <details>): open on wide
 * screens, folded on phones so the exercise itself comes first.
 */
export default function LessonText({ title, paragraphs, collapseBelow = 640, className = "" }: Props) {
  const [open, setOpen] = useState(true);
  useLayoutEffect(() => {
    if (window.matchMedia(`(max-width: ${collapseBelow}px)`).matches) setOpen(false);
  }, [collapseBelow]);
  return (
    <details className={`card lesson-text ${className}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>{title}</h2>
      </summary>
      <div className="lesson-body">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </details>
  );
}
