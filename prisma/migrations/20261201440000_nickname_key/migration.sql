-- Nicknames unique within a class ignoring case and look-alikes: the folded key, computed by the
-- app (lib/text.ts nicknameKey) for every new enrollment. Existing rows keep a NULL key (a unique
-- index allows many NULLs), so the migration cannot fail on names that already collide.
ALTER TABLE "Enrollment" ADD COLUMN "nicknameKey" TEXT;

CREATE UNIQUE INDEX "Enrollment_classId_nicknameKey_key" ON "Enrollment"("classId", "nicknameKey");
