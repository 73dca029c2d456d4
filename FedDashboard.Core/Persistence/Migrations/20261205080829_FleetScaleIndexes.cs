using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FleetScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Terminals_OnlineUntil",
                table: "Terminals");

            migrationBuilder.AlterTable(
                name: "Terminals")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_Origin",
                table: "Terminals",
                column: "Origin",
                filter: "\"Origin\" = 'Agent'");

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
                name: "IX_Terminals_Origin",
                table: "Terminals");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_Open_TerminalId",
                table: "RoundParticipants");

            migrationBuilder.AlterTable(
                name: "Terminals")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_OnlineUntil",
                table: "Terminals",
                column: "OnlineUntil");
        }
    }
}
