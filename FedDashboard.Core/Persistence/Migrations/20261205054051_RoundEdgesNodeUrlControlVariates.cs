using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RoundEdgesNodeUrlControlVariates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ControlDeltaHash",
                table: "RoundParticipants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ControlDeltaHash",
                table: "EdgeAggregates",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicUrl",
                table: "ClusterNodes",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoundEdges",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EdgeId = table.Column<int>(type: "integer", nullable: false),
                    EdgeIndex = table.Column<int>(type: "integer", nullable: false),
                    FirstParticipant = table.Column<int>(type: "integer", nullable: false),
                    Share = table.Column<int>(type: "integer", nullable: false),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    SelectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundEdges", x => new { x.RoundId, x.EdgeId });
                    table.ForeignKey(
                        name: "FK_RoundEdges_EdgeServers_EdgeId",
                        column: x => x.EdgeId,
                        principalTable: "EdgeServers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundEdges_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TerminalControls",
                columns: table => new
                {
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    TerminalId = table.Column<int>(type: "integer", nullable: false),
                    ControlHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TerminalControls", x => new { x.JobId, x.TerminalId });
                    table.ForeignKey(
                        name: "FK_TerminalControls_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TerminalControls_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TerminalControls_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundEdges_EdgeId",
                table: "RoundEdges",
                column: "EdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_TerminalControls_RoundId",
                table: "TerminalControls",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_TerminalControls_TerminalId",
                table: "TerminalControls",
                column: "TerminalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundEdges");

            migrationBuilder.DropTable(
                name: "TerminalControls");

            migrationBuilder.DropColumn(
                name: "ControlDeltaHash",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ControlDeltaHash",
                table: "EdgeAggregates");

            migrationBuilder.DropColumn(
                name: "PublicUrl",
                table: "ClusterNodes");
        }
    }
}
