-- An attempt's number under an attempt limit, unique per student, exercise and session (or homework):
-- the database refuses a second "attempt 3" even when two server nodes count at the same moment.
-- NULL (no limit, or rows from before) never collides.
ALTER TABLE "Submission" ADD COLUMN "attempt" INTEGER;
CREATE UNIQUE INDEX "Submission_userId_exerciseId_sessionId_attempt_key" ON "Submission"("userId", "exerciseId", "sessionId", "attempt");
CREATE UNIQUE INDEX "Submission_userId_exerciseId_assignmentId_attempt_key" ON "Submission"("userId", "exerciseId", "assignmentId", "attempt");
