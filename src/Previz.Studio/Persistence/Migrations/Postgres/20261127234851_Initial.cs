using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GenerationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MediaHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MediaPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PosterPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    DownloadName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ProvenanceJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gallery_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "generations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SceneId = table.Column<Guid>(type: "uuid", nullable: true),
                    SceneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SceneName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ShotId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: false),
                    PromptJson = table.Column<string>(type: "text", nullable: true),
                    Seed = table.Column<long>(type: "bigint", nullable: true),
                    Duration = table.Column<double>(type: "double precision", nullable: false),
                    VendorRequestJson = table.Column<string>(type: "text", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedJobJson = table.Column<string>(type: "text", nullable: true),
                    VendorRequestId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QueuePosition = table.Column<int>(type: "integer", nullable: true),
                    Progress = table.Column<double>(type: "double precision", nullable: true),
                    PollCount = table.Column<int>(type: "integer", nullable: false),
                    StatusErrors = table.Column<int>(type: "integer", nullable: false),
                    NeedsAttention = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ErrorCategory = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    EstimatedCostUsd = table.Column<double>(type: "double precision", nullable: true),
                    BilledCostUsd = table.Column<double>(type: "double precision", nullable: true),
                    RetryOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    GalleryItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_generations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OriginalFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "generations");

            migrationBuilder.DropTable(
                name: "scenes");
        }
    }
}
