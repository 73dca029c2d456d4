using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_Rounds_RoundId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_Terminals_TerminalId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_TrainingJobs_JobId",
                table: "RewardEntries");

            migrationBuilder.DropIndex(
                name: "IX_RewardEntries_JobId_RoundId_TerminalId",
                table: "RewardEntries");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "RewardEntries",
                newName: "Note");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RewardedAt",
                table: "Rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Adjustment",
                table: "RewardEntries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<decimal>(
                name: "ComputedAmount",
                table: "RewardEntries",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CorrectsEntryId",
                table: "RewardEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "RewardEntries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "system");

            migrationBuilder.AddColumn<int>(
                name: "EdgeId",
                table: "RewardEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "FrequencyMultiplier",
                table: "RewardEntries",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "RewardEntries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Reward");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "RewardEntries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<int>(
                name: "PolicyRevision",
                table: "RewardEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RecencyMultiplier",
                table: "RewardEntries",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SizeMultiplier",
                table: "RewardEntries",
                type: "double precision",
                nullable: true);

            // Rewards made before this migration: the assigning edge from their result, and their rounds count as rewarded.
            migrationBuilder.Sql("""
                UPDATE "RewardEntries" e SET "EdgeId" = p."EdgeId"
                FROM "RoundParticipants" p WHERE p."RoundId" = e."RoundId" AND p."TerminalId" = e."TerminalId";
                DELETE FROM "RewardEntries" WHERE "EdgeId" = 0;
                UPDATE "Rounds" SET "RewardedAt" = "EndedAt" WHERE "Phase" = 'Completed';
                """);

            migrationBuilder.CreateTable(
                name: "PayoutBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PaidBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Scope_EdgeId = table.Column<int>(type: "integer", nullable: true),
                    Scope_From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Scope_JobId = table.Column<int>(type: "integer", nullable: true),
                    Scope_To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayoutBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RewardPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Policy = table.Column<string>(type: "jsonb", nullable: false),
                    PolicyRevision = table.Column<int>(type: "integer", nullable: false),
                    PolicyChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardPrograms", x => x.Id);
                    table.CheckConstraint("CK_RewardPrograms_One", "\"Id\" = 1");
                });

            migrationBuilder.CreateTable(
                name: "PayoutBatchItems",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    Released = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayoutBatchItems", x => new { x.BatchId, x.EntryId });
                    table.ForeignKey(
                        name: "FK_PayoutBatchItems_PayoutBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "PayoutBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PayoutBatchItems_RewardEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RewardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_CorrectsEntryId",
                table: "RewardEntries",
                column: "CorrectsEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_CreatedAt",
                table: "RewardEntries",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_EdgeId",
                table: "RewardEntries",
                column: "EdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_JobId_RoundId_TerminalId",
                table: "RewardEntries",
                columns: new[] { "JobId", "RoundId", "TerminalId" },
                unique: true,
                filter: "\"Kind\" = 'Reward'");

            migrationBuilder.CreateIndex(
                name: "IX_PayoutBatches_Status",
                table: "PayoutBatches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_PayoutBatchItems_EntryId",
                table: "PayoutBatchItems",
                column: "EntryId",
                unique: true,
                filter: "NOT \"Released\"");

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_EdgeServers_EdgeId",
                table: "RewardEntries",
                column: "EdgeId",
                principalTable: "EdgeServers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_RewardEntries_CorrectsEntryId",
                table: "RewardEntries",
                column: "CorrectsEntryId",
                principalTable: "RewardEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_Rounds_RoundId",
                table: "RewardEntries",
                column: "RoundId",
                principalTable: "Rounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_Terminals_TerminalId",
                table: "RewardEntries",
                column: "TerminalId",
                principalTable: "Terminals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_TrainingJobs_JobId",
                table: "RewardEntries",
                column: "JobId",
                principalTable: "TrainingJobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The ledger is append-only and a paid batch is final: the database itself refuses the change.
            migrationBuilder.Sql("""
                CREATE FUNCTION reward_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The reward ledger is append-only; % is not allowed (a correction is a new entry).', TG_OP;
                END $$;
                CREATE TRIGGER reward_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "RewardEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION reward_entries_append_only();

                CREATE FUNCTION payout_batches_final() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'Payout batch % cannot be deleted.', OLD."Id";
                    END IF;
                    IF OLD."Status" = 'Paid' THEN
                        RAISE EXCEPTION 'Payout batch % is paid and can no longer change.', OLD."Id";
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER payout_batches_final BEFORE UPDATE OR DELETE ON "PayoutBatches"
                    FOR EACH ROW EXECUTE FUNCTION payout_batches_final();

                CREATE FUNCTION payout_batch_items_final() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'Payout batch items are never deleted; a rejected batch releases them.';
                    END IF;
                    IF (SELECT "Status" FROM "PayoutBatches" WHERE "Id" = OLD."BatchId") = 'Paid' THEN
                        RAISE EXCEPTION 'Payout batch % is paid and can no longer change.', OLD."BatchId";
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER payout_batch_items_final BEFORE UPDATE OR DELETE ON "PayoutBatchItems"
                    FOR EACH ROW EXECUTE FUNCTION payout_batch_items_final();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reward_entries_append_only ON "RewardEntries";
                DROP FUNCTION reward_entries_append_only();
                DROP TRIGGER payout_batch_items_final ON "PayoutBatchItems";
                DROP FUNCTION payout_batch_items_final();
                DROP TRIGGER payout_batches_final ON "PayoutBatches";
                DROP FUNCTION payout_batches_final();
                """);
            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_EdgeServers_EdgeId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_RewardEntries_CorrectsEntryId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_Rounds_RoundId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_Terminals_TerminalId",
                table: "RewardEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RewardEntries_TrainingJobs_JobId",
                table: "RewardEntries");

            migrationBuilder.DropTable(
                name: "PayoutBatchItems");

            migrationBuilder.DropTable(
                name: "RewardPrograms");

            migrationBuilder.DropTable(
                name: "PayoutBatches");

            migrationBuilder.DropIndex(
                name: "IX_RewardEntries_CorrectsEntryId",
                table: "RewardEntries");

            migrationBuilder.DropIndex(
                name: "IX_RewardEntries_CreatedAt",
                table: "RewardEntries");

            migrationBuilder.DropIndex(
                name: "IX_RewardEntries_EdgeId",
                table: "RewardEntries");

            migrationBuilder.DropIndex(
                name: "IX_RewardEntries_JobId_RoundId_TerminalId",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "RewardedAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Adjustment",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "ComputedAmount",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "CorrectsEntryId",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "EdgeId",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "FrequencyMultiplier",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "PolicyRevision",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "RecencyMultiplier",
                table: "RewardEntries");

            migrationBuilder.DropColumn(
                name: "SizeMultiplier",
                table: "RewardEntries");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "RewardEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "RewardEntries",
                newName: "Reason");

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_JobId_RoundId_TerminalId",
                table: "RewardEntries",
                columns: new[] { "JobId", "RoundId", "TerminalId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_Rounds_RoundId",
                table: "RewardEntries",
                column: "RoundId",
                principalTable: "Rounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_Terminals_TerminalId",
                table: "RewardEntries",
                column: "TerminalId",
                principalTable: "Terminals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RewardEntries_TrainingJobs_JobId",
                table: "RewardEntries",
                column: "JobId",
                principalTable: "TrainingJobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
