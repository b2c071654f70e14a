using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Postgres
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

            migrationBuilder.CreateIndex(
                name: "IX_generation_changes_At",
                table: "generation_changes",
                column: "At");

            // Wakes every serve process that LISTENs (GenerationChangeRelay.Channel) when changes commit; PostgreSQL
            // sends notifications only on commit and folds identical ones of one transaction into one.
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
                name: "generation_changes");
        }
    }
}
