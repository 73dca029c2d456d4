using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OpenParticipationsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_Open_TerminalId",
                table: "RoundParticipants",
                column: "TerminalId",
                filter: "\"Status\" = 'Assigned' OR \"Status\" = 'Training'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_Open_TerminalId",
                table: "RoundParticipants");
        }
    }
}
