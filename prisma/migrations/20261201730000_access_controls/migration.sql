-- Revocable sessions (a per-user version in every token) and instructor-side join controls.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Class" ADD COLUMN "maxStudents" INTEGER;
ALTER TABLE "Class" ADD COLUMN "joinLocked" BOOLEAN NOT NULL DEFAULT false;
