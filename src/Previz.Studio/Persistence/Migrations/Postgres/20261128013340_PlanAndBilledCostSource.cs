using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Previz.Studio.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanAndBilledCostSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BilledCostSource",
                table: "generations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanJson",
                table: "generations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BilledCostSource",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "PlanJson",
                table: "generations");
        }
    }
}
