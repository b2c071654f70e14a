using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gallery_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GenerationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MediaHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PosterPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    DownloadName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ProvenanceJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gallery_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "generation_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GenerationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: true),
                    QueuePosition = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    NeedsAttention = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_generation_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "generations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SceneId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SceneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SceneName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShotId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: true),
                    Duration = table.Column<double>(type: "REAL", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedJobJson = table.Column<string>(type: "TEXT", nullable: true),
                    VendorRequestId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QueuePosition = table.Column<int>(type: "INTEGER", nullable: true),
                    Progress = table.Column<double>(type: "REAL", nullable: true),
                    PollCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    NextPollAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NeedsAttention = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorCategory = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    EstimatedCostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    BilledCostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    BilledCostSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    RetryOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    GalleryItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_generations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gallery_items_CreatedAt",
                table: "gallery_items",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_gallery_items_GenerationId",
                table: "gallery_items",
                column: "GenerationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_generation_changes_At",
                table: "generation_changes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_generations_CreatedAt",
                table: "generations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_generations_State",
                table: "generations",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_scenes_ContentHash",
                table: "scenes",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_scenes_Name_Version",
                table: "scenes",
                columns: new[] { "Name", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gallery_items");

            migrationBuilder.DropTable(
                name: "generation_changes");

            migrationBuilder.DropTable(
                name: "generations");

            migrationBuilder.DropTable(
                name: "scenes");
        }
    }
}
