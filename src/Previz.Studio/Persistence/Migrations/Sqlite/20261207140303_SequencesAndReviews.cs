using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SequencesAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "review_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SequenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GalleryItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sequences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SceneName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sequences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewLinkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_comments_review_links_ReviewLinkId",
                        column: x => x.ReviewLinkId,
                        principalTable: "review_links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sequence_takes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SequenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShotId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GalleryItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sequence_takes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sequence_takes_sequences_SequenceId",
                        column: x => x.SequenceId,
                        principalTable: "sequences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sound_cues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SequenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MediaPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    StartSeconds = table.Column<double>(type: "REAL", nullable: false),
                    GainDb = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sound_cues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sound_cues_sequences_SequenceId",
                        column: x => x.SequenceId,
                        principalTable: "sequences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_comments_ReviewLinkId_CreatedAt",
                table: "review_comments",
                columns: new[] { "ReviewLinkId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_review_links_GalleryItemId",
                table: "review_links",
                column: "GalleryItemId");

            migrationBuilder.CreateIndex(
                name: "IX_review_links_SequenceId",
                table: "review_links",
                column: "SequenceId");

            migrationBuilder.CreateIndex(
                name: "IX_review_links_TokenHash",
                table: "review_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sequence_takes_SequenceId_ShotId",
                table: "sequence_takes",
                columns: new[] { "SequenceId", "ShotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sequences_SceneName",
                table: "sequences",
                column: "SceneName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sound_cues_SequenceId",
                table: "sound_cues",
                column: "SequenceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_comments");

            migrationBuilder.DropTable(
                name: "sequence_takes");

            migrationBuilder.DropTable(
                name: "sound_cues");

            migrationBuilder.DropTable(
                name: "review_links");

            migrationBuilder.DropTable(
                name: "sequences");
        }
    }
}
