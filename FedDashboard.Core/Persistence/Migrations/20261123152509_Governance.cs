using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FedDashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndCondition",
                table: "TrainingJobs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedVersionId",
                table: "TrainingJobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aggregation",
                table: "Rounds",
                type: "jsonb",
                nullable: true);

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

            migrationBuilder.AlterColumn<int>(
                name: "Number",
                table: "ModelVersions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "NotPromotedReason",
                table: "ModelVersions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // No status says "published" any more: the job names its published version. Each existing job hands out its
            // newest approved version, as its next round would have trained from; ended jobs get their end condition.
            migrationBuilder.Sql("""
                UPDATE "ModelVersions" SET "Status" = 'Approved' WHERE "Status" = 'Published';
                UPDATE "TrainingJobs" j SET "PublishedVersionId" = (
                    SELECT v."Id" FROM "ModelVersions" v
                    WHERE v."JobId" = j."Id" AND v."Status" = 'Approved'
                    ORDER BY v."Number" DESC LIMIT 1);
                UPDATE "TrainingJobs" SET "EndCondition" = CASE
                    WHEN "Status" = 'Aborted' THEN 'Aborted'
                    WHEN "EndReason" LIKE 'Reached the target%' THEN 'TargetAccuracy'
                    ELSE 'MaxRounds' END
                WHERE "Status" IN ('Completed', 'Aborted');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_PublishedVersionId",
                table: "TrainingJobs",
                column: "PublishedVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingJobs_ModelVersions_PublishedVersionId",
                table: "TrainingJobs",
                column: "PublishedVersionId",
                principalTable: "ModelVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingJobs_ModelVersions_PublishedVersionId",
                table: "TrainingJobs");

            migrationBuilder.DropIndex(
                name: "IX_TrainingJobs_PublishedVersionId",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "EndCondition",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "PublishedVersionId",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Aggregation",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "FilterReason",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "ValidationAccuracy",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "NotPromotedReason",
                table: "ModelVersions");

            migrationBuilder.AlterColumn<int>(
                name: "Number",
                table: "ModelVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
