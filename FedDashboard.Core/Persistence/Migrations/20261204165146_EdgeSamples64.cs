using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EdgeSamples64 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Samples",
                table: "EdgeAggregates",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Samples",
                table: "EdgeAggregates",
                type: "integer",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
        }
    }
}
