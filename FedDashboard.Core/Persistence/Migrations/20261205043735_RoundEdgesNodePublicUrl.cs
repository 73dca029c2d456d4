using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RoundEdgesNodePublicUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_RoundEdges_EdgeId",
                table: "RoundEdges",
                column: "EdgeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundEdges");

            migrationBuilder.DropColumn(
                name: "PublicUrl",
                table: "ClusterNodes");
        }
    }
}
