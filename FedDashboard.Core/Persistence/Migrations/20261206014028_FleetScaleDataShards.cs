using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FleetScaleDataShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_Status",
                table: "RoundParticipants");

            migrationBuilder.AddColumn<int>(
                name: "DataShards",
                table: "TrainingJobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Jobs launched before split their images among their whole fleet.
            migrationBuilder.Sql("""UPDATE "TrainingJobs" SET "DataShards" = "FleetSize";""");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants",
                column: "ReplacesParticipantId",
                filter: "\"ReplacesParticipantId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_Reported_EndedAt",
                table: "RoundParticipants",
                column: "EndedAt",
                filter: "\"Status\" = 'Reported'");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants",
                column: "ReportedThroughEdgeId",
                filter: "\"ReportedThroughEdgeId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_Reported_EndedAt",
                table: "RoundParticipants");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "DataShards",
                table: "TrainingJobs");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReplacesParticipantId",
                table: "RoundParticipants",
                column: "ReplacesParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReportedThroughEdgeId",
                table: "RoundParticipants",
                column: "ReportedThroughEdgeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_Status",
                table: "RoundParticipants",
                column: "Status");
        }
    }
}
