using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HardeningFourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NeedsAcceptance",
                table: "RewardEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CorrectionDecisions",
                columns: table => new
                {
                    CorrectionId = table.Column<long>(type: "bigint", nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionDecisions", x => x.CorrectionId);
                    table.ForeignKey(
                        name: "FK_CorrectionDecisions_RewardEntries_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "RewardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobPolicyProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    Policy = table.Column<string>(type: "jsonb", nullable: false),
                    BaseRevision = table.Column<int>(type: "integer", nullable: false),
                    Relaxations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPolicyProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPolicyProposals_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobPolicyProposals_JobId",
                table: "JobPolicyProposals",
                column: "JobId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            // A decision on a correction stands like the ledger line it decides on.
            migrationBuilder.Sql("""
                CREATE FUNCTION correction_decisions_final() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'A decision on a correction is final; % is not allowed.', TG_OP;
                END $$;
                CREATE TRIGGER correction_decisions_final BEFORE UPDATE OR DELETE OR TRUNCATE ON "CorrectionDecisions"
                    FOR EACH STATEMENT EXECUTE FUNCTION correction_decisions_final();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER correction_decisions_final ON "CorrectionDecisions";
                DROP FUNCTION correction_decisions_final();
                """);
            migrationBuilder.DropTable(
                name: "CorrectionDecisions");

            migrationBuilder.DropTable(
                name: "JobPolicyProposals");

            migrationBuilder.DropColumn(
                name: "NeedsAcceptance",
                table: "RewardEntries");
        }
    }
}
