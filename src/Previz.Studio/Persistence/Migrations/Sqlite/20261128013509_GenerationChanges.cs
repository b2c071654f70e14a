using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GenerationChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_generation_changes_At",
                table: "generation_changes",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "generation_changes");
        }
    }
}
