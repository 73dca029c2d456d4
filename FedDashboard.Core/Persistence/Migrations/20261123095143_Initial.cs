using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EdgeServers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CenterX = table.Column<double>(type: "double precision", nullable: false),
                    CenterY = table.Column<double>(type: "double precision", nullable: false),
                    Radius = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EdgeServers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FleetSize = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Settings_AutoApprove = table.Column<bool>(type: "boolean", nullable: false),
                    Settings_BatchSize = table.Column<int>(type: "integer", nullable: false),
                    Settings_ClientFraction = table.Column<double>(type: "double precision", nullable: false),
                    Settings_EdgeRoundsPerCombination = table.Column<int>(type: "integer", nullable: false),
                    Settings_LearningRate = table.Column<double>(type: "double precision", nullable: false),
                    Settings_LocalEpochs = table.Column<int>(type: "integer", nullable: false),
                    Settings_MaxRounds = table.Column<int>(type: "integer", nullable: false),
                    Settings_Model = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Settings_Partition = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Settings_RoundTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    Settings_Seed = table.Column<int>(type: "integer", nullable: false),
                    Settings_TargetAccuracy = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Terminals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DataOrdinal = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PositionX = table.Column<double>(type: "double precision", nullable: false),
                    PositionY = table.Column<double>(type: "double precision", nullable: false),
                    EdgeId = table.Column<int>(type: "integer", nullable: true),
                    CpuLoad = table.Column<double>(type: "double precision", nullable: false),
                    Battery = table.Column<double>(type: "double precision", nullable: false),
                    FreeMemoryMb = table.Column<int>(type: "integer", nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    TrainingSamplesPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terminals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Terminals_EdgeServers_EdgeId",
                        column: x => x.EdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    ModelHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TestAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    TestLoss = table.Column<double>(type: "double precision", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVersions_ModelVersions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModelVersions_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BaseModelVersionId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ModelVersionId = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_ModelVersions_BaseModelVersionId",
                        column: x => x.BaseModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EdgeAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EdgeId = table.Column<int>(type: "integer", nullable: false),
                    ModelHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Samples = table.Column<int>(type: "integer", nullable: false),
                    Contributors = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EdgeAggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EdgeAggregates_EdgeServers_EdgeId",
                        column: x => x.EdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EdgeAggregates_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    TerminalId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardEntries_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RewardEntries_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RewardEntries_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    TerminalId = table.Column<int>(type: "integer", nullable: false),
                    EdgeId = table.Column<int>(type: "integer", nullable: false),
                    BaseModelHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModelVariant = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Samples = table.Column<int>(type: "integer", nullable: false),
                    TrainLoss = table.Column<double>(type: "double precision", nullable: true),
                    TrainAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    UpdateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_EdgeServers_EdgeId",
                        column: x => x.EdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EdgeAggregates_EdgeId",
                table: "EdgeAggregates",
                column: "EdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_EdgeAggregates_RoundId_EdgeId",
                table: "EdgeAggregates",
                columns: new[] { "RoundId", "EdgeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EdgeServers_Name",
                table: "EdgeServers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_JobId_Number",
                table: "ModelVersions",
                columns: new[] { "JobId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_ParentId",
                table: "ModelVersions",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_RoundId",
                table: "ModelVersions",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_JobId_RoundId_TerminalId",
                table: "RewardEntries",
                columns: new[] { "JobId", "RoundId", "TerminalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_RoundId",
                table: "RewardEntries",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardEntries_TerminalId",
                table: "RewardEntries",
                column: "TerminalId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_EdgeId",
                table: "RoundParticipants",
                column: "EdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_RoundId_TerminalId",
                table: "RoundParticipants",
                columns: new[] { "RoundId", "TerminalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_Status",
                table: "RoundParticipants",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_TerminalId",
                table: "RoundParticipants",
                column: "TerminalId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_BaseModelVersionId",
                table: "Rounds",
                column: "BaseModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_JobId_Number",
                table: "Rounds",
                columns: new[] { "JobId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_ModelVersionId",
                table: "Rounds",
                column: "ModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_DataOrdinal",
                table: "Terminals",
                column: "DataOrdinal",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_EdgeId",
                table: "Terminals",
                column: "EdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_Name",
                table: "Terminals",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EdgeAggregates");

            migrationBuilder.DropTable(
                name: "RewardEntries");

            migrationBuilder.DropTable(
                name: "RoundParticipants");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropTable(
                name: "Terminals");

            migrationBuilder.DropTable(
                name: "ModelVersions");

            migrationBuilder.DropTable(
                name: "EdgeServers");

            migrationBuilder.DropTable(
                name: "TrainingJobs");
        }
    }
}
