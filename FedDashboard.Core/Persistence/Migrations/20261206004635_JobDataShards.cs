using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JobDataShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DataShards",
                table: "TrainingJobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Jobs launched before split their images among their whole fleet.
            migrationBuilder.Sql("""UPDATE "TrainingJobs" SET "DataShards" = "FleetSize";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DataShards",
                table: "TrainingJobs");
        }
    }
}
