using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResultFiltering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FilterReason",
                table: "RoundParticipants",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValidationAccuracy",
                table: "RoundParticipants",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FilterReason",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ValidationAccuracy",
                table: "RoundParticipants");
        }
    }
}
