-- A SQLite ledger as costgate's schema version 1 (GRDB migration 'v1') left it, with one run.
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES ('v1');
CREATE TABLE "runs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "workload" TEXT NOT NULL, "name" TEXT NOT NULL, "team" TEXT,
    "month" TEXT NOT NULL, "amountCents" INTEGER NOT NULL, "figure" TEXT NOT NULL, "recordedAt" TEXT NOT NULL, "commit" TEXT,
    "pullRequest" TEXT, "source" TEXT NOT NULL, "voided" BOOLEAN NOT NULL DEFAULT 0, "voidReason" TEXT);
CREATE INDEX "runs_month_team" ON "runs"("month", "team");
INSERT INTO runs (workload, name, team, month, amountCents, figure, recordedAt, "commit", source)
VALUES ('Job/ml/train', 'Job/ml/train', 'ml', '2026-11', 6000, 'expected', '2026-11-02T10:00:00Z', 'old', 'job.yaml:2');
