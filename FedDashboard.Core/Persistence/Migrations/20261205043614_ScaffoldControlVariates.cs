using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ScaffoldControlVariates : Migration
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
                name: "TerminalControls");

            migrationBuilder.DropColumn(
                name: "ControlDeltaHash",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ControlDeltaHash",
                table: "EdgeAggregates");
        }
    }
}
