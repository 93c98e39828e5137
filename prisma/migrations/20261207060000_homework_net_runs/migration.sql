-- A two-layer network's run handed in as homework: stored beside the live ones, with its assignment
-- instead of a session (one of the two is set).
ALTER TABLE "XorNetRun" ALTER COLUMN "sessionId" DROP NOT NULL;
ALTER TABLE "XorNetRun" ADD COLUMN "assignmentId" TEXT;
ALTER TABLE "XorNetRun" ADD CONSTRAINT "XorNetRun_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "XorNetRun_assignmentId_idx" ON "XorNetRun"("assignmentId");
