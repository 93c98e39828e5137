-- The XOR proof's next step: the hidden layer unlocked per session, and the two-layer runs.
ALTER TABLE "LiveSession" ADD COLUMN "hiddenLayer" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "XorNetRun" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "solved" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "XorNetRun_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "XorNetRun_userId_clientId_key" ON "XorNetRun"("userId", "clientId");
CREATE INDEX "XorNetRun_sessionId_idx" ON "XorNetRun"("sessionId");
ALTER TABLE "XorNetRun" ADD CONSTRAINT "XorNetRun_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "XorNetRun" ADD CONSTRAINT "XorNetRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
