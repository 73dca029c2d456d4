using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestHeldOutAndGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Condition_HeldOutSet",
                table: "TrainingRequests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Data_TerminalGroup",
                table: "TrainingRequests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldOutEvaluations",
                columns: table => new
                {
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    SetName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Accuracy = table.Column<double>(type: "double precision", nullable: false),
                    Loss = table.Column<double>(type: "double precision", nullable: false),
                    Samples = table.Column<int>(type: "integer", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldOutEvaluations", x => new { x.VersionId, x.SetName });
                    table.ForeignKey(
                        name: "FK_HeldOutEvaluations_ModelVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldOutEvaluations");

            migrationBuilder.DropColumn(
                name: "Condition_HeldOutSet",
                table: "TrainingRequests");

            migrationBuilder.DropColumn(
                name: "Data_TerminalGroup",
                table: "TrainingRequests");
        }
    }
}
