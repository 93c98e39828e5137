-- Class experiments: one exercise pushed to groups with different settings, and the group of each student.
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "variable" TEXT NOT NULL,
    "groups" JSONB NOT NULL,
    "seed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Experiment_sessionId_idx" ON "Experiment"("sessionId");
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ExperimentMember" (
    "experimentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "group" INTEGER NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExperimentMember_pkey" PRIMARY KEY ("experimentId","userId")
);
ALTER TABLE "ExperimentMember" ADD CONSTRAINT "ExperimentMember_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExperimentMember" ADD CONSTRAINT "ExperimentMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "LiveSession" ADD COLUMN "experimentId" TEXT;
CREATE UNIQUE INDEX "LiveSession_experimentId_key" ON "LiveSession"("experimentId");
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
