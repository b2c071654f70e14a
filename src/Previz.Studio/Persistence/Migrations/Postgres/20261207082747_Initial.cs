using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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
                name: "generation_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GenerationId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: true),
                    QueuePosition = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    NeedsAttention = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_generation_changes", x => x.Id);
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
                    Seed = table.Column<long>(type: "bigint", nullable: true),
                    Duration = table.Column<double>(type: "double precision", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedJobJson = table.Column<string>(type: "text", nullable: true),
                    VendorRequestId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QueuePosition = table.Column<int>(type: "integer", nullable: true),
                    Progress = table.Column<double>(type: "double precision", nullable: true),
                    PollCount = table.Column<int>(type: "integer", nullable: false),
                    StatusErrors = table.Column<int>(type: "integer", nullable: false),
                    NextPollAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NeedsAttention = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ErrorCategory = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    EstimatedCostUsd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    BilledCostUsd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    BilledCostSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PlanJson = table.Column<string>(type: "text", nullable: false),
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

            // serve processes LISTEN for this, so a change committed by any worker reaches them at once.
            migrationBuilder.Sql("""
                CREATE FUNCTION previz_notify_generation_changes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('previz_generation_changes', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER generation_changes_notify AFTER INSERT ON generation_changes
                    FOR EACH STATEMENT EXECUTE FUNCTION previz_notify_generation_changes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS generation_changes_notify ON generation_changes; DROP FUNCTION IF EXISTS previz_notify_generation_changes();");
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
