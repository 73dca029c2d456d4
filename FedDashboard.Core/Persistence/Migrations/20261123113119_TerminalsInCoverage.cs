using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TerminalsInCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Settings_DataSource",
                table: "TrainingJobs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Local");

            migrationBuilder.AddColumn<string>(
                name: "Settings_Segmentation",
                table: "TrainingJobs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<bool>(
                name: "Settings_ShareData",
                table: "TrainingJobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Settings_ShareMaxAgeHours",
                table: "TrainingJobs",
                type: "double precision",
                nullable: false,
                defaultValue: 24.0);

            migrationBuilder.AddColumn<int>(
                name: "Settings_ShareMaxSamples",
                table: "TrainingJobs",
                type: "integer",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "Settings_ShareMaxUses",
                table: "TrainingJobs",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<bool>(
                name: "Settings_ShareRequireAnonymized",
                table: "TrainingJobs",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "App",
                table: "Terminals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DataAnonymized",
                table: "Terminals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DataSamples",
                table: "Terminals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DataUpdatedAt",
                table: "Terminals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WorkRequestedAt",
                table: "Terminals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AssignedWidth",
                table: "RoundParticipants",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<string>(
                name: "DataSource",
                table: "RoundParticipants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Local");

            migrationBuilder.AddColumn<string>(
                name: "Group",
                table: "RoundParticipants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlannedSteps",
                table: "RoundParticipants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacesParticipantId",
                table: "RoundParticipants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportedThroughEdgeId",
                table: "RoundParticipants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Segment",
                table: "RoundParticipants",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SharedSamples",
                table: "RoundParticipants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StepsDone",
                table: "RoundParticipants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SwapReason",
                table: "RoundParticipants",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SwappedAt",
                table: "RoundParticipants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Width",
                table: "RoundParticipants",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<string>(
                name: "Policy",
                table: "EdgeServers",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PolicyChangedAt",
                table: "EdgeServers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyRevision",
                table: "EdgeServers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "EdgeServers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "CoverageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerminalId = table.Column<int>(type: "integer", nullable: false),
                    FromEdgeId = table.Column<int>(type: "integer", nullable: true),
                    ToEdgeId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverageEvents_EdgeServers_FromEdgeId",
                        column: x => x.FromEdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoverageEvents_EdgeServers_ToEdgeId",
                        column: x => x.ToEdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoverageEvents_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharedDataGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    DonorTerminalId = table.Column<int>(type: "integer", nullable: false),
                    Samples = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedDataGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedDataGrants_RoundParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "RoundParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SharedDataGrants_Terminals_DonorTerminalId",
                        column: x => x.DonorTerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TelemetryRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerminalId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EdgeId = table.Column<int>(type: "integer", nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    CpuLoad = table.Column<double>(type: "double precision", nullable: false),
                    Battery = table.Column<double>(type: "double precision", nullable: false),
                    FreeMemoryMb = table.Column<int>(type: "integer", nullable: false),
                    TrainingSamplesPerSecond = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelemetryRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelemetryRecords_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants",
                column: "ReplacesParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants",
                column: "ReportedThroughEdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverageEvents_FromEdgeId",
                table: "CoverageEvents",
                column: "FromEdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverageEvents_TerminalId_At",
                table: "CoverageEvents",
                columns: new[] { "TerminalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CoverageEvents_ToEdgeId",
                table: "CoverageEvents",
                column: "ToEdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedDataGrants_DonorTerminalId",
                table: "SharedDataGrants",
                column: "DonorTerminalId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedDataGrants_ParticipantId_DonorTerminalId",
                table: "SharedDataGrants",
                columns: new[] { "ParticipantId", "DonorTerminalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryRecords_At",
                table: "TelemetryRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryRecords_TerminalId_At",
                table: "TelemetryRecords",
                columns: new[] { "TerminalId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_RoundParticipants_EdgeServers_ReportedThroughEdgeId",
                table: "RoundParticipants",
                column: "ReportedThroughEdgeId",
                principalTable: "EdgeServers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundParticipants_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants",
                column: "ReplacesParticipantId",
                principalTable: "RoundParticipants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Terminals seeded before this migration hold an IID shard of the 60,000 training images like new ones do;
            // their data is as old as their last report, not year 1.
            migrationBuilder.Sql("""
                UPDATE "Terminals"
                SET "DataSamples" = 60000 / (SELECT COUNT(*) FROM "Terminals"), "DataUpdatedAt" = "LastSeen"
                WHERE "DataSamples" = 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RoundParticipants_EdgeServers_ReportedThroughEdgeId",
                table: "RoundParticipants");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundParticipants_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants");

            migrationBuilder.DropTable(
                name: "CoverageEvents");

            migrationBuilder.DropTable(
                name: "SharedDataGrants");

            migrationBuilder.DropTable(
                name: "TelemetryRecords");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "Settings_DataSource",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_Segmentation",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_ShareData",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_ShareMaxAgeHours",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_ShareMaxSamples",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_ShareMaxUses",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Settings_ShareRequireAnonymized",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "App",
                table: "Terminals");

            migrationBuilder.DropColumn(
                name: "DataAnonymized",
                table: "Terminals");

            migrationBuilder.DropColumn(
                name: "DataSamples",
                table: "Terminals");

            migrationBuilder.DropColumn(
                name: "DataUpdatedAt",
                table: "Terminals");

            migrationBuilder.DropColumn(
                name: "WorkRequestedAt",
                table: "Terminals");

            migrationBuilder.DropColumn(
                name: "AssignedWidth",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "DataSource",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "Group",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "PlannedSteps",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ReplacesParticipantId",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ReportedThroughEdgeId",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "Segment",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "SharedSamples",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "StepsDone",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "SwapReason",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "SwappedAt",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "Policy",
                table: "EdgeServers");

            migrationBuilder.DropColumn(
                name: "PolicyChangedAt",
                table: "EdgeServers");

            migrationBuilder.DropColumn(
                name: "PolicyRevision",
                table: "EdgeServers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "EdgeServers");
        }
    }
}
